#!/usr/bin/env bash
# Install test: Byron's feature goes from the update site zip into a test Eclipse (assembled from Maven Central)
# with the p2 director, then that Eclipse starts (on a display: run under xvfb-run) and its OSGi console is asked
# whether the plug-in is installed, starts, and contributes the .byron content type and its editor binding.
#   install-test.sh <test Eclipse folder> <update site zip> <work folder>
set -euo pipefail
ide=$1 site=$2 work=$3

[ -f "$site" ] || { echo "no update site zip at $site: build the updatesite module first" >&2; exit 1; }
site=$(realpath "$site")
rm -rf "$work" && mkdir -p "$work"
cp -r "$ide" "$work/eclipse"
eclipse=$work/eclipse
launcher=$(ls "$eclipse"/plugins/org.eclipse.equinox.launcher_*.jar)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
fail() { echo "install test: $*" >&2; exit 1; }

# The site refers to LSP4E's and TM4E's release sites, and the plug-in asks for them as optional, greedy needs.
jar=${JAVA_HOME:+$JAVA_HOME/bin/}jar
(cd "$work" && "$jar" xf "$site" content.jar && "$jar" xf content.jar content.xml)
for ref in lsp4e tm4e; do
  grep -q "<repository uri='https://download.eclipse.org/$ref/releases/latest'" "$work/content.xml" \
    || fail "the site does not refer to $ref's release site"
done
for need in org.eclipse.lsp4e org.eclipse.tm4e.registry org.eclipse.tm4e.ui; do
  grep -E "<required namespace='osgi.bundle' name='$need' " "$work/content.xml" | grep "optional='true'" | grep -vq "greedy='false'" \
    || fail "$need is not an optional, greedy requirement of the plug-in"
done

echo "install test: installing dev.byron.eclipse.feature from $(basename "$site") with the p2 director"
start=$(date +%s)
if ! "$java" -jar "$launcher" -nosplash -consoleLog -application org.eclipse.equinox.p2.director \
    -repository "jar:file:$site!/" -installIU dev.byron.eclipse.feature.feature.group \
    -destination "$eclipse" -profile DefaultProfile >"$work/director.log" 2>&1; then
  cat "$work/director.log" >&2
  fail "the p2 director could not install the feature"
fi
echo "install test: installed in $(( $(date +%s) - start )) s"
"$java" -jar "$launcher" -nosplash -application org.eclipse.equinox.p2.director -listInstalledRoots \
    -destination "$eclipse" -profile DefaultProfile >"$work/roots.log" 2>&1 || true
grep -q "^dev.byron.eclipse.feature.feature.group/" "$work/roots.log" \
  || { cat "$work/roots.log" >&2; fail "the feature is not an installed root"; }
compgen -G "$eclipse/plugins/dev.byron.eclipse_*.jar" >/dev/null || fail "the plug-in is not in plugins/"

echo "install test: starting the installed Eclipse with its OSGi console"
mkfifo "$work/console"
"$java" -jar "$launcher" -nosplash -consoleLog -console -data "$work/workspace" \
  <"$work/console" >"$work/eclipse.log" 2>&1 &
pid=$!
exec 3>"$work/console"
trap 'kill $pid 2>/dev/null || true' EXIT

wait_for() {
  for _ in $(seq 1 90); do
    grep -qE "$1" "$work/eclipse.log" && return 0
    kill -0 $pid 2>/dev/null || { cat "$work/eclipse.log" >&2; fail "Eclipse ended while waiting for: $1"; }
    sleep 1
  done
  cat "$work/eclipse.log" >&2
  fail "timed out waiting for: $1"
}
ask() { echo "$1" >&3; }

wait_for "g!"
ask "ss org.eclipse.ui.ide.application"
wait_for "ACTIVE +org.eclipse.ui.ide.application_"
ask "ss dev.byron.eclipse"
wait_for "(RESOLVED|STARTING|ACTIVE) +dev.byron.eclipse_"
id=$(grep -oE "^[0-9]+\s+(RESOLVED|STARTING|ACTIVE) +dev.byron.eclipse_" "$work/eclipse.log" | head -1 | cut -f1)
ask "start $id"
ask "ss dev.byron.eclipse"
wait_for "ACTIVE +dev.byron.eclipse_"
ask "ns -v dev.byron.eclipse"
wait_for "org.eclipse.core.contenttype.contentTypes"
wait_for "org.eclipse.ui.editors"
# Closing the framework while the workbench is still starting (a slow machine) makes the workbench report an
# error of its own shutdown: only errors from before the close count against the install.
before_close=$(wc -c <"$work/eclipse.log")
ask "close"
ask "y"
exec 3>&-
for _ in $(seq 1 60); do kill -0 $pid 2>/dev/null || break; sleep 1; done
if head -c "$before_close" "$work/eclipse.log" | grep -q "Application error"; then
  cat "$work/eclipse.log" >&2
  fail "the workbench reported an application error"
fi
echo "install test: passed (the console session is in $work/eclipse.log)"

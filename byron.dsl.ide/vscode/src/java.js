'use strict';
// Finding the Java that runs the language server: the byron.java.home setting, then JAVA_HOME, then PATH.
const fs = require('fs');
const path = require('path');
const childProcess = require('child_process');

const MINIMUM_JAVA = 17;
const HOW_TO_FIX = `Install a JDK ${MINIMUM_JAVA} or newer and set "byron.java.home" (or JAVA_HOME) to its folder.`;

function javaExecutable(home, platform) {
  return path.join(home, 'bin', platform === 'win32' ? 'java.exe' : 'java');
}

/**
 * @returns {{ok: true, path: string, source: string} | {ok: false, message: string}}
 */
function findJava({ setting, env, platform = process.platform, exists = fs.existsSync }) {
  if (setting && setting.trim()) {
    const java = javaExecutable(setting.trim(), platform);
    return exists(java)
      ? { ok: true, path: java, source: 'the byron.java.home setting' }
      : { ok: false, message: `Byron: "byron.java.home" is set to ${setting}, but ${java} does not exist. ${HOW_TO_FIX}` };
  }
  if (env.JAVA_HOME) {
    const java = javaExecutable(env.JAVA_HOME, platform);
    if (exists(java)) {
      return { ok: true, path: java, source: 'JAVA_HOME' };
    }
  }
  const separator = platform === 'win32' ? ';' : ':';
  for (const folder of (env.PATH || '').split(separator)) {
    if (!folder) {
      continue;
    }
    const java = path.join(folder, platform === 'win32' ? 'java.exe' : 'java');
    if (exists(java)) {
      return { ok: true, path: java, source: 'PATH' };
    }
  }
  return { ok: false, message: `Byron: no Java found for the Byron language server (looked at byron.java.home, JAVA_HOME and PATH). ${HOW_TO_FIX}` };
}

/** The major version `java -version` prints ("17.0.15" -> 17, "1.8.0_392" -> 8), or undefined. */
function parseJavaVersion(versionOutput) {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput || '');
  if (!match) {
    return undefined;
  }
  const major = Number(match[1]);
  return major === 1 && match[2] ? Number(match[2]) : major;
}

/** Checks that the Java found is recent enough; the message says what to do when it is not. */
function checkJavaVersion(javaPath, run = childProcess.spawnSync) {
  const result = run(javaPath, ['-version'], { encoding: 'utf8' });
  const major = parseJavaVersion(`${result.stderr || ''}${result.stdout || ''}`);
  if (major === undefined) {
    return { ok: false, message: `Byron: could not run ${javaPath} -version. ${HOW_TO_FIX}` };
  }
  if (major < MINIMUM_JAVA) {
    return { ok: false, message: `Byron: ${javaPath} is Java ${major}; the language server needs Java ${MINIMUM_JAVA} or newer. ${HOW_TO_FIX}` };
  }
  return { ok: true, major };
}

/**
 * The collector may spend up to a fifth of the time instead of a twelfth before it grows the heap: each growth put the
 * next second of edits into memory never touched before, and a 5,000-line model's diagnostics took three times as
 * long for it (docs/benchmarks.md). `./byron lsp` and `./byron studio` start the JVM the same way.
 */
const HEAP_GROWTH = ['-XX:GCTimeRatio=4'];

/**
 * The command line that starts the server jar on stdio; {@code sharing} is what {@link classDataSharing} gave. The
 * user's vmargs come after the extension's options, so the JVM takes theirs where both set one.
 */
function serverArgs(jar, vmargs, sharing = []) {
  const options = (vmargs || '').split(/\s+/).filter(Boolean);
  const own = options.some((o) => /^-Xshare|SharedArchiveFile|ArchiveClassesAtExit/.test(o));
  return [...(own ? [] : sharing), ...HEAP_GROWTH, ...options, '-jar', jar];
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * Class-data sharing for the server, as `./byron lsp` has it: the first start of a jar records the classes it
 * loads into an archive in the extension's storage (written by the JVM when the server exits, under a name of its
 * own, and taken up by a later start once that JVM is gone); later starts map the archive instead of loading and
 * verifying the classes again. The archive is named after the jar's size and time, so an updated extension makes
 * its own. The JVM's own messages are turned off: a warning on stdout would break the protocol. Empty when the
 * storage cannot be written.
 */
function classDataSharing(jar, storage, { fs: files = fs, isAlive = alive, pid = process.pid } = {}) {
  try {
    const stat = files.statSync(jar);
    files.mkdirSync(storage, { recursive: true });
    const archive = path.join(storage, `byron-language-server-${stat.size}-${Math.trunc(stat.mtimeMs)}.jsa`);
    const prefix = path.basename(archive) + '.';
    for (const name of files.readdirSync(storage)) {
      const writer = Number(name.slice(prefix.length, -'.tmp'.length));
      if (name.startsWith(prefix) && name.endsWith('.tmp') && !isAlive(writer) && files.statSync(path.join(storage, name)).size > 0) {
        files.renameSync(path.join(storage, name), archive);
      }
    }
    return files.existsSync(archive)
      ? ['-Xshare:auto', '-Xlog:disable', `-XX:SharedArchiveFile=${archive}`]
      : ['-Xshare:auto', '-Xlog:disable', `-XX:ArchiveClassesAtExit=${archive}.${pid}.tmp`];
  } catch (e) {
    return [];
  }
}

module.exports = { findJava, parseJavaVersion, checkJavaVersion, serverArgs, classDataSharing, MINIMUM_JAVA, HEAP_GROWTH };

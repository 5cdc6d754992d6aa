#!/usr/bin/env bash
# Bundles the web studio's editor (CodeMirror 6 and its LSP client, pinned in package-lock.json) into the
# modeler's classes, so that `byron studio --web` needs no Node at run time. Without npm only this step is
# skipped, and it says so: the page then edits in a plain text area.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "[byron] npm not found: the web studio's editor is not bundled (the page falls back to a plain text area)."
  exit 0
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build

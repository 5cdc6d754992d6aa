#!/usr/bin/env bash
# The extension's tests without VS Code: grammar, Java lookup, the .vsix contents, and the server started
# the way the extension starts it. Skipped, with a message, where npm is missing.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "[byron] npm not found: the VS Code extension's tests are skipped."
  exit 0
fi
npm test

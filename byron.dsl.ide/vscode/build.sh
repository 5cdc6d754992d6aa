#!/usr/bin/env bash
# Builds the VS Code extension into ../target/byron-<version>.vsix around the language server jar the
# Maven build just made. Without npm only this step is skipped, and it says so.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "[byron] npm not found: the VS Code extension (.vsix) is not built. Install Node.js 20+ with npm to build it."
  exit 0
fi
mkdir -p server
cp ../target/byron-language-server.jar server/
# the diagram's drawing code is the one the web studio uses, kept in byron.diagram
cp ../../byron.diagram/src/main/resources/dev/byron/diagram/diagram-view.js media/
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build
npx --no-install vsce package --no-dependencies --skip-license --allow-missing-repository -o ../target/

'use strict';
// The TextMate grammar against the annotated files in test/grammar (vscode-tmgrammar-test's format).
const { test } = require('node:test');
const assert = require('node:assert');
const path = require('path');
const { spawnSync } = require('child_process');

test('the TextMate grammar gives every annotated token its scope', () => {
  const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js');
  const root = path.join(__dirname, '..');
  const result = spawnSync(process.execPath, [cli, '-g', 'syntaxes/byron.tmLanguage.json', 'test/grammar/*.byron'],
    { cwd: root, encoding: 'utf8' });
  assert.strictEqual(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /declarations\.byron run successfuly/);
  assert.match(result.stdout, /behaviour\.byron run successfuly/);
});

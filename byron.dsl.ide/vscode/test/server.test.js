'use strict';
// The language server started the way the extension starts it, spoken to with vscode-jsonrpc.
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { spawn, spawnSync } = require('child_process');
const rpc = require('vscode-jsonrpc/node');
const { findJava, checkJavaVersion, serverArgs, classDataSharing } = require('../src/java');

const jar = path.join(__dirname, '..', 'server', 'byron-language-server.jar');

test('the server answers initialize and publishes diagnostics with Byron codes', { timeout: 120000 }, async () => {
  const java = findJava({ setting: process.env.BYRON_TEST_JAVA_HOME, env: process.env });
  assert.ok(java.ok, java.message);
  assert.ok(checkJavaVersion(java.path).ok);
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'byron-vscode-'));
  const file = path.join(project, 'model.byron');
  const text = 'system demo\ncomponent demo {\n  entity Item {\n    name: Strng\n  }\n}\n';
  fs.writeFileSync(file, text);
  const server = spawn(java.path, serverArgs(jar, '-Xmx256m'), { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout),
    new rpc.StreamMessageWriter(server.stdin));
  const uri = pathToFileURL(file).toString();
  const diagnostics = new Promise((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      if (params.uri === uri) {
        resolve(params.diagnostics);
      }
    });
  });
  connection.listen();
  try {
    const result = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(project).toString(),
      capabilities: { workspace: {}, textDocument: {} },
    });
    assert.ok(result.capabilities.completionProvider);
    assert.ok(result.capabilities.renameProvider);
    connection.sendNotification('initialized', {});
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'byron', version: 1, text } });
    const published = await diagnostics;
    assert.deepStrictEqual(published.map((d) => d.code), ['unknown-type']);
    assert.deepStrictEqual(published[0].range.start, { line: 3, character: 10 });
    assert.match(published[0].message, /Did you mean 'String'\?/);
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    const code = await new Promise((resolve) => server.on('exit', resolve));
    assert.strictEqual(code, 0);
  } finally {
    connection.dispose();
    server.kill();
    fs.rmSync(project, { recursive: true, force: true });
  }
});

test('the first start records the classes the server loads, and the next one starts from that archive', { timeout: 180000 }, async () => {
  const java = findJava({ setting: process.env.BYRON_TEST_JAVA_HOME, env: process.env });
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'byron-vscode-storage-'));
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'byron-vscode-'));
  const host = 4194304 + 4242; // an extension host that is gone: above Linux's largest pid
  try {
    const recording = classDataSharing(jar, storage, { pid: host });
    assert.ok(recording.some((o) => o.startsWith('-XX:ArchiveClassesAtExit=')), recording.join(' '));
    const server = spawn(java.path, serverArgs(jar, '', recording), { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(project).toString(), capabilities: {} });
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    assert.strictEqual(await new Promise((resolve) => server.on('exit', resolve)), 0);
    connection.dispose();

    const mapping = classDataSharing(jar, storage);
    const archive = mapping.find((o) => o.startsWith('-XX:SharedArchiveFile=')).slice('-XX:SharedArchiveFile='.length);
    assert.ok(fs.statSync(archive).size > 1000000, 'the archive holds the classes');
    // -Xshare:on fails to start when the archive cannot be mapped; the server ends when its input does
    const mapped = spawnSync(java.path, ['-Xshare:on', `-XX:SharedArchiveFile=${archive}`, '-jar', jar], { input: '', encoding: 'utf8' });
    assert.strictEqual(mapped.status, 0, mapped.stdout + mapped.stderr);
  } finally {
    fs.rmSync(storage, { recursive: true, force: true });
    fs.rmSync(project, { recursive: true, force: true });
  }
});

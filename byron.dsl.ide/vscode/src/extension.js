'use strict';
const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { findJava, checkJavaVersion, serverArgs } = require('./java');

let client;

async function activate(context) {
  const config = vscode.workspace.getConfiguration('byron');
  const java = findJava({ setting: config.get('java.home'), env: process.env });
  if (!java.ok) {
    vscode.window.showErrorMessage(java.message);
    return;
  }
  const version = checkJavaVersion(java.path);
  if (!version.ok) {
    vscode.window.showErrorMessage(version.message);
    return;
  }
  const jar = context.asAbsolutePath(path.join('server', 'byron-language-server.jar'));
  const serverOptions = { command: java.path, args: serverArgs(jar, config.get('server.vmargs')) };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'byron' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.byron') },
  };
  client = new LanguageClient('byron', 'Byron Language Server', serverOptions, clientOptions);
  context.subscriptions.push(vscode.commands.registerCommand('byron.restartServer', () => client.restart()));
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

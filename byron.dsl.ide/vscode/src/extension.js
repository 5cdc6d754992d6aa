'use strict';
const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { findJava, checkJavaVersion, serverArgs, classDataSharing } = require('./java');
const { webviewHtml, createDiagramController } = require('./diagram');

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
  const sharing = classDataSharing(jar, context.globalStorageUri.fsPath);
  const serverOptions = { command: java.path, args: serverArgs(jar, config.get('server.vmargs'), sharing) };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'byron' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.byron') },
  };
  client = new LanguageClient('byron', 'Byron Language Server', serverOptions, clientOptions);
  context.subscriptions.push(vscode.commands.registerCommand('byron.restartServer', () => client.restart()));
  context.subscriptions.push(vscode.commands.registerCommand('byron.openDiagram', () => openDiagram(context)));
  await client.start();
}

/** The workspace's diagram in a webview beside the editor, following the texts as they are typed. */
function openDiagram(context) {
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  const panel = vscode.window.createWebviewPanel('byronDiagram', 'Byron Diagram', vscode.ViewColumn.Beside,
    { enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: true });
  const script = (name) => panel.webview.asWebviewUri(vscode.Uri.joinPath(media, name)).toString();
  panel.webview.html = webviewHtml({ cspSource: panel.webview.cspSource, nonce: require('crypto').randomBytes(16).toString('hex'),
    diagramScript: script('diagram-view.js'), webviewScript: script('webview.js') });
  const active = vscode.window.activeTextEditor;
  const model = active && active.document.languageId === 'byron' ? active.document.uri.toString() : null;
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  const controller = createDiagramController({
    uri: () => model || (folder && folder.uri.toString()),
    request: (method, params) => client.sendRequest(method, params),
    post: (message) => panel.webview.postMessage(message),
    reveal: async (file, offset, length) => {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(file));
      const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    },
    pickEvent: (subscriber, publisher, events) => vscode.window.showQuickPick(events,
      { placeHolder: `${subscriber} subscribes to an event of ${publisher}` }),
    applyEdit: async (edit) => vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit)),
  });
  panel.webview.onDidReceiveMessage((message) => controller.receive(message), undefined, context.subscriptions);
  let pending;
  const typed = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.languageId === 'byron') {
      clearTimeout(pending);
      pending = setTimeout(() => controller.refresh(), 300);
    }
  });
  const moved = vscode.window.onDidChangeTextEditorSelection((e) => {
    if (e.textEditor.document.languageId === 'byron') {
      controller.caret(e.textEditor.document.uri.toString(), e.textEditor.document.offsetAt(e.selections[0].active));
    }
  });
  panel.onDidDispose(() => {
    typed.dispose();
    moved.dispose();
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

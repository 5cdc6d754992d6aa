'use strict';
// "Byron: Open Diagram": the workspace's C4 diagram in a webview beside the editor, laid out by the language
// server the extension already runs (byron/diagram, byron/move, byron/relayout, byron/subscribe). What the webview and the
// extension say to each other lives here without VS Code, so that a browser test can drive it against a real
// server; extension.js hands it VS Code's editor, pickers and edits.

/** The webview's page: the shared diagram script, the webview's own, a level chooser. */
function webviewHtml({ cspSource, nonce, diagramScript, webviewScript }) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy"
    content="default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
  <title>Byron Diagram</title>
  <style>
    body { margin: 0; font-family: var(--vscode-font-family, sans-serif); background: #fff; color: #223;
      height: 100vh; display: flex; flex-direction: column; }
    #diagram { flex: 1; overflow: auto; } /* scrolls, so that Ctrl+wheel zooms and a drag on the background pans */
    header { display: flex; gap: 10px; align-items: center; padding: 6px 10px; border-bottom: 1px solid #ccd; background: #f4f6f8; }
    #status { color: #667; }
    #status.error { color: #c0392b; }
    #diagram svg { max-width: none; }
    #diagram g.node { cursor: pointer; }
    #diagram g.node.selected rect, #diagram g.node.selected path { stroke: #f0ad4e; stroke-width: 4; vector-effect: non-scaling-stroke; }
  </style>
</head>
<body>
  <header>
    <label>Level <select id="level">
      <option value="context">Context</option>
      <option value="containers" selected>Containers</option>
      <option value="component">Component</option>
    </select></label>
    <select id="component" disabled></select>
    <button id="relayout" hidden title="lay this view out afresh, forgetting where its boxes were put">Lay out again</button>
    <span id="status" role="status">Laying out…</span>
  </header>
  <section id="diagram" aria-label="the C4 diagram"></section>
  <script nonce="${nonce}" src="${diagramScript}"></script>
  <script nonce="${nonce}" src="${webviewScript}"></script>
</body>
</html>`;
}

/**
 * The extension's side of the webview. {@code request(method, params)} asks the language server;
 * {@code post(message)} reaches the webview; {@code reveal(uri, offset, length)} shows a declaration in the
 * editor; {@code pickEvent(subscriber, publisher, events)} asks which event (undefined: none);
 * {@code applyEdit(workspaceEdit)} makes the server's edit in the editor's documents. {@code uri} is a model
 * file of the workspace.
 */
function createDiagramController({ uri, request, post, reveal, pickEvent, applyEdit }) {
  let view = { level: 'containers', component: null };
  let page = null;

  async function refresh() {
    try {
      page = await request('byron/diagram', { uri: uri(), level: view.level, component: view.component });
      post({ type: 'diagram', page, view });
    } catch (e) {
      post({ type: 'error', message: String(e.message || e) });
    }
  }

  async function receive(message) {
    switch (message.type) {
      case 'ready':
        return refresh();
      case 'view':
        view = { level: message.level, component: message.component || null };
        return refresh();
      case 'reveal':
        return reveal(message.file, message.offset, message.length);
      case 'move':
        page = await request('byron/move', { uri: uri(), level: view.level, component: view.component, id: message.id, x: message.x, y: message.y });
        return post({ type: 'diagram', page, view });
      case 'relayout':
        page = await request('byron/relayout', { uri: uri(), level: view.level, component: view.component });
        return post({ type: 'diagram', page, view });
      case 'subscribe': {
        const all = (page && page.events[message.publisher]) || [];
        const taken = new Set((page && page.subscribed && page.subscribed[message.subscriber]) || []);
        const events = all.filter((name) => !taken.has(`${message.publisher}.${name}`)); // no hook registered twice
        if (!events.length) {
          return post({ type: 'error', message: all.length ? `${message.subscriber} already reacts to every event of ${message.publisher}.`
            : `${message.publisher} publishes no event to subscribe to.` });
        }
        const event = await pickEvent(message.subscriber, message.publisher, events);
        if (!event) {
          return undefined;
        }
        const edit = await request('byron/subscribe', { uri: uri(), subscriber: message.subscriber, publisher: message.publisher, event });
        return applyEdit(edit);
      }
      default:
        return undefined;
    }
  }

  /** The editor's cursor moved to {@code offset} in the model file {@code file} (a URI): the webview marks its box. */
  function caret(file, offset) {
    return post({ type: 'caret', file, offset });
  }

  return { receive, refresh, caret };
}

module.exports = { webviewHtml, createDiagramController };

// The webview's side of "Byron: Open Diagram": draws what the extension sends with the shared diagram script and
// tells the extension what the pointer did.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const $ = (id) => document.getElementById(id);

  let shown = null;
  let cursor = null;
  // URIs as VS Code and the server write them can differ in escaping (file:///a%20b vs file:///a b)
  const same = (a, b) => decodeURIComponent(a) === decodeURIComponent(b);

  // the box of the innermost declaration that holds the editor's cursor, marked and brought into view
  const markCursor = () => {
    if (!shown || !cursor) {
      return;
    }
    window.ByronDiagram.markAt($('diagram'), shown, cursor.file, cursor.offset, same);
  };

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'caret') {
      cursor = { file: message.file, offset: message.offset };
      markCursor();
      return;
    }
    if (message.type === 'error') {
      $('status').textContent = message.message;
      $('status').classList.add('error');
      return;
    }
    if (message.type !== 'diagram') {
      return;
    }
    const { page, view } = message;
    $('status').classList.remove('error');
    $('status').textContent = `system ${page.system}: ${page.components.length} components`;
    $('relayout').hidden = !page.kept;
    const choice = $('component');
    choice.replaceChildren(...page.components.map((name) => new Option(name, name, false, name === view.component)));
    window.ByronDiagram.show($('diagram'), page, {
      select: (declaration) => declaration && vscode.postMessage({ type: 'reveal', file: declaration.file,
        offset: declaration.offset, length: declaration.length }),
      subscribe: (subscriber, publisher) => vscode.postMessage({ type: 'subscribe', subscriber, publisher }),
      move: (id, x, y) => vscode.postMessage({ type: 'move', id, x, y }),
    });
    shown = page;
    markCursor();
  });

  const changeView = (event) => {
    $('component').disabled = $('level').value !== 'component';
    // the Component level opens on the component the editor's cursor is in, rather than the first by name
    const holding = shown && cursor && window.ByronDiagram.componentAt(shown, cursor.file, cursor.offset, same);
    if (event.target === $('level') && $('level').value === 'component' && holding) {
      $('component').value = holding;
    }
    vscode.postMessage({ type: 'view', level: $('level').value, component: $('component').value || null });
  };
  $('level').onchange = changeView;
  $('component').onchange = changeView;
  $('relayout').onclick = () => vscode.postMessage({ type: 'relayout' });
  vscode.postMessage({ type: 'ready' });
})();

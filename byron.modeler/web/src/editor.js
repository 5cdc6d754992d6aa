// The web studio's editor: one CodeMirror view per file of the project (shown one at a time, each with its own
// undo history, a change made in several files undone as one), every model file open in the Byron language server, which the page reaches over a WebSocket.
// Diagnostics, completion, hover, rename (F2), format (Shift-Alt-F) and go to definition (F12) come from the
// server through @codemirror/lsp-client; quick fixes (Ctrl-. or Alt-Enter, or the problem's tooltip) from its
// code actions.
import { basicSetup } from 'codemirror';
import { EditorView, keymap, showDialog } from '@codemirror/view';
import { EditorState, Annotation, Prec, Transaction, StateField, RangeSet, RangeValue } from '@codemirror/state';
import { undo, redo, undoDepth, redoDepth, isolateHistory, historyField } from '@codemirror/commands';
import { StreamLanguage, indentUnit } from '@codemirror/language';
import { setDiagnostics } from '@codemirror/lint';
import { LSPClient, LSPPlugin, Workspace, languageServerExtensions, renameSymbol } from '@codemirror/lsp-client';

/** Marks a transaction that puts the disk's text in an editor: not an edit of the user's. */
const fromDisk = Annotation.define();

/** A span of own text: text inserted at either of its ends (another tab's line beside it) is not its own. */
const OWN = new (class extends RangeValue {
  constructor() {
    super();
    this.startSide = 1;
    this.endSide = -1;
  }
})();

/**
 * The text this page put in a file itself (typed, pasted, brought back by undo), kept through every later change. A
 * change from elsewhere that removes some of it is an undo step here (Ctrl+Z brings this page's text back); one that
 * removes only text others wrote stays out of this page's history, so Ctrl+Z never brings that text back.
 */
const ownText = StateField.define({
  create: () => RangeSet.empty,
  update(ranges, tr) {
    let mapped = ranges.map(tr.changes);
    if (tr.docChanged && !tr.annotation(fromDisk)) {
      const added = [];
      tr.changes.iterChangedRanges((fromA, toA, fromB, toB) => {
        if (toB > fromB) {
          added.push(OWN.range(fromB, toB));
        }
      });
      mapped = mapped.update({ add: added, sort: true });
      if (mapped.size > 64) { // each key adds a span: spans that touch become one, so a long session stays small
        mapped = coalesced(mapped);
      }
    }
    return mapped;
  },
  toJSON(ranges) {
    const spans = [];
    for (const at = ranges.iter(); at.value; at.next()) {
      spans.push([at.from, at.to]);
    }
    return spans;
  },
  fromJSON: (spans, state) => RangeSet.of(spans.filter(([from, to]) => to > from && to <= state.doc.length)
    .map(([from, to]) => OWN.range(from, to)), true),
});

/** The same text as fewer spans: those that overlap or touch joined. */
function coalesced(ranges) {
  const spans = [];
  for (const at = ranges.iter(); at.value; at.next()) {
    const last = spans[spans.length - 1];
    if (last && at.from <= last[1]) {
      last[1] = Math.max(last[1], at.to);
    } else {
      spans.push([at.from, at.to]);
    }
  }
  return RangeSet.of(spans.map(([from, to]) => OWN.range(from, to)));
}

/** Whether text this page put in the file lies in [from, to). */
function ownBetween(state, from, to) {
  let found = false;
  state.field(ownText, false)?.between(from, to, (a, b) => {
    if (a < to && b > from) {
      found = true;
      return false;
    }
    return undefined;
  });
  return found;
}

/** Byron's highlighting, from the server's word lists (the desktop editor's, so there is one list). */
function byronLanguage(words) {
  const kinds = new Map();
  (words.keyword || []).forEach((w) => kinds.set(w, 'keyword'));
  (words.scalar || []).forEach((w) => kinds.set(w, 'typeName'));
  (words.constant || []).forEach((w) => kinds.set(w, 'atom'));
  return StreamLanguage.define({
    name: 'byron',
    startState: () => ({ inComment: false, depth: 0 }),
    copyState: (state) => ({ ...state }),
    // a line is indented one unit per brace open before it; a line that starts by closing one, one less
    indent: (state, textAfter, context) => Math.max(0, state.depth - (/^\s*[}\]]/.test(textAfter) ? 1 : 0)) * context.unit,
    token(stream, state) {
      if (state.inComment || stream.match('/*')) {
        state.inComment = true;
        while (!stream.eol()) {
          if (stream.match('*/')) {
            state.inComment = false;
            break;
          }
          stream.next();
        }
        return 'comment';
      }
      if (stream.eatSpace()) {
        return null;
      }
      if (stream.match('//')) {
        stream.skipToEnd();
        return 'comment';
      }
      if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) {
        return 'string';
      }
      if (stream.match(/^@[A-Za-z_]\w*/)) {
        return 'meta';
      }
      if (stream.match(/^-?\d+(?:\.\d+)?/)) {
        return 'number';
      }
      if (stream.match(/^[A-Za-z_][\w-]*/)) {
        const word = stream.current();
        return kinds.get(word) || (/^[A-Z]/.test(word) ? 'className' : 'variableName');
      }
      const ch = stream.next();
      if (ch === '{' || ch === '[') {
        state.depth++;
      } else if (ch === '}' || ch === ']') {
        state.depth = Math.max(0, state.depth - 1);
      }
      return null;
    },
    languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } }, indentOnInput: /^\s*[}\]]$/ },
  });
}

/**
 * A refused rename (or another request that failed) says why in a panel over the text, which the next key or 10
 * seconds close: the library's stood there until closed by hand.
 */
LSPPlugin.prototype.reportError = function reportError(message, err) {
  const view = this.view;
  const { close } = showDialog(view, { label: `${message}: ${err.message || err}`, class: 'cm-lsp-message cm-lsp-message-error',
    top: true });
  const done = () => {
    clearTimeout(timer);
    view.dom.removeEventListener('keydown', done, true);
    view.dispatch({ effects: close });
  };
  const timer = setTimeout(done, 10000);
  view.dom.addEventListener('keydown', done, true);
};

/**
 * A rename the server cancelled is asked for again, once. Xtext's server cancels every request in progress when a
 * change reaches it (another file saved, a change from another tab): the answer would be stale. The user asked for
 * the rename once and sees no reason it should not happen; the library would show "Rename request failed" instead.
 * A hover it cancelled (the text changed under the pointer) shows nothing, as one over whitespace: the library
 * logged it as an error ("hover tooltip: [object Object]").
 */
const CANCELLED = -32800;
const libraryRequest = LSPClient.prototype.request;
LSPClient.prototype.request = function request(method, params) {
  const asked = libraryRequest.call(this, method, params);
  if (method === 'textDocument/hover') {
    return asked.catch((err) => {
      if (err && err.code === CANCELLED) {
        return null;
      }
      throw err;
    });
  }
  if (method !== 'textDocument/rename') {
    return asked;
  }
  return asked.catch((err) => {
    if (err && err.code === CANCELLED) {
      this.sync();
      return libraryRequest.call(this, method, params);
    }
    throw err;
  });
};

/**
 * F2 as the library's, with the new name checked while it is typed: the server's rename is asked for the name and not
 * applied, so the naming rules have one source (the server's), and a refused name is said under the field, where
 * Enter does not take it.
 */
function renameChecked(view) {
  const word = view.state.wordAt(view.state.selection.main.head);
  const plugin = LSPPlugin.get(view);
  if (!word || !plugin || !renameSymbol(view)) {
    return false;
  }
  const panel = view.dom.querySelector('.cm-lsp-rename-panel');
  const input = panel && panel.querySelector('[name=name]');
  if (!input || input.dataset.checked) {
    return true;
  }
  input.dataset.checked = 'yes';
  const original = view.state.sliceDoc(word.from, word.to);
  const said = document.createElement('div');
  said.className = 'cm-lsp-rename-problem';
  said.setAttribute('role', 'alert');
  panel.appendChild(said);
  let refused = null; // the name the problem said is about
  const show = (problem, name) => {
    input.setCustomValidity(problem);
    said.textContent = problem;
    refused = problem ? name : null;
  };
  input.addEventListener('keydown', (event) => { // before the dialog's own Enter, which would send the name
    if (event.key === 'Enter' && refused !== null && input.value === refused) {
      event.preventDefault();
      event.stopPropagation();
    }
  });
  let timer;
  let asked = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const name = input.value;
    const mine = ++asked;
    if (!name.trim() || name === original) {
      show(name.trim() ? '' : 'Type the new name.', name);
      return;
    }
    timer = setTimeout(() => {
      plugin.client.sync();
      plugin.client.request('textDocument/rename', { newName: name, position: plugin.toPosition(word.from),
        textDocument: { uri: plugin.uri } })
        .then(() => mine === asked && show('', name), (err) => mine === asked && show(String(err.message || err), name));
    }, 120);
  });
  return true;
}

/**
 * A change made in several files at once (a rename, a fix, an edit from the diagram) is undone and redone as one:
 * Ctrl+Z in any of its files takes it back in all of them, once it is the last change of that file (a file typed in
 * since undoes its typing first). A file changed since in another way keeps that change: only the files whose
 * history still ends with the group's part are taken back.
 */
class UndoGroups {
  constructor(viewOf, kept) {
    this.viewOf = viewOf;
    this.done = (kept?.done || []).map((group) => new Map(group));
    this.undone = (kept?.undone || []).map((group) => new Map(group));
    this.open = null;
  }

  /** The groups as JSON can hold them, for {@link keepHistories}. */
  toJSON() {
    return { done: this.done.map((group) => [...group]), undone: this.undone.map((group) => [...group]) };
  }

  /**
   * Makes a file's part of a change: its own undo step, kept apart from what was typed just before it, grouped with
   * the parts the same run of the page's code makes in other files.
   */
  dispatch(path, spec) {
    this.viewOf(path).dispatch(spec, { annotations: isolateHistory.of('full') });
    this.changed(path);
  }

  changed(path) {
    if (!this.open) {
      this.open = new Set();
      queueMicrotask(() => this.close());
    }
    this.open.add(path);
  }

  close() {
    const paths = [...this.open];
    this.open = null;
    if (paths.length > 1) {
      this.done.push(new Map(paths.map((p) => [p, undoDepth(this.viewOf(p).state)])));
      this.undone = [];
    }
  }

  undo(path) {
    return this.step(path, this.done, this.undone, undoDepth, undo, redoDepth);
  }

  redo(path) {
    return this.step(path, this.undone, this.done, redoDepth, redo, undoDepth);
  }

  /** Undoes (or redoes) the group whose part is {@code path}'s next step, in every file; false when there is none. */
  step(path, from, to, depth, command, otherDepth) {
    const view = this.viewOf(path);
    const index = from.findLastIndex((group) => group.has(path));
    if (index < 0 || from[index].get(path) !== depth(view.state)) {
      return false;
    }
    const [group] = from.splice(index, 1);
    const back = new Map();
    for (const [p, d] of group) {
      const other = this.viewOf(p);
      if (other && depth(other.state) === d) {
        command(other);
        back.set(p, otherDepth(other.state));
      }
    }
    to.push(back);
    return true;
  }
}

/**
 * Every model file stays open in the server while the page is there (a rename reaches files not on screen);
 * a file the server asks to show (go to definition) is brought forward.
 */
class StudioWorkspace extends Workspace {
  constructor(client, editor) {
    super(client);
    this.editor = editor;
    this.files = [];
    this.versions = {};
  }

  nextVersion(uri) {
    this.versions[uri] = (this.versions[uri] ?? -1) + 1;
    return this.versions[uri];
  }

  syncFiles() {
    const updates = [];
    for (const file of this.files) {
      const plugin = LSPPlugin.get(file.view);
      if (plugin && !plugin.unsyncedChanges.empty) {
        updates.push({ changes: plugin.unsyncedChanges, file, prevDoc: file.doc });
        file.doc = file.view.state.doc;
        file.version = this.nextVersion(file.uri);
        plugin.clear();
      }
    }
    return updates;
  }

  openFile(uri, languageId, view) {
    if (this.getFile(uri)) {
      return;
    }
    const file = { uri, languageId, version: this.nextVersion(uri), doc: view.state.doc, view, getView: () => view };
    this.files.push(file);
    this.client.didOpen(file);
  }

  closeFile(uri) {
    const file = this.getFile(uri);
    if (file) {
      this.files = this.files.filter((f) => f !== file);
      this.client.didClose(uri);
    }
  }

  /** A server's change to a file (a rename's part of it): one undoable step, grouped with its other files'. */
  updateFile(uri, update) {
    const path = this.editor.pathOf(uri);
    const view = path == null ? null : this.editor.viewOf(path);
    if (view) {
      this.editor.groups.dispatch(path, update);
    }
  }

  async displayFile(uri) {
    const path = this.editor.pathOf(uri);
    if (path == null) {
      return null;
    }
    this.editor.show(path);
    this.editor.followed(path); // the server showed it (go to definition): the page follows
    return this.editor.viewOf(path);
  }
}

/** The WebSocket to the server, as the LSP client wants it; a closed socket is reported, not retried in silence. */
function socketTransport(url, onClose) {
  let handlers = [];
  const socket = new WebSocket(url);
  socket.onmessage = (e) => handlers.forEach((h) => h(String(e.data)));
  socket.onclose = onClose;
  return new Promise((resolve, reject) => {
    socket.onerror = () => reject(new Error('no language server at ' + url));
    socket.onopen = () => resolve({
      send: (message) => socket.send(message),
      subscribe: (handler) => handlers.push(handler),
      unsubscribe: (handler) => {
        handlers = handlers.filter((h) => h !== handler);
      },
    });
  });
}

const SEVERITIES = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/**
 * Starts the editor in {@code parent} for {@code files} ({path, uri, model, text}); {@code onChange(path, text)}
 * hears every edit (typed, undone, or made from the diagram) and not the disk's texts; {@code onCaret(path, offset)}
 * hears where the cursor goes.
 */
/**
 * A reload keeps each file's undo history: the page leaving writes every editor's state, history included, to the
 * tab's sessionStorage, and the page coming back takes a file's state from there when its text is still the one the
 * server holds (an edit from another tab or the disk since starts that file afresh). A tab closed and opened again
 * (its sessionStorage gone with it) finds the histories the last tab to leave wrote to the browser's localStorage,
 * by the same check. A history too large to keep is not kept.
 */
function keptHistories(rootUri) {
  for (const storage of [sessionStorage, localStorage]) {
    try {
      const kept = JSON.parse(storage.getItem('byron-history:' + rootUri) || 'null');
      if (kept) {
        return kept;
      }
    } catch (e) {
      // unreadable: looked for in the next storage
    }
  }
  return null;
}

function keepHistories(rootUri, views, groups) {
  const states = {};
  for (const [path, view] of views) {
    states[path] = view.state.toJSON({ history: historyField, own: ownText });
  }
  const kept = JSON.stringify({ states, groups });
  for (const storage of [sessionStorage, localStorage]) {
    try {
      storage.setItem('byron-history:' + rootUri, kept);
    } catch (e) {
      storage.removeItem('byron-history:' + rootUri); // over the storage's quota: the next page starts afresh
    }
  }
}

export async function startEditor({ parent, files, rootUri, syntax, socketUrl, onChange, onStatus, onCaret = () => {},
  onShown = () => {} }) {
  const views = new Map();
  const byUri = new Map();
  const raw = new Map(); // the server's diagnostics by uri, as it sent them: their codes pick the quick fixes
  const language = byronLanguage(syntax);
  let current = null;
  const kept = keptHistories(rootUri);

  const editor = {
    groups: new UndoGroups((path) => views.get(path), kept?.groups),
    pathOf: (uri) => byUri.get(uri) ?? null,
    followed: (path) => onShown(path),
    viewOf: (path) => views.get(path),
    show(path) {
      if (current === path) {
        return;
      }
      const typing = current !== null && views.get(current)?.hasFocus; // F12 into another file: the keys follow it
      current = path;
      for (const [p, view] of views) {
        view.dom.hidden = p !== path;
      }
      const shown = ensure(files.find((f) => f.path === path));
      if (typing && shown) {
        shown.focus();
      }
    },
  };

  const client = new LSPClient({
    rootUri,
    timeout: 10000,
    workspace: (c) => new StudioWorkspace(c, editor),
    extensions: languageServerExtensions(),
    notificationHandlers: {
      // before the library's own handler: the same lint markers, with a quick fix offered on each
      'textDocument/publishDiagnostics': (c, params) => {
        raw.set(params.uri, params.diagnostics);
        const file = c.workspace.getFile(params.uri);
        const view = file && file.getView();
        const plugin = view && LSPPlugin.get(view);
        if (!plugin || (params.version != null && params.version !== file.version)) {
          return false;
        }
        // Xtext's diagnostics name no version: those of a text the page has changed since (a later publication
        // brings that text's) may point past its end, and are not drawn
        const synced = plugin.syncedDoc;
        const mark = (fixable) => {
          if (plugin.syncedDoc !== synced) {
            return;
          }
          const at = (p) => plugin.unsyncedChanges.mapPos(plugin.fromPosition(p, plugin.syncedDoc));
          let marks;
          try {
            marks = params.diagnostics.map((d) => ({
              from: at(d.range.start),
              to: at(d.range.end),
              severity: SEVERITIES[d.severity ?? 1],
              message: d.code ? `${d.message} [${d.code}]` : d.message,
              actions: fixable.has(d) ? [{ name: 'Quick fix…', apply: (v, from) => quickFix(v, from) }] : [],
            }));
          } catch (e) {
            if (e instanceof RangeError) {
              return;
            }
            throw e;
          }
          view.dispatch(setDiagnostics(view.state, marks));
        };
        mark(new Set());
        // one request for the fixes of them all: Quick fix… is offered on those that have one
        const coded = params.diagnostics.filter((d) => d.code);
        if (coded.length) {
          c.request('textDocument/codeAction', {
            textDocument: { uri: params.uri },
            range: { start: { line: 0, character: 0 }, end: { line: view.state.doc.lines, character: 0 } },
            context: { diagnostics: coded },
          }).then((actions) => {
            const same = (a, b) => a.code === b.code && a.message === b.message && a.range.start.line === b.range.start.line
              && a.range.start.character === b.range.start.character;
            const fixable = new Set(coded.filter((d) => (actions || []).some((a) => a.edit
              && (a.diagnostics || []).some((fixed) => same(fixed, d)))));
            if (fixable.size && raw.get(params.uri) === params.diagnostics && (params.version == null || params.version === file.version)) {
              mark(fixable); // still the problems shown
            }
          }, () => {});
        }
        return true;
      },
    },
  });

  async function quickFix(view, pos) {
    const plugin = LSPPlugin.get(view);
    if (!plugin) {
      return;
    }
    client.sync();
    const line = view.state.doc.lineAt(pos);
    const here = plugin.toPosition(pos);
    const diagnostics = (raw.get(plugin.uri) || []).filter((d) => d.range.start.line <= here.line && d.range.end.line >= here.line);
    if (!diagnostics.length) {
      onStatus(`No problem on line ${line.number} to fix.`);
      return;
    }
    const actions = await client.withMapping((mapping) => client.request('textDocument/codeAction', {
      textDocument: { uri: plugin.uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    }).then((found) => ({ found: (found || []).filter((a) => a.edit), mapping })));
    if (!actions.found.length) {
      onStatus(`No quick fix for: ${diagnostics[0].message}`);
      return;
    }
    chooseFix(view, pos, actions.found, (action) => applyWorkspaceEdit(action.edit));
  }

  /** A small menu of the fixes at the cursor; Enter or a click applies one, Escape closes it. */
  function chooseFix(view, pos, actions, apply) {
    document.querySelector('.byron-fixes')?.remove();
    const menu = document.createElement('div');
    menu.className = 'byron-fixes';
    menu.setAttribute('role', 'menu');
    const coords = view.coordsAtPos(pos) || { left: 40, bottom: 40 };
    menu.style.left = coords.left + 'px';
    menu.style.top = coords.bottom + 4 + 'px';
    for (const action of actions) {
      const button = document.createElement('button');
      button.setAttribute('role', 'menuitem');
      button.textContent = action.title;
      button.onclick = () => {
        menu.remove();
        apply(action);
        view.focus();
      };
      button.onkeydown = (e) => {
        if (e.key === 'Escape') {
          menu.remove();
          view.focus();
        }
      };
      menu.append(button);
    }
    document.body.append(menu);
    menu.querySelector('button').focus();
  }

  /** A server's edit of several files, each file's part one undoable change. */
  function applyWorkspaceEdit(edit) {
    const changes = { ...(edit.changes || {}) };
    for (const documentChange of edit.documentChanges || []) {
      if (documentChange.textDocument) {
        changes[documentChange.textDocument.uri] = documentChange.edits;
      }
    }
    for (const uri of Object.keys(changes)) {
      const view = views.get(byUri.get(uri));
      const plugin = view && LSPPlugin.get(view);
      if (!plugin) {
        onStatus(`The fix changes ${uri}, which is not open here.`);
        continue;
      }
      const at = (p) => plugin.unsyncedChanges.mapPos(plugin.fromPosition(p, plugin.syncedDoc));
      editor.groups.dispatch(byUri.get(uri), {
        changes: changes[uri].map((e) => ({ from: at(e.range.start), to: at(e.range.end), insert: e.newText })),
        userEvent: 'input.quickfix',
      });
    }
  }

  const fixKeys = keymap.of([
    { key: 'F2', run: renameChecked, preventDefault: true },
    { key: 'Mod-.', run: (view) => (quickFix(view, view.state.selection.main.head), true) },
    { key: 'Alt-Enter', run: (view) => (quickFix(view, view.state.selection.main.head), true) },
  ]);

  /** The file's state as the page left it before a reload, if its text is still the server's. */
  function keptState(file, extensions) {
    const state = kept?.states?.[file.path];
    if (!state || state.doc !== file.text) {
      return null;
    }
    try {
      return EditorState.fromJSON(state, { extensions }, { history: historyField, own: ownText });
    } catch (e) {
      return null;
    }
  }

  window.addEventListener('pagehide', () => keepHistories(rootUri, views, editor.groups.toJSON()));

  /** The indentation a file already uses (its first indented line's), so that Enter and Tab keep to it. */
  function indentOf(text) {
    const first = /^([ \t]+)\S/m.exec(text);
    if (first && first[1].startsWith('\t')) {
      return '\t';
    }
    return first && first[1].length === 4 ? '    ' : '  ';
  }

  const extensionsOf = new Map();

  function ensure(file) {
    if (!file) {
      return null;
    }
    let view = views.get(file.path);
    if (view) {
      return view;
    }
    const extensions = [
      basicSetup,
      indentUnit.of(indentOf(file.text)),
      ownText,
      fixKeys,
      Prec.highest(keymap.of([
        { key: 'Mod-z', run: () => editor.groups.undo(file.path) },
        { key: 'Mod-y', mac: 'Mod-Shift-z', run: () => editor.groups.redo(file.path) },
        { linux: 'Mod-Shift-z', win: 'Mod-Shift-z', run: () => editor.groups.redo(file.path) },
      ])),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !update.transactions.some((t) => t.annotation(fromDisk))) {
          onChange(file.path, update.state.doc.toString());
        }
        if (update.selectionSet && update.view.hasFocus) {
          onCaret(file.path, update.state.selection.main.head);
        }
      }),
    ];
    if (file.model) {
      extensions.push(language, client.plugin(file.uri, 'byron'));
    }
    extensionsOf.set(file.path, extensions);
    view = new EditorView({ state: keptState(file, extensions) || EditorState.create({ doc: file.text, extensions }), parent });
    view.dom.hidden = file.path !== current;
    view.dom.dataset.path = file.path;
    views.set(file.path, view);
    byUri.set(file.uri, file.path);
    return view;
  }

  client.connect(await socketTransport(socketUrl, () => onStatus('The language server connection closed: reload the page to reconnect.')));
  await client.initializing;
  for (const file of files.filter((f) => f.model)) {
    ensure(file);
  }

  return {
    client,
    show: (path) => editor.show(path),
    current: () => current,
    view: (path) => views.get(path),
    text: (path) => views.get(path)?.state.doc.toString(),
    /** Selects a range of a file, in view and focused. */
    select(path, offset, length, focus = true) {
      editor.show(path);
      const view = views.get(path);
      const end = Math.min(offset + length, view.state.doc.length);
      view.dispatch({ selection: { anchor: Math.min(offset, end), head: end }, scrollIntoView: true });
      if (focus) {
        view.focus();
      }
    },
    /**
     * The disk's or another tab's text for a file, replacing the editor's where it differs: not an edit (nothing to
     * send). Undo can go back over it, unless {@code undoable} is false: then it stays, and undo takes back the
     * edits made here before and after it (another tab's change is not this tab's to undo). With 'if-own', undo can
     * go back over it when it removes text this page put there: undoing it brings that text back, where the history
     * mapped through the removal would cut the new text apart.
     */
    setText(path, text, { undoable = true } = {}) {
      const view = views.get(path);
      const old = view?.state.doc.toString();
      if (!view || old === text) {
        return;
      }
      let from = 0;
      while (from < old.length && from < text.length && old[from] === text[from]) {
        from++;
      }
      let end = 0;
      while (end < old.length - from && end < text.length - from && old[old.length - 1 - end] === text[text.length - 1 - end]) {
        end++;
      }
      const undoing = undoable === 'if-own' ? ownBetween(view.state, from, old.length - end) : undoable;
      // an undoable change from elsewhere is an undo step of its own, never joined to the typing beside it
      const annotations = undoing ? [fromDisk.of(true), isolateHistory.of('full')]
        : [fromDisk.of(true), Transaction.addToHistory.of(false)];
      view.dispatch({ changes: { from, to: old.length - end, insert: text.slice(from, text.length - end) }, annotations });
    },
    /**
     * The disk's text for a file with nothing unsaved here: its history starts afresh, as a file just opened. What was
     * typed before is saved, and undoing it now would bring back text the disk's change replaced, which the next
     * save would write over that change (an outside tester lost a teammate's line so).
     */
    reloaded(path, text) {
      const view = views.get(path);
      if (!view) {
        return;
      }
      this.setText(path, text, { undoable: false });
      const top = view.scrollDOM.scrollTop;
      const json = view.state.toJSON({ own: ownText });
      view.setState(EditorState.fromJSON({ ...json, own: [] }, { extensions: extensionsOf.get(path) }, { own: ownText }));
      view.scrollDOM.scrollTop = top;
    },
    /** Edits from the diagram ({path, offset, length, text}), one undoable change per file. */
    applyEdits(edits) {
      const byPath = new Map();
      edits.forEach((e) => byPath.set(e.path, [...(byPath.get(e.path) || []), e]));
      for (const [path, fileEdits] of byPath) {
        const view = ensure(files.find((f) => f.path === path));
        editor.groups.dispatch(path, {
          changes: fileEdits.map((e) => ({ from: e.offset, to: e.offset + e.length, insert: e.text })),
          userEvent: 'input.diagram',
        });
        view.focus(); // where Ctrl+Z takes it back, in every file it changed
      }
    },
    /** How many steps a file's history can undo and redo. */
    history: (path) => ({ undo: undoDepth(views.get(path).state), redo: redoDepth(views.get(path).state) }),
    // as Ctrl+Z in the file: a change made in several files at once in all of them, else the file's own last change
    undo: (path) => editor.groups.undo(path) || undo(views.get(path)),
    redo: (path) => editor.groups.redo(path) || redo(views.get(path)),
    /** A file deleted on disk: closed in the server, its view gone. */
    remove(path) {
      const view = views.get(path);
      if (!view) {
        return;
      }
      const uri = [...byUri].find(([, p]) => p === path)?.[0];
      if (uri) {
        client.workspace.closeFile(uri);
        byUri.delete(uri);
      }
      views.delete(path);
      view.destroy();
      if (current === path) {
        current = null;
      }
    },
    /** A file that appeared on disk, once it is among the page's files. */
    add(file) {
      if (file.model) {
        ensure(file);
      }
    },
  };
}

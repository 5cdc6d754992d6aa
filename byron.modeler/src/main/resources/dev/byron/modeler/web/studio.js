// Byron Studio in the browser: the texts are edited here, the server reads the model and lays the diagram out
// (the same code as the desktop studio), and this page shows what it answers.
const $ = (id) => document.getElementById(id);
const state = { files: [], current: null, analysis: null, sending: {}, queued: {}, sent: true, generation: 0,
  edits: 0, moves: { done: [], undone: [] }, tab: Math.random().toString(36).slice(2), typed: new Set(), conflictSeen: {},
  asking: new Set(), toldAskedElsewhere: new Set(), unsent: new Set(), seq: 0, closedFolders: new Set(), listings: 0 };

async function load() {
  // the picture is asked for with the files, not after them: the studio draws it while it sends them
  state.firstAnalysis = fetch('/api/analysis?open=1&' + viewQuery());
  const project = await (await fetch('/api/project?open=1&' + viewQuery())).json();
  $('folder').textContent = project.folder;
  $('folder').title = project.folder;
  state.instance = project.instance;
  state.files = project.files;
  state.catalogue = project.catalogue;
  state.viewKey = 'byron-view:' + project.rootUri;
  // a reload looks where the tab looked before it: the text cursor's box is marked, not scrolled to, until the user acts
  state.lookKept = sessionStorage.getItem(state.viewKey + '?' + viewQuery()) !== null;
  const pictured = new Promise((resolve) => { state.onPicture = resolve; });
  const drawn = analyse();
  state.rootUri = project.rootUri;
  JSON.parse(sessionStorage.getItem('byron-closed:' + state.rootUri) || '[]').forEach((folder) => state.closedFolders.add(folder));
  // the editor and its language server start once the picture is up: on a machine of two cores they would slow its
  // drawing by as much as they take (the language server reads and checks the whole model as it starts)
  await Promise.race([pictured, drawn.catch(() => {})]);
  state.editor = await codeEditor(project) || textArea();
  // a reload shows the file shown before it (kept for this tab); a first visit, the one declaring components
  const before = sessionStorage.getItem('byron-shown:' + project.rootUri);
  state.shownKey = 'byron-shown:' + project.rootUri;
  const first = state.files.find((f) => f.path === before) || state.files.find((f) => f.model && /^component\s/m.test(f.text))
    || state.files[0];
  show(first.path);
  sendAgainWhatWasNotSent();
  // the files this tab typed in before it was reloaded: still its own to be asked about
  JSON.parse(sessionStorage.getItem('byron-typed:' + state.rootUri) || '[]').forEach((path) => state.typed.add(path));
  sessionStorage.removeItem('byron-typed:' + state.rootUri);
  const told = sessionStorage.getItem('byron-notice:' + state.rootUri); // said before the page reloaded itself
  if (told) {
    sessionStorage.removeItem('byron-notice:' + state.rootUri);
    notice(told, 20000);
  }
  await drawn;
}

/**
 * The editor with the language server (CodeMirror, bundled at build time); null when this build has no bundle or
 * the server cannot be reached, and the page edits in a plain text area.
 */
async function codeEditor(project) {
  let module;
  try {
    module = await import('/editor.js');
  } catch (e) {
    return null;
  }
  try {
    const editor = await module.startEditor({
      parent: $('editor'),
      files: state.files,
      rootUri: project.rootUri,
      syntax: await (await fetch('/api/syntax')).json(),
      socketUrl: `ws://${location.host}/lsp`,
      onChange: edited,
      onCaret: (path, offset) => {
        state.caret = { path, offset };
        markCaret();
      },
      onStatus: (text) => {
        $('status').textContent = text;
      },
      onShown: (path) => { // a file the editor showed by itself (go to definition): the list and the picture follow
        if (path !== state.current) {
          show(path);
        }
      },
    });
    $('text').hidden = true;
    document.body.classList.add('code-editor');
    return editor;
  } catch (e) {
    $('status').textContent = 'Editing as plain text: ' + e.message;
    return null;
  }
}

/** The plain text area, with the same operations as the code editor. */
function textArea() {
  const area = $('text');
  area.addEventListener('input', () => edited(state.current, area.value));
  return {
    show: (path) => {
      area.value = file(path).text;
    },
    select(path, offset, length, focus = true) {
      if (focus) {
        area.focus();
      }
      area.setSelectionRange(offset, offset + length);
      // bring the selection into view: the line it starts on, near the top
      const line = area.value.slice(0, offset).split('\n').length - 1;
      area.scrollTop = Math.max(0, line * (parseFloat(getComputedStyle(area).lineHeight) || 18) - 40);
    },
    setText(path, text) {
      if (state.current === path) {
        area.value = text;
      }
    },
    reloaded(path, text) { // the browser's undo of a text area ends where its value is set
      this.setText(path, text);
    },
    // typed into the text area as the user types, so that the browser's undo takes the edits back
    applyEdits(edits) {
      const byFile = new Map();
      edits.forEach((e) => byFile.set(e.path, [...(byFile.get(e.path) || []), e]));
      for (const [path, fileEdits] of byFile) {
        if (state.current !== path) {
          show(path);
        }
        for (const edit of fileEdits.sort((a, b) => b.offset - a.offset)) {
          area.focus();
          area.setSelectionRange(edit.offset, edit.offset + edit.length);
          document.execCommand('insertText', false, edit.text);
        }
      }
    },
    add: () => { },
    remove: () => { },
  };
}

/** "1 error", "2 errors". */
function count(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function file(path) {
  return state.files.find((f) => f.path === path);
}

/** Lists the files in the server's order (the model's files, then the Java files); whether that moved any. */
function listInOrder(paths) {
  const rank = (f) => (paths.indexOf(f.path) + paths.length + 1) % (paths.length + 1); // unknown ones last
  const before = state.files.map((f) => f.path).join('\n');
  state.files.sort((a, b) => rank(a) - rank(b));
  return state.files.map((f) => f.path).join('\n') !== before;
}

/**
 * The project's files as a tree, the way file lists show one: in each folder its sub-folders first, by name, then its
 * files in the project's order (the model's, then the Java code's); a folder holding only one folder shows as one row
 * with both names (hooks/src/main/java). Rows of a closed folder are not drawn.
 */
function fileRows(files, closed) {
  const root = { path: '', folders: new Map(), files: [] };
  for (const f of files) {
    let at = root;
    for (const name of f.path.split('/').slice(0, -1)) {
      if (!at.folders.has(name)) {
        at.folders.set(name, { name, path: at.path + name + '/', folders: new Map(), files: [] });
      }
      at = at.folders.get(name);
    }
    at.files.push(f);
  }
  const rows = [];
  const walk = (folder, level) => {
    for (const name of [...folder.folders.keys()].sort()) {
      let sub = folder.folders.get(name);
      let label = sub.name;
      while (!sub.files.length && sub.folders.size === 1) {
        sub = [...sub.folders.values()][0];
        label += '/' + sub.name;
      }
      const open = !closed.has(sub.path);
      rows.push({ folder: sub.path, label, level, open });
      if (open) {
        walk(sub, level + 1);
      }
    }
    folder.files.forEach((f) => rows.push({ file: f, label: f.path.slice(folder.path.length), level }));
  };
  walk(root, 0);
  return rows;
}

function renderFiles() {
  const list = $('files');
  const focused = list.contains(document.activeElement) ? document.activeElement.dataset.path ?? document.activeElement.dataset.folder : null;
  list.replaceChildren(...fileRows(state.files, state.closedFolders).map((row) => {
    const item = document.createElement('li');
    item.textContent = row.label;
    item.setAttribute('role', 'treeitem');
    item.setAttribute('aria-level', String(row.level + 1));
    item.style.paddingLeft = `${10 + row.level * 14}px`;
    if (row.folder) {
      item.dataset.folder = row.folder;
      item.classList.add('folder');
      item.setAttribute('aria-expanded', String(row.open));
      item.title = row.folder + (row.open ? '' : ' (closed: click to open)');
      // the one stop for Tab when it hides the file shown
      item.tabIndex = !row.open && state.current?.startsWith(row.folder) ? 0 : -1;
      item.onclick = () => toggleFolder(row.folder);
      return item;
    }
    const f = row.file;
    item.title = f.path + (f.modified ? ' (changed, not saved)' : '');
    item.dataset.path = f.path;
    item.setAttribute('aria-selected', String(f.path === state.current));
    item.tabIndex = f.path === state.current ? 0 : -1; // one stop for Tab; the arrows go through the rows
    item.classList.toggle('current', f.path === state.current);
    item.classList.toggle('modified', f.modified);
    const emptied = f.model && f.modified && !f.text.trim(); // deleted by the next save
    item.classList.toggle('emptied', emptied);
    if (emptied) {
      item.title = f.path + ' (emptied: the next save deletes it; Ctrl+Z in it brings its text back)';
    }
    item.onclick = () => show(f.path);
    return item;
  }));
  if (focused !== null) {
    list.querySelector(`li[data-path="${CSS.escape(focused)}"], li[data-folder="${CSS.escape(focused)}"]`)?.focus();
  }
}

/** A folder of the list opened or closed (kept for this tab over a reload). */
function toggleFolder(folder, open = state.closedFolders.has(folder)) {
  if (open) {
    state.closedFolders.delete(folder);
  } else {
    state.closedFolders.add(folder);
  }
  if (state.rootUri) {
    sessionStorage.setItem('byron-closed:' + state.rootUri, JSON.stringify([...state.closedFolders]));
  }
  const focused = document.activeElement?.dataset?.folder === folder;
  renderFiles();
  if (focused || !open) {
    $('files').querySelector(`li[data-folder="${CSS.escape(folder)}"]`)?.focus();
  }
}

/** An item of the page's menu: chosen, the menu goes and the action runs. */
function menuItem(label, action) {
  const button = document.createElement('button');
  button.textContent = label;
  button.onclick = async () => {
    $('menu').hidden = true;
    await action();
  };
  return button;
}

// The file list's menu (right-click, Shift+F10 or the menu key on a file): a new model file, and a model file renamed
// or deleted. Renaming moves the text to the new file and empties the old one, deleting deletes the text: undoable edits
// like any other (Ctrl+Z), which the next save makes on disk (an emptied model file is deleted when saved).
function fileMenu(path, x, y, from, folder = '') {
  const menu = $('menu');
  const items = [menuItem(folder ? `New file in ${folder}…` : 'New file…', async () => {
    const name = await askName('New model file (e.g. billing.byron, or orders/billing.byron in a folder):', 'file', folder, '', !folder);
    const made = name && await newFile(name);
    if (made) {
      show(made.path);
      state.editor.view?.(made.path)?.focus();
    }
  })];
  const f = file(path);
  if (f?.model) {
    items.push(menuItem(`Rename ${path}…`, async () => {
      const name = await askName(`Rename ${path} to:`, 'file', path);
      const made = name && name !== path && await newFile(name);
      if (made) { // one change in both files: Ctrl+Z in either takes it back
        applyEdits([{ path: made.path, offset: 0, length: 0, text: f.text },
          { path, offset: 0, length: f.text.length, text: '' }], made.path);
        notice(`${path} moved to ${made.path}; the next save writes it and deletes ${path} (Ctrl+Z takes it back)`);
      }
    }), menuItem(`Delete ${path}`, () => {
      applyEdits([{ path, offset: 0, length: f.text.length, text: '' }]);
      notice(`${path} emptied: the next save deletes it (Ctrl+Z brings its text back)`);
    }));
  }
  menu.replaceChildren(...items);
  showMenuAt(menu, x, y, from);
}

/** Makes a new, empty model file in the studio and lists it here; null (said in the header) when it cannot be. */
async function newFile(name) {
  const answer = await fetch('/api/new-file?path=' + encodeURIComponent(name), { method: 'POST' });
  if (!answer.ok) {
    $('status').textContent = await answer.text();
    return null;
  }
  const made = await answer.json();
  made.listedAt = ++state.listings; // not let go by a look at the studio that left before the file was made
  state.files.push(made); // listed last until the next look at the studio puts it in the studio's order
  state.editor.add(made);
  renderFiles();
  return made;
}

$('files').parentElement.addEventListener('contextmenu', (e) => { // the list's whole pane: below the last file too
  const item = e.target.closest('li');
  e.preventDefault();
  fileMenu(item?.dataset.path, e.clientX, e.clientY, item || $('files'), item?.dataset.folder);
});

/**
 * The file list by keyboard: the arrows, Home and End show the file they come to; Enter puts the keyboard in its text;
 * Shift+F10 or the menu key opens its menu.
 */
$('files').addEventListener('keydown', (e) => {
  const items = [...$('files').children];
  const at = items.indexOf(document.activeElement);
  if (at < 0) {
    return;
  }
  const to = { ArrowDown: Math.min(items.length - 1, at + 1), ArrowUp: Math.max(0, at - 1), Home: 0, End: items.length - 1 }[e.key];
  const folder = items[at].dataset.folder;
  if (folder !== undefined) { // a folder's row: Enter, Space and the side arrows open and close it; its menu makes a file in it
    const open = { Enter: undefined, ' ': undefined, ArrowRight: true, ArrowLeft: false }[e.key];
    if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      e.preventDefault();
      const place = items[at].getBoundingClientRect();
      fileMenu(undefined, place.left + 16, place.bottom, items[at], folder);
    } else if (e.key in { Enter: 1, ' ': 1, ArrowRight: 1, ArrowLeft: 1 }) {
      e.preventDefault();
      toggleFolder(folder, open ?? state.closedFolders.has(folder));
    } else if (to !== undefined) {
      e.preventDefault();
      moveInFiles(items[to]);
    }
    return;
  }
  if (e.key === 'Enter') {
    e.preventDefault();
    show(items[at].dataset.path);
    state.editor.view?.(items[at].dataset.path)?.focus();
  } else if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
    e.preventDefault();
    const place = items[at].getBoundingClientRect();
    fileMenu(items[at].dataset.path, place.left + 16, place.bottom, items[at]);
  } else if (to !== undefined) {
    e.preventDefault();
    moveInFiles(items[to]);
  }
});

/** The keyboard to a row of the file list: a file's is shown, a folder's takes the keyboard only. */
function moveInFiles(row) {
  if (row.dataset.folder !== undefined) {
    row.focus();
    return;
  }
  const path = row.dataset.path;
  show(path);
  $('files').querySelector(`li[data-path="${CSS.escape(path)}"]`)?.focus();
}

function show(path) {
  state.current = path;
  // a file shown (from the picture, a problem, go to definition) is listed: the folders it is in open
  [...state.closedFolders].filter((folder) => path.startsWith(folder)).forEach((folder) => state.closedFolders.delete(folder));
  if (state.shownKey) {
    sessionStorage.setItem(state.shownKey, path);
  }
  state.editor.show(path);
  renderFiles();
  const view = state.editor.view && state.editor.view(path); // the cursor is now the one of the file shown
  state.caret = view ? { path, offset: view.state.selection.main.head } : null;
  markCaret();
}

/**
 * Selects a declaration's text, in the file shown. With {@code focus} false (a box clicked, a name found) the keyboard
 * stays out of the text, so that the next key does not type over the selection: a double-click on the box edits it.
 */
function select(path, offset, length, focus = true) {
  if (state.current !== path) {
    show(path);
  }
  state.caret = { path, offset };
  state.editor.select(path, offset, length, focus);
  state.shownSelection = !focus && length > 0 ? { path, offset, length } : null;
  if (!focus && document.activeElement?.closest?.('#editor, #text')) {
    $('diagram').focus({ preventScroll: true });
  }
  markCaret();
}

// A declaration selected to show it (a box clicked, a name found) is not text to type over: the keyboard coming into the
// editor (Tab) finds the cursor at its start, so a key pressed then adds, and does not replace the whole component.
$('editor').addEventListener('focusin', () => {
  const shown = state.shownSelection;
  state.shownSelection = null;
  const view = shown && state.editor.view?.(shown.path);
  const range = view?.state.selection.main;
  if (range && range.from === shown.offset && range.to === shown.offset + shown.length) {
    view.dispatch({ selection: { anchor: shown.offset } });
  }
});

/**
 * An edit of a file, typed or made from the diagram: marked modified and sent to the server at once when no send of
 * it is on its way, else when that one is answered (the text as it is then: typing faster than the server reads
 * coalesces by itself, where a pause after each key would only make every picture later).
 */
function edited(path, text) {
  state.edits++; // a box moved before this is not Ctrl+Z's to move back any more: the text is
  state.typed.add(path); // a conflict with the disk over this file is this tab's to ask about first
  state.unsent.add(path); // until the studio holds this text: kept over a reload of the page
  clearTimeout(state.noticeTimer);
  state.noticeTimer = setTimeout(() => { $('notice').textContent = ''; }, 1500); // what it said may no longer hold
  const current = file(path);
  if (!current.modified) {
    current.disk = current.text; // the disk's text, which this edit starts from (handed back with it, see rejoin)
    delete current.diskVersion; // the studio's is asked for at its next look at the disk
  }
  current.text = text;
  current.modified = true;
  renderFiles();
  state.sent = false;
  send(current).catch((e) => { // kept here, modified: sent once the studio answers again
    if (!(e instanceof TypeError)) {
      throw e;
    }
    notAnswering();
  });
}

/** Waits for every change on its way: the server's texts are the page's before it computes an edit. */
async function flush() {
  await Promise.all(Object.values(state.sending));
}

/**
 * What was typed here while a text was on its way ({@code sent} became {@code now}), made on the text the server
 * merged it into instead; null when it touches what the merge changed.
 */
function rebase(sent, now, merged) {
  const [typedFrom, typedTo, typedEnd] = region(sent, now);
  const [otherFrom, otherTo] = region(sent, merged);
  if (typedTo < otherFrom) {
    return merged.slice(0, typedFrom) + now.slice(typedFrom, typedEnd) + merged.slice(typedTo);
  }
  if (typedFrom > otherTo) {
    const shift = merged.length - sent.length;
    return merged.slice(0, typedFrom + shift) + now.slice(typedFrom, typedEnd) + merged.slice(typedTo + shift);
  }
  return null;
}

/** The part of text a that text b replaced: [from, its end in a, its end in b]. */
function region(a, b) {
  let from = 0;
  while (from < a.length && from < b.length && a[from] === b[from]) {
    from++;
  }
  let end = 0;
  while (end < a.length - from && end < b.length - from && a[a.length - 1 - end] === b[b.length - 1 - end]) {
    end++;
  }
  return [from, a.length - end, b.length - end];
}

/** A line in the header for a few seconds: what happened to the user's text without their asking. */
function notice(text, shown = 8000) {
  $('notice').textContent = text;
  $('notice').title = text;
  clearTimeout(state.noticeTimer);
  state.noticeTimer = setTimeout(() => {
    $('notice').textContent = '';
  }, shown);
}

/**
 * Asks whether to take a text changed elsewhere (another tab, the disk) over the one edited here, in a bar that leaves
 * the keyboard where it is: typing goes on in the editor while the bar waits (a modal question took the keys typed as
 * it opened, an Enter among them choosing for the user). Alt+T takes, Alt+K or Escape in the bar keeps. Resolves true
 * to take; questions wait their turn.
 */
function chooseText(question, take, takeNote, keep, keepNote, withdrawn = new Promise(() => {}), detail = '') {
  const asked = (state.choosing || Promise.resolve()).then(() => new Promise((resolve) => {
    const bar = $('choice');
    $('choice-question').textContent = question;
    $('choice-detail').textContent = detail;
    $('choice-detail').hidden = !detail;
    $('choice-take').textContent = take;
    $('choice-take').title = `${takeNote} (Alt+T)`;
    $('choice-keep').textContent = keep;
    $('choice-keep').title = `${keepNote} (Alt+K or Escape)`;
    $('choice-notes').textContent = `${take}: ${takeNote}. ${keep}: ${keepNote}.`;
    const answer = (taken) => {
      bar.hidden = true;
      document.removeEventListener('keydown', keys, true);
      bar.removeEventListener('keydown', escape);
      $('choice-take').onclick = $('choice-keep').onclick = null;
      resolve(taken);
    };
    const keys = (e) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key.toLowerCase() === 't' || e.key.toLowerCase() === 'k')) {
        e.preventDefault();
        e.stopPropagation();
        answer(e.key.toLowerCase() === 't');
      }
    };
    const escape = (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        answer(false);
      }
    };
    $('choice-take').onclick = () => answer(true);
    $('choice-keep').onclick = () => answer(false);
    document.addEventListener('keydown', keys, true);
    bar.addEventListener('keydown', escape);
    withdrawn.then(() => answer(null)); // no longer a question (the edits undone, answered elsewhere): none asked
    delete bar.dataset.heard; // a script's mark that it saw the question before (the browser tests)
    bar.hidden = false;
  }));
  state.choosing = asked;
  return asked;
}

/**
 * Sends a file's text once the send of it already on its way is answered, each naming the text the one before left
 * on the server (two at once would take each other for another tab's change). A send waiting for its turn sends the
 * text as it is then: at most one waits, however fast the typing.
 */
function send(current) {
  const path = current.path;
  if (!state.queued[path]) {
    state.queued[path] = (state.sending[path] || Promise.resolve()).then(() => {
      delete state.queued[path];
      return sendNow(current);
    });
    state.sending[path] = state.queued[path].catch(() => {}).finally(() => {
      if (!state.queued[path]) {
        delete state.sending[path];
      }
      state.sent = !Object.keys(state.sending).length;
    });
  }
  return state.queued[path];
}

async function sendNow(current) {
  const text = current.text;
  let held = text; // the text the studio holds once this send is answered
  // base: the text this page last had from the server (none yet for a file a diagram edit has just made)
  // the view's query: the server starts drawing it as the text arrives, and analyse() below is answered by that drawing
  const put = (base) => fetch(`/api/file?path=${encodeURIComponent(current.path)}${base ? '&base=' + encodeURIComponent(base) : ''}`
    + `&tab=${state.tab}&seq=${++state.seq}` + (current.path === state.current ? '&' + viewQuery() : ''),
    { method: 'PUT', body: text });
  let response = await put(current.version);
  let answer = await response.json();
  let chosen = null; // what the user chose when both tabs changed the same lines: said instead of a merge
  while (response.status === 409) { // another tab of this studio changed the file since this page last sent it
    // as for a change on disk, Keep (Alt+K, or Escape in the bar) keeps what was typed here
    const keep = !await chooseText(`${current.path} was changed in another tab of this studio, on the lines you edited here.`,
      'Take the other tab\'s text', 'Ctrl+Z brings yours back', 'Keep this tab\'s', 'the other tab\'s change is replaced',
      undefined, differing(text, answer.text, 'other'));
    if (!keep) {
      current.text = answer.text;
      held = answer.text;
      state.editor.setText(current.path, answer.text);
      chosen = `${current.path}: the other tab's text taken (Ctrl+Z brings yours back)`;
      break;
    }
    chosen = `${current.path}: this tab's text kept; the other tab's change to the same lines is replaced (Ctrl+Z there brings it back)`;
    response = await put(answer.version);
    answer = await response.json();
  }
  if (chosen && answer.merged === undefined) {
    notice(chosen);
  }
  if (answer.merged !== undefined) { // another tab changed other lines meanwhile: the server holds both changes
    const mine = current.text === text ? answer.merged : rebase(text, current.text, answer.merged);
    if (mine === null) {
      // typed here meanwhile, where the other tab changed: the next send meets the other's change and asks
      send(current);
      return;
    }
    current.text = mine;
    state.editor.setText(current.path, mine, { undoable: false });
    notice(chosen || `${current.path}: merged with a change made in another tab`);
    if (mine !== answer.merged) {
      send(current); // what was typed meanwhile, on the merged text
    }
  }
  current.version = answer.version;
  toldOtherTabs();
  if (current.text === (answer.merged ?? held)) {
    state.unsent.delete(current.path);
  }
  current.modified = answer.modified; // typed back to what is on disk: not modified
  renderFiles();
  await analyse();
}

async function placeBox(id, x, y) {
  await fetch('/api/move?' + viewQuery(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id, x, y }),
  });
  await analyse();
}

/**
 * Ctrl+Z and Ctrl+Y (Ctrl+Shift+Z) take back and make again the last move of a box, while no text changed since it;
 * once text changed they are the text's undo and redo as before, also with the keyboard on the picture. A box moved
 * back stands where it stood.
 */
document.addEventListener('keydown', (e) => {
  const key = e.key.toLowerCase();
  if (!(e.ctrlKey || e.metaKey) || e.altKey || (key !== 'z' && key !== 'y')
    || e.target.closest?.('dialog, input, select, textarea:not(#text)')) {
    return;
  }
  const redo = key === 'y' || e.shiftKey;
  const [from, to] = redo ? [state.moves.undone, state.moves.done] : [state.moves.done, state.moves.undone];
  const step = from[from.length - 1];
  if (!step || step.edits !== state.edits || step.view !== viewQuery()) {
    // the keyboard on the picture (after an edit made from its menu, say): the text's undo and redo, of the file shown;
    // elsewhere (the divider, the file list, a button) Ctrl+Z takes nothing back that the user cannot see
    if (e.target.closest?.('#diagram') && state.current && state.editor.undo) {
      e.preventDefault();
      e.stopPropagation();
      (redo ? state.editor.redo : state.editor.undo)(state.current);
    }
    return;
  }
  e.preventDefault();
  e.stopPropagation();
  to.push(from.pop());
  const at = redo ? step.to : step.from;
  placeBox(step.id, at.x, at.y);
  notice(`${step.id.slice(step.id.indexOf(':') + 1)} moved ${redo ? 'again' : 'back'}`
    + ` (${redo ? 'Ctrl+Z takes it back' : 'Ctrl+Y moves it again'})`);
}, true);

/** What a press, a drag or a menu on the picture of {@code analysis} does. */
function pictureHandlers(analysis) {
  return {
    select: (source) => source && select(source.file, source.offset, source.length, false),
    open: (source) => source && select(source.file, source.offset, 0),
    subscribe: (subscriber, publisher) => askToSubscribe(subscriber, publisher, analysis),
    move: async (id, x, y) => {
      const from = state.analysis.boxes[id];
      const step = { id, from, to: { x, y }, edits: state.edits, view: viewQuery() };
      if (from) {
        state.moves.done.push(step);
        state.moves.undone = [];
      }
      // made again where it was dropped (beside a box it was dropped on, as then): the page's picture may not be the
      // one this move drew yet when the move is answered, so its place is not read from it
      await placeBox(id, x, y);
    },
    menu: (name, e) => componentMenu(e, name),
  };
}

async function analyse() {
  const mine = ++state.generation;
  const diagram = $('diagram');
  // the picture shown is named: the answer carries only what changed since it
  const shown = window.ByronDiagram.pictureOf(diagram);
  const asked = state.firstAnalysis || fetch('/api/analysis?' + viewQuery() + (shown ? '&shown=' + shown : ''));
  delete state.firstAnalysis;
  let analysis = await (await asked).json();
  if (mine !== state.generation) {
    return; // a newer one is on its way
  }
  if (!window.ByronDiagram.show(diagram, analysis, pictureHandlers(analysis))) {
    // the picture those changes were of was replaced meanwhile: the whole picture
    analysis = await (await fetch('/api/analysis?' + viewQuery())).json();
    if (mine !== state.generation) {
      return;
    }
    window.ByronDiagram.show(diagram, analysis, pictureHandlers(analysis));
  }
  state.analysis = analysis;
  state.onPicture?.();
  delete state.onPicture;
  drawLive();
  showZoom();
  offerToFind(analysis);
  markCaret(); // a component being typed: its box, new or moved, is brought into view
  if (!state.revealed) { // the first picture opens where this tab looked before a reload, else on a box
    state.revealed = true;
    lookAsBefore() || window.ByronDiagram.reveal($('diagram'));
  }
  $('relayout').hidden = !analysis.kept;
  state.analyses = (state.analyses || 0) + 1; // drawn: a script (the bench) waits for it
  // the problems come once the texts are checked, after the picture: checks take a quarter of reading a model
  const answer = await fetch('/api/problems?id=' + analysis.problems);
  if (mine !== state.generation || !answer.ok) {
    return; // a newer analysis is on its way, or the checks did not end in time (the studio's log says why)
  }
  const checked = await answer.json();
  analysis.diagnostics = checked.diagnostics;
  analysis.checks = checked.checks;
  const problems = analysis.diagnostics.map((d) => {
    const item = document.createElement('li');
    item.className = d.severity;
    item.textContent = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
    item.onclick = () => select(d.file, d.offset, d.length);
    if (d.fix) {
      const fix = document.createElement('button');
      fix.className = 'fix';
      fix.textContent = `Quick fix: ${d.fix}`;
      fix.onclick = (e) => {
        e.stopPropagation();
        quickFix(d);
      };
      item.append(' ', fix);
    }
    return item;
  });
  $('problems').replaceChildren(...problems);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = analysis.diagnostics.filter((d) => d.severity === 'warning').length;
  // the parser gives up on what follows a syntax error: the picture lacks it, and says so
  const syntax = analysis.diagnostics.find((d) => d.code === 'syntax-error');
  // a model without `system <name>` yet (a warning says so): not 'system null'
  $('status').textContent = `${analysis.system ? 'system ' + analysis.system : 'no system declared'}: `
    + `${count(analysis.components.length, 'component')}, ${count(errors, 'error')}`
    + (warnings ? `, ${count(warnings, 'warning')}` : '')
    + (syntax ? ` (a syntax error at ${syntax.file}:${syntax.line}: the picture may lack what follows it)` : '');
  $('status').classList.toggle('error', errors > 0);
  const choice = $('component');
  const keep = choice.value;
  choice.replaceChildren(...[...analysis.components].sort().map((name) => new Option(name, name, false, name === keep)));
}

/** Marks the innermost box whose declaration holds the text cursor, and brings it into view. */
function markCaret() {
  const caret = state.caret;
  if (!caret || !state.analysis) {
    return;
  }
  // the first picture is brought into view once drawn (reveal), from its top: not centred on the cursor's box
  window.ByronDiagram.markAt($('diagram'), state.analysis, caret.path, caret.offset, undefined, !state.lookKept && state.revealed);
}
for (const acted of ['pointerdown', 'keydown']) {
  document.addEventListener(acted, () => { state.lookKept = false; }, true);
}

function viewQuery() {
  const level = $('level').value;
  const component = $('component').value;
  return 'level=' + level + (level === 'component' && component ? '&component=' + encodeURIComponent(component) : '');
}

// The running system on the diagram: a badge and a word on each component's box, a rate beside each flow.
const SVG = 'http://www.w3.org/2000/svg';
function drawLive() {
  const live = state.live;
  const svg = $('diagram').querySelector('svg');
  if (!svg) {
    return;
  }
  svg.querySelectorAll('.live').forEach((n) => n.remove());
  if (!live || !live.running || !live.components) {
    return;
  }
  for (const [name, component] of Object.entries(live.components)) {
    const box = state.analysis.boxes['component:' + name];
    const node = svg.querySelector(`g.node[id="component:${name}"] rect`);
    if (!box || !node) {
      continue;
    }
    const width = Number(node.getAttribute('width'));
    const height = Number(node.getAttribute('height'));
    if (component.state === 'stopped') { // veiled, as on the desktop: a stopped component's box stands back
      const veil = document.createElementNS(SVG, 'rect');
      ['x', 'y', 'width', 'height', 'rx'].forEach((a) => node.hasAttribute(a) && veil.setAttribute(a, node.getAttribute(a)));
      veil.setAttribute('class', 'live live-veil');
      svg.append(veil);
    }
    const badge = document.createElementNS(SVG, 'circle');
    badge.setAttribute('cx', box.x + width - 11);
    badge.setAttribute('cy', box.y + 11);
    badge.setAttribute('r', 6);
    badge.setAttribute('class', 'live live-badge ' + component.state);
    const words = document.createElementNS(SVG, 'text');
    words.setAttribute('x', box.x);
    words.setAttribute('y', box.y + height + 13);
    words.setAttribute('class', 'live live-text ' + component.state);
    words.setAttribute('data-component', name);
    words.textContent = component.state + (component.deadLetters > 0 ? `, ${count(component.deadLetters, 'dead letter')}` : '');
    svg.append(badge, words);
  }
  for (const [flow, rate] of Object.entries(live.rates || {})) {
    const label = svg.querySelector(`g.edge[id="${flow}"] text`);
    if (!label) {
      continue;
    }
    const words = document.createElementNS(SVG, 'text');
    // at the end of the label's first line: above it, the rate met the state written under a box the label stands below
    const first = label.querySelector('tspan') || label;
    const end = first.getBBox ? first.getBBox() : null;
    words.setAttribute('x', end && end.width ? end.x + end.width + 6 : label.getAttribute('x'));
    words.setAttribute('y', end && end.width ? end.y + end.height - 3 : Number(label.getAttribute('y')) - 14);
    words.setAttribute('class', 'live live-rate');
    words.setAttribute('data-flow', flow);
    words.textContent = (rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)) + '/s';
    svg.append(words);
  }
}

// Changes made on disk by another editor or by git: read again where nothing was typed here; where something
// was, the user keeps theirs (the next save writes it) or takes the disk's. Nothing is ever overwritten unseen.
/**
 * The studio was started again (stopped, or its machine restarted) while this page stayed open: it holds the disk's
 * texts only, and this page the user's unsaved edits. Those are sent to it (as typed here, nothing asked), the files
 * not edited here take what it read from disk, and the page goes on with it.
 */
async function rejoin(instance) {
  const project = await (await fetch('/api/project')).json();
  const kept = [];
  const merged = [];
  for (const f of state.files) {
    const there = project.files.find((p) => p.path === f.path);
    if (f.modified) {
      // with the disk's text the edits were made on: a change made on disk while no studio ran is merged or asked
      // about, never overwritten unseen
      const answer = await fetch(`/api/file?path=${encodeURIComponent(f.path)}&handback=1${there ? '' : '&new=1'}`,
        { method: 'PUT', body: JSON.stringify({ text: f.text, disk: f.disk ?? null }) });
      if (answer.ok) {
        const sent = await answer.json();
        if (sent.outcome === 'merged') {
          taken(f, sent.text);
          merged.push(f.path);
        }
        f.version = sent.version;
        f.modified = sent.modified;
        state.unsent.delete(f.path);
        kept.push(f.path);
      }
    } else if (there) {
      if (there.text !== f.text) {
        taken(f, there.text);
      }
      f.version = there.version;
    }
  }
  state.instance = instance;
  state.down = false;
  // the page loads again, its edits now held by the studio: the editor's language server, which ran in the studio
  // that stopped, is reached anew (completion, hovers, underlines), and the undo history is kept over the reload
  sessionStorage.setItem('byron-notice:' + state.rootUri, 'Byron Studio was started again'
    + (kept.length ? `: the edits not saved in ${kept.join(', ')} are in it, as typed here` : '')
    + (merged.length ? `; ${merged.join(', ')} changed on disk meanwhile, on other lines: both kept` : '') + '.');
  state.leaving = true;
  location.reload();
}

/** Said while the studio does not answer (stopped): the page keeps the edits and sends them once it answers again. */
function notAnswering() {
  if (!state.down) {
    state.down = true;
    $('status').textContent = 'Byron Studio is not answering: this page keeps your edits. Start it again (byron studio --web)'
      + ' and they are sent to it; do not reload or close the page until then.';
  }
}

async function lookAtDisk() {
  if (!state.editor || !state.sent) {
    return; // the page is still starting, or a change typed here is on its way to the server: look again later
  }
  const listedBefore = state.listings;
  const disk = await (await fetch('/api/disk?tab=' + state.tab)).json();
  if (disk.instance !== state.instance) {
    await rejoin(disk.instance);
    return;
  }
  for (const changed of disk.reloaded) { // nothing unsaved here: the file starts afresh, Ctrl+Z has nothing to take back
    const f = file(changed.path);
    f.text = changed.text;
    state.editor.reloaded(f.path, changed.text);
    f.version = changed.version;
    f.modified = false;
  }
  for (const changed of disk.merged) {
    const f = file(changed.path);
    taken(f, changed.text);
    f.version = changed.version;
    f.modified = true;
    notice(`${changed.path}: changed on disk on other lines; both changes kept, the next save writes them`);
  }
  // what the edits held by the studio were made on, should it stop: a text asked for when its version is new here
  // (none for a file made here and not saved: the page's own empty text stands for it)
  for (const f of state.files.filter((held) => disk.disks[held.path] && held.diskVersion !== disk.disks[held.path])) {
    const base = await (await fetch(`/api/disk-text?base=1&path=${encodeURIComponent(f.path)}`)).json();
    if (base.version) {
      f.disk = base.text;
      f.diskVersion = base.version;
    }
  }
  const otherTab = await followOtherTabs(disk.versions);
  let saved = false; // saved by another tab: no longer modified here either
  for (const f of state.files) {
    const modified = disk.modified.includes(f.path);
    if (f.modified !== modified && f.version === disk.versions[f.path]) {
      f.modified = modified;
      saved = true;
      if (!modified) {
        state.typed.delete(f.path); // saved: nothing typed here is waiting any more
      }
    }
  }
  if (saved) {
    renderFiles();
  }
  for (const added of disk.added) {
    state.files.push(added);
    state.editor.add(added);
  }
  if (listInOrder(Object.keys(disk.versions)) || disk.added.length) {
    renderFiles();
  }
  for (const path of disk.deleted) {
    forget(path);
  }
  // emptied and saved in another tab: deleted by the studio, which holds it no more
  const savedAway = state.files.filter((f) => !(f.path in disk.versions) && !f.modified && !disk.deleted.includes(f.path)
    && !(f.listedAt > listedBefore));
  savedAway.forEach((f) => forget(f.path));
  if (savedAway.length) {
    renderFiles();
  }
  if (disk.deleted.length) {
    notice(`Deleted on disk, no longer part of the model: ${disk.deleted.join(', ')}`);
  }
  for (const path of Object.keys(state.conflictSeen).filter((p) => !disk.conflicts.includes(p))) {
    delete state.conflictSeen[path]; // answered elsewhere
  }
  for (const path of [...state.toldAskedElsewhere].filter((p) => !disk.conflicts.includes(p))) {
    state.toldAskedElsewhere.delete(path);
  }
  for (const path of disk.conflicts) {
    // one tab asks, the others follow its answer: the tab that edited the file first, any other once it has not
    if (disk.askedElsewhere.includes(path)) {
      if (!state.toldAskedElsewhere.has(path)) { // said once, so that the file's state is not a mystery here
        state.toldAskedElsewhere.add(path);
        notice(`${path}: changed on disk on lines changed in this studio and not saved; asked in another tab`);
      }
      continue;
    }
    state.conflictSeen[path] ??= Date.now();
    if (!state.typed.has(path) && Date.now() - state.conflictSeen[path] < 3000) {
      continue;
    }
    const claim = () => fetch(`/api/disk?tab=${state.tab}&ask=${encodeURIComponent(path)}`, { method: 'POST' });
    if ((await claim()).status !== 204) {
      continue;
    }
    let withdraw;
    const withdrawn = new Promise((resolve) => { withdraw = resolve; });
    const held = setInterval(async () => { // while the question waits for the user: asked here, not in another tab
      if ((await claim()).status === 409) {
        withdraw(); // no longer in conflict: the edits here were undone, or the disk's change was
      }
    }, 4000);
    state.asking.add(path);
    const gone = disk.gone.includes(path);
    const where = state.typed.has(path) ? 'here' : 'in this studio (in another tab)';
    const onDisk = gone ? null : (await (await fetch('/api/disk-text?path=' + encodeURIComponent(path))).json()).text;
    // Escape keeps what was typed: a question waved away never drops the user's work
    const taken = await chooseText(`${path} ${gone ? `was deleted on disk, and it has changes made ${where} and not saved`
      : `changed on disk, on lines changed ${where} and not saved`}.`, gone ? 'Let it go' : 'Take the disk\'s text',
      gone ? 'with your changes' : 'Ctrl+Z brings yours back', 'Keep yours', 'the next save writes it', withdrawn,
      onDisk == null ? '' : differing(file(path).text, onDisk));
    clearInterval(held);
    state.asking.delete(path);
    delete state.conflictSeen[path];
    if (taken === null) {
      notice(`${path}: the change on disk is no longer in question (answered elsewhere, or the edits here undone)`);
      continue;
    }
    const keep = !taken;
    const answered = await fetch(`/api/disk?tab=${state.tab}&${keep ? 'keep' : 'take'}=${encodeURIComponent(path)}`, { method: 'POST' });
    if (answered.status === 409) { // answered in another tab meanwhile: its answer stands, and this tab follows it
      notice(`${path}: the change on disk was answered in another tab; this tab shows what it chose`);
      continue;
    }
    if (!keep) {
      state.typed.delete(path);
      const project = await (await fetch('/api/project')).json();
      const onDisk = project.files.find((p) => p.path === path);
      if (!onDisk) {
        forget(path);
        continue;
      }
      const f = file(path);
      f.text = onDisk.text;
      f.version = onDisk.version;
      f.modified = false;
      state.editor.setText(path, f.text);
    }
  }
  // a box moved or a view laid out again, here or in another tab: the picture is drawn again
  const laidOut = state.layouts !== undefined && disk.layouts !== state.layouts;
  state.layouts = disk.layouts;
  // hooks/ compiled after a save (or a Java file edited since) after the problems shown were had: they are listed again
  const checked = state.analysis && disk.checks !== state.analysis.checks;
  if (disk.reloaded.length || disk.merged.length || disk.added.length || disk.conflicts.length || disk.deleted.length || otherTab
    || laidOut || checked) {
    renderFiles();
    await analyse();
  }
}

/**
 * Where two texts differ, as a user choosing between them reads it: each run of changed lines with its line number
 * (in the user's text), the disk's lines and the user's (at most 30 lines in all). Lines are matched by their longest
 * common subsequence; for texts too long for that, from the first line that differs to the last.
 */
function differing(mine, disk, theirName = 'disk') {
  const a = mine.split('\n');
  const b = disk.split('\n');
  const runs = []; // [line in mine, the disk's lines, mine]
  if (a.length * b.length <= 4e6) {
    const common = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    let run = null;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        run = null;
        i++;
        j++;
        continue;
      }
      if (!run) {
        run = [i + 1, [], []];
        runs.push(run);
      }
      if (j < b.length && (i >= a.length || common[i][j + 1] >= common[i + 1][j])) {
        run[1].push(b[j++]);
      } else {
        run[2].push(a[i++]);
      }
    }
  } else {
    const [from, endMine, endDisk] = region(a, b); // the lines' arrays, compared as region compares texts
    runs.push([from + 1, b.slice(from, endDisk), a.slice(from, endMine)]);
  }
  const lines = [];
  for (const [at, theirs, ours] of runs) {
    lines.push(`line ${at}:`, ...theirs.map((l) => `  ${theirName}:`.padEnd(8) + ' ' + l), ...ours.map((l) => '  yours: ' + l));
  }
  return lines.length > 30 ? [...lines.slice(0, 30), `… ${lines.length - 30} more lines`].join('\n') : lines.join('\n');
}

/**
 * Texts another tab of this studio sent since this page last heard: taken here, since nothing typed here waits to be
 * sent (a change typed here meets the other tab's when it is sent, and the user chooses). Whether any was.
 */
async function followOtherTabs(versions) {
  const behind = state.files.filter((f) => versions[f.path] && f.version && versions[f.path] !== f.version);
  if (!behind.length) {
    return false;
  }
  const project = await (await fetch('/api/project')).json();
  if (!state.sent) {
    return false; // typed here meanwhile: the send decides
  }
  for (const f of behind) {
    const held = project.files.find((p) => p.path === f.path);
    if (held) {
      taken(f, held.text);
      f.version = held.version;
      f.modified = held.modified;
      notice(`${f.path}: changed in another tab (where that replaced text typed here, Ctrl+Z brings it back)`);
    }
  }
  return true;
}

/**
 * A text changed elsewhere (another tab, another editor) put in this page's editor. What the other side changed is
 * not undone here (Ctrl+Z takes back this page's own typing around it), unless it removed text typed here: then
 * Ctrl+Z first brings that text back.
 */
function taken(f, text) {
  f.text = text;
  state.editor.setText(f.path, text, { undoable: 'if-own' });
}

/** A file gone from disk (and from the project): out of the list and the editor; another is shown if it was. */
function forget(path) {
  state.files = state.files.filter((f) => f.path !== path);
  state.editor.remove(path);
  if (state.current === path && state.files.length) {
    show((state.files.find((f) => f.model) || state.files[0]).path);
  }
}

/** The log's new lines, after those shown; the newest 5,000 are kept, and a log read at its end follows it. */
function showLog(live) {
  if (!live.log.length) {
    return;
  }
  const pane = $('log');
  const atEnd = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 4;
  state.log = [...(state.log || []), ...live.log].slice(-5000);
  state.logEnd = live.logEnd;
  pane.textContent = state.log.join('\n');
  if (atEnd) {
    pane.scrollTop = pane.scrollHeight;
  }
}

async function poll() {
  await lookAtDisk();
  state.live = await (await fetch('/api/live?logAfter=' + (state.logEnd || 0))).json();
  if (state.failures !== undefined && state.live.failures > state.failures) { // Run failed: said where the eye is, the log has why
    $('status').textContent = state.live.lastFailure + ' (the log below says more)';
    $('status').classList.add('error');
    $('status').title = state.live.lastFailure;
  }
  state.failures = state.live.failures;
  $('run').disabled = state.live.running;
  $('run-port').disabled = state.live.running;
  $('stop').disabled = !state.live.running;
  showLog(state.live);
  drawLive();
}

// the gateway's port: 4000 unless the page's address (?runPort=) or the field says otherwise
$('run-port').value = new URLSearchParams(location.search).get('runPort') || $('run-port').value;
$('run').onclick = async () => {
  // the system is built from the files on disk: what is typed here and not saved would not be in it
  await flush();
  const unsaved = state.files.filter((f) => f.modified).map((f) => f.path);
  if (unsaved.length) {
    if (!confirm(`Run builds the system from the files on disk, and ${unsaved.join(', ')} ${unsaved.length === 1 ? 'has' : 'have'} `
      + 'changes not saved.\n\nOK saves them, then runs; Cancel runs nothing.') || !(await save())) {
      return;
    }
  }
  $('run').disabled = true;
  const answer = await fetch('/api/run?port=' + encodeURIComponent($('run-port').value.trim()), { method: 'POST' });
  if (!answer.ok) {
    $('status').textContent = await answer.text();
    $('run').disabled = false;
  }
};
$('generate').onclick = async () => { // what it wrote, or why it wrote nothing, comes in the log
  await flush();
  await fetch('/api/generate', { method: 'POST' });
};
$('stop').onclick = async () => {
  $('stop').disabled = true;
  await fetch('/api/stop', { method: 'POST' });
};
// one poll at a time, a second after the last one answered: a slow answer never stacks up behind another; another tab
// of this studio that changed a text says so on the channel, and this one looks at once (a tab in the background has
// its timers slowed by the browser, not its messages)
const otherTabs = 'BroadcastChannel' in window ? new BroadcastChannel('byron-studio') : null;
const polls = { timer: null, running: false, again: false, soon: null };
if (otherTabs) {
  // a quarter of a second after the first word: a burst of keys typed in the other tab is one look here, not one per key
  otherTabs.onmessage = () => {
    polls.soon ??= setTimeout(() => {
      polls.soon = null;
      polling();
    }, 250);
  };
}
/** Tells the other tabs of this studio that a text it holds changed. */
function toldOtherTabs() {
  otherTabs?.postMessage('changed');
}
async function polling() {
  if (polls.running) {
    polls.again = true;
    return;
  }
  polls.running = true;
  clearTimeout(polls.timer);
  try {
    await poll();
    if (state.down) { // answering again, the same studio (a rejoin has said so otherwise): the header says what it shows
      state.down = false;
      analyse();
    }
  } catch (e) {
    if (e instanceof TypeError) { // fetch's own failure: nothing answered
      notAnswering();
    } else {
      throw e;
    }
  } finally {
    polls.running = false;
    polls.timer = setTimeout(polling, polls.again ? 0 : 1000);
    polls.again = false;
  }
}
polling();

// One component dropped on another subscribes to one of its events, asked for in a dialog.
async function askToSubscribe(subscriber, publisher, analysis) {
  const taken = new Set((analysis.subscribed || {})[subscriber] || []);
  const events = (analysis.events[publisher] || []).filter((name) => !taken.has(`${publisher}.${name}`));
  if (!events.length) {
    $('status').textContent = (analysis.events[publisher] || []).length
      ? `${subscriber} already reacts to every event of ${publisher}.` : `${publisher} publishes no event to subscribe to.`;
    return;
  }
  $('subscribe-header').textContent = `${subscriber} subscribes to an event of ${publisher}`;
  $('subscribe-event').replaceChildren(...events.map((name) => new Option(name, name)));
  const dialog = $('subscribe');
  // Enter on the list chooses the event shown (a list that has the keyboard would open on Enter): the arrows change it
  $('subscribe-event').onkeydown = (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      dialog.close('ok');
    }
  };
  const chosen = await new Promise((resolve) => {
    dialog.onclose = () => resolve(dialog.returnValue === 'ok' ? $('subscribe-event').value : null);
    dialog.returnValue = '';
    dialog.showModal();
  });
  if (!chosen) {
    return;
  }
  await flush();
  const answer = await (await fetch('/api/subscribe', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ subscriber, publisher, event: chosen }),
  })).json();
  applyEdits(answer.edits);
}

/** A problem's quick fix (a missing hook's stub), made on the texts as they are now, through the editor: Ctrl+Z takes it back. */
async function quickFix(problem) {
  await flush();
  const answer = await fetch(`/api/fix?path=${encodeURIComponent(problem.file)}&offset=${problem.offset}`, { method: 'POST' });
  if (!answer.ok) {
    notice(await answer.text());
    return;
  }
  applyEdits((await answer.json()).edits);
}

// Text edits from the server (subscribe, rename, delete), made through the editor so that its undo takes them back.
/** Makes edits in the editor, showing {@code shown}'s file (by default the first edit's), where Ctrl+Z takes them back. */
function applyEdits(edits, shown = edits[0]?.path) {
  for (const edit of edits) {
    if (!file(edit.path)) { // a file the edit makes: a new component's
      const made = { path: edit.path, uri: edit.uri, model: edit.path.endsWith('.byron'), text: '', modified: true };
      state.files.push(made);
      state.editor.add(made);
      renderFiles();
    }
  }
  if (edits.length && shown && state.current !== shown) {
    show(shown);
  }
  state.editor.applyEdits(edits);
}

// A component's menu (right-click on its box): rename, delete, and while the system runs, stop or start it.
function componentMenu(event, name) {
  event.preventDefault();
  const menu = $('menu');
  // an edit made from the picture's menu: the keyboard goes back to the picture, and the text beside shows where the
  // change was made without anything selected to type over (the declaration a box shows was selected)
  const edit = (label, action) => menuItem(label, async () => {
    await action();
    backToPicture();
  });
  const items = [
    edit(`Add entity to ${name}…`, async () => {
      const entity = await askName(`New entity of ${name} (PascalCase, e.g. ${example(ENTITY_EXAMPLES)}):`, 'entity', '', name);
      if (entity) {
        await addToModel(`component=${encodeURIComponent(name)}&entity=${encodeURIComponent(entity)}`);
      }
    }),
    edit(`Rename ${name}…`, async () => {
      const to = await askName(`Rename component ${name} to:`, 'component', name);
      if (!to || to === name) {
        return;
      }
      await flush();
      const answer = await fetch(`/api/rename?from=${encodeURIComponent(name)}&to=${encodeURIComponent(to)}`, { method: 'POST' });
      if (!answer.ok) {
        $('status').textContent = await answer.text();
        return;
      }
      const declared = state.analysis?.nodes?.find((n) => n.id === 'component:' + name)?.file;
      const edits = (await answer.json()).edits;
      applyEdits(edits, edits.some((e) => e.path === declared) ? declared : undefined); // the renamed declaration in view
    }),
    edit(`Delete ${name}`, async () => { // asked nothing, as on the desktop: Ctrl+Z takes it back
      await flush();
      applyEdits((await (await fetch('/api/delete?name=' + encodeURIComponent(name), { method: 'POST' })).json()).edits);
      notice(`${name} deleted; what referred to it is listed in Problems (Ctrl+Z brings it back)`);
    }),
  ];
  if (state.catalogue) {
    items.push(menuItem(`Open the catalogue page of ${name}`, () => window.open(`/catalogue/?component=${encodeURIComponent(name)}`,
      '_blank')));
  }
  const live = state.live?.running && state.live.components?.[name];
  if (live) {
    const up = live.state !== 'stopped';
    items.push(menuItem(`${up ? 'Stop' : 'Start'} ${name}`, () => fetch(
      `/api/component?name=${encodeURIComponent(name)}&action=${up ? 'stop' : 'start'}`, { method: 'POST' })));
    if (up) {
      items.push(menuItem(`Dead letters of ${name}…`, () => showDeadLetters(name)));
    }
  }
  menu.replaceChildren(...items);
  showMenuAt(menu, event.clientX, event.clientY);
}

// a dialog's example is a name the model does not use yet: one it would refuse is no example
const COMPONENT_EXAMPLES = ['billing', 'shipping', 'inventory', 'payments', 'reviews', 'notifications'];
const ENTITY_EXAMPLES = ['Invoice', 'Shipment', 'Payment', 'Review', 'Voucher', 'Receipt'];
function example(names) {
  const svg = $('diagram').querySelector('svg');
  const drawn = svg?.innerHTML || '';
  const used = (name) => (svg && (svg.querySelector(`g.node[id="component:${name}"]`) || svg.querySelector(`g.node[id="entity:${name}"]`)))
    || new RegExp(`[>\\s.]${name}<`).test(drawn); // a box's title, or an entity a component owns ("owns Invoice")
  return names.find((name) => !used(name)) || names[0];
}

/**
 * A menu opened at a point, moved left or up as far as it must to stand whole in the window; Escape gives the keyboard
 * back to {@code from}.
 */
function showMenuAt(menu, x, y, from = $('diagram')) {
  state.menuFrom = from;
  menu.style.left = '0px';
  menu.style.top = '0px';
  menu.hidden = false;
  const { width, height } = menu.getBoundingClientRect();
  menu.style.left = Math.max(0, Math.min(x, window.innerWidth - width - 4)) + 'px';
  menu.style.top = Math.max(0, Math.min(y, window.innerHeight - height - 4)) + 'px';
  menu.querySelector('button')?.focus({ preventScroll: true });
}
/** The keyboard back on the picture after an edit made from it; the text's selection, if any, let go. */
function backToPicture() {
  const view = state.editor.view?.(state.current);
  const range = view?.state.selection.main;
  if (range && !range.empty) {
    view.dispatch({ selection: { anchor: range.from } });
  }
  state.shownSelection = null;
  $('diagram').focus({ preventScroll: true });
}

// The diagram's own menu (right-click where there is no box): add a component.
$('diagram').addEventListener('contextmenu', (e) => {
  if (e.defaultPrevented || e.target.closest('g.node')) {
    return;
  }
  e.preventDefault();
  const menu = $('menu');
  const add = document.createElement('button');
  const at = window.ByronDiagram.pointAt($('diagram'), e.clientX, e.clientY);
  add.textContent = 'Add component…';
  add.onclick = async () => {
    menu.hidden = true;
    const name = await askName(`New component (lower case, e.g. ${example(COMPONENT_EXAMPLES)}):`, 'component', '');
    if (name) { // its box drawn where the menu was opened
      // its file goes beside the file shown (in its folder: a bounded context's, say)
      await addToModel(`component=${encodeURIComponent(name)}&x=${at.x}&y=${at.y}&beside=${encodeURIComponent(state.current || '')}`);
      backToPicture();
    }
  };
  menu.replaceChildren(add);
  showMenuAt(menu, e.clientX, e.clientY);
});

/** An event as it was stored: indented when it is JSON, as it came when it is not (an undecodable one). */
function readable(event) {
  try {
    return JSON.stringify(JSON.parse(event), null, 2);
  } catch (e) {
    return event;
  }
}

/**
 * The events a running component's Sink could not handle, from its dead-letter stream: each with why and what it held,
 * to replay (handled again now; it leaves the list when that succeeds) or drop.
 */
async function showDeadLetters(name) {
  const address = '/api/dead-letters?component=' + encodeURIComponent(name);
  let selected = null;
  const choose = (letter, row) => {
    selected = letter;
    $('letters-list').querySelectorAll('li').forEach((li) => li.classList.toggle('selected', li === row));
    $('letters-event').textContent = letter ? readable(letter.event) : '';
    $('letters-replay').disabled = $('letters-drop').disabled = !letter;
  };
  const reload = async () => {
    choose(null, null);
    const answer = await fetch(address);
    if (!answer.ok) {
      $('letters-list').replaceChildren();
      $('letters-status').textContent = await answer.text();
      return;
    }
    const { letters } = await answer.json();
    $('letters-list').replaceChildren(...letters.map((letter) => {
      const row = document.createElement('li');
      row.textContent = `#${letter.sequence}  ${letter.subject}  ${letter.time}\n    ${letter.error}`;
      row.onclick = () => choose(letter, row);
      return row;
    }));
    $('letters-status').textContent = letters.length === 0 ? 'None: every event was handled.' : `${letters.length} waiting.`;
  };
  const act = async (action) => {
    const sequence = selected.sequence;
    const answer = await fetch(`${address}&sequence=${sequence}&action=${action}`, { method: 'POST' });
    const failure = answer.ok ? null : await answer.text();
    await reload();
    if (failure) {
      $('letters-status').textContent = failure;
    }
  };
  $('letters-replay').onclick = () => act('replay');
  $('letters-drop').onclick = () => act('drop');
  $('letters-header').textContent = `Events ${name} could not handle`;
  await reload();
  $('letters').showModal();
}

/**
 * Asks for a name in the page's dialog, checked as it is typed: OK stays disabled, and the rule is shown, while the
 * name breaks the rule for its kind (component or entity). Resolves to the name, or null when cancelled.
 */
async function askName(header, kind, initial, component = '', selected = true) {
  const dialog = $('ask');
  const input = $('ask-name');
  $('ask-header').textContent = header;
  input.value = initial;
  let asked = 0;
  const check = async () => {
    const mine = ++asked;
    const answer = await (await fetch(`/api/name-check?kind=${kind}&component=${encodeURIComponent(component)}`
      + `&name=${encodeURIComponent(input.value.trim())}`)).json();
    if (mine === asked) {
      $('ask-ok').disabled = !answer.ok;
      // the name it opens with (a rename's current one) is not yet an error to point out
      const untouched = initial && input.value.trim() === initial;
      $('ask-rule').textContent = answer.ok || !input.value.trim() || untouched ? '' : answer.rule;
    }
  };
  input.oninput = check;
  // Enter is OK once the name typed so far is checked (the form's first button, and so its default, is Cancel)
  input.onkeydown = async (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      await check();
      if (!$('ask-ok').disabled) {
        dialog.close('ok');
      }
    }
  };
  await check();
  return new Promise((resolve) => {
    dialog.onclose = () => resolve(dialog.returnValue === 'ok' && !$('ask-ok').disabled ? input.value.trim() : null);
    dialog.returnValue = '';
    dialog.showModal();
    if (selected) {
      input.select();
    } else { // a beginning to go on from (a folder's name): typed after
      input.setSelectionRange(input.value.length, input.value.length);
    }
  });
}

/** Asks the server for the edit that adds a component or an entity, and makes it; a refused name is said why. */
async function addToModel(query) {
  await flush();
  const answer = await fetch('/api/add?' + query, { method: 'POST' });
  if (!answer.ok) {
    $('status').textContent = await answer.text();
    return;
  }
  applyEdits((await answer.json()).edits);
}

document.addEventListener('click', (e) => {
  if (!$('menu').contains(e.target)) {
    $('menu').hidden = true;
  }
});
// the menu by keyboard: the arrows go through its items, Escape closes it and gives the keyboard back to the picture
$('menu').addEventListener('keydown', (e) => {
  const items = [...$('menu').querySelectorAll('button')];
  const at = items.indexOf(document.activeElement);
  if (e.key === 'Escape') {
    e.preventDefault();
    $('menu').hidden = true;
    (state.menuFrom?.isConnected ? state.menuFrom : $('diagram')).focus();
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
  } else if (e.key === 'Home' || e.key === 'End') {
    e.preventDefault();
    items[e.key === 'Home' ? 0 : items.length - 1]?.focus();
  }
});

/** Where this tab looked at this view before a reload (zoom, fitted, scrolled); false if it did not. */
function lookAsBefore() {
  const kept = JSON.parse(sessionStorage.getItem(state.viewKey + '?' + viewQuery()) || 'null');
  if (!kept) {
    return false;
  }
  $('diagram').classList.toggle('fitted', kept.fitted);
  showFit(kept.fitted);
  window.ByronDiagram.lookAgain($('diagram'), kept);
  showZoom();
  return true;
}

/** Keeps where the view is looked at, for a reload of this tab. */
function keepLook() {
  clearTimeout(state.lookTimer);
  state.lookTimer = setTimeout(() => {
    if (state.viewKey && $('diagram').querySelector('svg')) {
      sessionStorage.setItem(state.viewKey + '?' + viewQuery(),
        JSON.stringify({ ...window.ByronDiagram.viewOf($('diagram')), fitted: $('diagram').classList.contains('fitted') }));
    }
  }, 150);
}
$('diagram').addEventListener('scroll', keepLook);

function showFit(fitted) {
  $('fit').textContent = fitted ? 'Full size' : 'Fit'; // says what the next press does
  $('fit').setAttribute('aria-pressed', String(fitted));
}

/** The picture's scale as drawn, in the header. */
function showZoom() {
  $('zoom-level').textContent = `${Math.round(window.ByronDiagram.scaleOf($('diagram')) * 100)}%`;
}

/** The boxes that have a declaration, by the name the find field takes (a component's name). */
function findable(analysis) {
  return (analysis?.nodes || []).map((n) => ({ name: n.id.slice(n.id.indexOf(':') + 1), node: n }));
}

/** The find field's proposals: the boxes of the view shown. */
function offerToFind(analysis) {
  const names = findable(analysis).map((f) => f.name);
  const list = $('find-names');
  if (list.dataset.names !== names.join(' ')) {
    list.dataset.names = names.join(' ');
    list.replaceChildren(...names.map((name) => Object.assign(document.createElement('option'), { value: name })));
  }
}

// A name in the find field, then Enter: the box's declaration selected, so its box is marked and brought into view.
$('find').addEventListener('keydown', (e) => {
  if (e.key !== 'Enter') {
    return;
  }
  e.preventDefault(); // not a form's submit: the find field keeps the keyboard, the declaration is selected beside it
  const wanted = $('find').value.trim().toLowerCase();
  const found = findable(state.analysis).find((f) => f.name.toLowerCase() === wanted)
    || findable(state.analysis).find((f) => f.name.toLowerCase().startsWith(wanted));
  $('find').classList.toggle('missing', !found);
  if (found) {
    select(found.node.file, found.node.offset, found.node.length, false);
  }
});

/**
 * The line between the text and the picture: dragged (or moved with the arrow keys, Home and End), it gives one
 * the width the other gives up, down to no text at all; the width is kept for the next visit, and a double-click
 * gives back the first one.
 */
function divider() {
  const line = $('divider');
  const main = document.querySelector('main');
  const KEY = 'byron-text-width';
  const most = () => main.clientWidth - document.querySelector('nav').offsetWidth - line.offsetWidth - 120;
  const widthNow = () => $('editor').getBoundingClientRect().width;
  const set = (px) => {
    const width = Math.round(Math.max(0, Math.min(px, most())));
    main.style.setProperty('--text-width', width + 'px');
    line.setAttribute('aria-valuenow', String(width));
    return width;
  };
  const keep = (width) => localStorage.setItem(KEY, String(width));
  const kept = localStorage.getItem(KEY);
  if (kept !== null && Number.isFinite(Number(kept))) {
    set(Number(kept));
  }
  line.setAttribute('aria-valuemin', '0');
  line.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    line.setPointerCapture(e.pointerId);
    line.classList.add('dragging');
    const start = e.clientX;
    const from = widthNow();
    const move = (m) => set(from + m.clientX - start);
    const end = (u) => {
      keep(set(from + u.clientX - start));
      line.classList.remove('dragging');
      line.removeEventListener('pointermove', move);
      line.removeEventListener('pointerup', end);
      line.removeEventListener('pointercancel', end);
      showZoom();
    };
    line.addEventListener('pointermove', move);
    line.addEventListener('pointerup', end);
    line.addEventListener('pointercancel', end);
  });
  line.addEventListener('keydown', (e) => {
    const by = { ArrowLeft: -40, ArrowRight: 40 }[e.key];
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? most() : by === undefined ? null : widthNow() + by;
    if (to !== null) {
      e.preventDefault();
      keep(set(to));
      showZoom();
    }
  });
  line.addEventListener('dblclick', () => {
    main.style.removeProperty('--text-width');
    localStorage.removeItem(KEY);
    line.removeAttribute('aria-valuenow');
    showZoom();
  });
}
divider();

$('fit').onclick = () => {
  window.ByronDiagram.unzoom($('diagram'));
  showFit($('diagram').classList.toggle('fitted'));
  showZoom();
  window.ByronDiagram.reveal($('diagram')); // back at full size: where the marked box is
  keepLook();
};
$('zoom-in').onclick = () => window.ByronDiagram.zoom($('diagram'), 1.25);
$('zoom-out').onclick = () => window.ByronDiagram.zoom($('diagram'), 0.8);
// a zoom from the buttons or Ctrl+wheel leaves the fitted view
$('diagram').addEventListener('byronzoom', () => {
  showFit(false);
  showZoom();
  keepLook();
});

$('relayout').onclick = async () => {
  if (!confirm('Lay this view out afresh? Where you put its boxes is forgotten (byron-layout.json), and Ctrl+Z does not '
    + 'bring it back.')) {
    return;
  }
  await fetch('/api/layout/reset?' + viewQuery(), { method: 'POST' });
  state.moves = { done: [], undone: [] }; // laid out anew: the old places are not this layout's to go back to
  await analyse();
};

/** Saves every modified file, with what was typed just before (still waiting for its pause) sent first. */
async function save() {
  await flush();
  let saved;
  try {
    saved = await (await fetch('/api/save', { method: 'POST' })).json();
  } catch (e) {
    state.down = false; // said again, now
    notAnswering();
    $('status').textContent = 'Not saved: ' + $('status').textContent;
    return false;
  }
  toldOtherTabs(); // saved: no longer modified there either
  const project = await (await fetch('/api/project')).json();
  for (const f of state.files) {
    f.modified = project.files.find((p) => p.path === f.path)?.modified ?? f.modified;
    if (!f.modified) {
      state.typed.delete(f.path);
    }
  }
  saved.deleted.forEach(forget); // emptied here: deleted on disk, no longer part of the model
  $('notice').textContent = ''; // notes of what the next save would do are done with
  renderFiles();
  const done = [saved.written.length ? saved.written.join(', ') : '',
    saved.deleted.length ? 'emptied, so deleted: ' + saved.deleted.join(', ') : ''].filter(Boolean).join('; ');
  $('status').textContent = saved.changedOnDisk.length
    ? 'Not saved, changed on disk since they were read: ' + saved.changedOnDisk.join(', ')
    : 'Saved ' + (done || 'nothing (no changes)');
  return !saved.changedOnDisk.length;
}

$('save').onclick = save;
document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === 's') {
    e.preventDefault();
    save();
  }
});
$('level').onchange = () => {
  $('component').disabled = $('level').value !== 'component';
  // the component the cursor is in, rather than the first by name
  const caret = state.caret;
  const holding = caret && state.analysis && window.ByronDiagram.componentAt(state.analysis, caret.path, caret.offset);
  if ($('level').value === 'component' && holding) {
    $('component').value = holding;
  }
  analyse();
};
$('component').onchange = analyse;
// Text typed here that the studio does not hold yet (its send on its way, refused while a question waits, or the
// studio not answering): kept for this tab over a reload, and sent again once the page is back, on the text it was
// typed on (the studio merges it, or asks).
window.addEventListener('pagehide', () => {
  // what was typed in the last moments, its send still waiting for the one before: sent as the page goes, on the text
  // this tab last sent (the studio takes a tab's later text over its earlier one, and drops the earlier if it comes last)
  for (const f of [...state.unsent].map(file).filter((f) => f && f.version)) {
    fetch(`/api/file?path=${encodeURIComponent(f.path)}&base=${encodeURIComponent(f.version)}&tab=${state.tab}&seq=${++state.seq}`,
      { method: 'PUT', body: f.text, keepalive: true });
  }
  for (const path of state.asking) { // closed unanswered: another tab asks now, not once the claim has lapsed
    fetch(`/api/disk?tab=${state.tab}&release=${encodeURIComponent(path)}`, { method: 'POST', keepalive: true });
  }
  if (state.rootUri && state.typed.size) {
    sessionStorage.setItem('byron-typed:' + state.rootUri, JSON.stringify([...state.typed]));
  }
  const unsent = [...state.unsent].map(file).filter(Boolean).map((f) => ({ path: f.path, text: f.text, base: f.version }));
  if (state.rootUri && unsent.length) {
    sessionStorage.setItem('byron-unsent:' + state.rootUri, JSON.stringify(unsent));
  }
});

function sendAgainWhatWasNotSent() {
  const key = 'byron-unsent:' + state.rootUri;
  const unsent = JSON.parse(sessionStorage.getItem(key) || '[]');
  sessionStorage.removeItem(key);
  for (const kept of unsent) {
    const f = file(kept.path);
    if (!f || f.text === kept.text) {
      continue;
    }
    f.version = kept.base;
    state.editor.setText(f.path, kept.text);
    edited(f.path, kept.text);
    notice(`${f.path}: what was typed before the page was reloaded, not yet with the studio, is sent again`);
  }
}

window.addEventListener('beforeunload', (e) => {
  if (!state.leaving && state.files.some((f) => f.modified)) { // not when the page reloads itself, its edits held
    e.preventDefault();
    e.returnValue = '';
  }
});
// the header keeps to one line: a status cut short there has its whole text as its title
new MutationObserver(() => {
  $('status').title = $('status').textContent;
}).observe($('status'), { childList: true, characterData: true, subtree: true });
// for scripts that drive the page (the browser tests): the editor's operations and the file shown
// A request the editor gave up on (typing on makes the language server cancel its answer, code -32800) is not an
// error: without this the browser reports each as an uncaught rejection.
window.addEventListener('unhandledrejection', (event) => {
  if (event.reason && event.reason.code === -32800) {
    event.preventDefault();
  }
});

window.byronStudio = { editor: () => state.editor, current: () => state.current, analyses: () => state.analyses || 0 };
load();

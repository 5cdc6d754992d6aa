// Two tabs of one Byron Studio on the same project: a change sent from one shows in the other; when both change a file
// at once, the tab whose change comes second is asked, and either answer leaves both tabs and the server with the
// same text, nothing replaced unseen. Prints what it saw as JSON.
// Usage: node tabs.mjs <url> <file> <project folder>
import fs from 'node:fs';
import path from 'node:path';
import { launch, answerChoices } from './browser.mjs';

const [url, file, folder] = process.argv.slice(2);
const browser = await launch();
const seen = { errors: [], asked: [] };
const text = (page) => page.evaluate((f) => window.byronStudio.editor().text(f), file);
// Lines typed are separate undo steps when typed more than the editor's half second apart (closer ones it joins, as
// every editor does): each line below is typed at least 0.6 s after the line before, but fast ones; two typed at once
// in two tabs wait alike.
let typedAt = 0;
const apart = async (fast) => {
  const wait = typedAt + 600 - Date.now();
  if (!fast && wait > 0) {
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  typedAt = Date.now();
};
// a line typed at the end of the file, as the user types it
const type = async (page, line, fast) => {
  await apart(fast);
  await page.evaluate((f, l) => {
    const view = window.byronStudio.editor().view(f);
    view.dispatch({ changes: { from: view.state.doc.length, insert: l }, userEvent: 'input.type' });
  }, file, line);
};
// a line typed at the start of the file
const typeFirst = async (page, line) => {
  await apart(false);
  await page.evaluate((f, l) => {
    const view = window.byronStudio.editor().view(f);
    view.dispatch({ changes: { from: 0, insert: l }, userEvent: 'input.type' });
  }, file, line);
};
const held = async () => (await (await fetch(new URL('/api/project', url))).json()).files.find((f) => f.path === file).text;
const same = async (a, b) => {
  for (let i = 0; i < 300; i++) {
    const [ta, tb, server] = [await text(a), await text(b), await held()];
    if (ta === tb && tb === server) {
      return server;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the tabs did not come to the same text:\n${await text(a)}\n---\n${await text(b)}\n---\n${await held()}`);
};
// Ctrl+Z in the file of a tab, as its user presses it there; done once its text changed (a key pressed before the
// editor had the focus, which a page brought to the front does not always get at once, is pressed again)
const undoIn = async (page) => {
  const before = await text(page);
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.bringToFront();
    await page.evaluate((f) => {
      window.byronStudio.editor().show(f);
      window.byronStudio.editor().view(f).focus();
    }, file);
    await page.keyboard.down('Control');
    await page.keyboard.press('z');
    await page.keyboard.up('Control');
    if (await page.waitForFunction((f, t) => window.byronStudio.editor().text(f) !== t, { timeout: 3000 }, file, before)
      .then(() => true, () => false)) {
      return;
    }
  }
};
let reply = 'dismiss'; // Cancel keeps the asking tab's text
let waitIn; // a tab that leaves its question unanswered
try {
  const tabs = [];
  for (const name of ['A', 'B']) {
    const page = await browser.newPage();
    page.on('pageerror', (e) => seen.errors.push(e.message));
    page.on('dialog', (dialog) => dialog.accept()); // leaving with unsaved edits: the user leaves
    answerChoices(page, () => (reply === 'wait' || waitIn === name ? 'wait' : reply === 'accept' ? 'take' : 'keep'), (message, focusKept, detail) => {
      seen.asked.push({ tab: name, message, focusKept, detail });
    });
    await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
    await page.waitForSelector('#editor .cm-editor', { timeout: 60000 });
    tabs.push(page);
  }
  const [a, b] = tabs;

  seen.step = 'a change sent from one tab shows in the other';
  const sentAt = Date.now();
  await type(a, '// from A\n');
  await b.waitForFunction((f) => window.byronStudio.editor().text(f).includes('// from A'), { timeout: 30000 }, file);
  seen.followedAfter = Date.now() - sentAt; // told, not asked for at the next look: well under a second, measured not asserted
  await a.waitForFunction((f) => document.querySelector(`#files li[data-path="${f}"]`).classList.contains('modified'), {}, file);
  seen.followed = (await same(a, b)).endsWith('// from A\n');
  seen.followerMarkedModified = await b.$eval(`#files li[data-path="${file}"]`, (item) => item.classList.contains('modified'));

  seen.step = 'fast typing on a slow connection: each send waits for the one before, no tab takes it for another\'s';
  await a.emulateNetworkConditions({ download: 1e7, upload: 1e7, latency: 200 });
  for (let i = 0; i < 8; i++) {
    await type(a, `// fast ${i}\n`, true);
    await new Promise((resolve) => setTimeout(resolve, 80));
  }
  const fast = await same(a, b);
  await a.emulateNetworkConditions(null);
  seen.fastTyped = fast.includes('// fast 7\n') && seen.asked.length === 0;

  seen.step = 'both change different lines at once: both changes are kept, nobody is asked';
  await Promise.all([typeFirst(a, '// A first\n'), type(b, '// B last\n')]);
  const merged = await same(a, b);
  seen.merged = merged.startsWith('// A first\n') && merged.endsWith('// B last\n') && seen.asked.length === 0;
  seen.mergeNoticed = await Promise.all([a, b].map((p) => p.$eval('#notice', (n) => n.textContent)));
  seen.step = 'after a merge, Ctrl+Z in a tab takes back its own line only';
  await undoIn(b);
  const undone = await same(a, b);
  seen.undoneOwnOnly = undone.startsWith('// A first\n') && !undone.includes('// B last');

  seen.step = 'a box moved in one tab moves in the other';
  const boxX = (page) => page.$eval('#diagram g.node[id="component:orders"] rect', (r) => Number(r.getAttribute('x')));
  const at = await boxX(b);
  await a.evaluate(async (x) => {
    await fetch('/api/move?level=containers', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'component:orders', x, y: 40 }) });
  }, at + 400);
  await b.waitForFunction((x) => Number(document.querySelector('#diagram g.node[id="component:orders"] rect')
    .getAttribute('x')) !== x, { timeout: 30000 }, at);
  seen.movedInOther = Math.round((await boxX(b)) - at);

  seen.step = 'both change the file at once; the one asked keeps its text';
  // at once: each tab's change leaves before it hears of the other's (on a slow connection; on a fast one, a tab of the
  // same browser hears of the other's change at once, and its change is made on that text)
  const slow = (on) => Promise.all([a, b].map((page) => page.emulateNetworkConditions(on ? { download: 1e7, upload: 1e7, latency: 300 } : null)));
  await slow(true);
  await Promise.all([type(a, '// A at once\n'), type(b, '// B at once\n')]);
  const kept = await same(a, b);
  await slow(false);
  seen.keptAsked = seen.asked.map((q) => q.tab);
  const keeper = seen.asked[0]?.tab;
  seen.kept = keeper && kept.endsWith(`// ${keeper} at once\n`) && !kept.includes(`// ${keeper === 'A' ? 'B' : 'A'} at once`);
  seen.keptNoticed = await (keeper === 'A' ? a : b).$eval('#notice', (n) => n.textContent);

  seen.step = 'Ctrl+Z in the tab whose text was replaced brings its own text back, whole';
  const replaced = keeper === 'A' ? b : a;
  const replacedName = keeper === 'A' ? 'B' : 'A';
  await undoIn(replaced);
  const restored = await same(a, b);
  seen.undoneReplaced = restored === kept.slice(0, kept.length - `// ${keeper} at once\n`.length) + `// ${replacedName} at once\n`;
  if (!seen.undoneReplaced) {
    seen.undoneReplacedText = restored;
  }
  await undoIn(replaced); // and its own line, typed before the other tab's came
  seen.undoneOwnLine = (await same(a, b)) === kept.slice(0, kept.length - `// ${keeper} at once\n`.length);

  seen.step = 'both change the file at once; the one asked takes the other\'s';
  reply = 'accept';
  const before = seen.asked.length;
  await slow(true);
  await Promise.all([type(a, '// A again\n'), type(b, '// B again\n')]);
  const taken = await same(a, b);
  await slow(false);
  const asked = seen.asked.slice(before).map((q) => q.tab);
  seen.takenAsked = asked;
  const other = asked[0] === 'A' ? 'B' : 'A';
  seen.taken = asked.length === 1 && taken.endsWith(`// ${other} again\n`) && !taken.includes(`// ${asked[0]} again`);
  seen.takenNoticed = await (asked[0] === 'A' ? a : b).$eval('#notice', (n) => n.textContent);
  seen.message = seen.asked[0]?.message;

  seen.step = 'Ctrl+Z after the other tab undid its own line takes back this tab\'s line, not the other\'s again';
  const start = await same(a, b);
  await typeFirst(a, '// A own\n');
  await same(a, b);
  await type(b, '// B own\n');
  await same(a, b);
  await undoIn(b);
  const otherUndone = await same(a, b);
  seen.otherUndone = otherUndone === '// A own\n' + start;
  if (!seen.otherUndone) {
    seen.otherUndoneText = otherUndone.slice(0, 40) + ' … ' + otherUndone.slice(-40);
  }
  await undoIn(a);
  const after = await same(a, b);
  seen.ownUndoneAfterOther = after === start;
  if (!seen.ownUndoneAfterOther) {
    seen.ownUndoneAfterOtherText = after.slice(0, 40) + ' … ' + after.slice(-40);
  }

  seen.step = 'the disk changes the lines one tab edited: that tab is asked, the other follows its answer';
  const onDisk = path.join(folder, file);
  seen.nothingSavedUnasked = !fs.readFileSync(onDisk, 'utf8').includes('// from A');
  await a.bringToFront();
  await a.click('#save'); // saved: what either tab typed before is on disk, the next edit is the only one
  for (const page of [a, b]) {
    await page.waitForFunction(() => document.querySelectorAll('#files li').length && !document.querySelector('#files li.modified'),
      { timeout: 30000, polling: 200 }).catch(async (e) => { // polled: a tab not in front draws no frames
      seen.notSaved = { status: await page.$eval('#status', (s) => s.textContent),
        modified: await page.$$eval('#files li.modified', (l) => l.map((i) => i.dataset.path)) };
      throw e;
    });
  }
  reply = 'dismiss';
  const askedBefore = seen.asked.length;
  await type(b, '// B edits the end\n');
  await same(a, b);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // B's edit is on the server, and both tabs have it
  fs.writeFileSync(onDisk, fs.readFileSync(onDisk, 'utf8') + '// the disk ends otherwise\n');
  const afterDisk = await (async () => {
    for (let i = 0; i < 100 && seen.asked.length === askedBefore; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 5000)); // long enough for a tab that typed nothing to have asked too
    return same(a, b);
  })();
  seen.diskAsked = seen.asked.slice(askedBefore).map((q) => q.tab);
  seen.diskKeptTheEdit = afterDisk.includes('// B edits the end') && !afterDisk.includes("// the disk ends otherwise");

  seen.step = 'the tab asked about the other tab\'s change is reloaded before it answers: its text is asked about again';
  reply = 'wait';
  const waiting = seen.asked.length;
  // both change the same line at once: one of them is asked
  const retype = (page, line) => page.evaluate((f, l) => {
    const view = window.byronStudio.editor().view(f);
    const at = view.state.doc.toString().indexOf('// B edits the end');
    view.dispatch({ changes: { from: at, to: at + '// B edits the end'.length, insert: l }, userEvent: 'input.type' });
  }, file, line);
  await Promise.all([retype(a, '// A before a reload'), retype(b, '// B before a reload')]);
  for (let i = 0; i < 300 && seen.asked.length === waiting; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const asker = seen.asked[waiting]?.tab;
  const reloaded = asker === 'A' ? a : b;
  await reloaded.reload({ waitUntil: 'networkidle0', timeout: 60000 });
  await reloaded.waitForSelector('#editor .cm-editor', { timeout: 60000 });
  for (let i = 0; i < 300 && !seen.asked.slice(waiting + 1).some((q) => q.tab === asker); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  seen.askedAgainAfterReload = seen.asked.slice(waiting + 1).some((q) => q.tab === asker);
  seen.reloadSeen = { asker, asked: seen.asked.slice(waiting).map((q) => q.tab),
    notice: await reloaded.$eval('#notice', (n) => n.textContent), text: (await text(reloaded)).slice(-80) };
  reply = 'dismiss'; // now it keeps its text
  const afterReload = await same(a, b);
  seen.reloadKeptTheText = asker !== undefined && afterReload.includes(`// ${asker} before a reload`);

  seen.step = 'the tab asked about a change on disk is closed unanswered: the question moves to the other tab at once';
  await a.bringToFront();
  await a.click('#save');
  for (const page of [a, b]) {
    await page.waitForFunction(() => !document.querySelector('#files li.modified'), { timeout: 30000, polling: 200 });
  }
  waitIn = 'B';
  const beforeClose = seen.asked.length;
  await type(b, '// B leaves this unanswered\n');
  await same(a, b);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  fs.writeFileSync(onDisk, fs.readFileSync(onDisk, 'utf8') + '// the disk ends otherwise again\n');
  for (let i = 0; i < 300 && !seen.asked.slice(beforeClose).some((q) => q.tab === 'B'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const probe = async () => (await (await fetch(new URL('/api/disk?tab=probe', url))).json()).askedElsewhere;
  seen.askedInClosingTab = { asked: seen.asked.slice(beforeClose).map((q) => q.tab), heldBeforeClose: await probe() };
  await b.close({ runBeforeUnload: true }); // its user leaves the page with its unsaved edits
  await new Promise((resolve) => setTimeout(resolve, 500));
  seen.heldAfterClose = await probe();
  for (let i = 0; i < 300 && !seen.asked.slice(beforeClose).some((q) => q.tab === 'A'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  seen.askedAfterClose = seen.asked.slice(beforeClose).map((q) => q.tab);
} catch (e) {
  console.error(`failed at: ${seen.step}: ${e.message} ${JSON.stringify(seen.notSaved || '')}`);
  throw e;
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));

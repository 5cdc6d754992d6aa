// The file list's menu: a new model file made, typed in and saved; renamed into a folder by keyboard (its text moves,
// the old file is deleted at the save); deleted (emptied, Ctrl+Z brings it back, the save deletes it). Prints what it
// saw as JSON. Usage: node files.mjs <url> <project folder> <screenshot.png>
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './browser.mjs';

const [url, folder, screenshot] = process.argv.slice(2);
const browser = await launch();
const seen = { errors: [] };
const key = async (page, modifier, name) => {
  await page.keyboard.down(modifier);
  await page.keyboard.press(name);
  await page.keyboard.up(modifier);
};
const deleteFromTheList = async (page, file) => {
  await page.click(`#files li[data-path="${file}"]`, { button: 'right' });
  await page.waitForSelector('#menu:not([hidden])', { timeout: 5000 });
  // found and pressed in one step: a menu made again meanwhile (a second right-click event) holds new buttons
  await page.waitForFunction(() => [...document.querySelectorAll('#menu button')].find((b) => b.textContent.startsWith('Delete')),
    { timeout: 5000 });
  await page.$$eval('#menu button', (items) => items.find((b) => b.textContent.startsWith('Delete')).click());
};
const openMenuOf = async (page, file) => {
  await page.click(`#files li[data-path="${file}"]`, { button: 'right' });
  await page.waitForSelector('#menu:not([hidden])', { timeout: 5000 });
};
const listed = (page) => page.$$eval('#files li[data-path]', (items) => items.map((i) => i.dataset.path));
// the list's rows as drawn: level, then the name shown (a folder's ends with /)
const rows = (page) => page.$$eval('#files li', (items) => items.map((i) => `${i.getAttribute('aria-level')} ${i.textContent}`
  + (i.dataset.folder === undefined ? '' : '/')));
const saved = async (page) => {
  await key(page, 'Control', 's');
  await page.waitForFunction(() => document.querySelectorAll('#files li').length && !document.querySelector('#files li.modified')
    && document.getElementById('status').textContent.startsWith('Saved'), { timeout: 30000 });
  return page.$eval('#status', (s) => s.textContent);
};
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => seen.errors.push(e.message));
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
  await page.waitForSelector('#diagram g.node[id="component:posts"]', { timeout: 60000 });

  seen.step = 'a right-click on a file opens the list\'s menu';
  await page.click('#files li[data-path="posts.byron"]', { button: 'right' });
  await page.waitForSelector('#menu:not([hidden])', { timeout: 5000 });
  seen.menu = await page.$$eval('#menu button', (items) => items.map((i) => i.textContent));

  seen.step = 'New file…: a bad name refused as it is typed, a good one made, shown and typed in';
  await page.click('#menu button'); // New file…
  await page.waitForSelector('#ask[open]', { timeout: 10000 });
  await page.keyboard.type('../outside');
  await page.waitForFunction(() => document.getElementById('ask-rule').textContent !== '', { timeout: 10000 });
  seen.refused = { rule: await page.$eval('#ask-rule', (r) => r.textContent), ok: await page.$eval('#ask-ok', (b) => !b.disabled) };
  await key(page, 'Control', 'a');
  await page.keyboard.type('billing');
  await page.waitForFunction(() => !document.getElementById('ask-ok').disabled, { timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.byronStudio.current() === 'billing.byron', { timeout: 10000 });
  seen.keyboardInTheNewFile = await page.evaluate(() => !!document.activeElement?.closest('.cm-editor'));
  await page.evaluate(() => { // typed (pasted) whole: the editor's closing of braces is not what is checked here
    const view = window.byronStudio.editor().view('billing.byron');
    view.dispatch({ changes: { from: 0, insert: 'component billing {\n  entity Invoice {\n    total: Int!\n  }\n}\n' },
      userEvent: 'input.paste' });
  });
  await page.waitForSelector('#diagram g.node[id="component:billing"]', { timeout: 60000 });
  seen.savedNew = await saved(page);
  seen.newOnDisk = fs.existsSync(path.join(folder, 'billing.byron'));

  seen.step = 'Rename… by keyboard: into a folder; the text moves, the old file goes at the save';
  await page.focus('#files li[data-path="billing.byron"]');
  await key(page, 'Shift', 'F10');
  await page.waitForSelector('#menu:not([hidden])', { timeout: 5000 });
  await page.keyboard.press('ArrowDown'); // Rename billing.byron…
  await page.keyboard.press('Enter');
  await page.waitForSelector('#ask[open]', { timeout: 10000 });
  seen.renameOffered = await page.$eval('#ask-name', (i) => i.value);
  await page.keyboard.type('finance/billing.byron'); // the field's text is selected: typed over
  await page.waitForFunction(() => !document.getElementById('ask-ok').disabled, { timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.byronStudio.editor().text('finance/billing.byron')?.includes('component billing'),
    { timeout: 10000 });
  seen.moved = { old: await page.evaluate(() => window.byronStudio.editor().text('billing.byron')),
    shown: await page.evaluate(() => window.byronStudio.current()) };
  await page.waitForFunction(() => document.querySelectorAll('#diagram g.node[id="component:billing"]').length === 1
    && document.getElementById('status').textContent.includes('0 errors'), { timeout: 60000 });
  seen.savedRename = await saved(page);
  seen.renamedOnDisk = { old: fs.existsSync(path.join(folder, 'billing.byron')),
    moved: fs.existsSync(path.join(folder, 'finance', 'billing.byron')) };
  seen.movedText = fs.readFileSync(path.join(folder, 'finance', 'billing.byron'), 'utf8');
  seen.listedAfterRename = await listed(page);

  seen.step = 'the list is a tree: a folder closed by a click, opened again by keyboard';
  seen.treeAfterRename = await rows(page);
  await page.click('#files li[data-folder="finance/"]');
  seen.treeClosed = await rows(page);
  await page.focus('#files li[data-folder="finance/"]');
  await page.keyboard.press('ArrowRight');
  seen.treeOpened = await rows(page);

  seen.step = 'a file made while the page\'s look at the studio is on its way stays listed when that look answers';
  let held = null;
  const hold = (request) => {
    if (!held && request.url().includes('/api/disk?tab=')) {
      held = request; // answered below with what the studio said before the file was made
    } else {
      request.continue();
    }
  };
  await page.setRequestInterception(true);
  page.on('request', hold);
  for (let i = 0; i < 100 && !held; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const before = await (await fetch(held.url())).text();
  await openMenuOf(page, 'posts.byron');
  await page.$$eval('#menu button', (items) => items.find((b) => b.textContent.startsWith('New file')).click());
  await page.waitForSelector('#ask[open]', { timeout: 10000 });
  await page.keyboard.type('racing');
  await page.waitForFunction(() => !document.getElementById('ask-ok').disabled, { timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('#files li[data-path="racing.byron"]', { timeout: 10000 });
  await held.respond({ status: 200, contentType: 'application/json', body: before });
  page.off('request', hold);
  await page.setRequestInterception(false);
  await new Promise((resolve) => setTimeout(resolve, 2500)); // that answer heard, and the next look
  seen.madeWhileLooking = { listed: await page.$('#files li[data-path="racing.byron"]') !== null,
    shown: await page.evaluate(() => window.byronStudio.current()) };

  seen.step = 'Delete: the file emptied, Ctrl+Z brings it back; deleted again, the save deletes it';
  await deleteFromTheList(page, 'finance/billing.byron');
  await page.waitForFunction(() => !document.querySelector('#diagram g.node[id="component:billing"]'), { timeout: 60000 });
  await key(page, 'Control', 'z');
  await page.waitForSelector('#diagram g.node[id="component:billing"]', { timeout: 60000 });
  seen.deleteUndone = true;
  await deleteFromTheList(page, 'finance/billing.byron');
  await page.waitForFunction(() => !document.querySelector('#diagram g.node[id="component:billing"]'), { timeout: 60000 });
  seen.savedDelete = await saved(page);
  seen.deletedOnDisk = !fs.existsSync(path.join(folder, 'finance', 'billing.byron'));
  seen.listedAfterDelete = await listed(page);
  await page.screenshot({ path: screenshot });
} catch (e) {
  console.error(`failed at: ${seen.step}: ${e.message}`);
  throw e;
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));

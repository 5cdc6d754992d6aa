// The studio on a narrow window, by keyboard alone: the page is never wider than the window; Tab reaches the picture,
// whose boxes the arrows select (their declarations selected beside) and whose menu Shift+F10 opens, whole in the
// window; the file list goes by arrows. Prints what it saw as JSON.
// Usage: node keyboard.mjs <url> <screenshot.png>
import { launch } from './browser.mjs';

const [url, screenshot] = process.argv.slice(2);
const browser = await launch();
const seen = { errors: [] };
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => seen.errors.push(e.message));
  for (const [width, height] of [[700, 900], [900, 700]]) {
    await page.setViewport({ width, height });
    await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
    await page.waitForSelector('#diagram g.node', { timeout: 60000 });
    seen[`wider${width}`] = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    seen[`scrolled${width}`] = await page.evaluate(() => window.scrollX);
    // the overview of a picture larger than its pane: small beside the pane, clear of the legend where a corner is
    seen[`overview${width}`] = await page.evaluate(() => {
      const map = document.querySelector('svg.byron-overview');
      if (!map || getComputedStyle(map).display === 'none') {
        return { shown: false };
      }
      const m = map.getBoundingClientRect();
      const pane = document.getElementById('diagram').getBoundingClientRect();
      const covers = (r) => r.right > m.left && r.left < m.right && r.bottom > m.top && r.top < m.bottom;
      return { shown: true, share: (m.width * m.height) / (pane.width * pane.height),
        coversLegend: [...document.querySelectorAll('#diagram g.legend')].some((g) => covers(g.getBoundingClientRect())) };
    });
  }
  await page.screenshot({ path: screenshot });

  seen.step = 'Tab reaches the picture; the arrows select its boxes';
  await page.focus('#find');
  for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.id === 'diagram')); i++) {
    await page.keyboard.press('Tab');
  }
  seen.pictureReached = await page.evaluate(() => document.activeElement?.id === 'diagram');
  const selectedBox = () => page.evaluate(() => document.querySelector('#diagram g.node.selected')?.id || null);
  const boxes = [];
  for (let i = 0; i < 12 && !(boxes.at(-1) || '').startsWith('component:'); i++) {
    await page.keyboard.press('ArrowRight');
    boxes.push(await selectedBox());
  }
  seen.boxes = boxes;
  seen.textSelected = await page.evaluate(() => {
    const view = window.byronStudio.editor().view(window.byronStudio.current());
    return view.state.sliceDoc(view.state.selection.main.from, view.state.selection.main.to).slice(0, 20);
  });
  seen.keyboardStaysOnThePicture = await page.evaluate(() => document.activeElement?.id === 'diagram');
  // the keyboard coming into the text finds the cursor at the declaration, not the whole component selected to type over
  await page.focus('#editor .cm-editor:not([hidden]) .cm-content');
  seen.selectionOnEntering = await page.evaluate(() => {
    const view = window.byronStudio.editor().view(window.byronStudio.current());
    return view.state.selection.main.to - view.state.selection.main.from;
  });
  await page.focus('#diagram');

  seen.step = "Shift+F10 opens the box's menu, whole in the window; Escape closes it";
  await page.keyboard.down('Shift');
  await page.keyboard.press('F10');
  await page.keyboard.up('Shift');
  await page.waitForSelector('#menu:not([hidden])', { timeout: 5000 }).catch(() => {});
  seen.menu = await page.evaluate(() => {
    const menu = document.getElementById('menu');
    const at = menu.getBoundingClientRect();
    return { shown: !menu.hidden, inWindow: at.left >= 0 && at.right <= window.innerWidth && at.bottom <= window.innerHeight,
      focused: menu.contains(document.activeElement), first: menu.querySelector('button')?.textContent };
  });
  await page.keyboard.press('Escape');
  seen.menuClosed = await page.evaluate(() => document.getElementById('menu').hidden && document.activeElement?.id === 'diagram');

  seen.step = 'an entity added from the menu by keyboard: the keyboard comes back to the picture, nothing to type over';
  await page.keyboard.down('Shift');
  await page.keyboard.press('F10');
  await page.keyboard.up('Shift');
  await page.waitForSelector('#menu:not([hidden])', { timeout: 5000 });
  await page.keyboard.press('Enter'); // its first item: Add entity to …
  await page.waitForSelector('#ask[open]', { timeout: 10000 });
  await page.keyboard.type('Locker');
  await page.waitForFunction(() => !document.querySelector('#ask-ok').disabled, { timeout: 10000 });
  await page.keyboard.press('Enter');
  const current = () => page.evaluate(() => window.byronStudio.editor().text(window.byronStudio.current()));
  await page.waitForFunction(() => window.byronStudio.editor().text(window.byronStudio.current()).includes('entity Locker'),
    { timeout: 30000 });
  const withEntity = await current();
  await page.keyboard.press('x');
  await new Promise((resolve) => setTimeout(resolve, 300));
  seen.afterMenuEdit = { focus: await page.evaluate(() => document.activeElement?.id), unchanged: (await current()) === withEntity };
  // Ctrl+Z with the keyboard on the picture takes the edit back (one file's: not a change grouped across files)
  await page.keyboard.down('Control');
  await page.keyboard.press('z');
  await page.keyboard.up('Control');
  await page.waitForFunction(() => !window.byronStudio.editor().text(window.byronStudio.current()).includes('entity Locker'),
    { timeout: 5000 }).catch(() => {});
  seen.menuEditUndone = !(await current()).includes('entity Locker');
  await page.keyboard.down('Control');
  await page.keyboard.press('y');
  await page.keyboard.up('Control');
  await page.waitForFunction(() => window.byronStudio.editor().text(window.byronStudio.current()).includes('entity Locker'),
    { timeout: 5000 }).catch(() => {});
  seen.menuEditRedone = (await current()).includes('entity Locker');

  seen.step = 'Enter opens the selected box in the text';
  await page.keyboard.press('Enter');
  seen.enterOpens = await page.evaluate(() => !!document.activeElement?.closest('.cm-editor'));

  seen.step = 'the file list by arrows';
  await page.focus('#files li.current');
  const before = await page.evaluate(() => window.byronStudio.current());
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  seen.listMoved = { before, after: await page.evaluate(() => window.byronStudio.current()),
    focused: await page.evaluate(() => document.activeElement?.dataset?.path) };

  seen.step = 'a component deleted from its menu by keyboard, asked nothing; Ctrl+Z on the picture brings it back';
  await page.focus('#diagram');
  for (let i = 0; i < 12 && !((await selectedBox()) || '').startsWith('component:'); i++) {
    await page.keyboard.press('ArrowRight');
  }
  const doomed = await selectedBox();
  await page.keyboard.down('Shift');
  await page.keyboard.press('F10');
  await page.keyboard.up('Shift');
  await page.waitForSelector('#menu:not([hidden])', { timeout: 5000 });
  for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.textContent?.startsWith('Delete '))); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  const drawn = (id) => page.evaluate((i) => !!document.querySelector(`#diagram g.node[id="${i}"]`), id);
  await page.waitForFunction((i) => !document.querySelector(`#diagram g.node[id="${i}"]`), { timeout: 30000 }, doomed);
  seen.deleted = { box: doomed, gone: !(await drawn(doomed)), notice: await page.$eval('#notice', (n) => n.textContent),
    focus: await page.evaluate(() => document.activeElement?.id) };
  await page.keyboard.down('Control');
  await page.keyboard.press('z');
  await page.keyboard.up('Control');
  await page.waitForFunction((i) => !!document.querySelector(`#diagram g.node[id="${i}"]`), { timeout: 30000 }, doomed).catch(() => {});
  seen.deletionUndone = await drawn(doomed);
} catch (e) {
  console.error(`failed at: ${seen.step}: ${e.message}`);
  throw e;
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));

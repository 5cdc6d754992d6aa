// Byron Studio in the browser on a second project (the shop): a box moved, the page reloaded, the box where it
// was put; hover and the problems of an untouched project; a file added on disk while no page is open is there
// when a page opens. Prints what it saw as JSON.
// Usage: node reload.mjs <url> <screenshot.png> <project folder>
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './browser.mjs';

const [url, screenshot, project] = process.argv.slice(2);
const browser = await launch();
const seen = { errors: [] };
const box = (id) => `#diagram g.node[id="${id}"]`;
const rectX = (page, id) => page.$eval(box(id) + ' rect', (r) => Number(r.getAttribute('x')));
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => seen.errors.push(e.message));
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
  await page.waitForSelector(box('component:orders'), { timeout: 60000 });
  await page.waitForSelector('#editor .cm-editor', { timeout: 60000 });
  seen.components = await page.$$eval('#diagram g.node', (nodes) => nodes.map((n) => n.id).filter((id) => id.startsWith('component:')));
  seen.problems = await page.$$eval('#problems li', (items) => items.length);

  const before = await rectX(page, 'component:orders');
  await page.$eval(box('component:orders'), (n) => n.scrollIntoView({ block: 'center', inline: 'center' }));
  const at = await (await page.$(box('component:orders'))).boundingBox();
  await page.mouse.move(at.x + at.width / 2, at.y + 12);
  await page.mouse.down();
  await page.mouse.move(at.x + at.width / 2 + 80, at.y + 60, { steps: 5 });
  await page.mouse.move(at.x + at.width / 2 + 160, at.y + 100, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction((s, x) => Number(document.querySelector(s)?.getAttribute('x')) !== x, { timeout: 60000 },
    box('component:orders') + ' rect', before); // drawn again where it was dropped
  await page.waitForFunction(() => !document.querySelector('#relayout').hidden, { timeout: 60000 });
  seen.movedBy = Math.round((await rectX(page, 'component:orders')) - before);

  // Ctrl+Z takes the move back, Ctrl+Y makes it again (no text changed since)
  const pressed = async (key, movedBy, said) => {
    await page.keyboard.down('Control');
    await page.keyboard.press(key);
    await page.keyboard.up('Control');
    await page.waitForFunction((s, x, words) => Number(document.querySelector(s)?.getAttribute('x')) === x
      && document.querySelector('#notice').textContent.includes(words), { timeout: 20000 },
    box('component:orders') + ' rect', before + movedBy, said).catch(() => {});
    return { movedBy: Math.round((await rectX(page, 'component:orders')) - before), said: await page.$eval('#notice', (s) => s.textContent) };
  };
  seen.moveUndone = await pressed('z', 0, 'moved back');
  seen.moveRedone = await pressed('y', seen.movedBy, 'moved again');

  // a line typed and sent, then the page reloaded: Ctrl+Z still takes the line back
  await page.waitForFunction(() => window.byronStudio.editor().view('schema.byron'), { timeout: 60000 });
  await page.evaluate(() => {
    const view = window.byronStudio.editor().view('schema.byron');
    view.dispatch({ changes: { from: view.state.doc.length, insert: '// typed before the reload\n' }, userEvent: 'input.type' });
  });
  await page.waitForFunction(() => document.querySelector('#files li[data-path="schema.byron"]').classList.contains('modified'),
    { timeout: 60000 });
  await new Promise((resolve) => setTimeout(resolve, 500)); // sent after the page's pause in typing
  await page.$eval('#files li[data-path="config.byron"]', (item) => item.click()); // the file shown when reloading
  page.once('dialog', (dialog) => { // leaving with unsaved edits asks first: the user goes on
    seen.askedBeforeLeaving = dialog.type();
    dialog.accept();
  });

  await page.reload({ waitUntil: 'networkidle0' });
  await page.waitForSelector(box('component:orders'), { timeout: 60000 });
  seen.afterReload = Math.round((await rectX(page, 'component:orders')) - before);
  await page.waitForFunction(() => window.byronStudio.editor().view && window.byronStudio.editor().view('schema.byron'),
    { timeout: 60000 });
  seen.typedKept = (await page.evaluate(() => window.byronStudio.editor().text('schema.byron'))).includes('// typed before the reload');
  seen.shownAfterReload = await page.evaluate(() => window.byronStudio.current());
  await page.evaluate(() => {
    window.byronStudio.editor().show('schema.byron');
    window.byronStudio.editor().view('schema.byron').focus();
  });
  await page.keyboard.down('Control');
  await page.keyboard.press('z');
  await page.keyboard.up('Control');
  await page.waitForFunction(() => !window.byronStudio.editor().text('schema.byron').includes('// typed before the reload'),
    { timeout: 10000 }).catch(() => {});
  seen.undoneAfterReload = !(await page.evaluate(() => window.byronStudio.editor().text('schema.byron'))).includes('// typed before the reload');
  await page.waitForFunction(() => !document.querySelector('#files li[data-path="schema.byron"]').classList.contains('modified'),
    { timeout: 10000 }).catch(() => {});
  seen.relayoutOffered = await page.$eval('#relayout', (b) => !b.hidden);

  // zoom: the buttons, Ctrl+wheel at the pointer, a drag on the background moves the picture, Fit undoes the zoom
  const width = () => page.$eval('#diagram svg', (svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('width')));
  // the undo above is sent and the picture drawn again: zoom the picture that stays
  await page.waitForFunction(() => { // the same picture for a second (the page polls, so the network is never idle)
    const svg = document.querySelector('#diagram svg');
    if (window.lastSvg !== svg) {
      window.lastSvg = svg;
      window.lastSvgSince = Date.now();
    }
    return Date.now() - window.lastSvgSince > 1000;
  }, { timeout: 30000, polling: 100 });
  await page.click('#zoom-in');
  await page.click('#zoom-in');
  await page.waitForFunction(() => document.querySelector('#zoom-level').textContent === '156%', { timeout: 5000 }).catch(() => {});
  seen.zoomedIn = Math.round((await width()) * 100);
  seen.zoomLabel = await page.$eval('#zoom-level', (l) => l.textContent);
  const area = await (await page.$('#diagram')).boundingBox();
  await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel({ deltaY: 100 });
  await page.keyboard.up('Control');
  await page.waitForFunction(() => document.querySelector('#zoom-level').textContent !== '156%', { timeout: 5000 });
  seen.wheeledOut = Math.round((await width()) * 100);
  const scrolled = () => page.$eval('#diagram', (d) => [d.scrollLeft, d.scrollTop]);
  await page.evaluate(() => { // the text cursor inside a component: its box marked (the look kept over a reload still)
    const view = window.byronStudio.editor().view('schema.byron');
    view.focus(); // the page follows the cursor of the editor in use
    view.dispatch({ selection: { anchor: view.state.doc.toString().indexOf('component payments {') + 12 } });
  });
  await page.waitForSelector('#diagram g.node.selected[id="component:payments"]', { timeout: 10000 });
  const empty = await page.evaluate(() => { // a point of the picture's background, in view, away from every box
    const boxes = [...document.querySelectorAll('#diagram g.node')].map((n) => n.getBoundingClientRect());
    const area = document.querySelector('#diagram').getBoundingClientRect();
    for (let y = area.top + 20; y < area.bottom - 20; y += 15) {
      for (let x = area.left + 20; x < area.right - 20; x += 15) {
        if (!boxes.some((b) => x >= b.left - 5 && x <= b.right + 5 && y >= b.top - 5 && y <= b.bottom + 5)
          && document.elementFromPoint(x, y)?.closest('#diagram') && !document.elementFromPoint(x, y).closest('g.node')) {
          return { x, y };
        }
      }
    }
    return null;
  });
  const [left, top] = await scrolled();
  await page.mouse.move(empty.x, empty.y);
  await page.mouse.down();
  await page.mouse.move(empty.x - 60, empty.y - 40, { steps: 4 });
  await page.mouse.up();
  const [leftAfter, topAfter] = await scrolled();
  seen.panned = [leftAfter - left, topAfter - top];
  seen.markedOutOfView = await page.evaluate(() => { // looked away from the marked box, as far as the picture goes
    const d = document.querySelector('#diagram');
    const box = () => d.querySelector('g.node[id="component:payments"]').getBoundingClientRect();
    const area = d.getBoundingClientRect();
    d.scrollTop = box().top - area.top > area.height / 2 ? 0 : d.scrollHeight;
    d.scrollLeft = box().left - area.left > area.width / 2 ? 0 : d.scrollWidth;
    const b = box();
    return b.bottom < area.top || b.top > area.bottom || b.right < area.left || b.left > area.right;
  });
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-zoomed.png') });
  // the zoom and the scroll are kept over a reload of the tab
  await new Promise((resolve) => setTimeout(resolve, 400)); // kept after a pause in scrolling
  const looked = { label: await page.$eval('#zoom-level', (l) => l.textContent), at: await scrolled() };
  await page.reload({ waitUntil: 'networkidle0' });
  await page.waitForSelector(box('component:orders'), { timeout: 60000 });
  await page.waitForFunction(() => window.byronStudio.analyses() > 0, { timeout: 60000 });
  seen.lookKept = { before: looked, after: { label: await page.$eval('#zoom-level', (l) => l.textContent), at: await scrolled() } };
  await page.click('#fit');
  seen.fittedAfterZoom = await page.$eval('#diagram', (d) => {
    const svg = d.querySelector('svg');
    return d.classList.contains('fitted') && Math.abs(svg.getBoundingClientRect().width - d.clientWidth) < 2;
  });
  await page.click('#fit'); // back to its own size
  await page.screenshot({ path: screenshot });

  // a syntax error: the header says the picture may lack what follows it; taken back, it says so no more
  const edit = (from, to) => page.evaluate((a, b) => {
    const view = window.byronStudio.editor().view('schema.byron');
    const at = view.state.doc.toString().indexOf(a);
    view.dispatch({ changes: { from: at, to: at + a.length, insert: b }, userEvent: 'input.type' });
  }, from, to);
  await page.evaluate(() => window.byronStudio.editor().show('schema.byron'));
  await edit('component orders {', 'component orders { }}');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('syntax error'), { timeout: 60000 })
    .catch(() => {});
  seen.syntaxSaid = await page.$eval('#status', (s) => s.textContent);
  await edit('component orders { }}', 'component orders {');
  await page.waitForFunction(() => !document.querySelector('#status').textContent.includes('syntax error'), { timeout: 60000 });

  // the divider between the text and the picture: dragged, kept over a reload, Home hides the text, a double-click
  // gives back the first widths
  const widths = () => page.evaluate(() => ({ text: Math.round(document.querySelector('#editor').getBoundingClientRect().width),
    picture: Math.round(document.querySelector('#diagram').getBoundingClientRect().width) }));
  const split = await (await page.$('#divider')).boundingBox();
  const middle = { x: split.x + split.width / 2, y: split.y + split.height / 2 };
  const first = await widths();
  await page.mouse.move(middle.x, middle.y);
  await page.mouse.down();
  await page.mouse.move(middle.x - 80, middle.y, { steps: 4 });
  await page.mouse.move(middle.x - 150, middle.y + 30, { steps: 4 });
  await page.mouse.up();
  const dragged = await widths();
  await page.reload({ waitUntil: 'networkidle0' });
  await page.waitForSelector(box('component:orders'), { timeout: 60000 });
  const reloaded = await widths();
  await page.focus('#divider');
  await page.keyboard.press('Home');
  const hidden = await widths();
  await page.click('#fit');
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-picture-only.png') });
  await page.click('#fit');
  await page.click('#divider', { count: 2 });
  seen.divider = { first, dragged, reloaded, hidden, reset: await widths() };

  // a line typed, then the tab closed (its user leaves with the edit unsaved) and the studio opened in a new tab
  await page.evaluate(() => {
    const view = window.byronStudio.editor().view('schema.byron');
    view.dispatch({ changes: { from: view.state.doc.length, insert: '// typed before the tab was closed\n' }, userEvent: 'input.type' });
  });
  await page.waitForFunction(() => document.querySelector('#files li[data-path="schema.byron"]').classList.contains('modified'),
    { timeout: 60000 });
  await new Promise((resolve) => setTimeout(resolve, 500)); // sent after the page's pause in typing
  await page.evaluate(() => { // and the last keys, typed fast as the tab is closed: their sends wait for the one before
    window.byronStudio.editor().show('schema.byron');
    const view = window.byronStudio.editor().view('schema.byron');
    view.focus();
    view.dispatch({ selection: { anchor: view.state.doc.length } });
  });
  await page.keyboard.type('// and the last keys', { delay: 5 });
  page.on('dialog', (dialog) => dialog.accept());
  await page.close({ runBeforeUnload: true });
  fs.writeFileSync(path.join(project, 'audit.byron'), 'component audit {\n  entity Entry {\n    text: String!\n  }\n}\n');
  const again = await browser.newPage();
  again.on('pageerror', (e) => seen.errors.push(e.message));
  await again.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
  await again.waitForSelector('#files li[data-path="audit.byron"]', { timeout: 60000 });
  await again.waitForSelector(box('component:audit'), { timeout: 60000 });
  seen.addedWhileNoPageWasOpen = true;
  await again.evaluate(() => {
    window.byronStudio.editor().show('schema.byron');
    window.byronStudio.editor().view('schema.byron').focus();
  });
  const closedLine = () => again.evaluate(() => window.byronStudio.editor().text('schema.byron').includes('// typed before the tab was closed'));
  seen.keptOverTheClose = await closedLine();
  seen.lastKeysKept = await again.evaluate(() => window.byronStudio.editor().text('schema.byron').endsWith('// and the last keys'));
  for (let i = 0; i < 3 && await closedLine(); i++) { // the last keys are an undo step of their own, then the line
    const before = await again.evaluate(() => window.byronStudio.editor().text('schema.byron'));
    await again.keyboard.down('Control');
    await again.keyboard.press('z');
    await again.keyboard.up('Control');
    await again.waitForFunction((t) => window.byronStudio.editor().text('schema.byron') !== t, { timeout: 5000 }, before).catch(() => {});
  }
  seen.undoneInANewTab = !(await closedLine());
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));

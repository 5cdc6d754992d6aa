// A picture larger than the page: it opens on a box, not on its empty corner; a box whose component holds the text
// cursor is brought to the middle of the view; back at full size after Fit, the view is on the marked box again; an
// pointer on a box lights its arrows; an overview in the corner shows the whole picture while part of it is out of view, and a press on it looks there.
// Prints what it saw as JSON. Usage: node large.mjs <url> <component to put the cursor in> <screenshot.png>
import { launch } from './browser.mjs';

const [url, target, screenshot] = process.argv.slice(2);
const browser = await launch();
const seen = { errors: [] };
// whether the box (by default the first component's, the one the page opens on) is wholly inside the part of the
// picture in view, and not under the overview
const inView = (page, id) => page.evaluate((i) => {
  const box = document.querySelector(i ? `#diagram g.node[id="${i}"]` : '#diagram g.node[id^="component:"]').getBoundingClientRect();
  const area = document.querySelector('#diagram').getBoundingClientRect();
  const map = document.querySelector('svg.byron-overview');
  const under = map && getComputedStyle(map).display !== 'none' && (() => {
    const m = map.getBoundingClientRect();
    return box.right > m.left && box.left < m.right && box.bottom > m.top && box.top < m.bottom;
  })();
  return box.left >= area.left && box.right <= area.right && box.top >= area.top && box.bottom <= area.bottom && !under;
}, id);
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => seen.errors.push(e.message));
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
  await page.waitForSelector('#diagram g.node[id^="component:"]', { timeout: 60000 });
  await page.waitForFunction(() => window.byronStudio && window.byronStudio.editor(), { timeout: 60000 });
  seen.pictureLarger = await page.$eval('#diagram', (d) => d.scrollWidth > d.clientWidth || d.scrollHeight > d.clientHeight);
  seen.openedOnABox = await inView(page);
  // and no further down or right than that box needs: the picture's top and left, its legend, stay in view as far as can
  seen.openedFromTheCorner = await page.$eval('#diagram', (d) => {
    const box = d.querySelector('g.node[id^="component:"]').getBoundingClientRect();
    const area = d.getBoundingClientRect();
    const bottom = box.bottom - area.top + d.scrollTop; // where the box ends in the scrolled picture
    const right = box.right - area.left + d.scrollLeft;
    const slack = 16 + 220; // a margin, and the overview's width the box may be scrolled clear of
    return { top: d.scrollTop, left: d.scrollLeft, ok: d.scrollTop <= Math.max(0, bottom - d.clientHeight) + slack
      && d.scrollLeft <= Math.max(0, right - d.clientWidth) + slack };
  });
  await page.evaluate((t) => {
    const editor = window.byronStudio.editor();
    const view = editor.view(window.byronStudio.current());
    view.focus(); // the page follows the cursor of the editor in use
    view.dispatch({ selection: { anchor: view.state.doc.toString().indexOf(`component ${t} {`) + 12 } });
  }, target);
  await page.waitForSelector(`#diagram g.node.selected[id="component:${target}"]`, { timeout: 30000 });
  seen.markedInView = await inView(page, `component:${target}`);
  { // a pointer resting on that box lights its arrows and dims the others; each arrow's title says where it runs
    const at = await (await page.$(`#diagram g.node[id="component:${target}"]`)).boundingBox();
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    seen.lit = await page.evaluate((id) => {
      const edges = [...document.querySelectorAll('#diagram g.edge')];
      const own = edges.filter((e) => e.dataset.from === id || e.dataset.to === id);
      return { own: own.length, lit: edges.filter((e) => e.classList.contains('byron-lit')).length,
        ownLit: own.every((e) => e.classList.contains('byron-lit')),
        othersDimmed: edges.filter((e) => !own.includes(e)).every((e) => Number(getComputedStyle(e).opacity) < 0.5),
        titles: own.map((e) => e.querySelector('title')?.textContent) };
    }, `component:${target}`);
    await page.mouse.move(at.x + at.width / 2, at.y - 400); // away from the box
    seen.unlitAfter = await page.$$eval('#diagram g.edge.byron-lit', (lit) => lit.length);
    seen.boxTitle = await page.$eval(`#diagram g.node[id="component:${target}"] > title`, (t) => t.textContent);
  }
  { // a pointer on the stretch several arrows share into a box lights them all, not only the one drawn on top
    const shared = await page.evaluate(() => {
      const byLastStretch = new Map();
      for (const edge of document.querySelectorAll('#diagram g.edge')) {
        const numbers = edge.querySelector('path:not(.byron-hit)').getAttribute('d').match(/-?[\d.]+/g).map(Number);
        if (numbers.length >= 4) {
          const key = numbers.slice(-4).join(' ');
          byLastStretch.set(key, [...(byLastStretch.get(key) || []), edge.id]);
        }
      }
      const [key, ids] = [...byLastStretch].filter(([k, e]) => e.length > 1)
        .sort((a, b) => b[1].length - a[1].length)[0] || [null, []];
      if (!key) {
        return null;
      }
      const [x1, y1, x2, y2] = key.split(' ').map(Number);
      const diagram = document.querySelector('#diagram');
      const svg = diagram.querySelector('svg');
      const middle = () => new DOMPoint((x1 + x2) / 2, (y1 + y2) / 2).matrixTransform(svg.getScreenCTM());
      const area = diagram.getBoundingClientRect();
      diagram.scrollLeft += middle().x - (area.left + area.width / 2);
      diagram.scrollTop += middle().y - (area.top + area.height / 2);
      return { ids, x: middle().x, y: middle().y };
    });
    if (shared) {
      await page.mouse.move(shared.x - 40, shared.y - 40);
      await page.mouse.move(shared.x, shared.y, { steps: 4 });
      const lit = await page.$$eval('#diagram g.edge.byron-lit', (edges) => edges.map((e) => e.id));
      seen.sharedStretch = { sharedBy: shared.ids.length, litOfThem: shared.ids.filter((id) => lit.includes(id)).length };
    }
  }
  await page.$eval('#diagram', (d) => d.scrollTo(0, 0)); // looked elsewhere
  await page.click('#fit');
  await page.click('#fit'); // full size again
  seen.backOnTheMarkedBox = await inView(page, `component:${target}`);
  { // the find field: a name and Enter, its box marked and in view
    await page.$eval('#diagram', (d) => d.scrollTo(0, 0));
    await page.click('#find');
    await page.keyboard.type('c3');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#diagram g.node.selected[id="component:c3"]', { timeout: 10000 }).catch(() => {});
    seen.found = { marked: await page.$$eval('#diagram g.node.selected', (n) => n.map((x) => x.id)), inView: await inView(page, 'component:c3'),
      textKept: await page.evaluate(() => window.byronStudio.editor().text(window.byronStudio.current()).includes('component c3 {')) };
    await page.$eval('#find', (f) => { f.value = 'nosuchbox'; });
    await page.focus('#find');
    await page.keyboard.press('Enter');
    seen.found.missingMarked = await page.$eval('#find', (f) => f.classList.contains('missing'));
  }
  const overview = () => page.evaluate(() => {
    const map = document.querySelector('svg.byron-overview');
    const view = map && map.querySelector('.byron-overview-view');
    return map && { shown: getComputedStyle(map).display !== 'none', boxes: map.querySelectorAll('rect:not(.byron-overview-view)').length,
      pictureBoxes: document.querySelectorAll('#diagram g.node').length, viewBox: map.getAttribute('viewBox').split(' ').map(Number),
      view: view && ['x', 'y', 'width', 'height'].map((a) => Number(view.getAttribute(a))), bounds: map.getBoundingClientRect().toJSON() };
  });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('svg.byron-overview')).display !== 'none', { timeout: 5000 })
    .catch(() => {}); // the picture's resize is noticed before the next frame
  seen.overview = await overview();
  // a press on the overview's lower right corner: the view goes to the picture's lower right part
  const corner = seen.overview.bounds;
  await page.mouse.click(corner.right - 3, corner.bottom - 3);
  seen.afterPress = await page.$eval('#diagram', (d) => ({ right: d.scrollWidth - d.clientWidth - d.scrollLeft,
    bottom: d.scrollHeight - d.clientHeight - d.scrollTop, left: d.scrollLeft }));
  seen.overviewAfterPress = await overview();
  { // the picture's point under the press is in view now (the outline holds it)
    const k = corner.width / seen.overviewAfterPress.viewBox[2];
    const [x, y, w, h] = seen.overviewAfterPress.view;
    const pressed = [(corner.width - 3) / k, (corner.height - 3) / k];
    seen.pressedPointInView = pressed[0] >= x && pressed[0] <= x + w && pressed[1] >= y && pressed[1] <= y + h;
  }
  await page.screenshot({ path: screenshot });
  await page.click('#fit'); // the whole picture in view: no overview
  await page.waitForFunction(() => getComputedStyle(document.querySelector('svg.byron-overview')).display === 'none', { timeout: 5000 })
    .then(() => { seen.hiddenWhenFitted = true; }, () => { seen.hiddenWhenFitted = false; });
  seen.fittedLabel = await page.$eval('#zoom-level', (l) => l.textContent);
  seen.fittedScale = await page.evaluate(() => { // the picture's width on screen over its full width
    const svg = document.querySelector('#diagram svg');
    const box = svg.getBoundingClientRect();
    return Math.min(box.width / Number(svg.getAttribute('width')), box.height / Number(svg.getAttribute('height')));
  });
  { // a component typed: its box and arrows drawn in, what did not change stays the same element (not parsed again)
    await page.evaluate(() => document.querySelectorAll('#diagram svg > *').forEach((e) => { e.byronBefore = true; }));
    await page.evaluate(() => {
      const view = window.byronStudio.editor().view(window.byronStudio.current());
      view.dispatch({ changes: { from: view.state.doc.length, insert: '\ncomponent added {\n  entity Thing { n: String }\n}\n' } });
    });
    await page.waitForSelector('#diagram g.node[id="component:added"]', { timeout: 60000 });
    seen.afterEdit = await page.evaluate(() => {
      const children = [...document.querySelectorAll('#diagram svg > *')];
      const edges = [...document.querySelectorAll('#diagram g.edge[data-from="component:added"], #diagram g.edge[data-to="component:added"]')];
      return { kept: children.filter((e) => e.byronBefore).length, all: children.length,
        newArrows: edges.length, newArrowsHit: edges.filter((e) => e.querySelector('path.byron-hit')).length,
        oneHitEach: [...document.querySelectorAll('#diagram g.edge')].every((e) => e.querySelectorAll('path.byron-hit').length === 1) };
    });
    const added = await (await page.$('#diagram g.node[id="component:added"]')).boundingBox();
    await page.$eval('#diagram g.node[id="component:added"]', (n) => n.scrollIntoView({ block: 'center', inline: 'center' }));
    await page.$eval('#diagram g.node[id="component:added"]', (n) => n.dispatchEvent(new MouseEvent('contextmenu',
      { bubbles: true, cancelable: true, clientX: 10, clientY: 10 })));
    seen.afterEdit.menu = await page.waitForSelector('#menu:not([hidden])', { timeout: 5000 })
      .then(() => page.$$eval('#menu button', (b) => b.map((x) => x.textContent)), () => []);
    seen.afterEdit.size = added && [added.width, added.height];
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));

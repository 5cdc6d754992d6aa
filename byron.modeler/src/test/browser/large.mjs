// A picture larger than the page: it opens on a box, not on its empty corner; a box whose component holds the text
// cursor is brought to the middle of the view; back at full size after Fit, the view is on the marked box again.
// Prints what it saw as JSON. Usage: node large.mjs <url> <component to put the cursor in>
import { launch } from './browser.mjs';

const [url, target] = process.argv.slice(2);
const browser = await launch();
const seen = { errors: [] };
// whether the box is wholly inside the part of the picture in view
const inView = (page, id) => page.evaluate((i) => {
  const box = document.querySelector(`#diagram g.node[id="${i}"]`).getBoundingClientRect();
  const area = document.querySelector('#diagram').getBoundingClientRect();
  return box.left >= area.left && box.right <= area.right && box.top >= area.top && box.bottom <= area.bottom;
}, id);
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => seen.errors.push(e.message));
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
  await page.waitForSelector('#diagram g.node[id^="component:"]', { timeout: 60000 });
  await page.waitForFunction(() => window.byronStudio && window.byronStudio.editor(), { timeout: 60000 });
  seen.pictureLarger = await page.$eval('#diagram', (d) => d.scrollWidth > d.clientWidth || d.scrollHeight > d.clientHeight);
  seen.openedOnABox = await page.evaluate(() => {
    const area = document.querySelector('#diagram').getBoundingClientRect();
    return [...document.querySelectorAll('#diagram g.node[id^="component:"]')].some((n) => {
      const box = n.getBoundingClientRect();
      return box.left >= area.left && box.right <= area.right && box.top >= area.top && box.bottom <= area.bottom;
    });
  });
  await page.evaluate((t) => {
    const editor = window.byronStudio.editor();
    const view = editor.view(window.byronStudio.current());
    view.focus(); // the page follows the cursor of the editor in use
    view.dispatch({ selection: { anchor: view.state.doc.toString().indexOf(`component ${t} {`) + 12 } });
  }, target);
  await page.waitForSelector(`#diagram g.node.selected[id="component:${target}"]`, { timeout: 30000 });
  seen.markedInView = await inView(page, `component:${target}`);
  await page.$eval('#diagram', (d) => d.scrollTo(0, 0)); // looked elsewhere
  await page.click('#fit');
  await page.click('#fit'); // full size again
  seen.backOnTheMarkedBox = await inView(page, `component:${target}`);
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));

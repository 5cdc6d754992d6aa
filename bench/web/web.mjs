// The web studio as a user meets it, timed: page load until the first diagram is drawn; a line typed that
// changes nothing the view shows, until the page has shown the model read again; a component typed at the end of the model,
// until its box is in the page and until the frame that shows it is drawn. Prints one JSON line:
// {"load": ms, "typing": [ms...], "edits": [ms...], "painted": [ms...]}.
// Usage: node web.mjs <url> <edits>
import puppeteer from 'puppeteer-core';

const [url, count] = process.argv.slice(2);
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu'], defaultViewport: { width: 1500, height: 920 } });
try {
  const page = await browser.newPage();
  const begin = performance.now();
  await page.goto(url);
  await page.waitForSelector('#diagram g.node[id^="component:"]', { timeout: 120000 });
  const load = performance.now() - begin;
  await page.waitForFunction(() => window.byronStudio && window.byronStudio.editor(), { timeout: 120000 });
  // edits are timed once the page has settled: its language server has read and checked the model it just opened
  await page.waitForNetworkIdle({ idleTime: 500, timeout: 120000 });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const typing = [];
  for (let i = 0; i < Number(count); i++) {
    const start = performance.now();
    await page.evaluate((n) => {
      window.shownBefore = window.byronStudio.analyses();
      const view = window.byronStudio.editor().view(window.byronStudio.current());
      view.dispatch({ changes: { from: 0, insert: `// note ${n}\n` } });
    }, i);
    // the page has shown the model read again (its picture unchanged, so the same svg stays)
    await page.waitForFunction(() => window.byronStudio.analyses() > window.shownBefore, { timeout: 120000 });
    typing.push(performance.now() - start);
  }
  const edits = [];
  const painted = [];
  for (let i = 0; i < Number(count); i++) {
    const name = `added${i}`;
    const start = performance.now();
    await page.evaluate((n) => {
      const view = window.byronStudio.editor().view(window.byronStudio.current());
      view.dispatch({ changes: { from: view.state.doc.length, insert: `\ncomponent ${n} {\n  entity Thing${n} { name: String }\n}\n` } });
    }, name);
    await page.waitForSelector(`#diagram g.node[id="component:${name}"]`, { timeout: 120000 });
    edits.push(performance.now() - start);
    // the page's next frame begins once the browser has drawn the one with the box (software raster here: no GPU)
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    painted.push(performance.now() - start);
  }
  console.log(JSON.stringify({ load, typing, edits, painted }));
} finally {
  await browser.close();
}

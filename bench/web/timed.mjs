// probe: per edit, where the time goes as the page sees it
import puppeteer from 'puppeteer-core';
const [url, count] = process.argv.slice(2);
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu'], defaultViewport: { width: 1500, height: 920 } });
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('#diagram g.node[id^="component:"]', { timeout: 120000 });
  await page.waitForFunction(() => window.byronStudio && window.byronStudio.editor(), { timeout: 120000 });
  await new Promise((r) => setTimeout(r, 3000));
  for (let i = 0; i < Number(count); i++) {
    const name = `added${i}`;
    const r = await page.evaluate(async (n) => {
      performance.clearResourceTimings();
      const view = window.byronStudio.editor().view(window.byronStudio.current());
      const t0 = performance.now();
      view.dispatch({ changes: { from: view.state.doc.length, insert: `\ncomponent ${n} {\n  entity Thing${n} { name: String }\n}\n` } });
      const t1 = performance.now();
      await new Promise((resolve) => {
        const check = () => document.querySelector(`#diagram g.node[id="component:${n}"]`) ? resolve() : requestAnimationFrame(check);
        check();
      });
      const t2 = performance.now();
      await new Promise((r) => requestAnimationFrame(() => r()));
      const t3 = performance.now();
      const res = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'))
        .map((e) => `${e.name.replace(/^.*\/api\//, '').replace(/\?.*/, '')}@${(e.startTime - t0).toFixed(0)}+${(e.responseEnd - e.startTime).toFixed(0)}`);
      return { dispatch: t1 - t0, shown: t2 - t0, painted: t3 - t0, res };
    }, name);
    console.log(JSON.stringify(r));
  }
} finally {
  await browser.close();
}

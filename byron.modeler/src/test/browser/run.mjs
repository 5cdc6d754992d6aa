// Runs the system from Byron Studio in the browser, waits for the components' live state on the diagram, stops it.
// Prints what it saw as JSON. Usage: node run.mjs <url> <screenshot.png>
import puppeteer from 'puppeteer-core';

const [url, screenshot] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  defaultViewport: { width: 1500, height: 920 },
});
const seen = {};
const word = (name) => `#diagram text.live-text[data-component="${name}"]`;
try {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
  await page.waitForSelector('#diagram g.node', { timeout: 60000 });
  await page.click('#run');
  await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'running', { timeout: 90000 }, word('timeline'));
  seen.states = await page.$$eval('#diagram text.live-text', (t) => t.map((x) => x.dataset.component + ' ' + x.textContent));
  seen.rates = await page.$$eval('#diagram text.live-rate', (t) => t.map((x) => x.dataset.flow + ' ' + x.textContent));
  seen.log = await page.$eval('#log', (l) => l.textContent);
  await page.screenshot({ path: screenshot });
  await page.click('#stop');
  await page.waitForFunction(() => !document.querySelector('#run').disabled && !document.querySelector('#diagram .live'),
    { timeout: 60000 });
  seen.stopped = true;
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));

// Runs the system from Byron Studio in the browser, waits for the components' live state on the diagram, stops it.
// Prints what it saw as JSON. Usage: node run.mjs <url> <screenshot.png>
import { launch, openMenu } from './browser.mjs';

const [url, screenshot] = process.argv.slice(2);
const browser = await launch();
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

  // a component's menu stops it and starts it again
  const social = `#diagram g.node[id="component:social"]`;
  await page.$eval(social, (n) => n.scrollIntoView({ block: 'center', inline: 'center' }));
  await openMenu(page, social);
  await page.waitForSelector('#menu:not([hidden])', { timeout: 10000 });
  seen.menu = await page.$$eval('#menu button', (b) => b.map((x) => x.textContent));
  await (await page.$$('#menu button'))[seen.menu.indexOf('Stop social')].click();
  await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'stopped', { timeout: 60000 }, word('social'));
  await openMenu(page, social);
  await page.waitForSelector('#menu:not([hidden])', { timeout: 10000 });
  seen.menuStopped = await page.$$eval('#menu button', (b) => b.map((x) => x.textContent));
  await (await page.$$('#menu button'))[seen.menuStopped.indexOf('Start social')].click();
  await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'running', { timeout: 60000 }, word('social'));
  seen.restarted = true;

  await page.click('#stop');
  await page.waitForFunction(() => !document.querySelector('#run').disabled && !document.querySelector('#diagram .live'),
    { timeout: 60000 });
  seen.stopped = true;
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));

// The catalogue in Debian's Chromium, opened from the file system as a reader would: the index, a component page,
// an event page, and the search box finding a field. Prints what the search found as JSON.
// Usage: node pictures.mjs <site folder> <screenshots folder> <component> <event id> <field>
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [site, out, component, event, field] = process.argv.slice(2);
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu'], defaultViewport: { width: 1300, height: 900 } });
const seen = { errors: [] };
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => seen.errors.push(e.message));
  const open = (file) => page.goto(pathToFileURL(path.join(site, file)).toString());
  await open('index.html');
  await page.screenshot({ path: path.join(out, 'docs-index.png') });
  await open(`components/${component}.html`);
  await page.screenshot({ path: path.join(out, 'docs-component.png') });
  await open(`events/${event}.html`);
  await page.screenshot({ path: path.join(out, 'docs-event.png') });
  await open('index.html');
  await page.type('#search', field);
  await page.waitForSelector('#results li a', { timeout: 10000 });
  seen.found = await page.$$eval('#results li a', (links) => links.map((a) => ({ text: a.firstChild.textContent, href: a.getAttribute('href') })));
  await page.screenshot({ path: path.join(out, 'docs-search.png') });
  await page.keyboard.press('Enter'); // the first result, from the keyboard
  await page.waitForFunction((c) => location.pathname.endsWith(`/components/${c}.html`), { timeout: 10000 }, seen.found[0].href.split('/')[1].split('.')[0]);
  seen.landedOn = await page.evaluate(() => location.pathname.split('/').slice(-2).join('/') + location.hash);
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));

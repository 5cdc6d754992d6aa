// Byron Studio stopped and started again while a page holds edits not saved: the page says the studio is not
// answering, a save says why it saved nothing, and the studio started again gets the page's edits. Prints what it saw
// as JSON. The test drives the studio: this script prints "stop" and "start" and reads a line once each is done.
// Usage: node restart.mjs <url>
import readline from 'node:readline';
import { launch, openMenu } from './browser.mjs';

const [url] = process.argv.slice(2);
const lines = readline.createInterface({ input: process.stdin });
const done = () => new Promise((resolve) => lines.once('line', resolve));
const browser = await launch();
const seen = { errors: [] };
const type = (page, line, file = 'schema.byron') => page.evaluate((text, f) => {
  const view = window.byronStudio.editor().view(f);
  view.dispatch({ changes: { from: view.state.doc.length, insert: text }, userEvent: 'input.type' });
}, line, file);
const status = (page) => page.$eval('#status', (s) => s.textContent);
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => seen.errors.push(e.message));
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
  await page.waitForFunction(() => window.byronStudio?.editor()?.view?.('schema.byron'), { timeout: 60000 });
  await type(page, '// typed before the studio stopped\n');
  await type(page, '// config typed before the studio stopped\n', 'config.byron');
  // a file made in the page, typed in, never saved
  await openMenu(page, '#files li[data-path="schema.byron"]');
  await page.waitForSelector('#menu:not([hidden])', { timeout: 5000 });
  await page.$$eval('#menu button', (items) => items.find((b) => b.textContent.startsWith('New file')).click());
  await page.waitForSelector('#ask[open]', { timeout: 10000 });
  await page.keyboard.type('refunds/refunds.byron');
  await page.waitForFunction(() => !document.getElementById('ask-ok').disabled, { timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.byronStudio.current() === 'refunds/refunds.byron', { timeout: 10000 });
  await type(page, 'component refunds {\n  entity Refund {\n    amount: Int!\n  }\n}\n', 'refunds/refunds.byron');
  await page.waitForFunction(() => document.querySelector('#files li[data-path="schema.byron"]').classList.contains('modified')
    && document.querySelector('#files li[data-path="config.byron"]').classList.contains('modified'), { timeout: 60000 });
  await new Promise((resolve) => setTimeout(resolve, 1500)); // sent to the studio
  console.log('stop');
  await done();
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('not answering'), { timeout: 20000 })
    .catch(() => {});
  seen.down = await status(page);
  await type(page, '// typed while it was stopped\n');
  await type(page, '// refunds typed while it was stopped\n', 'refunds/refunds.byron');
  await page.keyboard.down('Control');
  await page.keyboard.press('s');
  await page.keyboard.up('Control');
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Not saved'), { timeout: 20000 })
    .catch(() => {});
  seen.saved = await status(page);
  console.log('start');
  await done();
  // the page hands its edits over and loads again (its editor's language server was the stopped studio's)
  for (let i = 0; i < 300; i++) {
    const ready = await page.evaluate(() => !!window.byronStudio?.editor()?.view?.('schema.byron')
      && document.querySelector('#notice').textContent.includes('started again')).catch(() => false);
    if (ready) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  seen.notice = await page.$eval('#notice', (n) => n.textContent);
  seen.completion = await page.evaluate(async () => { // the editor's language server answers again
    const view = window.byronStudio.editor().view('schema.byron');
    window.byronStudio.editor().show('schema.byron');
    view.focus();
    view.dispatch({ selection: { anchor: view.state.doc.toString().indexOf('entity') } });
    return true;
  });
  await page.keyboard.down('Control');
  await page.keyboard.press('Space');
  await page.keyboard.up('Control');
  seen.completion = await page.waitForSelector('.cm-tooltip-autocomplete li', { timeout: 30000 }).then(() => true, () => false);
  await page.keyboard.press('Escape');
  seen.text = await page.evaluate(() => window.byronStudio.editor().text('schema.byron'));
  seen.modified = await page.$eval('#files li[data-path="schema.byron"]', (item) => item.classList.contains('modified'));
  // config.byron was changed on disk on the lines typed here while the studio was stopped: asked, not overwritten
  await page.waitForSelector('#choice:not([hidden])', { timeout: 30000 }).catch(() => {});
  seen.asked = await page.$eval('#choice', (bar) => (bar.hidden ? '' : document.getElementById('choice-question').textContent));
  if (seen.asked) {
    await page.click('#choice-keep');
    await page.waitForSelector('#choice', { hidden: true, timeout: 5000 });
  }
  seen.configText = await page.evaluate(() => window.byronStudio.editor().text('config.byron'));
  seen.madeText = await page.evaluate(() => window.byronStudio.editor().text('refunds/refunds.byron'));
  seen.madeListed = await page.$eval('#files li[data-path="refunds/refunds.byron"]', (item) => item.classList.contains('modified'))
    .catch(() => 'not listed');
} finally {
  await browser.close();
  lines.close();
}
console.log(JSON.stringify(seen));

// Runs the system from Byron Studio in the browser, waits for the components' live state on the diagram, stops it.
// Between, an event the timeline cannot read (published by the test once <signal> is written) is shown on its box,
// listed in its dead letters and dropped. Prints what it saw as JSON.
// Usage: node run.mjs <url> <screenshot.png> <dead-letters.png> <signal>
import { writeFileSync } from 'node:fs';
import { launch, openMenu } from './browser.mjs';

const [url, screenshot, lettersShot, signal] = process.argv.slice(2);
const browser = await launch();
const seen = {};
const word = (name) => `#diagram text.live-text[data-component="${name}"]`;
// Opens a component's menu and clicks one of its items; returns the items it offered.
const chooseFromMenu = async (page, component, label) => {
  const box = `#diagram g.node[id="component:${component}"]`;
  await page.$eval(box, (n) => n.scrollIntoView({ block: 'center', inline: 'center' }));
  await openMenu(page, box);
  await page.waitForSelector('#menu:not([hidden])', { timeout: 10000 });
  const items = await page.$$eval('#menu button', (b) => b.map((x) => x.textContent));
  await (await page.$$('#menu button'))[items.indexOf(label)].click();
  return items;
};
try {
  const page = await browser.newPage();
  page.on('console', (message) => message.type() === 'error' && (seen.consoleErrors = [...(seen.consoleErrors || []), message.text()]));
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
  await page.waitForSelector('#diagram g.node', { timeout: 60000 });

  // a Java file of hooks/ broken and saved: the compiler's error is listed with the model's problems, as Run would fail
  await page.waitForFunction(() => window.byronStudio && window.byronStudio.editor(), { timeout: 60000 });
  const hooks = 'hooks/AccountsHooksImpl.java';
  await page.$eval(`#files li[data-path="${hooks}"]`, (item) => item.click());
  // Enter in a file indented with tabs indents the new line with a tab, as the line before it is
  const original = await page.evaluate((f) => {
    const view = window.byronStudio.editor().view(f);
    const text = view.state.doc.toString();
    view.focus();
    view.dispatch({ selection: { anchor: text.indexOf('\n', text.indexOf('\t@Override')) } });
    return text;
  }, hooks);
  await page.keyboard.press('Enter');
  seen.enterIndent = await page.evaluate((f) => {
    const view = window.byronStudio.editor().view(f);
    return view.state.doc.lineAt(view.state.selection.main.head).text;
  }, hooks);
  await page.keyboard.down('Control');
  await page.keyboard.press('z');
  await page.keyboard.up('Control');
  await page.waitForFunction((f, t) => window.byronStudio.editor().text(f) === t, { timeout: 10000 }, hooks, original);
  await page.evaluate((f) => {
    const view = window.byronStudio.editor().view(f);
    view.dispatch({ changes: { from: view.state.doc.length, insert: 'class Broken { int x = "text"; }\n' }, userEvent: 'input.type' });
  }, hooks);
  await page.keyboard.down('Control');
  await page.keyboard.press('s');
  await page.keyboard.up('Control');
  await page.waitForFunction(() => [...document.querySelectorAll('#problems li')].some((li) => li.textContent.includes('javac:')),
    { timeout: 120000 }).catch(async (e) => { // what the page showed instead, for whoever reads the failure
    console.error('status:', await page.$eval('#status', (s) => s.textContent));
    console.error('problems:', await page.$$eval('#problems li', (l) => l.map((x) => x.textContent).join(' / ')));
    console.error('log:', await page.$eval('#log', (s) => s.textContent.slice(-3000)));
    throw e;
  });
  seen.hookProblem = await page.$$eval('#problems li', (items) => items.map((li) => li.textContent).find((t) => t.includes('javac:')));
  await page.evaluate((f) => {
    const view = window.byronStudio.editor().view(f);
    const text = view.state.doc.toString();
    const from = text.indexOf('class Broken');
    view.dispatch({ changes: { from, to: text.length, insert: '' }, userEvent: 'input.type' });
  }, hooks);
  await page.keyboard.down('Control');
  await page.keyboard.press('s');
  await page.keyboard.up('Control');
  await page.waitForFunction(() => ![...document.querySelectorAll('#problems li')].some((li) => li.textContent.includes('javac:')),
    { timeout: 120000 });
  seen.hookProblemGone = true;

  // a mutation typed without its hook: the problem offers the fix that writes the stub into hooks/, and Ctrl+Z takes it back
  await page.evaluate(() => {
    const view = window.byronStudio.editor().view('accounts.byron');
    const at = view.state.doc.toString().indexOf('mutation suspendUser');
    view.dispatch({ changes: { from: at, insert: 'mutation archiveUser(id: ID!): User!\n  ' }, userEvent: 'input.type' });
  });
  await page.waitForSelector('#problems li button.fix', { timeout: 60000 });
  seen.fixOffered = await page.$eval('#problems li button.fix', (b) => b.parentElement.textContent);
  await page.click('#problems li button.fix');
  await page.waitForFunction((f) => window.byronStudio.editor().text(f).includes('archiveUser('), { timeout: 60000 }, hooks);
  await page.waitForFunction(() => !document.querySelector('#problems li button.fix'), { timeout: 60000 });
  seen.fixShown = await page.evaluate(() => window.byronStudio.current());
  await page.keyboard.down('Control');
  await page.keyboard.press('z');
  await page.keyboard.up('Control');
  await page.waitForFunction((f) => !window.byronStudio.editor().text(f).includes('archiveUser('), { timeout: 10000 }, hooks);
  await page.evaluate(() => {
    const view = window.byronStudio.editor().view('accounts.byron');
    const text = view.state.doc.toString();
    const at = text.indexOf('mutation archiveUser');
    view.dispatch({ changes: { from: at, to: text.indexOf('mutation suspendUser') }, userEvent: 'delete' });
  });
  await page.waitForFunction(() => !document.querySelector('#files li.modified'), { timeout: 60000 });
  seen.fixUndone = true;

  // a change not saved would not be in the system: Run asks; Cancel runs nothing, OK saves and runs
  await page.evaluate(() => {
    const view = window.byronStudio.editor().view('accounts.byron');
    view.dispatch({ changes: { from: view.state.doc.length, insert: '// saved by Run\n' }, userEvent: 'input.type' });
  });
  let reply = 'dismiss';
  page.on('dialog', async (dialog) => {
    seen.runAsked = dialog.message();
    await (reply === 'accept' ? dialog.accept() : dialog.dismiss());
  });
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#files li.modified'), { timeout: 10000 });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  seen.notRunAfterCancel = !(await page.$eval('#run', (b) => b.disabled)) && (await page.$$('#diagram .live')).length === 0;
  reply = 'accept';
  await page.click('#run');
  await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'running', { timeout: 90000 }, word('timeline'));
  seen.states = await page.$$eval('#diagram text.live-text', (t) => t.map((x) => x.dataset.component + ' ' + x.textContent));
  seen.rates = await page.$$eval('#diagram text.live-rate', (t) => t.map((x) => x.dataset.flow + ' ' + x.textContent));
  seen.log = await page.$eval('#log', (l) => l.textContent);
  await page.screenshot({ path: screenshot });

  // an event the timeline cannot read: the box says so, its menu lists the dead letter, shows it and drops it
  writeFileSync(signal, 'running');
  await page.waitForFunction((s) => document.querySelector(s)?.textContent.startsWith('failing'), { timeout: 60000 },
    word('timeline'));
  seen.failing = await page.$eval(word('timeline'), (t) => t.textContent);
  seen.timelineMenu = await chooseFromMenu(page, 'timeline', 'Dead letters of timeline…');
  await page.waitForSelector('#letters[open] #letters-list li', { timeout: 10000 });
  seen.letters = await page.$$eval('#letters-list li', (l) => l.map((x) => x.textContent));
  await page.click('#letters-list li');
  seen.letterEvent = await page.$eval('#letters-event', (e) => e.textContent);
  await page.screenshot({ path: lettersShot });
  await page.click('#letters-drop');
  await page.waitForFunction(() => document.querySelector('#letters-status').textContent.startsWith('None'), { timeout: 10000 });
  seen.afterDrop = await page.$eval('#letters-status', (e) => e.textContent);
  await page.click('#letters button[value="close"]');
  await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'running', { timeout: 60000 }, word('timeline'));
  seen.healed = true;

  // a component's menu stops it and starts it again
  seen.menu = await chooseFromMenu(page, 'social', 'Stop social');
  await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'stopped', { timeout: 60000 }, word('social'));
  seen.veiled = await page.$$eval('#diagram rect.live-veil', (veils) => veils.length);
  seen.menuStopped = await chooseFromMenu(page, 'social', 'Start social');
  await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'running', { timeout: 60000 }, word('social'));
  seen.restarted = true;

  await page.click('#stop');
  await page.waitForFunction(() => !document.querySelector('#run').disabled && !document.querySelector('#diagram .live'),
    { timeout: 60000 });
  seen.stopped = true;

  // a Run that fails says so in the header, where the eye is, not in the log alone: here its gateway's port is taken
  await page.$eval('#run-port', (input, port) => {
    input.value = port;
  }, new URL(url).port);
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#status').classList.contains('error')
    && document.querySelector('#status').textContent.includes('failed'), { timeout: 60000 }).catch(() => {});
  seen.runFailedSaid = await page.$eval('#status', (s) => s.textContent);
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));

// Uses Byron Studio in the browser as a person would: type a component and see its box, make an error and see it
// listed, click a box and see its text selected, save with Ctrl+S. Prints what it saw as JSON.
// Usage: node studio.mjs <url> <screenshot.png> <project folder>
import fs from 'node:fs';
import path from 'node:path';
import { launch, openMenu } from './browser.mjs';

const [url, screenshot, project] = process.argv.slice(2);
const browser = await launch();
const seen = {};
const box = (id) => `#diagram g.node[id="${id}"]`;
try {
  const page = await browser.newPage();
  seen.errors = [];
  page.on('pageerror', (e) => seen.errors.push(e.message));
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
  await page.waitForSelector(box('component:posts'), { timeout: 60000 });
  seen.files = await page.$$eval('#files li', (items) => items.map((i) => i.textContent));

  // type a component at the end of the file shown
  await page.click('#text');
  await page.keyboard.down('Control');
  await page.keyboard.press('End');
  await page.keyboard.up('Control');
  await page.keyboard.type('\ncomponent billing {\n  entity Invoice {\n    total: Float\n  }\n}\n');
  await page.waitForSelector(box('component:billing'), { timeout: 60000 });
  seen.typed = true;
  seen.modifiedMarked = await page.$eval('#files li.current', (i) => i.classList.contains('modified'));

  // an error, listed with its code, and its line selected on click
  await page.click('#files li[data-path="posts.byron"]');
  await page.$eval('#text', (area) => {
    area.value = area.value.replace('accounts.User!', 'accounts.Usr!');
    area.dispatchEvent(new Event('input'));
  });
  await page.waitForFunction(() => [...document.querySelectorAll('#problems li')].some((li) => li.textContent.includes('[unknown-type]')),
    { timeout: 60000 });
  seen.problem = await page.$eval('#problems li', (li) => li.textContent);
  await page.click('#problems li');
  seen.problemSelection = await page.$eval('#text', (a) => a.value.slice(a.selectionStart, a.selectionEnd));
  await page.$eval('#text', (area) => {
    area.value = area.value.replace('accounts.Usr!', 'accounts.User!');
    area.dispatchEvent(new Event('input'));
  });
  await page.waitForFunction(() => document.querySelectorAll('#problems li').length === 0, { timeout: 60000 });
  seen.restoredNotModified = await page.$eval('#files li[data-path="posts.byron"]', (i) => !i.classList.contains('modified'));

  // a box shows its declaration
  await page.click('#files li[data-path="accounts.byron"]');
  await page.click(box('component:posts'));
  seen.boxSelection = await page.$eval('#text', (a) => a.value.slice(a.selectionStart, a.selectionStart + 16));
  seen.fileShown = await page.$eval('#files li.current', (i) => i.textContent);

  // a box dragged to another place stays there, and the view can be laid out again
  const rectX = () => page.$eval(box('component:likes') + ' rect', (r) => Number(r.getAttribute('x')));
  const before = await rectX();
  await page.$eval(box('component:likes'), (n) => n.scrollIntoView({ block: 'center', inline: 'center' }));
  const at = await (await page.$(box('component:likes'))).boundingBox();
  await page.mouse.move(at.x + at.width / 2, at.y + 20);
  await page.mouse.down();
  await page.mouse.move(at.x + at.width / 2 - 60, at.y + 60, { steps: 5 });
  await page.mouse.move(at.x + at.width / 2 - 120, at.y + 100, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => !document.querySelector('#relayout').hidden, { timeout: 60000 });
  seen.movedBy = Math.round((await rectX()) - before);

  // one component dropped on another subscribes it to an event, and the browser's undo takes it back
  await page.click('#fit');
  const from = await (await page.$(box('component:social'))).boundingBox();
  const to = await (await page.$(box('component:posts'))).boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForSelector('#subscribe[open]', { timeout: 30000 });
  seen.subscribeHeader = await page.$eval('#subscribe-header', (h) => h.textContent);
  seen.events = await page.$$eval('#subscribe-event option', (o) => o.map((x) => x.value));
  await page.select('#subscribe-event', 'PostDeleted');
  await page.click('#subscribe-ok');
  await page.waitForFunction(() => document.querySelector('#text').value.includes('on posts.PostDeleted call onPostDeleted'),
    { timeout: 30000 });
  seen.subscribedIn = await page.$eval('#files li.current', (i) => i.textContent.trim());
  await page.waitForSelector('#diagram g.edge[id="component:posts=>component:social"]', { timeout: 60000 });
  await page.keyboard.down('Control');
  await page.keyboard.press('z');
  await page.keyboard.up('Control');
  seen.undone = await page.$eval('#text', (a) => !a.value.includes('on posts.PostDeleted'));

  // a component's menu renames it in every file that names it
  await openMenu(page, box('component:likes'));
  await page.waitForSelector('#menu:not([hidden])', { timeout: 10000 });
  seen.menu = await page.$$eval('#menu button', (b) => b.map((x) => x.textContent));
  page.once('dialog', (dialog) => dialog.accept('reactions'));
  const [rename] = await page.$$('#menu button');
  await rename.click();
  await page.waitForSelector(box('component:reactions'), { timeout: 60000 });
  seen.renamedInPosts = await page.evaluate(async () => (await (await fetch('/api/project')).json()).files
    .find((f) => f.path === 'posts.byron').text.includes('on reactions.LikeCreated'));
  await page.click('#fit');
  await page.screenshot({ path: screenshot });

  await page.keyboard.down('Control');
  await page.keyboard.press('s');
  await page.keyboard.up('Control');
  await page.waitForFunction(() => document.querySelectorAll('#files li.modified').length === 0, { timeout: 60000 });
  seen.saved = await page.$eval('#status', (s) => s.textContent);

  // a file changed on disk and not here is read again
  fs.appendFileSync(path.join(project, 'config.byron'), '// from disk\n');
  await page.click('#files li[data-path="config.byron"]');
  await page.waitForFunction(() => document.querySelector('#text').value.includes('// from disk'), { timeout: 60000 });
  seen.reloaded = true;

  // changed on both sides: the user is asked, and taking the disk's drops the edit made here
  page.on('dialog', async (dialog) => {
    seen.asked = dialog.message();
    await dialog.dismiss();
  });
  await page.click('#files li[data-path="social.byron"]');
  await page.$eval('#text', (area) => {
    area.value += '// typed here\n';
    area.dispatchEvent(new Event('input'));
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  fs.appendFileSync(path.join(project, 'social.byron'), '// disk wins\n');
  await page.waitForFunction(() => document.querySelector('#text').value.includes('// disk wins'), { timeout: 60000 });
  seen.tookDisk = await page.$eval('#text', (a) => !a.value.includes('// typed here'));
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));

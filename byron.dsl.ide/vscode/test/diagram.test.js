'use strict';
// "Byron: Open Diagram" without VS Code (which cannot run here): the webview's page and scripts in Debian's
// Chromium, the extension's side of it (src/diagram.js) between them and the real language server, as the
// extension wires them. Only VS Code's own calls (reveal, the event picker, applying the edit) are recorded
// instead of made.
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { spawn } = require('child_process');
const rpc = require('vscode-jsonrpc/node');
const { findJava, serverArgs } = require('../src/java');
const { webviewHtml, createDiagramController } = require('../src/diagram');

const CHROMIUM = '/usr/bin/chromium';
const jar = path.join(__dirname, '..', 'server', 'byron-language-server.jar');
const media = path.join(__dirname, '..', 'media');
const examples = path.join(__dirname, '..', '..', '..', 'examples');
const screenshots = path.join(__dirname, '..', '..', 'target', 'screenshots');

function copyTree(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

async function until(condition, what, timeout = 60000) {
  const end = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > end) {
      throw new Error('timed out waiting for ' + what);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('the diagram webview draws the server\'s diagram: a click reveals, a drop subscribes, a drag keeps the box',
  { timeout: 240000, skip: !fs.existsSync(CHROMIUM) && 'Chromium is not installed here (.ci/run installs it)' }, async () => {
    const puppeteer = require('puppeteer-core');
    const java = findJava({ setting: process.env.BYRON_TEST_JAVA_HOME, env: process.env });
    assert.ok(java.ok, java.message);
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'byron-diagram-'));
    copyTree(path.join(examples, 'microblog'), project);
    const server = spawn(java.path, serverArgs(jar, '-Xmx512m'), { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout),
      new rpc.StreamMessageWriter(server.stdin));
    connection.listen();
    const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'], defaultViewport: { width: 1200, height: 900 } });
    try {
      const root = pathToFileURL(project).toString();
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: root,
        workspaceFolders: [{ uri: root, name: 'microblog' }], capabilities: { workspace: {}, textDocument: {} } });
      connection.sendNotification('initialized', {});

      const page = await browser.newPage();
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      const revealed = [];
      const picked = [];
      const edits = [];
      const controller = createDiagramController({
        uri: () => root,
        request: (method, params) => connection.sendRequest(method, params),
        post: (message) => page.evaluate((m) => window.postMessage(m, '*'), message),
        reveal: (file, offset, length) => revealed.push({ file, offset, length }),
        pickEvent: async (subscriber, publisher, events) => {
          picked.push({ subscriber, publisher, events });
          return 'PostDeleted';
        },
        applyEdit: (edit) => edits.push(edit),
      });
      await page.exposeFunction('toExtension', (message) => controller.receive(message));
      await page.evaluateOnNewDocument(() => {
        window.acquireVsCodeApi = () => ({ postMessage: (message) => window.toExtension(message) });
      });
      const html = path.join(project, 'webview.html');
      fs.writeFileSync(html, webviewHtml({ cspSource: 'file:', nonce: 'test-nonce',
        diagramScript: pathToFileURL(path.join(media, 'diagram-view.js')).toString(),
        webviewScript: pathToFileURL(path.join(media, 'webview.js')).toString() }));
      await page.goto(pathToFileURL(html).toString());
      const box = (id) => `#diagram g.node[id="${id}"]`;
      await page.waitForSelector(box('component:posts'), { timeout: 120000 });
      assert.match(await page.$eval('#status', (s) => s.textContent), /system microblog: 5 components/);
      fs.mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: path.join(screenshots, 'vscode-diagram.png') });

      // a click on a box reveals its declaration
      await page.click(box('component:posts'));
      await until(() => revealed.length > 0, 'the reveal');
      assert.strictEqual(revealed[0].file, pathToFileURL(path.join(project, 'posts.byron')).toString());
      const posts = fs.readFileSync(path.join(project, 'posts.byron'), 'utf8');
      assert.strictEqual(posts.slice(revealed[0].offset, revealed[0].offset + 'component posts'.length), 'component posts');

      // the editor's cursor in a component's text: the webview marks that component's box
      const socialText = fs.readFileSync(path.join(project, 'social.byron'), 'utf8');
      await controller.caret(pathToFileURL(path.join(project, 'social.byron')).toString(), socialText.indexOf('component social') + 12);
      await until(async () => (await page.$eval('#diagram g.node.selected', (n) => n.id).catch(() => null)) === 'component:social',
        'the box of the component the cursor is in, marked');
      // the Component level opens on that component, not on the first by name (accounts)
      await page.select('#level', 'component');
      await page.waitForSelector('#diagram g.node[id="api"]', { timeout: 60000 });
      assert.strictEqual(await page.$eval('#component', (c) => c.value), 'social');
      assert.match(await page.$eval('#diagram svg', (svg) => svg.textContent), /component social/);
      await page.select('#level', 'containers');
      await page.waitForSelector(box('component:posts'), { timeout: 60000 });

      // a component dropped on another: the event is asked for, and the server's edit is applied
      const from = await (await page.$(box('component:social'))).boundingBox();
      const to = await (await page.$(box('component:posts'))).boundingBox();
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
      await page.mouse.up();
      await until(() => edits.length > 0, 'the subscription edit');
      assert.deepStrictEqual(picked[0].events, ['PostCreated', 'PostUpdated', 'PostDeleted']);
      const social = pathToFileURL(path.join(project, 'social.byron')).toString();
      assert.match(edits[0].changes[social][0].newText, /on posts\.PostDeleted call onPostDeleted/);

      // a box dragged to an empty place stays there (byron-layout.json), and the webview draws it there
      const likes = await (await page.$(box('component:likes'))).boundingBox();
      const before = await page.$eval(box('component:likes') + ' rect', (r) => Number(r.getAttribute('x')));
      await page.mouse.move(likes.x + likes.width / 2, likes.y + 10);
      await page.mouse.down();
      await page.mouse.move(likes.x + likes.width / 2 - 150, likes.y + 10, { steps: 6 });
      await page.mouse.up();
      await until(() => fs.existsSync(path.join(project, 'byron-layout.json')), 'the kept position');
      await until(async () => (await page.$eval(box('component:likes') + ' rect', (r) => Number(r.getAttribute('x')))) < before - 100,
        'the box drawn where it was dropped');

      // "Lay out again" forgets the kept place: the box goes back where ELK puts it
      await page.waitForSelector('#relayout:not([hidden])');
      await page.click('#relayout');
      await until(async () => (await page.$eval(box('component:likes') + ' rect', (r) => Number(r.getAttribute('x')))) === before,
        'the box back where ELK put it');
      await until(async () => page.$eval('#relayout', (b) => b.hidden), 'the button gone with the kept places');
      assert.ok(!fs.existsSync(path.join(project, 'byron-layout.json')), 'no view keeps places, so the file is gone');
      assert.deepStrictEqual(pageErrors, []);
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
    } finally {
      await browser.close();
      connection.dispose();
      server.kill();
      fs.rmSync(project, { recursive: true, force: true });
    }
  });

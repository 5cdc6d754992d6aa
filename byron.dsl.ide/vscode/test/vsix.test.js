'use strict';
// The packaged extension: its manifest, grammar, bundled client and the language server jar.
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const yauzl = require('yauzl');

const manifest = require('../package.json');
const target = path.join(__dirname, '..', '..', 'target');
const vsix = process.env.BYRON_VSIX || path.join(target, `byron-${manifest.version}.vsix`);

function entries(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) {
        reject(error);
        return;
      }
      const found = new Map();
      zip.on('entry', (entry) => {
        found.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve({ found, zip }));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function read(file, name) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) {
        reject(error);
        return;
      }
      zip.on('entry', (entry) => {
        if (entry.fileName !== name) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) {
            reject(streamError);
            return;
          }
          const chunks = [];
          stream.on('data', (chunk) => chunks.push(chunk));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => reject(new Error(`${name} is not in ${file}`)));
      zip.readEntry();
    });
  });
}

test('the .vsix holds the manifest, the grammar, the client bundle, the diagram webview\'s scripts and the server jar', async () => {
  assert.ok(fs.existsSync(vsix), `${vsix} was not built`);
  const { found } = await entries(vsix);
  for (const name of ['extension.vsixmanifest', 'extension/package.json', 'extension/dist/extension.js',
    'extension/syntaxes/byron.tmLanguage.json', 'extension/language-configuration.json', 'extension/readme.md',
    'extension/server/byron-language-server.jar', 'extension/media/diagram-view.js', 'extension/media/webview.js']) {
    assert.ok(found.has(name), `${name} missing from the .vsix`);
  }
  const jar = found.get('extension/server/byron-language-server.jar');
  assert.strictEqual(jar.uncompressedSize, fs.statSync(path.join(target, 'byron-language-server.jar')).size,
    'the packaged server jar is the one this build made');
  const strays = [...found.keys()].filter((name) => /node_modules|\/test\/|\/src\//.test(name));
  assert.deepStrictEqual(strays, [], 'the client is bundled: no node_modules, sources or tests in the .vsix');
});

test('the packaged manifest registers the language, its grammar and its Java setting', async () => {
  const packaged = JSON.parse(await read(vsix, 'extension/package.json'));
  assert.deepStrictEqual(packaged.contributes.languages[0].extensions, ['.byron']);
  assert.strictEqual(packaged.contributes.grammars[0].scopeName, 'source.byron');
  assert.strictEqual(packaged.contributes.grammars[0].path, './syntaxes/byron.tmLanguage.json');
  assert.ok(packaged.contributes.configuration.properties['byron.java.home']);
  assert.strictEqual(packaged.main, './dist/extension.js');
  const xml = await read(vsix, 'extension.vsixmanifest');
  assert.match(xml, /Id="byron"/);
  assert.match(xml, /Publisher="byron-dev"/);
  const bundle = await read(vsix, 'extension/dist/extension.js');
  assert.match(bundle, /byron-language-server\.jar/);
  assert.match(bundle, /LanguageClient/);
});

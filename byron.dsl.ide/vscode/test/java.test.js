'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const path = require('path');
const { findJava, parseJavaVersion, checkJavaVersion, serverArgs, HEAP_GROWTH } = require('../src/java');

const only = (...files) => (file) => files.includes(file);

test('the byron.java.home setting comes first', () => {
  const found = findJava({ setting: '/opt/jdk', env: { JAVA_HOME: '/usr/lib/jvm/x', PATH: '/usr/bin' }, platform: 'linux',
    exists: only('/opt/jdk/bin/java', '/usr/lib/jvm/x/bin/java', '/usr/bin/java') });
  assert.deepStrictEqual(found, { ok: true, path: '/opt/jdk/bin/java', source: 'the byron.java.home setting' });
});

test('a wrong setting is reported, not silently replaced', () => {
  const found = findJava({ setting: '/opt/none', env: { PATH: '/usr/bin' }, platform: 'linux', exists: only('/usr/bin/java') });
  assert.strictEqual(found.ok, false);
  assert.match(found.message, /"byron.java.home" is set to \/opt\/none, but \/opt\/none\/bin\/java does not exist/);
});

test('then JAVA_HOME, then PATH', () => {
  assert.strictEqual(findJava({ env: { JAVA_HOME: '/jdk', PATH: '/a:/b' }, platform: 'linux',
    exists: only('/jdk/bin/java', '/b/java') }).path, '/jdk/bin/java');
  assert.deepStrictEqual(findJava({ env: { JAVA_HOME: '/gone', PATH: '/a:/b' }, platform: 'linux', exists: only('/b/java') }),
    { ok: true, path: '/b/java', source: 'PATH' });
  assert.strictEqual(findJava({ env: { PATH: 'C:\\jdk\\bin' }, platform: 'win32',
    exists: only(path.join('C:\\jdk\\bin', 'java.exe')) }).ok, true);
});

test('no Java at all gives a message that says what to do', () => {
  const found = findJava({ env: { PATH: '/a' }, platform: 'linux', exists: () => false });
  assert.strictEqual(found.ok, false);
  assert.match(found.message, /no Java found .* Install a JDK 17 or newer and set "byron.java.home"/);
});

test('Java versions are read from java -version', () => {
  assert.strictEqual(parseJavaVersion('openjdk version "17.0.15" 2025-04-15'), 17);
  assert.strictEqual(parseJavaVersion('java version "1.8.0_392"'), 8);
  assert.strictEqual(parseJavaVersion('openjdk version "25" 2025-09-16'), 25);
  assert.strictEqual(parseJavaVersion('nonsense'), undefined);
  const old = checkJavaVersion('/jdk8/bin/java', () => ({ stderr: 'java version "1.8.0_392"' }));
  assert.match(old.message, /is Java 8; the language server needs Java 17 or newer/);
  assert.deepStrictEqual(checkJavaVersion('/jdk/bin/java', () => ({ stderr: 'openjdk version "21.0.2"' })), { ok: true, major: 21 });
});

test('the server starts as java [heap growth] [vmargs] -jar server.jar', () => {
  assert.deepStrictEqual(serverArgs('/ext/server/byron-language-server.jar', ' -Xmx512m  -Dx=y '),
    ['-XX:GCTimeRatio=4', '-Xmx512m', '-Dx=y', '-jar', '/ext/server/byron-language-server.jar']);
});

test('vmargs that choose their own class-data sharing replace the extension\'s', () => {
  const sharing = ['-Xshare:auto', '-Xlog:disable', '-XX:SharedArchiveFile=/storage/a.jsa'];
  assert.deepStrictEqual(serverArgs('/ext/s.jar', '-Xmx1g', sharing), [...sharing, ...HEAP_GROWTH, '-Xmx1g', '-jar', '/ext/s.jar']);
  assert.deepStrictEqual(serverArgs('/ext/s.jar', '-Xshare:off', sharing), [...HEAP_GROWTH, '-Xshare:off', '-jar', '/ext/s.jar']);
});

test('./byron starts its language server and studio with the extension\'s heap options', () => {
  const script = require('fs').readFileSync(require('path').join(__dirname, '..', '..', '..', 'byron'), 'utf8');
  assert.ok(script.includes(`lsp | studio) heap=(${HEAP_GROWTH.join(' ')})`), 'the byron script\'s heap options differ from HEAP_GROWTH');
});

// Resilience (issue "Hardening", item 6): if the wasm traps, the page shows
// its error panel, and "Reintentar" / "Empezar de nuevo" give it a fresh
// WebAssembly instance and a full check works again, without a reload.
//
// The trap comes from a TEST-ONLY build: `testTrap()` exists only with the
// cargo feature `test-hooks` (src/wasm.rs), built by scripts/build-wasm-test.sh
// into target/wasm-test/pkg, never into www/. This test serves www/ but
// routes pkg/ to that build, through a small wrapper module (generated below
// from the test glue's own exports) that stands for what a trap can do to a
// real module: once testTrap() has trapped, every later call into that same
// instance traps too, until the page makes a new instance. The test calls
// testTrap() on the very module the page imported (same URL, same module
// instance), then drives the page through its UI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setUp, act, interview, fillDate, COVERED, PHONE, ROOT, WWW, SITE, switchLang, START_READY } from './interview.mjs';

const TEST_PKG = path.join(ROOT, 'target', 'wasm-test', 'pkg');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the test wasm when it is missing or older than src/ (about a minute). */
function ensureTestBuild() {
  const glue = path.join(TEST_PKG, 'amnistia.js');
  const stale = !fs.existsSync(glue)
    || fs.statSync(glue).mtimeMs < Math.max(newestMtime(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'scripts/build-wasm.sh')).mtimeMs);
  if (stale) execFileSync('bash', [path.join(ROOT, 'scripts/build-wasm-test.sh')], { stdio: 'inherit' });
}

/** The wrapper served as pkg/amnistia.js: every export of the test glue, poisoned after testTrap(). */
function wrapper(glue) {
  const fns = [...glue.matchAll(/^export function\s+([\w$]+)/gm)].map((m) => m[1]);
  const list = glue.match(/^export\s*\{([^}]*)\}/m)?.[1] ?? '';
  const named = list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => s.split(/\s+as\s+/).pop());
  assert.ok(fns.includes('testTrap'), 'the test glue has testTrap');
  assert.ok(named.includes('default') && named.includes('initSync'), `the glue exports init: ${named}`);
  const lines = [
    '// Test-only (tests/e2e/resilience.test.mjs): the test glue, with a trapped instance staying broken.',
    'const real = await import(new URL(`amnistia-real.js${new URL(import.meta.url).search}`, import.meta.url));',
    'const generation = () => globalThis.__wasmInstances ?? 0;',
    'let poisonedAt = -1;',
    'const guard = () => { if (poisonedAt === generation()) real.testTrap(); };',
    'export default (...a) => real.default(...a);',
    'export const initSync = (...a) => real.initSync(...a);',
    'export function testTrap() { poisonedAt = generation(); return real.testTrap(); }',
  ];
  for (const name of fns) {
    if (name === 'testTrap') continue;
    if (name.startsWith('__wbg_')) lines.push(`export const ${name} = (...a) => real.${name}(...a);`);
    else lines.push(`export const ${name} = (...a) => { guard(); return real.${name}(...a); };`);
  }
  return `${lines.join('\n')}\n`;
}

let env;
let glue;
let wasm;
before(async () => {
  ensureTestBuild();
  glue = fs.readFileSync(path.join(TEST_PKG, 'amnistia.js'), 'utf8');
  wasm = fs.readFileSync(path.join(TEST_PKG, 'amnistia_bg.wasm'));
  env = await setUp();
});
after(async () => env && env.tearDown());

test('testTrap is compiled into the test build only, never into www/pkg', () => {
  assert.match(glue, /export function testTrap\b/);
  const prod = fs.readFileSync(path.join(WWW, 'pkg', 'amnistia.js'), 'utf8');
  assert.doesNotMatch(prod, /testTrap/, 'www/pkg/amnistia.js has no test hook');
  assert.ok(!fs.readFileSync(path.join(WWW, 'pkg', 'amnistia_bg.wasm')).includes('testTrap'), 'www/pkg wasm has no test hook');
  assert.doesNotMatch(fs.readFileSync(path.join(SITE, 'pkg', 'amnistia.js'), 'utf8'), /testTrap/, 'nor the glue as served');
  const offline = path.join(SITE, 'amnistia-offline.html');
  if (fs.existsSync(offline)) assert.doesNotMatch(fs.readFileSync(offline, 'utf8'), /testTrap/, 'nor the offline single file');
  // The page's code never names it either.
  for (const file of fs.readdirSync(WWW, { recursive: true }).filter((f) => /\.(js|html)$/.test(f) && !f.startsWith('pkg'))) {
    if (file === 'amnistia-offline.html') continue;
    assert.doesNotMatch(fs.readFileSync(path.join(WWW, file), 'utf8'), /testTrap/, `${file} names testTrap`);
  }
});

/** The page, served from dist/, with pkg/ routed to the test build; counts wasm instances. */
async function openTestPage() {
  const context = await env.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(() => {
    // Every new WebAssembly instance, however it is made.
    window.__wasmInstances = 0;
    const W = WebAssembly;
    W.Instance = new Proxy(W.Instance, {
      construct(target, args, newTarget) { window.__wasmInstances += 1; return Reflect.construct(target, args, newTarget); },
    });
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = W[name];
      W[name] = async function counted(...args) {
        const result = await original.apply(this, args);
        if (!(result instanceof W.Instance)) window.__wasmInstances += 1; // {module, instance}; a bare Instance was counted above
        return result;
      };
    }
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const pkgFile = (name) => (url) => url.pathname === `/pkg/${name}`;
  await page.route(pkgFile('amnistia.js'), (r) => r.fulfill({ contentType: 'text/javascript; charset=utf-8', body: wrapper(glue) }));
  await page.route(pkgFile('amnistia-real.js'), (r) => r.fulfill({ contentType: 'text/javascript; charset=utf-8', body: glue }));
  await page.route(pkgFile('amnistia_bg.wasm'), (r) => r.fulfill({ contentType: 'application/wasm', body: wasm }));
  await page.goto(`${env.server.url}/`);
  await page.waitForSelector(START_READY);
  await page.evaluate(() => { window.__sameDocument = true; });
  return { page, context, requests, errors };
}

/** Traps the module the page imported (same URL: the same module instance). */
const trap = (page) => page.evaluate(async () => {
  const m = await import('./pkg/amnistia.js');
  try {
    m.testTrap();
    return 'no trap';
  } catch (e) {
    return `${e.constructor.name}: ${e.message}`;
  }
});

const instances = (page) => page.evaluate(() => window.__wasmInstances);

test('a trap shows the error panel; "Reintentar" renews the instance and the check completes, without a reload', async () => {
  const { page, context, requests, errors } = await openTestPage();
  assert.equal(await instances(page), 1, 'one instance after load');
  await act(page, () => page.click('#btn-start'));
  await act(page, () => page.click('[data-testid="choice-detained"]'));
  assert.equal(await page.getAttribute('#screen-question', 'data-question'), 'factsDate');

  assert.match(await trap(page), /^RuntimeError: unreachable/);
  const requestsBefore = requests.length;
  // The next answer asks the core, which traps: the error panel, with its code.
  await fillDate(page, COVERED.factsDate);
  await act(page, () => page.click('#btn-continue'));
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'error');
  assert.ok(await page.isVisible('#error-panel'));
  assert.equal(await page.getAttribute('#error-panel', 'role'), 'alert');
  assert.equal((await page.textContent('#error-code')).trim(), 'internal_error');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'error-heading');

  // "Reintentar": a fresh instance, back to the question, and the check goes on to the end.
  await act(page, () => page.click('#btn-retry'));
  assert.equal(await instances(page), 2, 'exactly one new WebAssembly instance');
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'question');
  await interview(page, COVERED, { from: 'here' });
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
  await page.click('#more-why summary');
  assert.ok(await page.isVisible('#more-why [data-article="8.12"]'));
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  assert.deepEqual(requests.slice(requestsBefore), [], 'renewing the instance requests nothing');
  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await context.close();
});

test('a trap on the result (language switch): "Empezar de nuevo" renews the instance and a full check works', async () => {
  const { page, context, errors } = await openTestPage();
  await interview(page, COVERED);
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
  assert.match(await trap(page), /^RuntimeError/);
  await switchLang(page); // re-renders the result from the core, which traps
  await page.waitForSelector('#error-panel');
  assert.equal((await page.textContent('#error-code')).trim(), 'internal_error');
  await act(page, () => page.click('#btn-restart'));
  assert.equal(await instances(page), 2, 'a new instance');
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'start');
  await interview(page, { ...COVERED, label: 'Second run' });
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
  assert.match(await page.textContent('#outcome-0'), /Within the amnesty/);
  // And it keeps working after a second trap, too.
  assert.match(await trap(page), /^RuntimeError/);
  await switchLang(page);
  await page.waitForSelector('#error-panel');
  await act(page, () => page.click('#btn-retry'));
  assert.equal(await instances(page), 3);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  assert.deepEqual(errors, []);
  await context.close();
});

// Tests of the set-up itself, as a newcomer's machine would meet it:
// scripts/setup.sh and the e2e tests on a PATH without Rust, without Node,
// with a Node too old, or with AMNISTIA_CHROMIUM naming a missing file.
// Each must stop with one line naming what is missing and how to get it,
// and install nothing: HOME and CARGO_HOME are empty temporary directories,
// and the PATH is a temporary directory of links to the few tools allowed
// (plus small stand-ins for rustc, cargo and rustup where Rust should look
// present), so nothing the script might run could install anything.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'amnistia-setup-test-'));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

// What setup.sh itself runs, apart from the prerequisites it checks.
const TOOLS = ['bash', 'env', 'dirname', 'sed', 'awk', 'grep', 'cat', 'cmp', 'cp', 'id', 'cc'];

function which(name) {
  for (const dir of process.env.PATH.split(path.delimiter)) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.realpathSync(file);
    } catch {}
  }
  return null;
}

const FAKE_RUST = {
  rustc: 'echo "rustc 1.95.0 (stand-in 2026-01-01)"',
  cargo: 'echo "cargo 1.95.0 (stand-in 2026-01-01)"',
  rustup: 'exit 0',
};

let n = 0;
/** A bin directory with links to TOOLS and `links`, and shell stand-ins (name → body). */
function binDir({ links = [], fakes = {} }) {
  const dir = path.join(TMP, `bin-${n++}`);
  fs.mkdirSync(dir);
  for (const name of [...TOOLS, ...links]) {
    const real = which(name);
    if (real) fs.symlinkSync(real, path.join(dir, name));
  }
  for (const [name, body] of Object.entries(fakes)) {
    const file = path.join(dir, name);
    // Never write through a link: that would overwrite the real tool.
    assert.ok(!links.includes(name) && !TOOLS.includes(name), `${name} is both linked and faked`);
    fs.rmSync(file, { force: true });
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755, flag: 'wx' });
  }
  return dir;
}

/** An empty home, and the environment of a newcomer with only `bin` on the PATH. */
function newcomer(bin, extra = {}) {
  const home = path.join(TMP, `home-${n++}`);
  fs.mkdirSync(home);
  const env = { PATH: bin, HOME: home, CARGO_HOME: path.join(home, '.cargo'), RUSTUP_HOME: path.join(home, '.rustup'), LANG: 'C', ...extra };
  return { env, home };
}

function run(cmd, args, env) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function setup(bin, extra) {
  const { env, home } = newcomer(bin, extra);
  const r = run(which('bash'), ['scripts/setup.sh'], env);
  // It stopped before acting: nothing installed, nothing said about installing.
  assert.deepEqual(fs.readdirSync(home), [], 'setup.sh wrote into HOME');
  assert.doesNotMatch(r.out, /installing/i, r.out);
  assert.doesNotMatch(r.out, /command not found/, r.out);
  return r;
}

test('without cargo and rustup, setup.sh names rustup and how to install it, and stops', () => {
  const r = setup(binDir({ links: ['node', 'npm'] }));
  assert.notEqual(r.status, 0, r.out);
  assert.match(r.out, /missing: Rust through rustup.*curl --proto '=https' --tlsv1\.2 -sSf https:\/\/sh\.rustup\.rs \| sh/, r.out);
  assert.match(r.out, /nothing was changed/, r.out);
});

test('without node, setup.sh names Node.js and where to get it, and stops', () => {
  const r = setup(binDir({ fakes: FAKE_RUST }));
  assert.notEqual(r.status, 0, r.out);
  assert.match(r.out, /missing: Node\.js \d+ or later: install it from https:\/\/nodejs\.org/, r.out);
  assert.doesNotMatch(r.out, /Rust/, r.out);
});

test('with a Node older than package.json asks, setup.sh says which it found, and stops', () => {
  const r = setup(binDir({ fakes: { ...FAKE_RUST, node: 'echo v18.19.0', npm: 'exit 0' } }));
  assert.notEqual(r.status, 0, r.out);
  assert.match(r.out, /missing: Node\.js 20 or later \(found: 18\.19\.0\)/, r.out);
});

test('with AMNISTIA_CHROMIUM naming a missing file, setup.sh names the variable, and stops', () => {
  const r = setup(binDir({ links: ['node', 'npm'], fakes: FAKE_RUST }), { AMNISTIA_CHROMIUM: path.join(TMP, 'no-such-chromium') });
  assert.notEqual(r.status, 0, r.out);
  assert.match(r.out, /AMNISTIA_CHROMIUM=.*no-such-chromium, but there is no executable file there/, r.out);
});

test('with AMNISTIA_CHROMIUM naming a missing file, the e2e tests stop and name the variable', () => {
  const env = { ...process.env, AMNISTIA_CHROMIUM: path.join(TMP, 'no-such-chromium') };
  delete env.NODE_TEST_CONTEXT; // a test run of its own, not a part of this one
  const r = run(process.execPath, ['--test', 'tests/e2e/app.test.mjs'], env);
  assert.notEqual(r.status, 0, r.out);
  assert.match(r.out, /AMNISTIA_CHROMIUM=.*no-such-chromium, but there is no executable file there/, r.out);
});

test('the finder uses AMNISTIA_CHROMIUM and says so; a CHROMEDRIVER naming a missing file stops it', () => {
  const fake = path.join(TMP, 'my-chromium');
  fs.writeFileSync(fake, '#!/bin/sh\n', { mode: 0o755 });
  const env = { ...process.env, AMNISTIA_CHROMIUM: fake };
  const found = spawnSync(process.execPath, ['scripts/chromium.mjs'], { cwd: ROOT, env, encoding: 'utf8' });
  assert.equal(found.status, 0, found.stderr);
  assert.equal(found.stdout.trim(), fake);
  assert.match(found.stderr, /\[chromium\] using .*my-chromium \(from AMNISTIA_CHROMIUM\)/);
  const r = run(process.execPath, ['scripts/chromium.mjs', '--driver'], { ...env, CHROMEDRIVER: path.join(TMP, 'no-such-driver') });
  assert.equal(r.status, 2, r.out);
  assert.match(r.out, /CHROMEDRIVER=.*no-such-driver, but there is no executable file there/, r.out);
});

// What the shipped files may and must hold (issue "Trust you can check"), read
// from dist/ as built, no browser:
//   - no builder-specific absolute path in any shipped file (the checkout, $HOME,
//     CARGO_HOME or its registry; only the toolchain's own /rustc/<hash>/ paths);
//   - the manifest (pkg/manifest.json) names every shipped file with its SHA-256,
//     the offline file included, and the commit and rules versions;
//   - the commit appears only in the manifest and the offline file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SITE } from './interview.mjs';

/** Every file of dist/, relative, with forward slashes. */
const shipped = fs.readdirSync(SITE, { recursive: true })
  .map((rel) => String(rel).split(path.sep).join('/'))
  .filter((rel) => fs.statSync(path.join(SITE, rel)).isFile())
  .sort();
const primary = shipped.filter((rel) => !/\.(br|gz)$/.test(rel));
const sha256 = (rel) => crypto.createHash('sha256').update(fs.readFileSync(path.join(SITE, rel))).digest('hex');

test('no shipped file holds an absolute path of the builder', () => {
  const cargoHome = process.env.CARGO_HOME || path.join(os.homedir(), '.cargo');
  const needles = [...new Set([ROOT, fs.realpathSync(ROOT), os.homedir(), cargoHome, path.join(cargoHome, 'registry')])]
    .filter((n) => n.length > 1);
  // Any absolute path under the usual roots of a machine's files, Unix or Windows.
  const pattern = /(?:\/(?:root|home|Users|work|tmp|var|opt|usr|srv|mnt)\/[\w.-]|[A-Z]:\\\\?(?:Users|Windows|cargo|rust))/g;
  assert.ok(primary.includes('pkg/amnistia_bg.wasm') && primary.includes('amnistia-offline.html'), 'dist/ is built');
  const found = [];
  for (const rel of primary) {
    const text = fs.readFileSync(path.join(SITE, rel)).toString('latin1');
    for (const needle of needles) if (text.includes(needle)) found.push(`${rel}: ${needle}`);
    for (const m of text.matchAll(pattern)) found.push(`${rel}: ${text.slice(m.index, m.index + 60)}`);
  }
  assert.deepEqual(found, []);
  // What the wasm may name: the toolchain's sources, and the remapped registry and checkout.
  const wasm = fs.readFileSync(path.join(SITE, 'pkg/amnistia_bg.wasm')).toString('latin1');
  const paths = [...wasm.matchAll(/(?<![\w.-])\/[\w.-]+\/[\w./-]+\.rs\b/g)].map((m) => m[0]);
  assert.ok(paths.length > 0, 'the wasm names some source files (panic locations)');
  for (const p of paths) assert.match(p, /^\/(?:rustc\/[0-9a-f]{40}|cargo\/registry\/src\/crates|amnistia)\//, p);
});

test('the manifest names every shipped file with its SHA-256, the commit and the rules versions', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(SITE, 'pkg/manifest.json'), 'utf8'));
  assert.equal(manifest.name, 'amnistia');
  assert.match(manifest.commit, /^[0-9a-f]{40}(?:-dirty)?$/);
  assert.ok(Object.keys(manifest.rules).length >= 2, 'every law version');
  for (const [id, version] of Object.entries(manifest.rules)) {
    assert.match(id, /^[a-z]+-\d{4}-\d{2}-\d{2}$/);
    assert.match(version, /^sha256:[0-9a-f]{16}$/);
  }
  const expected = primary.filter((rel) => rel !== 'pkg/manifest.json');
  assert.deepEqual(Object.keys(manifest.files).sort(), expected);
  for (const rel of expected) {
    assert.equal(manifest.files[rel].sha256, sha256(rel), rel);
    assert.equal(manifest.files[rel].bytes, fs.statSync(path.join(SITE, rel)).size, rel);
  }
  // www/pkg/manifest.json is the same file.
  assert.equal(fs.readFileSync(path.join(ROOT, 'www/pkg/manifest.json'), 'utf8'), fs.readFileSync(path.join(SITE, 'pkg/manifest.json'), 'utf8'));
});

test('the commit is only in the manifest and the offline file, which shows it with the rules versions', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(SITE, 'pkg/manifest.json'), 'utf8'));
  const commit = manifest.commit.slice(0, 40);
  const holders = shipped.filter((rel) => !/\.(br|gz)$/.test(rel) && fs.readFileSync(path.join(SITE, rel)).toString('latin1').includes(commit));
  assert.deepEqual(holders, ['amnistia-offline.html', 'pkg/manifest.json']);
  const html = fs.readFileSync(path.join(SITE, 'amnistia-offline.html'), 'utf8');
  assert.ok(html.includes(`<meta name="amnistia-build" content="${manifest.commit}">`), 'a meta element names the commit');
  const line = html.match(/<p class="build-info"[^>]*>([\s\S]*?)<\/p>/);
  assert.ok(line, 'a visible line in the footer');
  assert.ok(line[1].includes(manifest.commit), 'the visible line names the commit');
  for (const [id, version] of Object.entries(manifest.rules)) assert.ok(line[1].includes(`${id} ${version}`), `${id} ${version}`);
});

test('the README\'s widget snippet carries the integrity of the built embed.js; its iframe, the sandbox tokens', async () => {
  const { snippetBlock, readmeBlock, SANDBOX } = await import('../../scripts/embed-snippet.mjs');
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.equal(readmeBlock(readme), snippetBlock(SITE),
    'README.md\'s snippet is not the build\'s: run `node scripts/embed-snippet.mjs --write` and commit README.md');
  assert.match(readmeBlock(readme) ?? '', /integrity="sha384-[A-Za-z0-9+/]{64}" crossorigin="anonymous"/);
  assert.ok(readme.includes(`sandbox="${SANDBOX}"`), 'the iframe snippet documents the sandbox tokens');
  assert.ok(readme.split('\n').length <= 301, 'README.md stays within 300 lines');
});

test('embed.js is one bundle: no import left, the hashes of what it fetches built in, no commit', () => {
  const code = fs.readFileSync(path.join(SITE, 'embed.js'), 'utf8');
  assert.doesNotMatch(code, /\bimport\s*\(|(?:^|[;}])import\s*[{*"']/);
  for (const rel of ['pkg/amnistia_bg.wasm', 'style.css', 'parts.css']) assert.ok(code.includes(sha256(rel)), rel);
  assert.ok(!fs.existsSync(path.join(SITE, 'embed-checked.js')), 'its checked loader is inside it only');
});

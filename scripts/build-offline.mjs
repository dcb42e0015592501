#!/usr/bin/env node
// Builds the offline single file, dist/amnistia-offline.html: the whole
// checker in ONE file that works when opened from file:// with no network
// (Chromium blocks module imports and fetch under file://). Run by
// scripts/build-page.mjs; on its own, it rebuilds just that file.
//
// - esbuild bundles www/offline-entry.js and every module it imports (the
//   app, the UI, the wasm-bindgen glue www/pkg/amnistia.js and the first
//   question's snapshot www/pkg/first.js, both written by
//   scripts/build-wasm.sh) into ONE minified inline <script type="module">;
//   with no code splitting, the parts the page loads lazily
//   (`import('./ui/result.js')`) go in too, and such an import becomes a
//   promise of the module already in the script;
// - the wasm goes in as base64 (the virtual module offline-wasm.js) and is
//   handed to init({ module_or_path: bytes });
// - style.css, and after it parts.css (which the served page loads after the
//   first question), go minified into one <style>;
// - the CSP allows exactly that script and that style, by sha256 hash, and no
//   'unsafe-inline';
// - the build's commit and rules versions (scripts/build-manifest.mjs), in a
//   <meta name="amnistia-build"> and a line of the footer, so that a reader can
//   look the file's SHA-256 up in that commit's manifest.
// Anything esbuild warns about (an import() it cannot inline, say) fails the
// build instead of shipping a file that would try to fetch it.
//
//   node scripts/build-offline.mjs [--out FILE]
//   import { buildOffline } from './scripts/build-offline.mjs'

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildInfo, publishManifest, copyManifestToWww, MANIFEST } from './build-manifest.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');
export const OFFLINE_NAME = 'amnistia-offline.html';
const ENTRY = 'offline-entry.js';
const WASM_MODULE = './offline-wasm.js';
// The syntax the scripts already use (`||=`, ES2021): esbuild never writes
// newer syntax than this. For the stylesheets, the oldest browsers that run
// those scripts: esbuild then writes no CSS shorthand they do not know.
// (Also for scripts/build-page.mjs.)
export const TARGET = { js: 'es2021', css: ['chrome90', 'firefox90', 'safari14'] };

const fail = (msg) => { throw new Error(`build-offline: ${msg}`); };
const read = (rel) => {
  const file = path.join(WWW, rel);
  if (!fs.existsSync(file)) fail(`www/${rel} is missing${rel.startsWith('pkg/') ? ' (run scripts/build-wasm.sh)' : ''}`);
  return fs.readFileSync(file);
};
const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The virtual module `./offline-wasm.js`: the wasm as base64. */
const wasmModule = (base64) => ({
  name: 'offline-wasm',
  setup(build) {
    build.onResolve({ filter: /^\.\/offline-wasm\.js$/ }, () => ({ path: WASM_MODULE, namespace: 'offline-wasm' }));
    build.onLoad({ filter: /.*/, namespace: 'offline-wasm' }, () => ({
      contents: `export const WASM_BASE64 = ${JSON.stringify(base64)};\n`,
      loader: 'js',
    }));
  },
});

const common = { minify: true, charset: 'utf8', legalComments: 'none', logLevel: 'silent' };

async function failOnWarnings(what, warnings) {
  if (!warnings.length) return;
  const text = await esbuild.formatMessages(warnings, { kind: 'warning' });
  fail(`${what}:\n${text.join('\n')}`);
}

/** The app as one script, every module (and the wasm) inside. */
async function script(wasm) {
  const result = await esbuild.build({
    ...common,
    target: TARGET.js,
    absWorkingDir: WWW,
    entryPoints: [ENTRY],
    bundle: true,
    splitting: false, // so each import() of a lazy part is inlined
    format: 'esm',
    write: false,
    metafile: true,
    plugins: [wasmModule(wasm.toString('base64'))],
  });
  await failOnWarnings('esbuild warned while bundling the app', result.warnings);
  if (result.outputFiles.length !== 1) fail(`esbuild wrote ${result.outputFiles.length} files, not one`);
  const code = result.outputFiles[0].text;
  // Nothing may be left to fetch: no import statement, no import() of a file.
  const left = code.match(/\bimport\s*\(|(?:^|[;}])import\s*[{*"']/);
  if (left) fail(`the bundle still imports something: ${code.slice(left.index, left.index + 60)}`);
  return { code, modules: Object.keys(result.metafile.inputs).length };
}

/** style.css and parts.css, in this order, as one minified stylesheet. */
async function style() {
  const css = `${read('style.css').toString('utf8')}\n${read('parts.css').toString('utf8')}`;
  const result = await esbuild.transform(css, { ...common, target: TARGET.css, loader: 'css' });
  await failOnWarnings('esbuild warned on style.css + parts.css', result.warnings);
  return result.code.trim();
}

function replaceOnce(html, pattern, replacement, what) {
  const matches = html.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`));
  if (!matches || matches.length !== 1) fail(`index.html: expected exactly one ${what}, found ${matches ? matches.length : 0}`);
  return html.replace(pattern, () => replacement);
}

/** Writes the file to `out`; returns its sizes (and the number of modules in it). */
export async function buildOffline({ out = path.join(ROOT, 'dist', OFFLINE_NAME) } = {}) {
  const wasm = read('pkg/amnistia_bg.wasm');
  const { code, modules } = await script(wasm);
  // Inside a <script> element, "</script" would end it and "<!--" changes how it is parsed.
  const js = code.replace(/<\/(script)/gi, '<\\/$1');
  if (/<!--/.test(js)) fail('the script contains "<!--"');
  const css = await style();
  if (/<\/style/i.test(css)) fail('style.css or parts.css contains "</style"');
  const icon = `data:image/svg+xml;base64,${read('favicon.svg').toString('base64')}`;

  const csp = [
    "default-src 'none'",
    `script-src ${sha256(js)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(css)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  let html = read('index.html').toString('utf8');
  html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'CSP meta');
  html = replaceOnce(html, /<link rel="stylesheet" href="style\.css">/, `<style>${css}</style>`, 'stylesheet link');
  if (!/<link rel="modulepreload"/.test(html)) fail('index.html: no modulepreload links');
  html = html.replace(/[ \t]*<link rel="modulepreload"[^>]*>\n/g, '');
  html = html.replace(/[ \t]*<!-- Everything the [\s\S]*?-->\n/, '');
  html = replaceOnce(html, /<script type="module" src="app\.js"><\/script>/, `<script type="module">${js}</script>`, 'app script');
  html = replaceOnce(html, /[ \t]*<!-- online-only[\s\S]*?<!-- \/online-only -->\n/, '', 'online-only block');
  const { commit, rules } = await buildInfo();
  const esc = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  html = replaceOnce(html, /<meta charset="utf-8">\n/, `<meta charset="utf-8">\n  <meta name="amnistia-build" content="${esc(commit)}">\n`, 'charset meta');
  const rulesText = Object.entries(rules).map(([id, v]) => `${id} ${v}`).join(', ');
  // After the footer's first line.
  const footer = /<span data-i18n="footerText">[^<]*<\/span><\/p>\n/;
  html = replaceOnce(html, footer,
    `${(html.match(footer) ?? [''])[0]}      <p class="build-info">Esta copia / This copy: commit <code>${esc(commit)}</code>; reglas / rules: <code>${esc(rulesText)}</code></p>\n`, 'footer text');
  html = html.replace(/(href|src)="favicon\.svg"/g, (_, attr) => `${attr}="${icon}"`);
  const leftovers = html.match(/(?:src|href)="(?!data:|#)[^"]*"/g);
  if (leftovers) fail(`the page still refers to other files: ${leftovers.join(', ')}`);

  // Written whole, then renamed: a reader never sees half a file.
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial-${process.pid}`;
  fs.writeFileSync(partial, html);
  fs.renameSync(partial, out);
  return {
    raw: Buffer.byteLength(html),
    gzip: zlib.gzipSync(html, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    modules,
    wasm: wasm.length,
  };
}

/** One line about the file built. */
export const describeOffline = (file, s) =>
  `${path.relative(ROOT, file)}: ${s.raw} bytes raw, ${s.gzip} bytes gzip, ${s.brotli} bytes brotli (${s.modules} modules; wasm ${s.wasm} bytes)`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outArg = process.argv.indexOf('--out');
  const out = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(ROOT, 'dist', OFFLINE_NAME);
  console.log(describeOffline(out, await buildOffline({ out })));
  // Rebuilt on its own inside a built site: its manifest must name the file now there.
  const site = path.dirname(out);
  if (fs.existsSync(path.join(site, MANIFEST))) {
    await publishManifest(site);
    copyManifestToWww(site);
  }
}

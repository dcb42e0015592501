#!/usr/bin/env node
// Builds www/amnistia-offline.html: the whole checker in ONE file that works
// when opened from file:// with no network (Chromium blocks module imports
// and fetch under file://). Node only, no dependencies.
//
// - style.css, and after it parts.css (which the served page loads after the
//   first question), go inline in one <style>;
// - every ES module reachable from www/offline-entry.js (the app, the UI, the
//   wasm-bindgen glue www/pkg/amnistia.js and the first question's snapshot
//   www/pkg/first.js, both written by scripts/build-wasm.sh) goes into ONE inline
//   <script type="module">, each module wrapped in its own function scope,
//   its imports turned into reads from the modules before it and its exports
//   into the object it returns (dependency order; a cycle fails the build);
//   the parts the page loads lazily (`import('./ui/result.js')`, a literal
//   relative path) go in too, after the rest, and such an import becomes a
//   promise of that module's object, resolved once the whole script has run;
// - the wasm goes in as base64 (the virtual module offline-wasm.js) and is
//   handed to init({ module_or_path: bytes });
// - the CSP allows exactly that script and that style, by sha256 hash, and no
//   'unsafe-inline'.
// Anything it does not understand (a dynamic import of anything but a literal
// relative path, `export default`, a multi-name `export const`) fails the
// build instead of shipping a broken file.
//
//   node scripts/build-offline.mjs [--out FILE]

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(WWW, 'amnistia-offline.html');
const ENTRY = 'offline-entry.js';
const WASM_MODULE = 'offline-wasm.js';

const fail = (msg) => { throw new Error(`build-offline: ${msg}`); };
const read = (rel) => {
  const file = path.join(WWW, rel);
  if (!fs.existsSync(file)) fail(`${rel} is missing${rel.startsWith('pkg/') ? ' (run scripts/build-wasm.sh)' : ''}`);
  return fs.readFileSync(file);
};
const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/* ---------- modules ---------- */

const IMPORT = /^import\s+([^;'"]*?)\s+from\s+(['"])([^'"]+)\2\s*;?[ \t]*(?:\/\/[^\n]*)?$/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*\)/g;

/** `init, * as core` / `{ a, b as c }` / `x` -> the destructuring of a module object. */
function bindings(clause, file) {
  const out = [];
  let rest = clause.trim();
  const brace = rest.match(/\{([\s\S]*)\}/);
  if (brace) {
    for (const part of brace[1].split(',').map((p) => p.trim()).filter(Boolean)) {
      const m = part.match(/^([\w$]+)(?:\s+as\s+([\w$]+))?$/);
      if (!m) fail(`${file}: cannot read the import "${part}"`);
      out.push(m[2] ? `${m[1]}: ${m[2]}` : m[1]);
    }
    rest = rest.replace(brace[0], '');
  }
  let namespace = null;
  for (const part of rest.split(',').map((p) => p.trim()).filter(Boolean)) {
    const ns = part.match(/^\*\s+as\s+([\w$]+)$/);
    if (ns) namespace = ns[1];
    else if (/^[\w$]+$/.test(part)) out.push(`default: ${part}`);
    else fail(`${file}: cannot read the import "${part}"`);
  }
  return { names: out, namespace };
}

/** One module's source -> its dependencies (static, and lazy) and its wrapped body. */
function transform(rel, source) {
  const deps = [];
  const lazy = [];
  const header = [];
  const resolve = (spec) => path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
  // Every module is in the script, evaluated by the time a promise callback runs.
  let body = source.replace(DYNAMIC_IMPORT, (_, __, spec) => {
    const dep = resolve(spec);
    lazy.push(dep);
    return `Promise.resolve().then(() => __modules[${JSON.stringify(dep)}])`;
  });
  body = body.replace(IMPORT, (_, clause, __, spec) => {
    if (!spec.startsWith('.')) fail(`${rel}: only relative imports can be inlined (${spec})`);
    const dep = resolve(spec);
    deps.push(dep);
    const { names, namespace } = bindings(clause, rel);
    const ref = `__modules[${JSON.stringify(dep)}]`;
    if (namespace) header.push(`const ${namespace} = ${ref};`);
    if (names.length) header.push(`const { ${names.join(', ')} } = ${ref};`);
    return '';
  });
  const exported = [];
  body = body.replace(/^export\s+(async\s+function\*?|function\*?|class|const|let|var)\s+([\w$]+)/gm, (_, kind, name) => {
    exported.push(name);
    return `${kind} ${name}`;
  });
  body = body.replace(/^export\s*\{([^}]*)\}\s*;?[ \t]*$/gm, (_, list) => {
    for (const part of list.split(',').map((p) => p.trim()).filter(Boolean)) {
      const m = part.match(/^([\w$]+)(?:\s+as\s+([\w$]+))?$/);
      if (!m) fail(`${rel}: cannot read the export "${part}"`);
      exported.push(m[2] ? `${m[2]}: ${m[1]}` : m[1]);
    }
    return '';
  });
  for (const [re, what] of [[/^\s*import[\s{*'"]/m, 'an import'], [/^\s*export\b/m, 'an export'], [/\bimport\s*\(/, 'a dynamic import']]) {
    const m = body.match(re);
    if (m) fail(`${rel}: ${what} it cannot inline: ${body.slice(m.index, m.index + 60).trim()}`);
  }
  const wrapped = `// ---- ${rel}\n__modules[${JSON.stringify(rel)}] = (() => {\n${header.join('\n')}\n${body.trim()}\nreturn { ${exported.join(', ')} };\n})();\n`;
  return { deps, lazy, wrapped };
}

/** Every module reachable from the entry, dependencies first; then the lazy ones, each with its own. */
function bundle(wasmBase64) {
  const done = new Map();
  const visiting = new Set();
  const order = [];
  const lazy = [];
  const visit = (rel, from) => {
    if (done.has(rel)) return;
    if (visiting.has(rel)) fail(`an import cycle through ${rel}`);
    visiting.add(rel);
    const source = rel === WASM_MODULE
      ? `export const WASM_BASE64 = ${JSON.stringify(wasmBase64)};\n`
      : read(rel).toString('utf8');
    if (rel !== WASM_MODULE && !source.length) fail(`${rel} (imported by ${from}) is empty`);
    const mod = transform(rel, source);
    for (const dep of mod.deps) visit(dep, rel);
    for (const dep of mod.lazy) lazy.push([dep, rel]);
    visiting.delete(rel);
    done.set(rel, mod);
    order.push(rel);
  };
  visit(ENTRY, 'the build');
  while (lazy.length) visit(...lazy.shift());
  const code = `const __modules = Object.create(null);\n${order.map((rel) => done.get(rel).wrapped).join('\n')}`;
  return { code, order };
}

/* ---------- the page ---------- */

function replaceOnce(html, pattern, replacement, what) {
  const matches = html.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`));
  if (!matches || matches.length !== 1) fail(`index.html: expected exactly one ${what}, found ${matches ? matches.length : 0}`);
  return html.replace(pattern, () => replacement);
}

function build() {
  const wasm = read('pkg/amnistia_bg.wasm');
  const { code, order } = bundle(wasm.toString('base64'));
  // Inside a <script> element, "</script" would end it and "<!--" changes how it is parsed.
  const script = code.replace(/<\/(script)/gi, '<\\/$1');
  if (/<!--/.test(script)) fail('the script contains "<!--"');
  const style = `${read('style.css').toString('utf8')}\n${read('parts.css').toString('utf8')}`;
  if (/<\/style/i.test(style)) fail('style.css or parts.css contains "</style"');
  const icon = `data:image/svg+xml;base64,${read('favicon.svg').toString('base64')}`;

  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  let html = read('index.html').toString('utf8');
  html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'CSP meta');
  html = replaceOnce(html, /<link rel="stylesheet" href="style\.css">/, `<style>${style}</style>`, 'stylesheet link');
  if (!/<link rel="modulepreload"/.test(html)) fail('index.html: no modulepreload links');
  html = html.replace(/[ \t]*<link rel="modulepreload"[^>]*>\n/g, '');
  html = html.replace(/[ \t]*<!-- Everything the first question needs[\s\S]*?-->\n/, '');
  html = replaceOnce(html, /[ \t]*<link rel="preload"[^>]*>\n/, '', 'wasm preload');
  html = replaceOnce(html, /<script type="module" src="app\.js"><\/script>/, `<script type="module">${script}</script>`, 'app script');
  html = replaceOnce(html, /[ \t]*<!-- online-only[\s\S]*?<!-- \/online-only -->\n/, '', 'online-only block');
  html = html.replace(/(href|src)="favicon\.svg"/g, (_, attr) => `${attr}="${icon}"`);
  const leftovers = html.match(/(?:src|href)="(?!data:|#)[^"]*"/g);
  if (leftovers) fail(`the page still refers to other files: ${leftovers.join(', ')}`);

  // A syntax error fails here, not in a family's browser.
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'amnistia-offline-')), 'bundle.mjs');
  fs.writeFileSync(tmp, code);
  try {
    execFileSync(process.execPath, ['--check', tmp], { stdio: 'pipe' });
  } catch (err) {
    fail(`the bundled script does not parse:\n${err.stderr}`);
  } finally {
    fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  }

  // Written whole, then renamed: a reader never sees half a file.
  const partial = `${OUT}.partial-${process.pid}`;
  fs.writeFileSync(partial, html);
  fs.renameSync(partial, OUT);
  const raw = Buffer.byteLength(html);
  const gz = zlib.gzipSync(html, { level: 9 }).length;
  console.log(`${path.relative(ROOT, OUT)}: ${raw} bytes raw, ${gz} bytes gzip (${order.length} modules; wasm ${wasm.length} bytes)`);
}

build();

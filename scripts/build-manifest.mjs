// The build manifest (DESIGN.md, "Why can anyone rebuild the same bytes?"):
// pkg/manifest.json, written by scripts/build-page.mjs into dist/ once every
// other file is built, and copied to www/pkg/manifest.json. It names the
// commit the build is of, the rules version of every law version in the core,
// and the SHA-256 and size of every shipped file, the offline file included
// (not the .br/.gz siblings: they are encodings of those same files, and not
// the manifest itself).
//
// The commit is the checkout's HEAD, with "-dirty" when tracked files have
// local changes (such a build is of no commit); AMNISTIA_COMMIT overrides it
// for a build from a tarball. The commit goes into the manifest and the
// offline file only: never into a file an embedder's `integrity` covers.
//
//   import { buildInfo, writeManifest } from './scripts/build-manifest.mjs'
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST = 'pkg/manifest.json';

function commitOf() {
  if (process.env.AMNISTIA_COMMIT) return process.env.AMNISTIA_COMMIT;
  const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const head = git('rev-parse', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${head}-dirty` : head;
  } catch {
    return 'unknown';
  }
}

/** @type {Promise<{ commit: string, version: string, rules: Record<string, string> }> | null} */
let info = null;

/**
 * The build's identity: the commit, the crate's version and each law version's
 * rules version, read from the core in www/pkg (as the page would read them).
 */
export function buildInfo() {
  info ||= (async () => {
    const pkg = path.join(ROOT, 'www', 'pkg');
    const core = await import(pathToFileURL(path.join(pkg, 'amnistia.js')).href);
    core.initSync({ module: fs.readFileSync(path.join(pkg, 'amnistia_bg.wasm')) });
    const rules = {};
    for (const { id } of core.law('es').laws) rules[id] = core.law('es', id).rulesVersion;
    const version = String(core.version()).split(';')[0].replace(/^amnistia\s+/, '');
    return { commit: commitOf(), version, rules };
  })();
  return info;
}

/**
 * Writes DIR/pkg/manifest.json for the files under DIR (a built dist/),
 * returns its text.
 * @param {string} dir
 */
export async function writeManifest(dir) {
  const { commit, version, rules } = await buildInfo();
  const files = {};
  const all = fs.readdirSync(dir, { recursive: true })
    .map((rel) => String(rel).split(path.sep).join('/'))
    .filter((rel) => fs.statSync(path.join(dir, rel)).isFile() && !/\.(br|gz)$/.test(rel) && rel !== MANIFEST)
    .sort();
  for (const rel of all) {
    const bytes = fs.readFileSync(path.join(dir, rel));
    files[rel] = { sha256: crypto.createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  }
  const text = `${JSON.stringify({ name: 'amnistia', version, commit, rules, files }, null, 1)}\n`;
  fs.mkdirSync(path.join(dir, 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(dir, MANIFEST), text);
  return text;
}

/**
 * writeManifest(dir), then its .br/.gz siblings, and, for the default dist/, the copy in www/pkg/.
 * Run by scripts/build-page.mjs, and by scripts/build-offline.mjs when it rebuilds dist's offline
 * file on its own (the manifest must name the file that is there).
 * @param {string} dir
 */
export async function publishManifest(dir) {
  const manifest = Buffer.from(await writeManifest(dir));
  fs.writeFileSync(path.join(dir, `${MANIFEST}.br`), zlib.brotliCompressSync(manifest, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: manifest.length },
  }));
  fs.writeFileSync(path.join(dir, `${MANIFEST}.gz`), zlib.gzipSync(manifest, { level: 9 }));
  return manifest;
}

/** Copies DIR's manifest to www/pkg/ (only for the default dist/). @param {string} dir */
export function copyManifestToWww(dir) {
  if (path.resolve(dir) === path.join(ROOT, 'dist')) fs.copyFileSync(path.join(dir, MANIFEST), path.join(ROOT, 'www', MANIFEST));
}

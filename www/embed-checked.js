// The widget's checked loading (embed.js). The widget is served as one bundle,
// dist/embed.js (scripts/build-embed.mjs): every module it runs is inside it,
// so an embedder's `integrity` attribute on that one file covers all its
// JavaScript. The files it still fetches, the wasm and the two stylesheets,
// are checked here against the SHA-256 built into the bundle
// (./embed-integrity.js, a virtual module of that build) before they are
// used: a file whose bytes differ is refused, and the widget shows its error
// state, never a result (DESIGN.md, "Why can anyone rebuild the same bytes?").
// The page (app.js) does not use this: it is served from its own origin,
// file by file, and loads lazily.

import init, * as core from './pkg/amnistia.js';
import { HASHES } from './embed-integrity.js';

/** A file whose bytes are not the ones this bundle was built with. */
export class IntegrityError extends Error {
  /** @param {string} file */
  constructor(file) {
    super(`${file}: its SHA-256 is not the one this widget was built with`);
    this.name = 'IntegrityError';
    this.code = 'integrity';
  }
}

/** @param {ArrayBuffer} bytes */
async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The bytes of `file` (relative to `base`), once their SHA-256 is the one built in.
 * @param {URL | string} base
 * @param {string} file
 * @returns {Promise<ArrayBuffer>}
 */
export async function checkedFetch(base, file) {
  const want = HASHES[file];
  if (!want) throw new IntegrityError(file);
  const r = await fetch(new URL(file, base), { credentials: 'omit' });
  if (!r.ok) throw new Error(`${file}: ${r.status}`);
  const bytes = await r.arrayBuffer();
  if ((await sha256(bytes)) !== want) throw new IntegrityError(file);
  return bytes;
}

/**
 * A stylesheet's text, checked.
 * @param {URL | string} base
 * @param {string} file
 */
export const checkedText = (base, file) => checkedFetch(base, file).then((bytes) => new TextDecoder().decode(bytes));

/**
 * A `load()` for the widget: the core, from the checked wasm; one load for every caller at a
 * time, and after a failure the next call asks again.
 * @param {URL | string} base
 * @returns {() => Promise<import('./types.js').Core>}
 */
export function checkedCore(base) {
  /** @type {Promise<import('./types.js').Core> | null} */
  let loading = null;
  return function load() {
    if (!loading) {
      const next = checkedFetch(base, 'pkg/amnistia_bg.wasm')
        .then((bytes) => init({ module_or_path: bytes }))
        .then(() => core);
      loading = next;
      next.catch(() => { loading = null; });
    }
    return loading;
  };
}

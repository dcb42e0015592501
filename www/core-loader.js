// Loading the rules core (the wasm-bindgen glue and its WebAssembly) for the
// page (app.js); the widget checks what it loads (embed-checked.js). One load for every caller
// at a time; after a failure the next call asks again, under a fresh URL,
// since a browser may remember a failed module import. The offline single
// file embeds the core and has its own loader (offline-entry.js).

/**
 * A `load()` that resolves to the initialised core, from `pkg/` under `base`.
 * @param {string | URL} base
 * @returns {() => Promise<import('./types.js').Core>}
 */
export function coreLoader(base) {
  /** @type {Promise<import('./types.js').Core> | null} */
  let loading = null;
  let failed = false;
  let attempt = 0;
  return function load() {
    if (!loading) {
      attempt += 1;
      const url = new URL(failed ? `pkg/amnistia.js?retry=${attempt}` : 'pkg/amnistia.js', base).href;
      const next = import(url)
        .catch((err) => { failed = true; throw err; })
        .then(async (mod) => { await mod.default(); return mod; });
      loading = next;
      next.catch(() => { loading = null; });
    }
    return loading;
  };
}

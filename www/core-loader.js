// Loading the rules core (the wasm-bindgen glue and its WebAssembly) for the
// page (app.js); the widget checks what it loads (embed-checked.js). The glue
// and the wasm are requested together, in one round trip (index.html does not
// preload them: the page asks for the core once the start screen shows, so
// that the core does not share the link with what the start screen needs).
// One load for every caller at a time; after a failure the next call asks
// again, under a fresh URL, since a browser may remember a failed module
// import. The offline single file embeds the core and has its own loader
// (offline-entry.js).

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
      // The wasm's request goes out with the glue's, not after it has arrived; the glue's init
      // takes the response (streaming compilation, as when it fetches the file itself).
      const wasm = fetch(new URL('pkg/amnistia_bg.wasm', base));
      wasm.catch(() => {}); // (a failure shows through the init below)
      const next = import(url)
        .catch((err) => { failed = true; throw err; })
        .then(async (mod) => { await mod.default({ module_or_path: wasm }); return mod; });
      loading = next;
      next.catch(() => { loading = null; });
    }
    return loading;
  };
}

// The served page's entry: loads the rules core (WebAssembly) from pkg/ and
// starts the page. The offline single file has its own entry
// (offline-entry.js, built by scripts/build-offline.mjs); the widget, embed.js.

import { startPage } from './page.js';

// What the first question shows before the core arrives, generated from the core by the build
// (scripts/build-first.mjs). Optional: if it cannot be loaded, "Empezar" waits for the core.
const first = import('./pkg/first.js').then((m) => m.FIRST, () => null);

let importFailed = false;
let attempt = 0;

async function loadCore() {
  // A failed import may be remembered by the browser: ask again under a fresh URL.
  attempt += 1;
  const url = importFailed ? `./pkg/amnistia.js?retry=${attempt}` : './pkg/amnistia.js';
  let mod;
  try {
    mod = await import(url);
  } catch (err) {
    importFailed = true;
    throw err;
  }
  await mod.default();
  return mod;
}

/** The stylesheet of the parts loaded after the first question, added once. */
let styles;
function loadStyles() {
  if (!styles) {
    styles = new Promise((resolve, reject) => {
      const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: 'parts.css' });
      link.onload = resolve;
      link.onerror = () => { link.remove(); styles = null; reject(new Error('parts.css did not load')); };
      document.head.append(link);
    });
  }
  return styles;
}

startPage(loadCore, loadStyles, () => first);

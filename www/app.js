// The served page's entry: loads the rules core (WebAssembly) from pkg/ and
// starts the page. The offline single file has its own entry
// (offline-entry.js, built by scripts/build-offline.mjs); the widget, embed.js.

import { startPage } from './page.js';
import { coreLoader } from './core-loader.js';

// What the first question shows before the core arrives, generated from the core by the build
// (scripts/build-first.mjs). Optional: if it cannot be loaded, "Empezar" waits for the core.
const first = import('./pkg/first.js').then((m) => m.FIRST, () => null);

const loadCore = coreLoader(new URL('./', import.meta.url));

/**
 * The stylesheet of the parts loaded after the first question, added once.
 * @type {Promise<unknown> | null}
 */
let styles = null;
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

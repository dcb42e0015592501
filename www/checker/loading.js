// The core's arrival, for one mount of the checker (`v`, checker.js): loading it in the
// background (boot()), with its slow notice and timeout; renewing it after a trap; taking the
// first question's snapshot (pkg/first.js); the loading screen while the user waits for it; and,
// once it is here, doing what was asked meanwhile (coreReady()), then fetching the later parts
// and warming the core up. *May not*: draw a screen itself (render.js does), or move between
// steps itself (it calls steps.js).

import { loadLang } from '../i18n.js';
import { completeStart } from '../ui/start.js';
import { withTimeout } from '../ui/status.js';
import { knownLaw, firstInfo, firstAgrees, wellFormed } from './core.js';
import { start, continueFromFirst, openScreening } from './steps.js';
import { render, decorate, startContext, showError, keepFocus, preparePart } from './render.js';

/** @typedef {import('../types.js').CheckerView} View */

export const LOAD_TIMEOUT_MS = 60000;
const SLOW_NOTICE_MS = 8000;

/**
 * After a trap: a fresh WebAssembly instance (fresh memory) from the module
 * already compiled, with no request and no reload (the glue's
 * __wbg_reset_state, scripts/build-wasm.sh). If that fails, drop the core
 * so that it is loaded again.
 * @param {View} v
 */
export function renewCore(v) {
  const core = v.core;
  if (!core.broken || !core.mod) return;
  core.broken = false;
  core.info.clear();
  try {
    core.mod.__wbg_reset_state();
  } catch {
    core.mod = null;
  }
}

/**
 * Loads the core in the background; the screens go on showing meanwhile.
 * @param {View} v
 */
export async function boot(v) {
  const core = v.core;
  const attempt = ++core.attempt;
  core.loading = true;
  core.slow = false;
  const slow = setTimeout(() => {
    if (attempt !== core.attempt) return;
    core.slow = true;
    if (v.screen.name === 'loading') keepFocus(v, () => render(v));
  }, SLOW_NOTICE_MS);
  try {
    const mod = await withTimeout(Promise.resolve().then(() => v.opts.load()), LOAD_TIMEOUT_MS);
    if (attempt !== core.attempt) return;
    core.mod = mod;
    // version() also lists every law's rules hash; the footer shows those per law.
    core.version = typeof mod.version === 'function' ? String(mod.version()).split(';')[0].trim() : '';
    core.info.clear();
    if (v.initialLaw) v.state.lawId = knownLaw(v, v.initialLaw);
    core.loading = false;
    coreReady(v);
  } catch (err) {
    if (attempt !== core.attempt) return;
    core.loading = false;
    showError(v, 'load', err);
  } finally {
    clearTimeout(slow);
  }
}

/**
 * The snapshot of pkg/first.js, if any: taken when well formed; a "Empezar" waiting for the core goes on with it.
 * @param {View} v
 * @param {any} data
 */
export function takeFirst(v, data) {
  if (!wellFormed(data)) return;
  v.first.data = data;
  if (v.pending === 'start' && v.screen.name === 'loading' && firstInfo(v)) {
    v.pending = null;
    start(v);
  }
}

/**
 * The user asked for something that needs the core before it arrived: the loading screen until it does.
 * @param {View} v
 * @param {'start' | 'screening' | 'next'} what
 */
export function waitForCore(v, what) {
  v.pending = what;
  if (!v.core.loading) boot(v); // (a load is normally in flight already)
  // An answer given before the core arrived: its question stays on screen, marked as saved.
  const keep = what === 'next' ? (v.screen.keep ?? v.screen) : undefined;
  v.screen = { name: 'loading', keep };
  render(v, { focus: true });
}

/** @param {View} v */
function coreReady(v) {
  const what = v.pending;
  const name = v.screen.name;
  v.pending = null;
  if (what === 'start' && name === 'loading') start(v);
  else if (what === 'next' && name === 'loading') continueFromFirst(v);
  else if (what === 'screening' && name === 'loading') openScreening(v);
  else if (name === 'question' && v.first.shown) {
    // The first question is showing, drawn from the snapshot: redrawn from the core if they differ.
    try {
      if (v.first.shown === 'waiting') render(v, { focus: true });
      else if (!firstAgrees(v)) keepFocus(v, () => render(v));
    } catch (err) {
      showError(v, 'eval', err);
    }
  } else if (name === 'start') {
    // The start screen is showing: add the core's parts in place (focus and reading position stay).
    const section = /** @type {HTMLElement | null} */ (v.main.querySelector('#screen-start'));
    try {
      if (section && !('ready' in section.dataset)) completeStart(section, startContext(v));
      decorate(v, v.screen, false);
    } catch (err) {
      showError(v, 'eval', err);
    }
  }
  prefetch(v);
}

/**
 * The parts needed after the first question, fetched in the background once the page is idle:
 * the result and print views, the "Organizaciones" view and the English strings. Every visitor
 * fetches the same files in the same order, so no request tells anything about what they do.
 * @param {View} v
 */
function prefetch(v) {
  const idle = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 50));
  idle(() => {
    const quiet = () => {}; // a failure shows if and when the part is needed
    let chain = preparePart(v, 'result').catch(quiet);
    if (v.opts.screening) chain = chain.then(() => preparePart(v, 'screening')).catch(quiet);
    chain.then(() => loadLang('en')).catch(quiet).then(() => idle(() => warmUp(v), { timeout: 2000 }));
  }, { timeout: 1000 });
}

/**
 * One check with every fact unknown, its result thrown away: the engine compiles the core's code
 * on its first use, which would otherwise fall on the family's first answer (some 5 ms on a
 * desktop, several times that on a cheap phone). No request, nothing kept.
 * @param {View} v
 */
function warmUp(v) {
  try {
    v.core.mod?.evaluate({ proceedings: [{}] }, 'es');
  } catch {
    // a real check shows any error
  }
}

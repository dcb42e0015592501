// The language and the law version, for one mount of the checker (`v`, checker.js): the
// static texts of the root (`data-i18n`, `data-i18n-label`, the language switch, and in the
// page <html lang> and the title), switching language once its strings are here (i18n.js
// fetches them), and the law version asked for from outside (the widget's attribute).
// *May not*: hold a UI string (i18n.js does), or draw a screen but through render.js.

import { t, hasLang, loadLang } from '../i18n.js';
import { keepFormValues } from '../ui/dom.js';
import { knownLaw } from './core.js';
import { render, showError, keepFocus } from './render.js';
import { changeLaw } from './steps.js';

/** @typedef {import('../types.js').CheckerView} View */

/** @param {View} v */
export function applyStatic(v) {
  const { root, opts, lang } = v;
  if (opts.page) {
    document.documentElement.lang = lang;
    document.title = t(lang, 'pageTitle');
  }
  if (opts.langTarget) opts.langTarget.lang = lang;
  /** @param {string} selector */
  const all = (selector) => /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll(selector));
  for (const el of all('[data-i18n]')) el.textContent = t(lang, /** @type {string} */ (el.dataset.i18n));
  for (const el of all('[data-i18n-label]')) el.setAttribute('aria-label', t(lang, /** @type {string} */ (el.dataset.i18nLabel)));
  const switcher = /** @type {HTMLElement} */ (root.getElementById('lang-switch'));
  switcher.lang = lang === 'es' ? 'en' : 'es';
  switcher.setAttribute('aria-label', t(lang, 'switchLangLabel'));
}

/**
 * Switches the language (its strings are fetched first if they are not here yet).
 * @param {View} v
 * @param {string | null} next
 */
export function setLang(v, next) {
  const asked = next === 'en' ? 'en' : 'es';
  v.wantLang = asked;
  if (hasLang(asked)) return showLang(v, asked);
  loadLang(asked).then(
    () => { if (v.wantLang === asked) showLang(v, asked); },
    (err) => {
      if (v.wantLang !== asked) return;
      v.wantLang = v.lang;
      const back = v.screen.name === 'error' ? v.screen.back : v.screen;
      showError(v, 'part', err, { back, again: () => setLang(v, asked) });
    },
  );
}

/**
 * @param {View} v
 * @param {string} next
 */
function showLang(v, next) {
  v.lang = next;
  applyStatic(v);
  // Re-render the current screen (from the core, when it has loaded), in the new language.
  if (v.screen.name === 'question') keepFormValues(v.main, () => render(v));
  else keepFocus(v, () => render(v));
}

/**
 * @param {View} v
 * @param {string | null | undefined} id
 */
export function setLaw(v, id) {
  v.initialLaw = id || undefined;
  if (v.core.mod && v.screen.name === 'start') changeLaw(v, knownLaw(v, v.initialLaw));
}

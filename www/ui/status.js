// The loading screen and the error panel, and a timeout for loading the core
// and the parts of the page loaded after it.

import { h } from './dom.js';
import { t } from '../i18n.js';

/**
 * The loading status; `saved`: an answer was given and is kept while the core finishes loading.
 * @param {string} lang
 */
export function loadingScreen(lang, slow = false, saved = false) {
  return h('section', { id: 'screen-loading', class: `screen loading${saved ? ' loading-saved' : ''}`, role: 'status', tabindex: '-1' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    h('p', { text: t(lang, saved ? 'answerSaved' : 'loading') }),
    slow ? h('p', { class: 'help', text: t(lang, 'loadingSlow') }) : null);
}

/**
 * { kind: 'load' (the core) | 'part' (a part of the page) | 'eval', code, detail } and the two ways out.
 * @param {string} lang
 * @param {{ kind?: string, code?: string, detail?: string }} error
 * @param {{ onRetry: () => void, onRestart: () => void }} actions
 */
export function errorPanel(lang, { kind, code, detail }, { onRetry, onRestart }) {
  return h('section', { id: 'error-panel', class: 'screen error-panel', role: 'alert', 'aria-labelledby': 'error-heading' },
    h('h2', { id: 'error-heading', tabindex: '-1', text: t(lang, 'errorHeading') }),
    h('p', { text: t(lang, kind === 'eval' ? 'errorEval' : 'errorLoad') }),
    detail ? h('p', { class: 'help', text: detail }) : null,
    h('p', {}, `${t(lang, 'errorCode')}: `, h('code', { id: 'error-code', text: code })),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-primary', id: 'btn-retry', onclick: onRetry }, t(lang, 'retry')),
      h('button', { type: 'button', class: 'btn', id: 'btn-restart', onclick: onRestart }, t(lang, 'restart'))));
}

/**
 * The stable code shown for an error.
 * @param {'load' | 'part' | 'eval'} kind
 * @param {any} err whatever was thrown
 * @returns {string}
 */
export function errorCode(kind, err) {
  if (err && typeof err.code === 'string' && err.code) return err.code;
  if (kind !== 'eval' && err && err.name === 'TimeoutError') return 'load_timeout';
  if (kind === 'load') return 'wasm_load_failed';
  if (kind === 'part') return 'module_load_failed';
  return 'internal_error';
}

/**
 * `promise`, or a TimeoutError after `ms` milliseconds.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { name: 'TimeoutError' })), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

// The start screen: what the checker does, privacy, not-advice, and which
// text of the law to use (the enacted one unless the user asks for the draft).
// It shows before the core has arrived (everything but the parts below that
// come from the core); completeStart() adds those parts in place once it has.

import { h, icon, draftBanner } from './dom.js';
import { t } from '../i18n.js';

/** @typedef {import('../types.js').StartContext} StartContext */
/** @typedef {import('../types.js').LawInfo} LawInfo */

/**
 * ctx: { lang, info (the core's LawInfo, or null while the core loads), onStart(), onLawChange(lawId), onOpen(file) }
 * @param {HTMLElement} root
 * @param {StartContext} ctx
 */
export function renderStart(root, ctx) {
  const { lang } = ctx;
  const section = h('section', { id: 'screen-start', class: 'screen', 'aria-labelledby': 'start-heading' },
    h('h2', { id: 'start-heading', tabindex: '-1', text: t(lang, 'startHeading') }),
    h('p', { class: 'lead', text: t(lang, 'startIntro') }),
    h('p', { text: t(lang, 'startUnknown') }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-primary btn-big', id: 'btn-start', onclick: ctx.onStart }, t(lang, 'startButton'), ' →')),
    openSaved(ctx),
    h('div', { class: 'privacy', id: 'privacy' }, h('h3', { text: t(lang, 'privacyHeading') }), h('p', { text: t(lang, 'privacyText') })),
    // Until the core's full disclaimer arrives, its first sentence.
    h('div', { class: 'notice', role: 'note', 'aria-label': t(lang, 'notAdviceHeading') },
      icon('alert', 'icon icon-lg'), h('div', {}, h('p', { id: 'start-disclaimer', text: t(lang, 'notAdviceShort') }))));
  if (ctx.info) completeStart(section, ctx);
  root.append(section);
  return section;
}

/**
 * "Abrir un caso guardado": a file input (read on this device only), its label shown as a button.
 * @param {StartContext} ctx
 */
function openSaved({ lang, onOpen }) {
  const input = h('input', { type: 'file', id: 'open-case', class: 'file-input', accept: '.json,application/json', 'aria-describedby': 'open-help' });
  input.addEventListener('change', () => {
    const file = input.files && input.files[0];
    input.value = '';
    if (onOpen) onOpen(file);
  });
  return h('div', { class: 'open-saved', id: 'open-saved' },
    input,
    h('label', { for: 'open-case', class: 'btn file-label', text: t(lang, 'openSaved') }),
    h('p', { class: 'help', id: 'open-help', text: t(lang, 'openHelp') }),
    h('p', { class: 'field-error', id: 'open-error', role: 'alert', hidden: true }));
}

/**
 * Adds what comes from the core: the draft banner, the full disclaimer, the law chooser and the law line. Marks the screen data-ready.
 * @param {HTMLElement} section
 * @param {StartContext} ctx (its `info` is here: the core has arrived)
 */
export function completeStart(section, ctx) {
  const { lang } = ctx;
  const info = /** @type {LawInfo} */ (ctx.info);
  if (info.status === 'draft') section.prepend(draftBanner(lang, info.notice));
  /** @type {HTMLElement} */ (section.querySelector('#start-disclaimer')).textContent = info.disclaimer;
  if (info.laws.length > 1) section.append(lawChooser(lang, info, ctx.onLawChange));
  section.append(h('p', { class: 'law-line' }, h('span', { lang: 'es', text: info.title }),
    ` — ${info.id} · ${t(lang, 'rulesVersion')} ${info.rulesVersion}`));
  section.dataset.ready = '';
}

/**
 * @param {string} lang
 * @param {LawInfo} info
 * @param {StartContext['onLawChange']} onLawChange
 */
function lawChooser(lang, info, onLawChange) {
  /** @param {string} code */
  const status = (code) => t(lang, 'lawStatus')[code] ?? code;
  /** @param {string} s */
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const select = h('select', { id: 'law-select', 'aria-describedby': 'law-select-help' },
    info.laws.map((l) => h('option', { value: l.id, text: cap(status(l.status)) })));
  select.value = info.id;
  select.addEventListener('change', () => onLawChange(select.value));
  return h('details', { class: 'law-chooser', open: info.status === 'draft' },
    h('summary', { text: `${t(lang, 'lawVersion')}: ${status(info.status)}` }),
    h('div', { class: 'field' },
      h('label', { for: 'law-select', text: t(lang, 'lawVersion') }), select,
      h('p', { class: 'help', id: 'law-select-help', text: t(lang, 'lawVersionHelp') })));
}

// Small DOM helpers. Everything is built with createElement and textContent:
// no HTML strings anywhere, so nothing the user types can become markup.

import { t } from '../i18n.js';

/** @typedef {import('../types.js').LawInfo} LawInfo */
/** @typedef {LawInfo['glossary'][number]} GlossaryEntry */
/** @typedef {import('../types.js').Labelled} Labelled */

/**
 * Creates an element. `attrs` may hold `class`, `text`, `hidden`, `on*`
 * handlers (functions) and plain attributes; children may be nodes, strings,
 * arrays, or null (skipped).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') el.textContent = value;
    else if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** @typedef {Node | string | null | undefined | false | Child[]} Child */

/**
 * @param {HTMLElement} el
 * @param {Child[]} children
 */
function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (typeof child === 'string') el.append(document.createTextNode(child));
    else el.append(child);
  }
}

/**
 * Keeps what is typed, chosen or ticked in `container` across `rerender()` (a language switch).
 * @param {ParentNode} container
 * @param {() => void} rerender
 */
export function keepFormValues(container, rerender) {
  // (an input or a select: the select has no `checked`, and is never a checkbox)
  /** @type {NodeListOf<HTMLInputElement>} */
  const fields = container.querySelectorAll('input[id]:not([type=file]), select[id]');
  /** @type {[string, any][]} */
  const values = [...fields].map((el) => [el.id, el.type === 'checkbox' ? el.checked : el.value]);
  rerender();
  for (const [id, value] of values) {
    /** @type {HTMLInputElement | null} */
    const el = container.querySelector(`#${CSS.escape(id)}`);
    if (!el) continue;
    if (el.type === 'checkbox') {
      if (el.checked !== value) { el.checked = value; el.dispatchEvent(new Event('change')); }
    } else el.value = value;
  }
}

/**
 * Removes every child of `el`.
 * @param {Node} el
 */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

const SVG = 'http://www.w3.org/2000/svg';

// Simple 24×24 line icons; shape differs per meaning so colour is never the only cue.
/** @type {Record<string, string[]>} */
const ICONS = {
  check: ['M7 12.5l3.2 3.2L17 9'],
  cross: ['M8.5 8.5l7 7', 'M15.5 8.5l-7 7'],
  question: ['M9.5 9.5a2.5 2.5 0 1 1 3.6 2.2c-.8.4-1.1 1-1.1 1.8v.5', 'M12 17h.01'],
  dots: ['M7.5 12h.01', 'M12 12h.01', 'M16.5 12h.01'],
  split: ['M12 4v16', 'M8 9l-2 3 2 3', 'M16 9l2 3-2 3'],
  dash: ['M8 12h8'],
  info: ['M12 11v5', 'M12 8h.01'],
  alert: ['M12 7.5v5.5', 'M12 16.5h.01'],
};

/**
 * An icon (decorative: hidden from assistive technology, text goes beside it).
 * @param {string} name
 */
export function icon(name, cls = 'icon') {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', cls);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const circle = document.createElementNS(SVG, 'circle');
  circle.setAttribute('cx', '12');
  circle.setAttribute('cy', '12');
  circle.setAttribute('r', '10');
  svg.append(circle);
  for (const d of ICONS[name] ?? ICONS.info) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** @type {Record<string, string>} */
export const OUTCOME_ICON = {
  covered: 'check',
  not_covered: 'cross',
  uncertain: 'question',
  needs_information: 'dots',
  mixed: 'split',
};

/** @type {Record<string, string>} */
export const EFFECT_ICON = {
  pass: 'check',
  notCovered: 'cross',
  uncertain: 'question',
  open: 'dots',
  notInThisText: 'dash',
  note: 'info',
};

/** @param {string} s */
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Explains legal terms on their first use in a screen, from LawInfo.glossary.
 * `inline(el, text)` writes text into `el`, marking each term's first use
 * with <dfn>; `flush()` returns the pending explanations as a box (or null).
 * `block(tag, text, attrs)` does both for a paragraph.
 */
export class Glossary {
  /**
   * @param {GlossaryEntry[]} entries
   * @param {string} heading the explanations' box's label
   */
  constructor(entries, heading) {
    this.heading = heading;
    /** @type {Set<string>} */
    this.seen = new Set();
    /** @type {GlossaryEntry[]} */
    this.pending = [];
    /** @type {Map<string, GlossaryEntry>} */
    this.byKey = new Map();
    for (const entry of entries) {
      const key = entry.term.replace(/\s*\([^)]*\)\s*/g, ' ').trim().toLowerCase();
      if (key) this.byKey.set(key, entry);
    }
    const keys = [...this.byKey.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.re = keys.length ? new RegExp(`(?<!\\p{L})(${keys.join('|')})(?!\\p{L})`, 'giu') : null;
  }

  /**
   * @template {HTMLElement} E
   * @param {E} el
   * @param {string | null | undefined} text
   * @returns {E}
   */
  inline(el, text) {
    if (!text) return el;
    if (!this.re) {
      el.append(document.createTextNode(text));
      return el;
    }
    let last = 0;
    for (const match of text.matchAll(this.re)) {
      const key = match[0].toLowerCase();
      if (this.seen.has(key) || !this.byKey.has(key)) continue;
      this.seen.add(key);
      this.pending.push(/** @type {GlossaryEntry} */ (this.byKey.get(key)));
      el.append(document.createTextNode(text.slice(last, match.index)));
      el.append(h('dfn', { text: match[0] }));
      last = /** @type {number} */ (match.index) + match[0].length;
    }
    el.append(document.createTextNode(text.slice(last)));
    return el;
  }

  flush() {
    if (!this.pending.length) return null;
    const box = h('aside', { class: 'gloss', 'aria-label': this.heading });
    for (const entry of this.pending) {
      box.append(h('p', {}, h('strong', { text: entry.term }), ': ', entry.explanation));
    }
    this.pending = [];
    return box;
  }

  /**
   * @param {keyof HTMLElementTagNameMap} tag
   * @param {string | null | undefined} text
   * @param {Record<string, any>} [attrs]
   */
  block(tag, text, attrs = {}) {
    const el = this.inline(h(tag, attrs), text);
    const notes = this.flush();
    if (!notes) return el;
    const frag = document.createDocumentFragment();
    frag.append(el, notes);
    return frag;
  }
}

/**
 * The loud banner of a draft text (on the start screen, each question and the result).
 * @param {string} lang
 * @param {string} notice
 */
export function draftBanner(lang, notice) {
  return h('div', { class: 'draft-banner', id: 'draft-banner', role: 'note' },
    icon('alert', 'icon icon-lg'),
    h('div', {}, h('p', { class: 'draft-title' }, h('strong', { text: t(lang, 'draftBanner') })), h('p', { text: notice })));
}

/**
 * A confidence badge with its label from LawInfo.confidenceLevels (which has every level).
 * @param {LawInfo} info
 * @param {string} code
 */
export function confidenceBadge(info, code) {
  const level = /** @type {Labelled} */ (info.confidenceLevels.find((c) => c.code === code));
  return h('span', { class: `badge conf-${code}`, 'data-confidence': code, text: level.label });
}

/**
 * The outcome's label and description from LawInfo.outcomes (which has every outcome, `mixed` too).
 * @param {LawInfo} info
 * @param {string} code
 */
export function outcomeInfo(info, code) {
  return /** @type {Labelled} */ (info.outcomes.find((o) => o.code === code));
}

/**
 * A compact outcome tag: icon + label, coloured by class.
 * @param {LawInfo} info
 * @param {string} code
 */
export function outcomeTag(info, code) {
  return h('span', { class: `tag out-${code}`, 'data-outcome': code },
    icon(OUTCOME_ICON[code] ?? 'info', 'icon icon-sm'), outcomeInfo(info, code).label);
}

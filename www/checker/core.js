// What the checker reads from the core, for one mount (`v`, checker.js): the law's data for the
// language shown (cached), the snapshot of pkg/first.js while the core is on its way, and the
// core's evaluation. It asks and answers; it draws nothing, moves no step and loads nothing.

import { t } from '../i18n.js';
import * as I from '../interview.js';

/** @typedef {import('../types.js').CheckerView} View */
/** @typedef {import('../types.js').Core} Core */
/** @typedef {import('../types.js').LawInfo} LawInfo */
/** @typedef {import('../types.js').Assessment} Assessment */

/**
 * The core, where it has arrived (the callers are only reached once it has).
 * @param {View} v
 */
export const loaded = (v) => /** @type {Core} */ (v.core.mod);

/**
 * @param {View} v
 * @returns {LawInfo}
 */
export function lawInfo(v) {
  const key = `${v.lang}|${v.state.lawId ?? ''}`;
  if (!v.core.info.has(key)) v.core.info.set(key, loaded(v).law(v.lang, v.state.lawId));
  return /** @type {LawInfo} */ (v.core.info.get(key));
}

/**
 * Before the core has arrived: the snapshot's LawInfo fields for the language shown (only
 * `situations` and `glossary`), when it fits the law asked for (the default one); else null.
 * @param {View} v
 */
export function firstInfo(v) {
  const d = v.first.data;
  if (v.core.mod || !d || v.state.lawId || (v.initialLaw && v.initialLaw !== d.id)) return null;
  return d[v.lang];
}

/**
 * Whether the snapshot says what the core says, for the language shown (the core's data wins).
 * @param {View} v
 */
export function firstAgrees(v) {
  const d = v.first.data;
  if (!d) return false;
  const info = lawInfo(v);
  /** @type {(a: unknown, b: unknown) => boolean} */
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  return info.id === d.id && info.rulesVersion === d.rulesVersion
    && same(info.situations, d[v.lang].situations) && same(info.glossary, d[v.lang].glossary);
}

/**
 * Whether `d` has the shape of pkg/first.js's FIRST, so that the first question can be drawn from it.
 * @param {any} d
 */
export function wellFormed(d) {
  /** @type {(xs: any, keys: string[]) => boolean} */
  const list = (xs, keys) => Array.isArray(xs) && xs.length > 0
    && xs.every((x) => x && typeof x === 'object' && keys.every((k) => typeof x[k] === 'string'));
  return Boolean(d) && typeof d === 'object' && typeof d.id === 'string' && typeof d.rulesVersion === 'string'
    && ['es', 'en'].every((l) => d[l] && list(d[l].situations, ['code', 'label']) && list(d[l].glossary, ['term', 'explanation']));
}

/**
 * A law id the core knows, or undefined (the default text).
 * @param {View} v
 * @param {string | undefined} id
 */
export function knownLaw(v, id) {
  if (!id || !v.core.mod) return undefined;
  return /** @type {LawInfo} */ (v.core.mod.law(v.lang, undefined)).laws.some((l) => l.id === id) ? id : undefined;
}

/**
 * @param {View} v
 * @param {object} c a case
 * @returns {Assessment}
 */
export const evaluate = (v, c) => loaded(v).evaluate(c, v.lang);

/**
 * The core's message for a date it rejects, or null when it takes it.
 * @param {View} v
 * @param {{ factsDate: string, factsDateEnd?: string }} answer
 */
export function checkDate(v, answer) {
  const q = { kind: 'factsDate', index: v.state.current };
  try {
    evaluate(v, I.buildCase(I.answer(v.state, q, answer)));
    return null;
  } catch (/** @type {any} */ err) {
    if (err && err.code === 'invalid_date_range') return t(v.lang, 'dateRangeOrder');
    if (err && err.code === 'invalid_date') return err.message || t(v.lang, 'dateNoSuchDay');
    return null; // anything else surfaces through the normal flow
  }
}

/**
 * For the month question: the year given, and the months of it that the law's windows cover
 * (the core's `windows`, of the numerals its `datePlace` puts the year in; only the event's,
 * when it is known), as [first, last] month numbers.
 * @param {View} v
 * @param {import('../types.js').Facts} facts
 */
export function monthsCovered(v, facts) {
  const year = String(facts.factsDate).slice(0, 4);
  /** @type {import('../types.js').DatePlace} */
  const place = loaded(v).datePlace(year, null, v.state.lawId);
  const numerals = new Set(place.places.map((x) => x.numeral).filter((n) => typeof facts.event !== 'number' || n === facts.event));
  const ranges = [];
  for (const w of lawInfo(v).windows) {
    if (!numerals.has(w.numeral) || w.kind !== 'confirmed' || w.to < `${year}-01-01` || w.from > `${year}-12-31`) continue;
    const from = w.from < `${year}-01-01` ? 1 : Number(w.from.slice(5, 7));
    const to = w.to > `${year}-12-31` ? 12 : Number(w.to.slice(5, 7));
    ranges.push([from, to]);
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return { year, ranges: merged };
}

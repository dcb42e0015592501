// The law's periods on a timeline: an SVG drawn from the core's `windows` of the law in use (never
// from dates typed here), with the facts' date placed where the core's `datePlace` says, a title and
// description in words, and a text table as its alternative. Time runs down the page, so that 27
// years stay readable on a 360 px phone; around a date it zooms in, with a button for the whole span.
// It decides nothing: which numerals hold a date is the core's answer, drawn as it is.

import { h } from './dom.js';
import { t, addStrings } from '../i18n.js';
import { longDate } from './result.js';

/** @typedef {import('../types.js').LawInfo} LawInfo */
/** @typedef {import('../types.js').DatePlace} DatePlace */
/** @typedef {LawInfo['windows'][number]} Win */

addStrings({
  tlTitle: (a, b) => `Los períodos de la ley, de ${a} a ${b}`,
  tlDesc: (n) => `Cada banda es el período de uno de los ${n} sucesos de la ley, con su número; las bandas rayadas son fechas dudosas, que la ley quizá cubre.`,
  tlDay: (d) => `los hechos del ${d}`,
  tlSpan: (a, b) => `los hechos, entre el ${a} y el ${b},`,
  tlIn: (what, list) => `Según el verificador, ${what} caen en ${list}.`,
  tlNone: (what) => `Según el verificador, ${what} no caen en ningún período de la ley.`,
  tlPlace: (n, name, margin) => `${margin ? 'las fechas dudosas' : 'el período'} del suceso ${n} (${name})`,
  tlAssumed: 'Fecha supuesta (línea discontinua):',
  tlWhole: 'Ver todo el período',
  tlAround: 'Ver alrededor de la fecha',
  tlTable: 'Ver las fechas como tabla',
  tlNumeral: 'Suceso',
  tlKind: 'Tipo',
  tlFrom: 'Desde',
  tlTo: 'Hasta',
  tlConfirmed: 'período confirmado',
  tlSingleSource: 'período (según una sola fuente)',
  tlInferred: 'período (deducido, no confirmado)',
  tlDisputed: 'período (discutido)',
  tlMargin: 'fechas dudosas (rayado)',
  tlFacts: 'Hechos',
  tlLegendFacts: 'La línea o franja roja marca la fecha de los hechos.',
  tlDraftCite: (c) => `proyecto, art. ${c}`,
});

/** The words for a band: doubtful dates, or a period worded with how sure the core says its days are. */
const PERIOD_WORDS = { confirmed: 'tlConfirmed', single_source: 'tlSingleSource', inferred: 'tlInferred', disputed: 'tlDisputed' };
/**
 * @param {string} lang
 * @param {Win} w
 */
function bandWords(lang, w) {
  if (w.kind !== 'confirmed') return t(lang, 'tlMargin');
  return t(lang, PERIOD_WORDS[/** @type {keyof typeof PERIOD_WORDS} */ (w.confidence)] ?? 'tlDisputed');
}

const SVG = 'http://www.w3.org/2000/svg';
const W = 300; // the drawing's width in its own units; it scales to the width available
const LANE_X = 44; // where the first lane starts (the years are written left of it)
const LANE_W = 16;
const LANE_GAP = 4;
const MIN_H = 4; // the least height of a band or a range marker, so that a two-day window shows
const LINE = 15; // a label line's height
let count = 0; // for ids unique in the document

/**
 * An SVG element with attributes and children.
 * @param {string} tag
 * @param {Record<string, string | number>} attrs
 * @param {...(Element | string | null)} children
 */
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null) el.append(c);
  return el;
}

/** @param {string} iso a YYYY-MM-DD day */
const dayOf = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 864e5;
const YEAR = 365.2425;

/**
 * Each numeral's lane: numerals whose windows (margins included) overlap get lanes of their own
 * (numeral 8 holds 9 and 10), in numeral order.
 * @param {Win[]} windows
 * @returns {Map<number, number>}
 */
function lanes(windows) {
  /** @type {Map<number, [number, number]>} */
  const extent = new Map();
  for (const w of windows) {
    const e = extent.get(w.numeral);
    const a = dayOf(w.from);
    const b = dayOf(w.to);
    extent.set(w.numeral, e ? [Math.min(e[0], a), Math.max(e[1], b)] : [a, b]);
  }
  /** @type {number[]} */
  const ends = []; // the last day taken in each lane
  const lane = new Map();
  for (const [n, [a, b]] of [...extent].sort((x, y) => x[0] - y[0])) {
    let i = ends.findIndex((end) => end < a);
    if (i < 0) i = ends.length;
    ends[i] = b;
    lane.set(n, i);
  }
  return lane;
}

/**
 * The label of a numeral: its number and short name (under the draft, its own article and numeral too),
 * cut into at most two lines.
 * @param {string} lang
 * @param {LawInfo} info
 * @param {number} n
 */
function labelLines(lang, info, n) {
  const numeral = info.numerals.find((x) => x.number === n);
  const cites = [...new Set(info.windows.filter((w) => w.numeral === n).map((w) => w.cite))];
  // Under the draft its own article and numeral come first, so that a cut label still shows them.
  const text = info.status === 'draft'
    ? `${n} (${t(lang, 'tlDraftCite', cites.join(', '))}). ${numeral ? numeral.name : ''}`
    : `${n}. ${numeral ? numeral.name : ''}`;
  const max = 26;
  const words = text.split(' ');
  const lines = [''];
  for (const word of words) {
    const last = lines.length - 1;
    if ((lines[last] + ' ' + word).trim().length > max && lines[last]) {
      if (lines.length === 2) { lines[1] = `${lines[1]}…`; return { text, lines }; }
      lines.push(word);
    } else lines[last] = `${lines[last]} ${word}`.trim();
  }
  return { text, lines };
}

/**
 * What the picture says, in words: the law's events, and where the facts fall (the core's answer).
 * @param {string} lang
 * @param {LawInfo} info
 * @param {DatePlace | null} place
 */
export function describePlace(lang, info, place) {
  if (!place || !place.from) return '';
  const what = place.from === place.to ? t(lang, 'tlDay', longDate(lang, place.from)) : t(lang, 'tlSpan', longDate(lang, place.from), longDate(lang, place.to));
  if (!place.places.length) return t(lang, 'tlNone', what);
  const list = place.places.map((p) => t(lang, 'tlPlace', p.numeral, info.numerals.find((x) => x.number === p.numeral)?.name ?? '', p.kind !== 'confirmed'));
  const joined = list.length < 2 ? list[0] : `${list.slice(0, -1).join(', ')} ${t(lang, 'and')} ${list[list.length - 1]}`;
  return t(lang, 'tlIn', what, joined);
}

/**
 * The timeline of the law in use, as a figure: the SVG, the button between the span around the
 * date and the whole span, the note on an assumed date, and the text table.
 * ctx: { lang, info, place (the core's datePlace of the facts, or null), assumed (the date is taken from
 * the event: the core's sentence saying so; the marker is dashed, with it as a note), zoom (start around
 * the date; default when there is one) }
 * @param {{ lang: string, info: LawInfo, place?: DatePlace | null, assumed?: string | null, zoom?: boolean }} ctx
 */
export function timeline(ctx) {
  const { lang, info } = ctx;
  const place = ctx.place && ctx.place.from ? ctx.place : null;
  const id = `tl-${++count}`;
  const figure = h('figure', { class: 'timeline', id, 'data-testid': 'timeline', 'data-law': info.id });
  const holder = h('div', { class: 'tl-drawing' });
  let zoom = Boolean(place) && ctx.zoom !== false;
  const button = place ? h('button', {
    type: 'button', class: 'btn btn-small tl-zoom no-print', 'data-testid': 'timeline-zoom',
    onclick: () => { zoom = !zoom; draw(); },
  }) : null;
  const draw = () => {
    holder.replaceChildren(drawing(ctx, place, zoom, id));
    if (button) button.textContent = t(lang, zoom ? 'tlWhole' : 'tlAround');
    figure.dataset.view = zoom ? 'around' : 'whole';
  };
  draw();
  if (button) figure.append(button);
  figure.append(holder);
  const notes = h('figcaption', { class: 'tl-caption' });
  if (place) notes.append(h('p', { class: 'tl-where', 'data-testid': 'timeline-where', text: describePlace(lang, info, place) }), h('p', { class: 'tl-legend', text: t(lang, 'tlLegendFacts') }));
  // Why the date is assumed is the core's sentence (the explanation's dateAssumed step).
  if (place && ctx.assumed) notes.append(h('p', { class: 'tl-assumed-note', 'data-testid': 'timeline-assumed' }, h('strong', { text: t(lang, 'tlAssumed') }), ' ', ctx.assumed));
  notes.append(table(lang, info));
  figure.append(notes);
  return figure;
}

/**
 * The SVG itself, of the whole span or of some years around the facts.
 * @param {{ lang: string, info: LawInfo, assumed?: string | null }} ctx
 * @param {DatePlace | null} place
 * @param {boolean} zoom
 * @param {string} id
 */
function drawing(ctx, place, zoom, id) {
  const { lang, info } = ctx;
  const period = info.period;
  let start = dayOf(period.from);
  let end = dayOf(period.to);
  if (zoom && place) {
    start = Math.max(start, dayOf(place.from) - 2 * YEAR);
    end = Math.min(end, dayOf(place.to) + 2 * YEAR);
    // whole years, so that the ticks sit on 1 January
    start = dayOf(`${new Date(start * 864e5).getUTCFullYear()}-01-01`);
    end = Math.min(dayOf(period.to), dayOf(`${new Date(end * 864e5).getUTCFullYear() + 1}-01-01`) - 1);
  }
  const years = (end - start + 1) / YEAR;
  const yearH = zoom ? Math.min(100, 320 / years) : 26;
  const top = 10;
  const y = (/** @type {number} */ day) => top + ((day - start) / YEAR) * yearH;
  const lane = lanes(info.windows);
  const laneCount = Math.max(1, ...[...lane.values()].map((l) => l + 1));
  const labelX = LANE_X + laneCount * (LANE_W + LANE_GAP) + 8;
  const hatch = `${id}-hatch`;
  const svg = s('svg', {
    viewBox: '0 0 0 0', role: 'img', class: 'tl-svg', 'aria-labelledby': `${id}-title ${id}-desc`,
    'data-start': new Date(start * 864e5).toISOString().slice(0, 10), 'data-end': new Date(end * 864e5).toISOString().slice(0, 10),
  });
  const y0 = period.from.slice(0, 4);
  const y1 = period.to.slice(0, 4);
  svg.append(
    s('title', { id: `${id}-title` }, t(lang, 'tlTitle', y0, y1)),
    s('desc', { id: `${id}-desc` }, [t(lang, 'tlDesc', info.numerals.length), describePlace(lang, info, place)].filter(Boolean).join(' ')),
    s('defs', {}, s('pattern', { id: hatch, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 6, height: 6, class: 'tl-hatch-bg' }),
      s('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'tl-hatch-line' }))));

  // The years, every one when zoomed in, every other one across the whole span.
  const axis = s('g', { class: 'tl-axis', 'aria-hidden': 'true' });
  const firstYear = new Date(start * 864e5).getUTCFullYear();
  const lastYear = new Date(end * 864e5).getUTCFullYear();
  for (let yr = firstYear; yr <= lastYear + 1; yr++) {
    const yy = y(dayOf(`${yr}-01-01`));
    if (yy < top - 0.5 || yy > y(end + 1) + 0.5) continue;
    axis.append(s('line', { x1: LANE_X - 6, x2: W, y1: yy, y2: yy, class: 'tl-tick' }));
    if (zoom || yr % 2 === 1) axis.append(s('text', { x: LANE_X - 8, y: yy + 4, class: 'tl-year', 'text-anchor': 'end' }, String(yr)));
  }
  svg.append(axis);

  // One band per window segment, in the numeral's lane; hatched where it is a contested margin.
  const bands = s('g', { class: 'tl-bands' });
  /** @type {Map<number, number>} */
  const wanted = new Map(); // numeral -> the y its label would like
  for (const w of info.windows) {
    const a = dayOf(w.from);
    const b = dayOf(w.to) + 1;
    if (b <= start || a > end + 1) continue;
    const ya = y(Math.max(a, start));
    let yb = y(Math.min(b, end + 1));
    if (yb - ya < MIN_H) yb = ya + MIN_H;
    const x = LANE_X + (lane.get(w.numeral) ?? 0) * (LANE_W + LANE_GAP);
    const margin = w.kind !== 'confirmed';
    const rect = s('rect', {
      x, y: ya.toFixed(2), width: LANE_W, height: (yb - ya).toFixed(2),
      class: `tl-band ${margin ? 'tl-margin' : 'tl-confirmed'}`,
      'data-numeral': w.numeral, 'data-from': w.from, 'data-to': w.to, 'data-kind': margin ? 'margin' : 'confirmed', 'data-cite': w.cite,
    }, s('title', {}, `${w.numeral}: ${bandWords(lang, w)}, ${longDate(lang, w.from)} – ${longDate(lang, w.to)}`));
    if (margin) rect.setAttribute('fill', `url(#${hatch})`);
    bands.append(rect);
    const mid = (ya + yb) / 2;
    if (!wanted.has(w.numeral) || !margin) wanted.set(w.numeral, Math.min(wanted.get(w.numeral) ?? Infinity, mid));
  }
  svg.append(bands);

  // The labels: number and short name, pushed down where they would overlap, with a line to the band.
  const labels = s('g', { class: 'tl-labels' });
  let next = 0;
  let bottom = y(end + 1);
  for (const [n, want] of [...wanted].sort((p, q) => p[1] - q[1])) {
    const { text, lines } = labelLines(lang, info, n);
    const ly = Math.max(want - (lines.length * LINE) / 2 + LINE - 2, next);
    const bandX = LANE_X + (lane.get(n) ?? 0) * (LANE_W + LANE_GAP) + LANE_W;
    const label = s('g', { class: 'tl-label', 'data-numeral': n });
    label.append(s('line', { x1: bandX, y1: want, x2: labelX - 2, y2: ly - LINE / 2 + 2, class: 'tl-leader' }));
    const txt = s('text', { x: labelX, y: ly.toFixed(2), class: 'tl-label-text' }, s('title', {}, text));
    lines.forEach((line, i) => txt.append(s('tspan', { x: labelX, dy: i ? LINE : 0 }, line)));
    label.append(txt);
    labels.append(label);
    next = ly + lines.length * LINE + 2;
    bottom = Math.max(bottom, next);
  }
  svg.append(labels);

  // The facts: a day is a line, a month, a year or a range a band; dashed when assumed from the event.
  // A date assumed from an event whose window has a gap is one piece per run of days (the core's `ranges`).
  if (place) {
    const pieces = place.ranges?.length ? place.ranges : [{ from: place.from, to: place.to }];
    const x2 = LANE_X + laneCount * (LANE_W + LANE_GAP);
    const marks = pieces.flatMap((r) => {
      const a = dayOf(r.from);
      const b = dayOf(r.to) + 1;
      if (b <= start || a > end + 1) return [];
      const ya = y(Math.max(a, start));
      const yb = Math.max(y(Math.min(b, end + 1)), ya + (r.from === r.to ? 0 : MIN_H));
      const attrs = {
        class: `tl-marker${ctx.assumed ? ' tl-assumed' : ''}`, 'data-testid': 'timeline-marker',
        'data-from': r.from, 'data-to': r.to, 'data-numerals': [...new Set(place.places.map((p) => p.numeral))].join(' '),
        'data-shape': r.from === r.to ? 'day' : 'span',
      };
      return [{ ya, mark: r.from === r.to
        ? s('line', { ...attrs, x1: LANE_X - 6, x2, y1: ya.toFixed(2), y2: ya.toFixed(2) })
        : s('rect', { ...attrs, x: LANE_X - 6, width: x2 - LANE_X + 6, y: ya.toFixed(2), height: (yb - ya).toFixed(2) }) }];
    });
    if (marks.length) {
      svg.append(s('g', { class: 'tl-facts' }, ...marks.map((m) => m.mark),
        s('text', { x: 2, y: (marks[0].ya + 3).toFixed(2), class: 'tl-facts-text' }, t(lang, 'tlFacts'))));
    }
  }
  svg.setAttribute('viewBox', `0 0 ${W} ${Math.ceil(bottom + 8)}`);
  return svg;
}

/**
 * The text alternative: every window segment, as the core gives it.
 * @param {string} lang
 * @param {LawInfo} info
 */
function table(lang, info) {
  const name = (/** @type {number} */ n) => info.numerals.find((x) => x.number === n)?.name ?? '';
  return h('details', { class: 'tl-table-box' },
    h('summary', { text: t(lang, 'tlTable') }),
    h('table', { class: 'tl-table', 'data-testid': 'timeline-table' },
      h('thead', {}, h('tr', {}, ['tlNumeral', 'tlKind', 'tlFrom', 'tlTo'].map((k) => h('th', { scope: 'col', text: t(lang, k) })))),
      h('tbody', {}, info.windows.map((w) => h('tr', { 'data-numeral': w.numeral, 'data-kind': w.kind === 'confirmed' ? 'confirmed' : 'margin' },
        h('th', { scope: 'row', text: `${w.numeral}. ${name(w.numeral)}${info.status === 'draft' ? ` (${t(lang, 'tlDraftCite', w.cite)})` : ''}` }),
        h('td', { text: bandWords(lang, w) }),
        h('td', { text: longDate(lang, w.from) }),
        h('td', { text: longDate(lang, w.to) }))))));
}

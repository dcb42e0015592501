// "La ley, artículo por artículo": every article, numeral and exclusion of the law in use, as the
// core's `law()` gives them (paraphrase, confidence, what is contested and why, sources), what is
// not formalised, the timeline, and the comparison of the enacted text with the first-reading
// draft, paired by the rules data's own keys. Nothing here is legal text: it is all the core's.
// Also `decorate`, which adds the later parts to the screens the checker draws: the timeline on the
// date question and in the result, and the way into this view from the start screen and the result.

import { h, confidenceBadge, draftBanner, Glossary } from './dom.js';
import { t, addStrings } from '../i18n.js';
import { buildCase } from '../interview.js';
import { longDate } from './result.js';
import { timeline } from './timeline.js';

/** @typedef {import('../types.js').LawInfo} LawInfo */
/** @typedef {import('../types.js').Core} Core */

addStrings({
  lawView: 'La ley, artículo por artículo',
  lawViewIntro: 'Lo que dice cada artículo que usa el verificador, en palabras sencillas, con lo segura que es la información y de dónde viene. Es un resumen de la prensa y de organizaciones, no el texto oficial.',
  lawViewBack: 'Volver',
  lawTimeline: 'Los períodos en una línea de tiempo',
  lawArticles: 'Artículos',
  lawNumerals: 'Los sucesos que cubre la ley',
  lawExclusions: 'Lo que la ley deja fuera',
  lawNotFormalized: 'Lo que el verificador no usa, y por qué',
  lawArticle: (n) => `Artículo ${n}`,
  lawNumeral: (n) => `Suceso ${n}`,
  lawCite: (c) => `Art. ${c}`,
  lawWhen: 'Fechas:',
  lawContested: 'Qué se discute:',
  lawMargin: 'Fechas dudosas:',
  lawException: 'Excepción:',
  lawNote: 'Nota:',
  lawSources: 'Fuentes',
  lawNoSources: 'Sin fuente propia: se apoya en las del artículo.',
  lawSourceAbout: (d) => `hacia el ${d}`,
  lawSourceNoDate: 'fecha no registrada',
  lawSourceLink: 'abrir la fuente (sitio externo)',
  lawCompare: 'Qué cambió del proyecto a la ley aprobada',
  lawCompareIntro: 'Comparación generada de los dos textos que conoce el verificador: el proyecto de primera discusión y la ley aprobada, con sus títulos abajo.',
  lawAdded: 'Lo que añadió la ley aprobada',
  lawDropped: 'Lo que tenía el proyecto y la ley aprobada quitó',
  lawChanged: 'Lo que está en los dos textos, con cambios',
  lawSame: 'Lo que el verificador trata igual en los dos (las mismas fechas o los mismos cargos)',
  lawEnacted: 'Ley aprobada',
  lawDraft: 'Proyecto',
  lawNothing: 'Nada.',
  lawOpen: 'La ley, artículo por artículo',
  dateTimeline: 'Ver en qué fechas cubre la ley',
  stepSources: 'Fuentes de esta regla',
  badgeLaw: (label) => `La ley: ${label}`,
});

/**
 * A source list: outlet and date, and the address only where the core has one (the brief's table of
 * known addresses), as a plain link: nothing is requested until it is followed.
 * @param {string} lang
 * @param {LawInfo} info
 * @param {string[]} ids
 */
export function sourceList(lang, info, ids) {
  if (!ids.length) return h('p', { class: 'sources-none', text: t(lang, 'lawNoSources') });
  return h('ul', { class: 'sources', 'data-testid': 'sources' }, ids.map((id) => {
    const src = info.sources.find((x) => x.id === id);
    if (!src) return null;
    const date = src.date ? (src.dateAbout ? t(lang, 'lawSourceAbout', longDate(lang, src.date)) : longDate(lang, src.date)) : t(lang, 'lawSourceNoDate');
    return h('li', { 'data-source': id },
      h('span', { class: 'source-outlet', lang: 'es', text: src.outlet }), ', ', h('span', { class: 'source-date', text: date }),
      src.url ? [' · ', h('a', { href: src.url, rel: 'external noopener noreferrer', target: '_blank', class: 'source-link', text: t(lang, 'lawSourceLink') })] : null);
  }));
}

/**
 * One entry: heading, badge, paraphrase, what is contested, notes, sources.
 * @param {string} lang
 * @param {LawInfo} info
 * @param {Glossary} gl
 * @param {{ kind: string, id: string, heading: string, cite: string, confidence: string, paraphrase: string,
 *   contested: string | null, extra: [string, string | null][], sources: string[] }} e
 */
function entry(lang, info, gl, e) {
  const box = h('article', { class: 'law-entry', 'data-entry': e.kind, 'data-id': e.id, 'data-confidence': e.confidence },
    h('h4', {}, h('span', { class: 'cite', text: e.cite }), ' ', h('span', { text: e.heading }), ' ', confidenceBadge(info, e.confidence)));
  gl.inline(box.appendChild(h('p', { class: 'law-paraphrase' })), e.paraphrase);
  for (const [label, text] of /** @type {[string, string | null][]} */ ([['lawContested', e.contested], ...e.extra])) {
    if (text) box.append(h('p', { class: `law-extra law-${label}`, 'data-testid': label }, h('strong', { text: `${t(lang, label)} ` }), text));
  }
  box.append(h('details', { class: 'law-sources' }, h('summary', { text: `${t(lang, 'lawSources')} (${e.sources.length})` }), sourceList(lang, info, e.sources)));
  const notes = gl.flush();
  if (notes) box.append(notes);
  return box;
}

/**
 * ctx: { lang, info (the law in use), other (the other version's law(), for the comparison, or null), onBack() }
 * @param {HTMLElement} root
 * @param {{ lang: string, info: LawInfo, other: LawInfo | null, onBack: () => void }} ctx
 */
export function renderLaw(root, ctx) {
  const { lang, info } = ctx;
  const gl = new Glossary(info.glossary, t(lang, 'wordsWeUse'));
  const section = h('section', { id: 'screen-law', class: 'screen law-view', 'data-law': info.id, 'aria-labelledby': 'law-heading' });
  const back = () => h('button', { type: 'button', class: 'btn btn-back no-print', 'data-testid': 'law-back', onclick: ctx.onBack }, '← ', t(lang, 'lawViewBack'));
  section.append(back());
  if (info.status === 'draft') section.append(draftBanner(lang, info.notice));
  section.append(
    h('h2', { id: 'law-heading', tabindex: '-1', text: t(lang, 'lawView') }),
    h('p', { class: 'law-title', lang: 'es', text: info.title }),
    h('p', { text: t(lang, 'lawViewIntro') }),
    h('p', { class: 'as-of', text: info.disclaimer }));
  const part = (/** @type {string} */ id, /** @type {string} */ key, /** @type {any[]} */ children) =>
    h('section', { class: 'law-part', id, 'aria-labelledby': `${id}-h` }, h('h3', { id: `${id}-h`, text: t(lang, key) }), children);
  section.append(part('law-timeline', 'lawTimeline', [timeline({ lang, info })]));
  section.append(part('law-articles', 'lawArticles', info.articles.map((a) => entry(lang, info, gl, {
    kind: 'article', id: a.id, heading: a.heading, cite: t(lang, 'lawArticle', a.number), confidence: a.confidence,
    paraphrase: a.paraphrase, contested: a.contested, extra: [], sources: a.sources,
  }))));
  section.append(part('law-numerals', 'lawNumerals', info.numerals.map((n) => entry(lang, info, gl, {
    kind: 'numeral', id: String(n.number), heading: `${n.number}. ${n.name}`, cite: t(lang, 'lawCite', n.cite), confidence: n.confidence,
    paraphrase: n.paraphrase, contested: n.contested,
    // The margin's note only where there is no one-sentence account of what is contested (it says the same, longer).
    extra: [['lawWhen', n.windowText], ['lawMargin', n.contested ? null : n.marginNote], ['lawException', n.exception]], sources: n.sources,
  }))));
  section.append(part('law-exclusions', 'lawExclusions', info.exclusions.map((e) => entry(lang, info, gl, {
    kind: 'exclusion', id: e.id, heading: e.name, cite: t(lang, 'lawCite', e.article), confidence: e.confidence,
    paraphrase: e.paraphrase, contested: e.contested, extra: [['lawNote', e.note]], sources: e.sources,
  }))));
  section.append(part('law-not-formalized', 'lawNotFormalized', [h('dl', { class: 'not-formalized', 'data-testid': 'not-formalized' },
    info.notFormalized.map((n) => [h('dt', { text: t(lang, 'lawArticle', n.article) }), h('dd', { text: n.reason })]))]));
  if (ctx.other) section.append(part('law-compare', 'lawCompare', comparison(lang, info, ctx.other)));
  section.append(back());
  root.append(section);
  return section;
}

/**
 * The enacted text against the first-reading draft, from the two `law()`s: entries paired by the
 * rules data's `pair` keys (articles, exclusions) and by event number (numerals); added, dropped,
 * changed (the dates or the charges differ, or the wording of a paired article) and the same.
 * @param {string} lang
 * @param {LawInfo} info
 * @param {LawInfo} other
 */
export function comparison(lang, info, other) {
  const [enacted, draft] = info.status === 'draft' ? [other, info] : [info, other];
  /** @typedef {{ key: string, kind: string, cite: string, name: string, text: string, sig: string }} Item */
  /** @param {LawInfo} l @returns {Item[]} */
  const items = (l) => [
    ...l.articles.filter((a) => a.pair).map((a) => ({ key: `a:${a.pair}`, kind: 'article', cite: t(lang, 'lawArticle', a.number), name: a.heading, text: a.paraphrase, sig: a.paraphrase })),
    ...l.numerals.map((n) => ({ key: `n:${n.number}`, kind: 'numeral', cite: `${t(lang, 'lawNumeral', n.number)}, ${t(lang, 'lawCite', n.cite)}`, name: n.name, text: `(${n.windowText})`,
      sig: JSON.stringify(l.windows.filter((w) => w.numeral === n.number).map((w) => [w.from, w.to, w.kind])) })),
    ...l.exclusions.map((e) => ({ key: `e:${e.pair ?? e.id}`, kind: 'exclusion', cite: t(lang, 'lawCite', e.article), name: e.name, text: e.paraphrase, sig: JSON.stringify([e.kind, e.charges]) })),
  ];
  const a = items(enacted);
  const d = new Map(items(draft).map((x) => [x.key, x]));
  const keysA = new Set(a.map((x) => x.key));
  const added = a.filter((x) => !d.has(x.key));
  const dropped = [...d.values()].filter((x) => !keysA.has(x.key));
  const both = a.filter((x) => d.has(x.key));
  const changed = both.filter((x) => /** @type {Item} */ (d.get(x.key)).sig !== x.sig);
  const same = both.filter((x) => /** @type {Item} */ (d.get(x.key)).sig === x.sig);
  const one = (/** @type {Item} */ x, /** @type {string} */ label) => h('p', { class: 'cmp-side' }, h('strong', { text: `${label} (${x.cite}): ` }), `${x.name}${x.kind === 'numeral' ? ' ' : '. '}${x.text}`);
  const group = (/** @type {string} */ key, /** @type {string} */ status, /** @type {Item[]} */ list, /** @type {(x: Item) => any} */ body) =>
    h('div', { class: `cmp-group cmp-${status}`, 'data-testid': `compare-${status}` },
      h('h4', { text: `${t(lang, key)} (${list.length})` }),
      list.length ? h('ul', {}, list.map((x) => h('li', { 'data-key': x.key, 'data-kind': x.kind }, body(x)))) : h('p', { text: t(lang, 'lawNothing') }));
  return [
    h('p', { text: t(lang, 'lawCompareIntro') }),
    h('ul', { class: 'cmp-laws' }, [draft, enacted].map((l) => h('li', { lang: 'es', text: l.title }))),
    group('lawAdded', 'added', added, (x) => one(x, t(lang, 'lawEnacted'))),
    group('lawDropped', 'dropped', dropped, (x) => one(x, t(lang, 'lawDraft'))),
    group('lawChanged', 'changed', changed, (x) => [one(/** @type {Item} */ (d.get(x.key)), t(lang, 'lawDraft')), one(x, t(lang, 'lawEnacted'))]),
    // The same dates or charges can still be worded differently (the draft's threshold for drug trafficking): both texts show.
    group('lawSame', 'same', same, (x) => [one(/** @type {Item} */ (d.get(x.key)), t(lang, 'lawDraft')), one(x, t(lang, 'lawEnacted'))]),
  ];
}

/**
 * The sources of a result's step, one tap away from its badge. The badge says how sure the law's
 * point is, worded about the law; on a step that passes it is neutral in colour (parts.css).
 * @param {string} lang
 * @param {LawInfo} info
 * @param {HTMLElement} li a step of the result, whose badge becomes the button
 * @param {string[]} ids
 */
function badgeOpensSources(lang, info, li, ids) {
  const badge = /** @type {HTMLElement | null} */ (li.querySelector('.badge'));
  if (!badge || badge.closest('button')) return;
  const code = badge.dataset.confidence ?? '';
  const label = info.confidenceLevels.find((c) => c.code === code)?.label ?? code;
  const id = `src-${Math.random().toString(36).slice(2, 9)}`;
  const list = h('div', { class: 'step-sources', id, hidden: true, 'data-testid': 'step-sources' },
    h('p', { class: 'mini-heading', text: t(lang, 'stepSources') }), sourceList(lang, info, ids));
  // The badge keeps its look inside a button as tall as a finger needs.
  const button = h('button', {
    type: 'button', class: 'badge-button', 'data-confidence': code, 'aria-expanded': 'false', 'aria-controls': id,
    onclick: () => {
      const open = list.hidden;
      list.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
    },
  });
  badge.replaceWith(button);
  badge.textContent = t(lang, 'badgeLaw', label.toLowerCase());
  button.append(badge);
  li.append(list);
}

/**
 * Adds the later parts to the screen the checker has just drawn in `main` (ctx.screen).
 * @param {HTMLElement} main
 * @param {{ lang: string, core: Core, info: LawInfo, assessment: import('../types.js').Assessment | null,
 *   state: import('../types.js').State, screen: import('../types.js').ViewScreen,
 *   open: () => void, back: () => void, focus: boolean }} ctx
 */
export function decorate(main, ctx) {
  const { lang, core, screen, info } = ctx;
  const lawButton = () => h('button', { type: 'button', class: 'btn btn-law no-print', id: 'btn-law', 'data-testid': 'open-law', onclick: ctx.open }, t(lang, 'lawOpen'));
  if (main.querySelector('.timeline, #btn-law') && screen.name !== 'law') return; // already done
  if (screen.name === 'start') {
    main.querySelector('#screen-start .start-actions, #screen-start')?.append(h('p', { class: 'law-link' }, lawButton()));
  } else if (screen.name === 'question' && screen.q?.kind === 'factsDate') {
    // A date already given (back on the question) is marked where the core places it.
    /** @type {{ factsDate?: string, factsDateEnd?: string } | undefined} */
    const facts = 'previous' in screen && screen.previous && typeof screen.previous === 'object' ? screen.previous : ctx.state.proceedings[screen.q.index ?? 0]?.facts;
    const place = facts?.factsDate ? core.datePlace(facts.factsDate, facts.factsDateEnd ?? null, info.id) : null;
    main.querySelector('.screen')?.append(h('details', { class: 'date-timeline', 'data-testid': 'date-timeline', open: true },
      h('summary', { text: t(lang, 'dateTimeline') }), timeline({ lang, info, place, zoom: false })));
  } else if (screen.name === 'result' && ctx.assessment) {
    const a = ctx.assessment;
    const facts = buildCase(ctx.state).proceedings;
    a.proceedings.forEach((p, i) => {
      const f = facts[i] ?? {};
      const block = main.querySelector(`#more-why .case-block[data-case="${i}"]`);
      if (!block) return;
      // A date assumed from the event (contract §2.2): the core's own sentence says so.
      const assumed = f.factsDate ? null : p.explanation.find((s) => s.kind === 'dateAssumed')?.text ?? null;
      // With no start date, the core places the days it assumed from the event (contract §2.2).
      const event = assumed && typeof f.event === 'number' ? f.event : undefined;
      const place = f.factsDate || event ? core.datePlace(f.factsDate ?? null, f.factsDateEnd ?? null, info.id, event) : null;
      const step = block.querySelector('li[data-kind="window"]') ?? block.querySelector('li[data-kind="dateAssumed"]');
      const figure = timeline({ lang, info, place, assumed });
      if (step) step.append(figure);
      else block.append(figure);
      block.querySelectorAll('li.step').forEach((li, k) => badgeOpensSources(lang, info, /** @type {HTMLElement} */ (li), p.explanation[k]?.sources ?? []));
    });
    // The next steps' badges open their sources too.
    const stepSources = new Map(a.proceedings.flatMap((p) => p.nextSteps.map((x) => /** @type {[string, string[]]} */ ([x.id, x.sources]))));
    main.querySelectorAll('#result-more li[data-step]').forEach((li) => {
      const id = /** @type {HTMLElement} */ (li).dataset.step ?? '';
      if (stepSources.has(id)) badgeOpensSources(lang, info, /** @type {HTMLElement} */ (li), stepSources.get(id) ?? []);
    });
    main.querySelector('.actions-secondary')?.append(lawButton());
  } else if (screen.name === 'law') {
    main.replaceChildren();
    main.dataset.screen = 'law';
    const otherId = info.laws.find((l) => l.id !== info.id)?.id;
    const other = otherId ? core.law(lang, otherId) : null;
    renderLaw(main, { lang, info, other, onBack: ctx.back });
    if (ctx.focus) /** @type {HTMLElement} */ (main.querySelector('#law-heading')).focus();
  }
}

// @ts-check
// The written request (issue 16): for each proceeding the law in force covers (or may cover), a
// short form and the draft the core writes from it; for one it does not cover, the letter to the
// Art. 15 commission. Loaded after the first question, in the background, like ui/result.js: no
// request is made when a family asks for a document. Every legal sentence comes from the core's
// `request()`; this file holds only UI words. What is typed lives in the object the checker
// keeps in memory (`ctx.details`), never in storage, the case file or history; "Borrar todo"
// drops it. Everything is set with textContent (dom.js).

import { h, clear } from './dom.js';
import { t, addStrings } from '../i18n.js';
import { buildCase } from '../interview.js';

/** @typedef {import('../types.js').RequestContext} Ctx */
/** @typedef {import('../types.js').Assessment} Assessment */
/** @typedef {import('../types.js').RequestDocument} Doc */
/** @typedef {import('../types.js').RequestDetails} Details */

addStrings({
  reqButton: 'Preparar la solicitud (borrador)',
  reqButtonLetter: 'Preparar la carta a la comisión (borrador)',
  reqFormHeading: 'Datos para el documento',
  reqPrivacy: 'Estos datos quedan solo en la memoria de este dispositivo: no se guardan ni se envían a ninguna parte, y se borran con «Borrar todo». Todo es opcional: lo que deje en blanco sale como una línea para llenar a mano.',
  reqName: 'Nombre completo de la persona',
  reqId: 'Cédula de identidad',
  reqFiler: '¿Quién presenta el documento?',
  reqFilerSelf: 'La persona misma',
  reqFilerLawyer: 'Un abogado o apoderado',
  reqFilerPd: 'Lo llevaré a la Defensa Pública',
  reqFilerName: 'Nombre del abogado o apoderado',
  reqCourt: 'Tribunal (si lo sabe)',
  reqCaseNumber: 'Número de expediente (si lo sabe)',
  reqCity: 'Ciudad',
  reqMake: 'Ver el documento',
  reqClose: 'Cerrar',
  reqPrint: 'Imprimir',
  reqDownload: 'Descargar (RTF)',
  reqCopy: 'Copiar el texto',
  reqCopied: 'Texto copiado. Péguelo en un correo o en un documento.',
  reqNoClipboard: 'Este navegador no deja copiar desde aquí. Use «Descargar (RTF)» o «Imprimir».',
  reqDownloaded: 'Archivo descargado.',
  reqError: 'No se pudo preparar el documento:',
  reqNotesHeading: 'Notas para usted y su abogado (no forman parte del documento)',
  reqChecklistHeading: 'Antes de presentarlo',
  reqFileRequest: (n) => `solicitud-causa-${n}.rtf`,
  reqFileLetter: (n) => `carta-comision-causa-${n}.rtf`,
});

/**
 * The proceedings that get a "Preparar…" button: those the core writes a document for (its
 * `type` is not `none`: the draft law and missing facts give none). The page asks the core
 * instead of repeating its rule.
 * @param {string[]} types the core's document type for each proceeding
 * @returns {number[]}
 */
export function withDocument(types) {
  return types.flatMap((type, i) => (type === 'none' ? [] : [i]));
}

/**
 * Why the proceedings without a document get none, in the core's words (the draft law: it is
 * not law; missing facts: which), each reason once, with the proceedings it is for.
 * @param {string[]} types the core's document type for each proceeding
 * @param {string[]} reasons the core's reason for each (empty where there is a document)
 * @returns {{ reason: string, cases: number[] }[]}
 */
export function whyNone(types, reasons) {
  /** @type {{ reason: string, cases: number[] }[]} */
  const out = [];
  types.forEach((type, i) => {
    const reason = reasons[i] ?? '';
    if (type !== 'none' || !reason) return;
    const same = out.find((r) => r.reason === reason);
    if (same) same.cases.push(i);
    else out.push({ reason, cases: [i] });
  });
  return out;
}

/**
 * Puts the buttons (and the form they open) under the result's own buttons in `section`.
 * The document to print goes into the print root (#request-print), where it hides the
 * result's summary (parts.css); the result's own "Imprimir" takes it out first.
 * @param {HTMLElement} section
 * @param {import('../types.js').RequestAttach} c
 */
export function attachRequest(section, c) {
  const request = c.request;
  const details = (request.details ??= {});
  const printed = () => c.printRoot.querySelector('#request-print');
  // (capture: before the button's own handler prints)
  section.addEventListener('click', (e) => {
    if (/** @type {Element} */ (e.target).closest?.('#btn-print')) printed()?.remove();
  }, true);
  // Which document the core writes for each proceeding (no details needed to know it).
  const kase = buildCase(c.state);
  const docs = c.a.proceedings.map((_, i) => {
    try {
      const doc = c.mod.request(kase, null, i + 1, c.lang);
      return { type: String(doc.type), reason: doc.type === 'none' ? String(doc.reason ?? '') : '' };
    } catch {
      return { type: 'none', reason: '' };
    }
  });
  const offer = renderRequestOffer({
    lang: c.lang, types: docs.map((d) => d.type), reasons: docs.map((d) => d.reason),
    labels: c.labels, details, open: request.open ?? null,
    onOpen: (i) => { request.open = i; },
    onClosed: (i) => { /** @type {HTMLElement | null} */ (section.querySelector(`#btn-request-${i}`))?.focus(); },
    makeDocument: (details, n) => c.mod.request(buildCase(c.state), details, n, c.lang),
    onPrintDocument: (view) => {
      printed()?.remove();
      c.printRoot.append(view);
      c.print();
    },
  });
  if (offer) section.querySelector('.actions-result')?.after(offer);
}

/**
 * The buttons, one per proceeding that gets a document, and the panel they open (empty until
 * one is pressed). Returns the element to put in the result's action area, or null.
 * @param {Ctx} ctx
 */
export function renderRequestOffer(ctx) {
  const { lang } = ctx;
  const list = withDocument(ctx.types);
  const several = ctx.types.length > 1;
  // Where the core writes no document, its reason says why (the draft law, missing facts).
  const why = whyNone(ctx.types, ctx.reasons).map(({ reason, cases }) => h('p', {
    class: 'request-none-reason help', 'data-testid': 'request-none-reason',
    text: several ? `${cases.map((i) => ctx.labels[i]).join(', ')}: ${reason}` : reason,
  }));
  if (!list.length) return why.length ? h('div', { class: 'request-offer no-print', id: 'request-offer' }, ...why) : null;
  const panel = h('div', { class: 'request-panel', id: 'request-panel', hidden: true });
  const buttons = list.map((i) => h('button', {
    type: 'button', class: 'btn', id: `btn-request-${i}`, 'data-testid': 'request-open', 'data-case': String(i),
    onclick: () => openForm(ctx, panel, i),
  }, t(lang, ctx.types[i] === 'commission_letter' ? 'reqButtonLetter' : 'reqButton'),
  several ? h('span', { class: 'request-for', text: ` · ${ctx.labels[i]}` }) : null));
  const box = h('div', { class: 'request-offer no-print', id: 'request-offer' }, h('div', { class: 'actions' }, buttons), ...why, panel);
  if (ctx.open !== null && ctx.open !== undefined && list.includes(ctx.open)) openForm(ctx, panel, ctx.open, false);
  return box;
}

/**
 * @param {Ctx} ctx
 * @param {HTMLElement} panel
 * @param {number} index
 * @param {boolean} [focus]
 */
function openForm(ctx, panel, index, focus = true) {
  const { lang } = ctx;
  const d = ctx.details;
  ctx.onOpen(index);
  clear(panel);
  panel.hidden = false;
  /** @type {(id: string, key: keyof Details, label: string, attrs?: Record<string, any>) => HTMLElement} */
  const field = (id, key, label, attrs = {}) => h('div', { class: 'field' },
    h('label', { for: id, text: label }),
    h('input', {
      id, type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs,
      value: d[key] ?? '', oninput: (/** @type {Event} */ e) => { /** @type {Record<string, string>} */ (d)[key] = /** @type {HTMLInputElement} */ (e.target).value; },
    }));
  const filerName = field('req-filer-name', 'filerName', t(lang, 'reqFilerName'));
  filerName.hidden = d.filer !== 'lawyer';
  const radio = (/** @type {string} */ value, /** @type {string} */ key) => h('label', { class: 'choice' },
    h('input', {
      type: 'radio', name: 'req-filer', id: `req-filer-${value}`, value, checked: (d.filer ?? 'self') === value,
      onchange: () => { d.filer = /** @type {Details['filer']} */ (value); filerName.hidden = value !== 'lawyer'; },
    }), ' ', t(lang, key));
  const docArea = h('div', { class: 'request-doc-area', id: 'request-doc-area', 'aria-live': 'polite' });
  const heading = h('h3', { id: 'request-heading', tabindex: '-1', text: t(lang, 'reqFormHeading') });
  const form = h('form', {
    class: 'request-form', id: 'request-form', 'data-case': String(index), novalidate: true,
    onsubmit: (/** @type {Event} */ e) => { e.preventDefault(); showDocument(ctx, docArea, index); },
  },
  heading,
  h('p', { class: 'request-privacy', id: 'request-privacy', role: 'note', text: t(lang, 'reqPrivacy') }),
  field('req-name', 'name', t(lang, 'reqName'), { autocomplete: 'off' }),
  field('req-id', 'idNumber', t(lang, 'reqId'), { inputmode: 'text' }),
  h('fieldset', { class: 'field' }, h('legend', { text: t(lang, 'reqFiler') }),
    radio('self', 'reqFilerSelf'), radio('lawyer', 'reqFilerLawyer'), radio('public_defender', 'reqFilerPd')),
  filerName,
  field('req-court', 'court', t(lang, 'reqCourt')),
  field('req-case-number', 'caseNumber', t(lang, 'reqCaseNumber')),
  field('req-city', 'city', t(lang, 'reqCity')),
  h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'btn btn-primary', id: 'btn-request-make' }, t(lang, 'reqMake')),
    h('button', { type: 'button', class: 'btn', id: 'btn-request-close', onclick: () => { ctx.onOpen(null); clear(panel); panel.hidden = true; ctx.onClosed(index); } }, t(lang, 'reqClose'))));
  panel.append(form, docArea);
  if (focus) heading.focus();
}

/**
 * The details as the core reads them: blank fields left out (a blank line is printed for each).
 * @param {Details} d
 */
function cleanDetails(d) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const key of /** @type {(keyof Details)[]} */ (['name', 'idNumber', 'filer', 'filerName', 'court', 'caseNumber', 'city'])) {
    const v = (d[key] ?? '').trim();
    if (v && !(key === 'filerName' && d.filer !== 'lawyer')) out[key] = v;
  }
  if (!out.filer) out.filer = 'self';
  return out;
}

/**
 * @param {Ctx} ctx
 * @param {HTMLElement} area
 * @param {number} index
 */
function showDocument(ctx, area, index) {
  const { lang } = ctx;
  clear(area);
  /** @type {Doc} */
  let doc;
  try {
    doc = ctx.makeDocument(cleanDetails(ctx.details), index + 1);
  } catch (err) {
    const message = err && /** @type {any} */ (err).message ? String(/** @type {any} */ (err).message) : String(err);
    area.append(h('p', { class: 'error-text', id: 'request-error', role: 'alert' }, t(lang, 'reqError'), ' ', message));
    return;
  }
  if (doc.type === 'none') {
    area.append(h('p', { class: 'request-none', id: 'request-none', text: doc.reason ?? '' }));
    return;
  }
  const status = h('p', { class: 'request-status', id: 'request-status', role: 'status' });
  const fileName = t(lang, doc.type === 'commission_letter' ? 'reqFileLetter' : 'reqFileRequest', index + 1);
  const actions = h('div', { class: 'actions request-actions' },
    h('button', { type: 'button', class: 'btn btn-primary', id: 'btn-request-print', onclick: () => ctx.onPrintDocument(documentView(doc, 'request-print')) }, t(lang, 'reqPrint')),
    h('button', { type: 'button', class: 'btn', id: 'btn-request-download', onclick: () => { download(doc.rtf, fileName); status.textContent = t(lang, 'reqDownloaded'); } }, t(lang, 'reqDownload')),
    h('button', { type: 'button', class: 'btn', id: 'btn-request-copy', onclick: () => copy(lang, doc.text, status) }, t(lang, 'reqCopy')));
  const view = documentView(doc, 'request-document');
  view.tabIndex = -1;
  area.append(actions, status, view, extras(lang, doc));
  // The focus on the document (read next), the buttons to print, download or copy it in sight above it.
  view.focus({ preventScroll: true });
  actions.scrollIntoView?.({ block: 'start' });
}

/**
 * The document itself, every text from the core, set with textContent.
 * @param {Doc} doc
 * @param {string} id
 */
export function documentView(doc, id) {
  const ad = doc.addressee ?? { salutation: '', court: '', note: '' };
  return h('article', { class: 'request-document', id, 'data-testid': id, 'data-type': doc.type, lang: doc.lang },
    doc.notice ? h('p', { class: 'req-notice' }, h('strong', { text: doc.notice })) : null,
    doc.title ? h('h4', { class: 'req-title', text: doc.title }) : null,
    ad.court || ad.salutation ? h('p', { class: 'req-addressee' }, ad.salutation ? h('span', { text: ad.salutation }) : null, ad.salutation && ad.court ? h('br') : null, ad.court ? h('span', { text: ad.court }) : null) : null,
    doc.reference ? h('p', { class: 'req-reference', text: doc.reference }) : null,
    doc.languageNote ? h('p', { class: 'req-language-note', text: doc.languageNote }) : null,
    (doc.paragraphs ?? []).map((p) => h('p', { class: `req-paragraph req-${p.kind}`, text: p.text })),
    doc.petition ? h('p', { class: 'req-petition', text: doc.petition }) : null,
    doc.signature && doc.signature.length ? h('div', { class: 'req-signature' }, doc.signature.map((line) => (line ? h('p', { text: line }) : h('p', { class: 'req-gap' })))) : null);
}

/**
 * The notes and the checklist, after the document (not part of it).
 * @param {string} lang
 * @param {Doc} doc
 */
function extras(lang, doc) {
  return h('div', { class: 'request-extras' },
    doc.addressee?.note ? h('p', { class: 'req-note', text: doc.addressee.note }) : null,
    doc.notes && doc.notes.length ? [h('h4', { text: t(lang, 'reqNotesHeading') }), h('ul', { class: 'req-notes' }, doc.notes.map((n) => h('li', { text: n })))] : null,
    doc.checklist && doc.checklist.length ? [h('h4', { text: t(lang, 'reqChecklistHeading') }), h('ul', { class: 'req-checklist' }, doc.checklist.map((n) => h('li', { text: n })))] : null);
}

/**
 * The RTF file, through an object URL revoked once the download has started.
 * @param {string} rtf
 * @param {string} name
 */
function download(rtf, name) {
  const url = URL.createObjectURL(new Blob([rtf], { type: 'application/rtf' }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * @param {string} lang
 * @param {string} text
 * @param {HTMLElement} status
 */
function copy(lang, text, status) {
  const fail = () => { status.textContent = t(lang, 'reqNoClipboard'); };
  if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') { fail(); return; }
  navigator.clipboard.writeText(text).then(() => { status.textContent = t(lang, 'reqCopied'); }, fail);
}

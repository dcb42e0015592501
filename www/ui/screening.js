// The "Organizaciones" view: an NGO screens a whole list (CSV or JSONL, the
// format of `amnistia screen`) on this device. The file is read locally and
// screened in chunks by the core (../screen-list.js); this module shows the
// progress, the counts, a filterable table and the results CSV to download.
// Nothing is uploaded and nothing is stored; "Borrar todo" drops it all.

import { h, clear, outcomeTag } from './dom.js';
import { t, addStrings } from '../i18n.js';
import { screenList, templateCsv, codesCsv, rowKind, MAX_BYTES } from '../screen-list.js';
import { mountVerify } from './verify.js';

// The page's other later part, "Verificar una copia" (./verify.js), comes with this view: both are
// the served page's own (never the widget's), and both are fetched in the background for every
// visitor (checker/loading.js, prefetch), so its request of pkg/manifest.json is too. It adds itself to
// the footer now; in the offline file (no download link there, no fetch) it does nothing.
mountVerify(new URL('../', import.meta.url));

/** @typedef {import('../types.js').ScreeningSession} Session */
/** @typedef {import('../types.js').ScreeningContext} Ctx */
/** @typedef {import('../types.js').ScreenedList} ScreenedList */
/** @typedef {import('../types.js').ScreenedRow} ScreenedRow */
/** @typedef {import('../types.js').LawInfo['screening']['columns'][number]} Column */

// The view's Spanish strings, loaded with it (not in i18n.js, which is part
// of the first load); the English ones are in i18n-en.js.
addStrings({
  // The facts' names, also added by ui/result.js: either part may come first.
  factCeased: 'Actividades que se le atribuyen',
  factDate: 'Fecha de los hechos',
  factEvent: (art) => (art ? `Suceso (artículo ${art})` : 'Suceso'),
  factCharges: 'Cargos',
  factMilitary: 'Justicia militar',
  scrHeading: 'Revisar una lista de casos',
  scrIntro: 'Para organizaciones que acompañan a muchas familias: revise una lista entera de una vez. Cada fila recibe su resultado, los numerales y artículos en que se basa y los datos que faltan.',
  scrPrivacy: 'El archivo se lee y se revisa en este dispositivo. No se sube a ningún sitio y no se guarda: desaparece al cerrar la pestaña o al pulsar «Borrar todo».',
  scrStep1: '1. Prepare el archivo',
  scrFormat: 'Un CSV con una causa por fila y, en la primera fila, los nombres de las columnas (en cualquier orden); o un JSONL con un caso por línea. Es el mismo formato que la herramienta de línea de comandos «amnistia screen». Una celda vacía es un dato que no se sabe.',
  scrTemplate: 'Descargar la plantilla CSV',
  scrStep2: '2. Elija el archivo',
  scrFile: 'Archivo CSV o JSONL',
  scrFileHelp: 'La revisión empieza al elegirlo. Una fila con errores no detiene las demás.',
  scrProgressLabel: 'Revisando la lista…',
  scrProgress: (done, total) => `${done} de ${total} líneas`,
  scrStop: 'Detener',
  scrStopped: (done, total) => `Se detuvo la revisión (${done} de ${total} líneas). Elija el archivo otra vez para empezar de nuevo.`,
  scrResults: 'Resultados',
  scrDone: (n, secs) => `Lista revisada: ${n} filas en ${secs} segundos.`,
  scrDoneFile: (n, name) => `${n} filas revisadas de «${name}».`,
  scrTime: (secs) => `Tardó ${secs} s.`,
  scrNotUtf8: (n) => `${n} líneas no son texto UTF-8 y se marcaron como error. Guarde el archivo como «CSV UTF-8» y vuelva a elegirlo.`,
  scrFilterLabel: 'Mostrar las filas con este resultado',
  scrAll: 'Todas',
  scrErrors: 'Con errores',
  scrDownload: 'Descargar los resultados (CSV)',
  scrCaption: (shown, total) => `Se muestran ${shown} de ${total} filas`,
  scrShowMore: (n) => `Mostrar ${n} más`,
  scrNone: 'Ninguna fila tiene este resultado.',
  scrColLine: 'Línea', scrColId: 'Referencia', scrColOutcome: 'Resultado',
  scrColNumerals: (art) => (art ? `Numerales (artículo ${art})` : 'Numerales'), scrColArticles: 'Artículos', scrColQuestions: 'Falta saber',
  scrError: 'Error',
  scrBack: 'Volver al verificador',
  scrEmpty: 'El archivo está vacío.',
  scrTooBig: (mb) => `El archivo es demasiado grande para revisarlo aquí (más de ${mb} MB). Divídalo, o use la herramienta de línea de comandos.`,
  scrFailed: 'No se pudo revisar el archivo.',
});

// The strings of this view's newer parts (issue 14), here rather than in
// i18n.js: this module is loaded only when the view opens, and i18n.js is
// part of the first load.
/** @type {Record<string, import('../i18n.js').Strings>} */
const LOCAL = {
  es: {
    scrSheets: 'Sirve el CSV que guarda Excel en español: separado por «;», «,» o tabuladores, en UTF-8 o no, con los nombres de las columnas y los valores en español y las fechas como dd/mm/aaaa.',
    scrTemplateHelp: 'La plantilla usa encabezados en español y «;» como separador, como la abre Excel en español. El archivo de códigos lista cada valor aceptado con sus nombres en español.',
    scrCodes: 'Descargar la lista de códigos (CSV)',
    scrCodesHead_columna: 'columna', scrCodesHead_column: 'columna (inglés)', scrCodesHead_codigo: 'código', scrCodesHead_nombres: 'nombres en español', scrCodesHead_descripcion: 'descripción',
    scrStopped0: 'No se revisó ninguna fila:',
    scrValues: 'Valores aceptados en cada columna',
    scrValuesIntro: 'Mayúsculas y tildes dan igual. Una celda vacía, o «no sé», es un dato que no se sabe.',
    scrValColumn: 'Columna', scrValAccepted: 'Qué acepta', scrValOr: 'o',
    scrValText: 'Texto libre.',
    scrValDate: 'Una fecha con el día primero: 30/07/2024, 3/7/2024, 30/07/24, 07/2024 (mes y año), 2024, o 2024-07-30.',
    scrValYesNo: 'Sí o no.',
    scrValEvent: 'El número del suceso, del 1 al 13, o «ninguno».',
    scrValCharges: 'Uno o varios cargos, por su código o por un nombre en español, separados por «|» o «/» (o por «,» en un archivo con «;», y por «;» en uno con «,»).',
    scrValLaw: 'La versión de la ley; vacía, la vigente.',
    scrValChoice: 'Uno de estos valores:',
    scrValAmbiguous: (list) => `Estos nombres pueden ser más de un cargo y no se aceptan: escriba el código. ${list}.`,
    scrColLabel: 'Etiqueta', scrColReason: 'Motivo',
  },
  en: {
    scrSheets: 'The CSV that Excel saves in a Spanish locale works: separated by “;”, “,” or tabs, in UTF-8 or not, with Spanish column names and values and dd/mm/yyyy dates.',
    scrTemplateHelp: 'The template uses Spanish headers and “;” as separator, as Excel opens it in a Spanish locale. The codes file lists every accepted value with its Spanish names.',
    scrCodes: 'Download the list of codes (CSV)',
    scrCodesHead_columna: 'column', scrCodesHead_column: 'column (English)', scrCodesHead_codigo: 'code', scrCodesHead_nombres: 'Spanish names', scrCodesHead_descripcion: 'description',
    scrStopped0: 'No row was screened:',
    scrValues: 'Accepted values of each column',
    scrValuesIntro: 'Capitals and accents do not matter. An empty cell, or “no sé”, is a fact that is not known.',
    scrValColumn: 'Column', scrValAccepted: 'What it accepts', scrValOr: 'or',
    scrValText: 'Free text.',
    scrValDate: 'A date, day first: 30/07/2024, 3/7/2024, 30/07/24, 07/2024 (month and year), 2024, or 2024-07-30.',
    scrValYesNo: 'Yes or no (sí, no).',
    scrValEvent: 'The event’s number, from 1 to 13, or “none”.',
    scrValCharges: 'One or more charges, by code or by a Spanish name, separated by “|” or “/” (or by “,” in a “;” file, and by “;” in a “,” file).',
    scrValLaw: 'The law version; empty, the one in force.',
    scrValChoice: 'One of these values:',
    scrValAmbiguous: (list) => `These names may mean more than one charge and are refused: write the code. ${list}.`,
    scrColLabel: 'Label', scrColReason: 'Reason',
  },
};


const PAGE = 500; // rows added to the table at a time: a 10,000-row DOM table is slow on phones
/** @type {Record<string, string>} */
const QUESTION_KEYS = { factsDate: 'factDate', event: 'factEvent', charges: 'factCharges', militaryJustice: 'factMilitary', ceasedConduct: 'factCeased' };

/**
 * A string of LOCAL, in `lang` (Spanish when missing); a function is called with `args`.
 * @param {string} lang
 * @param {string} key
 * @param {...any} args
 * @returns {string}
 */
function tl(lang, key, ...args) {
  const v = LOCAL[lang]?.[key] ?? LOCAL.es[key];
  return typeof v === 'function' ? v(...args) : /** @type {string} */ (v);
}

/** The view's state, kept by the app across re-renders (a language switch) until "Borrar todo". @returns {Session} */
export function createSession() {
  return {
    status: 'idle', // idle | running | done | failed | stopped
    run: 0,
    fileName: '',
    done: 0,
    total: 0,
    result: null,
    error: null,
    elapsedMs: 0,
    filter: 'all',
    shown: PAGE,
    urls: {},
    view: null,
    dispose() {
      this.run += 1; // stops a run in progress
      for (const url of Object.values(this.urls)) URL.revokeObjectURL(url);
      this.urls = {};
      this.view = null;
    },
  };
}

/**
 * ctx: { lang, info, core, session, announce(text), onBack() }
 * @param {HTMLElement} root
 * @param {Ctx} ctx
 */
export function renderScreening(root, ctx) {
  const { lang, session: s } = ctx;
  const locale = lang === 'es' ? 'es-VE' : 'en-US';
  const num = (/** @type {number} */ n) => n.toLocaleString(locale);
  const { screening } = ctx.info;
  // The article of the events, whose numbering the numerals of every row use (law(): Art. 8).
  const eventsArticle = ctx.info.articles.find((a) => a.pair === 'events')?.number;

  // The template and its codes file follow the page's language (the codes' labels do).
  if (s.urls.templateLang !== lang) {
    for (const k of /** @type {const} */ (['template', 'codes'])) if (s.urls[k]) URL.revokeObjectURL(s.urls[k]);
    s.urls.template = blobUrl(templateCsv(ctx.info));
    s.urls.codes = blobUrl(codesCsv(ctx.info, ['columna', 'column', 'codigo', 'nombres', 'descripcion'].map((k) => tl(lang, `scrCodesHead_${k}`))));
    s.urls.templateLang = lang;
  }
  const input = h('input', { type: 'file', id: 'screen-file', accept: '.csv,.jsonl,.ndjson,.json,.txt,text/csv', 'aria-describedby': 'screen-file-help' });
  input.addEventListener('change', () => { if (input.files?.[0]) start(input.files[0]); });

  const progress = h('progress', { id: 'screen-progress', max: '1', value: '0', 'aria-labelledby': 'screen-progress-label' });
  const progressText = h('p', { class: 'help', id: 'screen-progress-text' });
  const statusBox = h('div', { class: 'screen-status', id: 'screen-status' },
    h('p', { class: 'field-label', id: 'screen-progress-label', text: t(lang, 'scrProgressLabel') }),
    progress, progressText,
    h('button', { type: 'button', class: 'btn', id: 'btn-screen-stop', onclick: stop }, t(lang, 'scrStop')));
  const errorBox = h('p', { class: 'field-error', id: 'screen-error', role: 'alert' });
  const results = h('div', { class: 'screen-results', id: 'screen-results' });

  const section = h('section', { id: 'screen-screening', class: 'screen', 'aria-labelledby': 'screening-heading' },
    h('h2', { id: 'screening-heading', tabindex: '-1', text: t(lang, 'scrHeading') }),
    h('p', { class: 'lead', text: t(lang, 'scrIntro') }),
    h('div', { class: 'privacy', id: 'screen-privacy' }, h('h3', { text: t(lang, 'privacyHeading') }), h('p', { text: t(lang, 'scrPrivacy') })),
    h('h3', { text: t(lang, 'scrStep1') }),
    h('p', { text: t(lang, 'scrFormat') }),
    h('p', { id: 'screen-sheets', text: tl(lang, 'scrSheets') }),
    valuesTable(),
    h('p', { class: 'help', id: 'screen-template-help', text: tl(lang, 'scrTemplateHelp') }),
    h('p', { class: 'actions actions-start' },
      h('a', { class: 'btn', id: 'screen-template', href: s.urls.template, download: 'amnistia-plantilla.csv', text: t(lang, 'scrTemplate') }),
      ' ',
      h('a', { class: 'btn', id: 'screen-codes', href: s.urls.codes, download: 'amnistia-codigos.csv', text: tl(lang, 'scrCodes') })),
    h('h3', { text: t(lang, 'scrStep2') }),
    h('div', { class: 'field' },
      h('label', { for: 'screen-file', text: t(lang, 'scrFile') }), input,
      h('p', { class: 'help', id: 'screen-file-help', text: t(lang, 'scrFileHelp') })),
    statusBox, errorBox, results,
    h('div', { class: 'nav' },
      h('button', { type: 'button', class: 'btn btn-back', id: 'btn-back', 'data-testid': 'back', onclick: ctx.onBack }, '← ', t(lang, 'scrBack'))));

  function showStatus() {
    section.dataset.status = s.status;
    if (s.status !== 'done') delete section.dataset.elapsedMs;
    statusBox.hidden = s.status !== 'running';
    errorBox.textContent = s.status === 'failed' ? s.error : '';
    showProgress();
    clear(results);
    if (s.status === 'done') fillResults();
    if (s.status === 'stopped') results.append(h('p', { role: 'status', text: t(lang, 'scrStopped', num(s.done), num(s.total)) }));
  }

  function showProgress() {
    progress.max = Math.max(1, s.total);
    progress.value = s.done;
    progressText.textContent = t(lang, 'scrProgress', num(s.done), num(s.total));
  }

  /** @param {File} file */
  async function start(file) {
    const run = ++s.run;
    const t0 = performance.now();
    if (s.urls.results) URL.revokeObjectURL(s.urls.results);
    Object.assign(s, { status: 'running', fileName: file.name, done: 0, total: 0, result: null, error: null, elapsedMs: 0, filter: 'all', shown: PAGE, urls: { template: s.urls.template, codes: s.urls.codes, templateLang: s.urls.templateLang } });
    s.view?.status();
    if (file.size > MAX_BYTES) return fail(run, t(lang, 'scrTooBig', num(MAX_BYTES / 1024 / 1024)));
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (run !== s.run) return;
      const result = await screenList(ctx.core, bytes, {
        name: file.name,
        lang,
        onProgress: (done, total) => { s.done = done; s.total = total; s.view?.progress(); },
        isCancelled: () => run !== s.run,
      });
      if (!result || run !== s.run) return;
      s.result = result;
      s.status = 'done';
      s.urls.results = blobUrl(result.csv);
      s.view?.status();
      // The figure shown to the user: from choosing the file to the first rows on screen.
      s.elapsedMs = performance.now() - t0;
      s.view?.timing();
      ctx.announce(t(lang, 'scrDone', num(result.rows.length), seconds(s.elapsedMs)));
    } catch (caught) {
      const err = /** @type {import('../types.js').CoreError | null | undefined} */ (caught);
      // The core's own message: the column, and what to do about it.
      if (err && (err.code === 'unknown_field' || err.code === 'not_a_list')) fail(run, `${tl(lang, 'scrStopped0')} ${err.message}`);
      else if (err && err.code === 'empty') fail(run, t(lang, 'scrEmpty'));
      else fail(run, `${t(lang, 'scrFailed')} (${err && err.code ? err.code : 'internal_error'})`);
    }
  }

  /**
   * @param {number} run
   * @param {string} message
   */
  function fail(run, message) {
    if (run !== s.run) return;
    s.status = 'failed';
    s.error = message;
    s.view?.status();
  }

  function stop() {
    s.run += 1;
    s.status = 'stopped';
    s.view?.status();
  }

  const seconds = (/** @type {number} */ ms) => (ms / 1000).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function fillResults() {
    const r = /** @type {ScreenedList} */ (s.result);
    const base = s.fileName.replace(/\.[^.]*$/, '') || 'lista';
    results.append(...[
      h('h3', { id: 'screen-results-heading', text: t(lang, 'scrResults') }),
      h('p', { id: 'screen-done', 'data-rows': String(r.rows.length) }, t(lang, 'scrDoneFile', num(r.rows.length), s.fileName),
        s.elapsedMs ? ` ${t(lang, 'scrTime', seconds(s.elapsedMs))}` : null),
      r.notUtf8.length ? h('p', { class: 'callout', id: 'screen-not-utf8', text: t(lang, 'scrNotUtf8', num(r.notUtf8.length)) }) : null,
      filters(r),
      h('p', { class: 'actions actions-start' }, h('a', {
        class: 'btn btn-primary', id: 'screen-download', href: s.urls.results, download: `${base}-resultados.csv`, text: t(lang, 'scrDownload'),
      })),
      table(r)].filter((x) => x !== null));
  }

  /**
   * What each column accepts, built from the core's law() (`screening`),
   * in a collapsible table: the column's names, and its values with their
   * Spanish names and labels.
   */
  function valuesTable() {
    /** @type {Record<string, string>} */
    const kindText = { text: 'scrValText', date: 'scrValDate', yes_no: 'scrValYesNo', event: 'scrValEvent', charges: 'scrValCharges', law: 'scrValLaw', choice: 'scrValChoice' };
    const valueList = (/** @type {Column} */ col) => (col.values.length ? h('ul', { class: 'value-list' }, col.values.map((v) => h('li', {},
      h('code', { text: v.code }),
      v.names.length ? ` ${tl(lang, 'scrValOr')} ${v.names.map((n) => `«${n}»`).join(', ')}` : '',
      v.label ? h('span', { class: 'help', text: ` — ${v.label}` }) : ''))) : null);
    const ambiguous = screening.ambiguous.length ? h('p', { class: 'help', id: 'screen-ambiguous' },
      tl(lang, 'scrValAmbiguous', screening.ambiguous.map((a) => `«${a.name}» (${a.codes.join(', ')})`).join('; '))) : null;
    return h('details', { class: 'screen-values', id: 'screen-values' },
      h('summary', { text: tl(lang, 'scrValues') }),
      h('p', { class: 'help', text: tl(lang, 'scrValuesIntro') }),
      h('div', { class: 'table-wrap' }, h('table', { class: 'values-table', id: 'screen-values-table' },
        h('thead', {}, h('tr', {}, ['scrValColumn', 'scrValAccepted'].map((k) => h('th', { scope: 'col', text: tl(lang, k) })))),
        h('tbody', {}, screening.columns.map((col) => h('tr', { 'data-column': col.name },
          h('th', { scope: 'row' }, h('code', { text: col.name }), col.names.length ? h('span', { class: 'help' }, ` ${tl(lang, 'scrValOr')} `, col.names.map((n) => `«${n}»`).join(', ')) : ''),
          h('td', {}, h('p', { text: tl(lang, kindText[col.kind] ?? 'scrValText') }), valueList(col), col.kind === 'charges' ? ambiguous : null)))))));
  }

  /** @param {ScreenedList} r */
  function filters(r) {
    const kinds = ['all', ...ctx.info.outcomes.map((o) => o.code).filter((c) => c !== 'mixed' || r.counts.mixed), 'error'];
    const label = (/** @type {string} */ k) => (k === 'all' ? t(lang, 'scrAll') : k === 'error' ? t(lang, 'scrErrors') : ctx.info.outcomes.find((o) => o.code === k)?.label);
    return h('div', { class: 'filters', role: 'group', 'aria-label': t(lang, 'scrFilterLabel'), id: 'screen-filters' },
      kinds.map((k) => {
        const count = k === 'all' ? r.rows.length : r.counts[k] ?? 0;
        return h('button', {
          type: 'button', class: `filter filter-${k}`, 'data-filter': k, 'data-count': String(count), 'aria-pressed': String(s.filter === k),
          onclick: () => { s.filter = k; s.shown = PAGE; showStatus(); /** @type {HTMLElement | null} */ (section.querySelector(`[data-filter="${k}"]`))?.focus(); },
        }, h('span', { class: 'filter-label', text: label(k) }), h('span', { class: 'filter-count', text: num(count) }));
      }));
  }

  /** @param {ScreenedList} r */
  function table(r) {
    const rows = s.filter === 'all' ? r.rows : r.rows.filter((row) => rowKind(row) === s.filter);
    const heads = ['scrColLine', 'scrColId', 'scrColLabel', 'scrColOutcome', 'scrColReason', 'scrColNumerals', 'scrColArticles', 'scrColQuestions'].map((k) => (LOCAL.es[k] ? tl(lang, k) : t(lang, k, eventsArticle)));
    const body = h('tbody', { role: 'rowgroup' });
    const caption = h('caption');
    const more = h('button', { type: 'button', class: 'btn', id: 'btn-screen-more' });
    const fill = (/** @type {number} */ from) => {
      for (const row of rows.slice(from, s.shown)) body.append(tableRow(row, heads));
      const shown = Math.min(s.shown, rows.length);
      caption.textContent = t(lang, 'scrCaption', num(shown), num(rows.length));
      more.hidden = shown >= rows.length;
      more.textContent = t(lang, 'scrShowMore', num(Math.min(PAGE, rows.length - shown)));
    };
    more.addEventListener('click', () => {
      const from = s.shown;
      s.shown += PAGE;
      fill(from);
      body.children[from]?.querySelector('th')?.focus();
    });
    fill(0);
    if (!rows.length) return h('p', { id: 'screen-none', text: t(lang, 'scrNone') });
    return h('div', {},
      h('div', { class: 'table-wrap' },
        h('table', { class: 'results-table', id: 'screen-table', role: 'table', 'data-filter': s.filter },
          caption,
          h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, heads.map((x) => h('th', { scope: 'col', role: 'columnheader', text: x })))),
          body)),
      more);
  }

  /**
   * @param {ScreenedRow} row
   * @param {string[]} heads
   */
  function tableRow(row, heads) {
    const join = (/** @type {(p: ScreenedRow['proceedings'][number]) => string} */ f) => row.proceedings.map(f).join(' | ');
    const cell = (/** @type {number} */ i, /** @type {import('./dom.js').Child} */ content) => h('td', { role: 'cell', 'data-label': heads[i] }, content);
    // Explicit roles: the phone layout turns the table into cards (display: block).
    const tr = h('tr', { role: 'row', 'data-line': String(row.line), 'data-outcome': rowKind(row) },
      h('th', { scope: 'row', role: 'rowheader', 'data-label': heads[0], tabindex: '-1', text: String(row.line) }),
      cell(1, row.id ?? ''),
      cell(2, row.label ?? ''));
    if (row.error) {
      // Every error of the row, each with its column as the file names it.
      tr.append(
        cell(3, h('span', { class: 'tag out-error', text: t(lang, 'scrError') })),
        h('td', { class: 'row-error', colspan: '4', role: 'cell', 'data-label': t(lang, 'scrError') },
          h('code', { class: 'error-code', text: row.error.code }),
          h('ul', { class: 'row-errors' }, row.errors.map((e) => h('li', { 'data-code': e.code },
            e.column ? h('strong', { text: `${e.column}: ` }) : null, e.message,
            // A JSONL line has no columns: where in the case, as before.
            !e.column && e.path ? h('span', { class: 'help', text: ` (${e.path})` }) : null)))));
      return tr;
    }
    tr.append(
      cell(3, outcomeTag(ctx.info, /** @type {string} */ (row.outcome))),
      cell(4, join((p) => p.reason)),
      cell(5, join((p) => p.numerals.join(', ')) || '—'),
      cell(6, join((p) => p.articles.join(', ')) || '—'),
      cell(7, join((p) => p.questions.map((q) => t(lang, QUESTION_KEYS[q] ?? q, eventsArticle) ?? q).join(', ')) || '—'));
    return tr;
  }

  s.view = {
    status: showStatus,
    progress: showProgress,
    timing: () => {
      section.dataset.elapsedMs = String(Math.round(s.elapsedMs));
      section.querySelector('#screen-done')?.append(` ${t(lang, 'scrTime', seconds(s.elapsedMs))}`);
    },
  };
  showStatus();
  if (s.status === 'done' && s.elapsedMs) section.dataset.elapsedMs = String(Math.round(s.elapsedMs));
  root.append(section);
  return section;
}

/** @param {string} text */
function blobUrl(text) {
  return URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
}

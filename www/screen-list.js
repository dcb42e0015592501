// Screens a whole list (CSV or JSONL, the format of `amnistia screen`) with
// the core, in chunks, yielding to the event loop between chunks so that the
// page stays responsive and the progress bar moves. Nothing here decides:
// every row's result comes from the core's screenCsv / screenJsonl, and the
// results CSV is the core's, line for line, as the command line writes it.
// Nothing is sent anywhere: the file is read from the device's memory.

/** @typedef {import('./types.js').Core} Core */
/** @typedef {import('./types.js').LawInfo} LawInfo */
/** @typedef {import('./types.js').Screened} Screened */
/** @typedef {import('./types.js').ScreenedRow} ScreenedRow */
/** @typedef {import('./types.js').ScreenedList} ScreenedList */
/** @typedef {LawInfo['screening']['columns'][number]} Column */

export const CHUNK_LINES = 500;
export const MAX_BYTES = 20 * 1024 * 1024;

/**
 * 'csv' for a .csv file; 'jsonl' for .jsonl/.ndjson/.json; otherwise by its first character (as the command line).
 * @param {string} name
 * @param {string} text
 * @returns {'csv' | 'jsonl'}
 */
export function detectKind(name, text) {
  if (/\.(jsonl|ndjson|json)$/i.test(name)) return 'jsonl';
  if (/\.csv$/i.test(name)) return 'csv';
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

/**
 * A CSV file's text, decoded as the command line decodes it
 * (screen::decode_text in the core): UTF-8 when the bytes are UTF-8 (a byte
 * order mark dropped), otherwise Windows-1252, which Spanish-locale
 * spreadsheet programs write for plain "CSV". Both decoders follow the
 * WHATWG Encoding Standard, so accented text is never an error.
 * @param {Uint8Array} bytes
 */
export function decodeCsv(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The first bytes of a file as char codes, for the core's screenFileProblem. */
const headOf = (/** @type {Uint8Array} */ bytes) => String.fromCharCode(...bytes.subarray(0, 16));

/**
 * The file's lines, as the command line reads them (split on \n, 1-based
 * numbers), and the numbers of the lines that are not UTF-8 (the command
 * line reports those as bad rows; the browser must not turn them into
 * replacement characters and screen them).
 * @param {Uint8Array} bytes
 * @returns {{ lines: string[], notUtf8: number[] }}
 */
export function splitLines(bytes) {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    return { lines: strict.decode(bytes).split('\n'), notUtf8: [] };
  } catch {
    // Rare: decode line by line, and keep the bad ones aside.
    /** @type {string[]} */
    const lines = [];
    /** @type {number[]} */
    const notUtf8 = [];
    let start = 0;
    for (let i = 0; i <= bytes.length; i += 1) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      const slice = bytes.subarray(start, i);
      try {
        // A byte order mark counts only at the very start of the file.
        lines.push(new TextDecoder('utf-8', { fatal: true, ignoreBOM: start !== 0 }).decode(slice));
      } catch {
        lines.push('');
        notUtf8.push(lines.length);
      }
      start = i + 1;
    }
    return { lines, notUtf8 };
  }
}

/** The outcome a row is filed under: the core's outcome, or 'error'. */
export const rowKind = (/** @type {ScreenedRow} */ row) => (row.error ? 'error' : /** @type {string} */ (row.outcome));

/** @type {() => Promise<unknown>} */
const nextTurn = () => (globalThis.scheduler?.yield
  ? globalThis.scheduler.yield()
  : new Promise((resolve) => { setTimeout(resolve, 0); }));

/**
 * Screens `bytes` (the file's contents) with `core`.
 *   opts: { name, lang, onProgress(done, total), isCancelled() }
 * Resolves to { kind, rows, csv (with its header), counts, total, notUtf8 }
 * or, when the run was cancelled, to null. Rejects with an Error whose code
 * is 'unknown_field' (an unknown CSV column: the whole file stops, as on the
 * command line; the core's message names it and the accepted ones),
 * 'not_a_list' (a workbook: the message says how to save it as CSV) or
 * 'empty'.
 * @param {Core} core
 * @param {Uint8Array} bytes
 * @param {{ name?: string, lang: string, onProgress?: (done: number, total: number) => void, isCancelled?: () => boolean }} opts
 * @returns {Promise<ScreenedList | null>}
 */
export async function screenList(core, bytes, opts) {
  // A workbook or a PDF: the core's message says how to save it as CSV.
  const problem = core.screenFileProblem(opts.name ?? '', headOf(bytes), opts.lang);
  if (problem) throw Object.assign(new Error(problem), { code: 'not_a_list' });
  const kind = detectKind(opts.name ?? '', new TextDecoder().decode(bytes.subarray(0, 64)));
  const { lines, notUtf8 } = kind === 'csv' ? { lines: decodeCsv(bytes).split('\n'), notUtf8: [] } : splitLines(bytes);
  const [resultHeader] = /** @type {[string, string[]]} */ (core.screenColumns());
  let first = 0;
  let header = '';
  if (kind === 'csv') {
    header = lines[0] ?? '';
    if (!header.trim() && lines.length <= 1) throw Object.assign(new Error('empty file'), { code: 'empty' });
    core.screenCsv(header, '', 2, opts.lang); // throws unknown_field for a bad header, before any row
    first = 1;
  }
  const bad = new Set(notUtf8);
  /** @type {ScreenedRow[]} */
  const rows = [];
  const csv = [`${resultHeader}\n`];
  /** @type {Record<string, number>} */
  const counts = {};
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop(); // the file's final newline
  const total = Math.max(0, lines.length - first);
  opts.onProgress?.(0, total);
  // Lines [from, to) (0-based indexes) through the core, in one call.
  const run = (/** @type {number} */ from, /** @type {number} */ to) => {
    if (from >= to) return;
    const chunk = lines.slice(from, to).join('\n');
    /** @type {Screened} */
    const out = kind === 'csv' ? core.screenCsv(header, chunk, from + 1, opts.lang) : core.screenJsonl(chunk, from + 1, opts.lang);
    for (const row of out.rows) rows.push(row);
    csv.push(out.csv);
  };
  for (let i = first; i < lines.length; i += CHUNK_LINES) {
    if (opts.isCancelled?.()) return null;
    const end = Math.min(lines.length, i + CHUNK_LINES);
    let from = i;
    for (let k = i; bad.size && k < end; k += 1) {
      if (!bad.has(k + 1)) continue;
      // A line that is not UTF-8 gets the core's own error, in its place: the core
      // screens a line that is not text (NUL) under that line's number, so that its
      // row and its results line are the core's, written by the core's CSV writer
      // (which keeps every cell from running as a spreadsheet formula).
      run(from, k);
      const out = /** @type {Screened} */ (core.screenJsonl('\u0000', k + 1, opts.lang));
      for (const row of out.rows) rows.push(row);
      csv.push(out.csv);
      from = k + 1;
    }
    run(from, end);
    opts.onProgress?.(Math.min(total, i + CHUNK_LINES - first), total);
    await nextTurn();
  }
  for (const row of rows) {
    const k = rowKind(row);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return { kind, rows, csv: csv.join(''), counts, total, notUtf8 };
}

/** A cell of a `;` file. */
const cellSc = (/** @type {string} */ s) => (/[";\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A column's Spanish header: its first Spanish name from the core's law(), written with `_`. */
const spanishHeader = (/** @type {Column} */ col) => (col.names[0] ?? col.name).replace(/ /g, '_');

/**
 * The CSV template, as a Spanish-locale Excel opens it: Spanish headers,
 * `;` separators, day-first dates, a byte order mark so that Excel reads
 * it as UTF-8; and two example rows. The headers come from the core's
 * law() (`screening.columns`), not typed here.
 * @param {LawInfo} info
 */
export function templateCsv(info) {
  const columns = info.screening.columns;
  /** @type {Record<string, string>[]} */
  const examples = [
    { id: 'A-001', situation: 'detenido', abroad: 'no', ceasedConduct: 'sí', label: 'Tribunal 2º de Control, Caracas', factsDate: '30/07/2024', event: '12', charges: 'terrorismo | incitación al odio', phase: 'control', militaryJustice: 'no' },
    { id: 'A-002', situation: 'arresto domiciliario', factsDate: '2019', charges: 'rebelión militar' },
  ];
  const lines = [columns.map(spanishHeader).join(';'), ...examples.map((ex) => columns.map((c) => cellSc(ex[c.name] ?? '')).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The template's second file: every accepted code of every list column,
 * with its Spanish names and its label, from the core's law(). `;`
 * separators and a byte order mark, as the template.
 * @param {LawInfo} info
 * @param {string[]} heads
 */
export function codesCsv(info, heads) {
  const lines = [heads.join(';')];
  for (const col of info.screening.columns) {
    for (const v of col.values) {
      lines.push([spanishHeader(col), col.name, v.code, v.names.join(' / '), v.label].map(cellSc).join(';'));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

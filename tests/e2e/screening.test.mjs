// The "Organizaciones" view: screening a CSV or JSONL list in the browser,
// with the same results as `amnistia screen --format csv`, fast, responsive,
// and without uploading anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setUp, openPage, act, loadCore, download, axeViolations, PHONE, DESKTOP, ROOT, switchLang, START_READY } from './interview.mjs';
import { makeCsv, cliScreen } from './screen-data.mjs';

let env;
let core;
before(async () => {
  env = await setUp();
  core = await loadCore();
});
after(async () => env && env.tearDown());

/** Opens the page and the Organizaciones view from its footer button. */
async function openScreening(options = {}) {
  const opened = await openPage(env, options);
  const { page } = opened;
  const button = page.locator('#btn-screening');
  assert.equal((await button.textContent()).trim(), 'Organizaciones: revisar una lista');
  assert.ok(await button.isVisible());
  await act(page, () => button.click());
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'screening');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'screening-heading');
  return opened;
}

/** Chooses a file in the view and waits until it has been screened. */
async function screen(page, name, content) {
  await page.setInputFiles('#screen-file', { name, mimeType: 'text/plain', buffer: Buffer.from(content) });
  await page.waitForSelector('#screen-screening[data-status="done"][data-elapsed-ms]');
}

const count = (page, filter) => page.getAttribute(`[data-filter="${filter}"]`, 'data-count').then(Number);

/** The records of a CSV text (RFC 4180: quoted cells may hold commas, quotes and newlines). */
function parseCsv(text) {
  const records = [];
  let cell = '';
  let record = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(cell); cell = ''; }
    else if (c === '\n') { record.push(cell); records.push(record); record = []; cell = ''; }
    else cell += c;
  }
  if (cell || record.length) { record.push(cell); records.push(record); }
  return records;
}

/** Outcome counts from a results CSV (the outcome column, or 'error'). */
function countsOf(csv) {
  const counts = {};
  for (const cells of parseCsv(csv).slice(1)) {
    const kind = cells[6] ? 'error' : cells[2];
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

// How long the 10,000-row run takes, and its longest task, is a benchmark
// figure (bench/screening.mjs), not a check here: a wall-clock limit fails
// on a loaded machine without anything being wrong with the page.
test('10,000 rows screen with the CLI\'s results, and the progress bar moves while they do', async (t) => {
  const text = makeCsv(10000);
  const cli = cliScreen(text, 'lista.csv');
  const { page, context } = await openScreening({ viewport: DESKTOP });
  // Responsiveness: the progress bar moves while it works, and no task runs long.
  await page.evaluate(() => {
    window.__progress = [];
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
    const bar = document.querySelector('#screen-progress');
    new MutationObserver(() => window.__progress.push(bar.value)).observe(bar, { attributes: true });
    setInterval(() => window.__progress.push(bar.value), 0);
  });
  const started = Date.now();
  await screen(page, 'lista.csv', text);
  const wall = Date.now() - started;
  const elapsed = Number(await page.getAttribute('#screen-screening', 'data-elapsed-ms'));
  const longest = await page.evaluate(() => window.__longest);
  const steps = await page.evaluate(() => new Set(window.__progress.filter((v) => v > 0)).size);
  t.diagnostic(`10,000 rows: ${elapsed} ms in the page (file chosen → first rows shown), ${wall} ms as driven; longest task ${Math.round(longest)} ms; ${steps} progress steps seen (figures only: see bench/screening.mjs)`);
  assert.ok(steps >= 5, `the progress bar moved ${steps} times`);
  assert.match(await page.textContent('#screen-done'), /10\.000 filas revisadas de «lista\.csv»\. Tardó \d,\d\d s\./);

  // The downloaded results are the CLI's output, byte for byte.
  const results = await download(page, '#screen-download');
  assert.equal(results, cli);
  // The counts and filters agree with it.
  const expected = countsOf(cli);
  assert.equal(await count(page, 'all'), 10000);
  for (const kind of ['covered', 'not_covered', 'uncertain', 'needs_information', 'error']) {
    assert.equal(await count(page, kind), expected[kind] ?? 0, kind);
  }
  // A 10,000-row DOM table is slow on phones: 500 at a time.
  assert.equal(await page.locator('#screen-table tbody tr').count(), 500);
  await page.click('#btn-screen-more');
  assert.equal(await page.locator('#screen-table tbody tr').count(), 1000);
  await context.close();
});

test('errors show per row with their line number, without stopping the file; filters by outcome', async () => {
  const list = [
    'id,factsDate,event,charges,militaryJustice,ceasedConduct',
    'A-1,2024-07-30,12,terrorism;incitement_to_hatred,no,sí',
    'A-2,2024-13-01,12,terrorism,no,sí',
    '',
    'A-3,2024-07,12,intentional_homicide,no,sí',
    'A-4,2024-07,12,robo,no,sí',
    'A-5,,,,,',
    'A-6,2024-07,12,terrorism,no,sí,extra',
  ].join('\n');
  const { page, context, requests } = await openScreening();
  await screen(page, 'casos.csv', list);
  const row = (line) => page.locator(`#screen-table tr[data-line="${line}"]`);
  assert.equal(await row(2).getAttribute('data-outcome'), 'covered');
  assert.match(await row(2).textContent(), /8\.12/);
  assert.equal(await row(3).getAttribute('data-outcome'), 'error');
  assert.equal(await row(3).locator('li[data-code="invalid_date"]').count(), 1);
  assert.match(await row(3).textContent(), /factsDate: «2024-13-01» no es una fecha válida/);
  assert.match(await row(3).locator('th').textContent(), /^3$/);
  assert.equal(await row(5).getAttribute('data-outcome'), 'not_covered');
  assert.equal(await row(6).getAttribute('data-outcome'), 'error');
  assert.equal(await row(7).getAttribute('data-outcome'), 'needs_information');
  assert.match(await row(7).textContent(), /Fecha de los hechos/, 'the open questions, in words');
  assert.equal(await row(8).getAttribute('data-outcome'), 'error');
  assert.equal(await count(page, 'error'), 3);
  assert.equal(await count(page, 'all'), 6);
  // Filters.
  await page.click('[data-filter="error"]');
  assert.equal(await page.getAttribute('[data-filter="error"]', 'aria-pressed'), 'true');
  assert.match(await page.textContent('#screen-done'), /^6 filas revisadas de «casos\.csv»\. Tardó \d,\d\d s\.$/);
  assert.deepEqual(await page.locator('#screen-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.line)), ['3', '6', '8']);
  await page.click('[data-filter="uncertain"]');
  assert.equal(await page.locator('#screen-table').count(), 0);
  assert.match(await page.textContent('#screen-none'), /Ninguna fila/);
  await page.click('[data-filter="all"]');
  assert.equal(await page.locator('#screen-table tbody tr').count(), 6);
  // The language switch keeps the results and relabels them.
  await switchLang(page);
  assert.match(await page.textContent('#screen-table caption'), /Showing 6 of 6 rows/);
  assert.equal(await count(page, 'error'), 3);
  assert.deepEqual(await axeViolations(page), [], 'axe on the results');
  // The same as the command line, for this file too.
  assert.equal(await download(page, '#screen-download'), cliScreen(list, 'casos.csv'));
  // An unknown column stops the file, as on the command line, and says which.
  await switchLang(page);
  await page.setInputFiles('#screen-file', { name: 'mal.csv', mimeType: 'text/csv', buffer: Buffer.from('id,fecha\nA,2024\n') });
  await page.waitForSelector('#screen-screening[data-status="failed"]');
  assert.match(await page.textContent('#screen-error'), /«fecha».*fecha_hechos/);
  assert.equal(await page.locator('#screen-table').count(), 0);
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(requests.filter((r) => new URL(r.url).origin !== origin && !r.url.startsWith('blob:')), []);
  await context.close();
});

test('JSONL lists (several proceedings per case) and lines that are not UTF-8 match the CLI', async () => {
  const jsonl = [
    '{"person":{"situation":"detained","ceasedConduct":true},"proceedings":[{"event":12,"factsDate":"2024-07","charges":["terrorism"],"militaryJustice":false},{"charges":["intentional_homicide"]}]}',
    '',
    'esto no es JSON',
    '{"proceedings":[]}',
    '{"law":"draft-2026-02-05","proceedings":[{"event":10,"factsDate":"2019-04-30"}]}',
  ].join('\n');
  const latin1 = Buffer.concat([Buffer.from('id,label,factsDate\nA,'), Buffer.from([0x43, 0xe1, 0x72, 0x63, 0x65, 0x6c]), Buffer.from(',2024\nB,Caracas,2019\n')]);
  const { page, context } = await openScreening();
  await screen(page, 'casos.jsonl', jsonl);
  assert.equal(await page.getAttribute('#screen-table tr[data-line="1"]', 'data-outcome'), 'mixed');
  assert.equal(await count(page, 'mixed'), 1);
  assert.equal(await download(page, '#screen-download'), cliScreen(jsonl, 'casos.jsonl'));
  await page.setInputFiles('#screen-file', { name: 'excel.csv', mimeType: 'text/csv', buffer: latin1 });
  await page.waitForSelector('#screen-screening[data-status="done"][data-elapsed-ms]');
  // A CSV that is not UTF-8 is read as Windows-1252, as a Spanish Excel writes it.
  assert.equal(await page.locator('#screen-not-utf8').count(), 0);
  assert.match(await page.textContent('#screen-table tr[data-line="2"]'), /Cárcel/);
  assert.equal(await download(page, '#screen-download'), cliScreen(latin1, 'excel.csv'));
  await context.close();
});

test('a label or id that a spreadsheet would run as a formula comes out as text in the downloaded results', async () => {
  const hostile = ['=HYPERLINK("http://example.com/robo","Ver")', '+1', '@x', '-2+3'];
  const cell = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const list = ['id,label,factsDate,event,charges', ...hostile.map((x, i) => `${cell(x)},${cell(x)},2024-07-30,12,terrorism${i === 3 ? ';robo' : ''}`)].join('\n');
  // A JSONL list too, with a line that is not UTF-8 among the hostile labels: that row is
  // the core's as well, written by the same writer.
  const jsonl = Buffer.concat([
    Buffer.from(`${JSON.stringify({ proceedings: [{ label: hostile[0], factsDate: '2024-07-30', event: 12 }] })}\n`),
    Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]),
    Buffer.from(`${JSON.stringify({ proceedings: [{ label: hostile[2], charges: ['intentional_homicide'] }] })}\n`),
  ]);
  const { page, context } = await openScreening();
  await screen(page, 'hostil.csv', list);
  const rows = parseCsv(await download(page, '#screen-download'));
  const at = (name) => rows[0].indexOf(name);
  assert.equal(rows.length, 1 + hostile.length);
  hostile.forEach((x, i) => {
    const r = rows[1 + i];
    // A leading apostrophe: the spreadsheet shows the text and runs nothing.
    assert.equal(r[at('id')], `'${x}`, `id of row ${i + 2}`);
    assert.equal(r[at('label')], `'${x}`, `label of row ${i + 2}`);
  });
  for (const r of rows) for (const c of r) assert.doesNotMatch(c, /^[=+\-@\t\r]/, `no cell starts a formula: ${c}`);
  await page.setInputFiles('#screen-file', { name: 'hostil.jsonl', mimeType: 'text/plain', buffer: jsonl });
  await page.waitForSelector('#screen-screening[data-status="done"][data-elapsed-ms]');
  const results = await download(page, '#screen-download');
  const lines = parseCsv(results);
  assert.equal(lines.length, 4);
  assert.equal(lines[1][at('label')], `'${hostile[0]}`);
  assert.equal(lines[2][at('error_code')], 'invalid_json', 'the line that is not UTF-8 is the core\'s error row');
  assert.equal(lines[3][at('label')], `'${hostile[2]}`);
  for (const r of lines) for (const c of r) assert.doesNotMatch(c, /^[=+\-@\t\r]/, `no cell starts a formula: ${c}`);
  assert.equal(results, cliScreen(jsonl, 'hostil.jsonl'));
  await context.close();
});

test('the template is Spanish with `;`, has a codes file, and screens cleanly; the values table comes from law()', async () => {
  const { page, context } = await openScreening();
  const template = await download(page, '#screen-template');
  assert.ok(template.startsWith('\uFEFF'), 'a byte order mark, so that Excel reads UTF-8');
  const lines = template.replace(/^\uFEFF/, '').trim().split('\r\n');
  const info = core.law('es');
  assert.equal(lines[0], info.screening.columns.map((c) => (c.names[0] ?? c.name).replace(/ /g, '_')).join(';'));
  assert.match(lines[0], /^id;ley;situación;exterior;cesó;etiqueta;fecha_hechos;/);
  assert.equal(lines.length, 3);
  assert.match(await page.textContent('#screen-template-help'), /encabezados en español y «;»/);
  await screen(page, 'amnistia-plantilla.csv', template);
  assert.equal(await count(page, 'all'), 2);
  assert.equal(await count(page, 'error'), 0);
  assert.equal(await download(page, '#screen-download'), cliScreen(template, 'plantilla.csv'));
  // The codes file: every value of every list column, with its Spanish names.
  const codes = (await download(page, '#screen-codes')).replace(/^\uFEFF/, '').trim().split('\r\n');
  const total = info.screening.columns.reduce((n, c) => n + c.values.length, 0);
  assert.equal(codes.length, 1 + total);
  assert.ok(codes.some((l) => l.startsWith('cargos;charges;terrorism;terrorismo;')), codes.join('\n'));
  assert.ok(codes.some((l) => l.startsWith('situación;situation;detained;detenido / detenida')), codes.join('\n'));
  // The values table: collapsed, one row per column, built from law().
  assert.equal(await page.getAttribute('#screen-values', 'open'), null);
  await page.click('#screen-values summary');
  assert.equal(await page.locator('#screen-values-table tbody tr').count(), info.screening.columns.length);
  const charges = page.locator('#screen-values-table tr[data-column="charges"]');
  assert.equal(await charges.locator('li').count(), info.screening.columns.find((c) => c.name === 'charges').values.length);
  assert.match(await charges.textContent(), /«homicidio intencional»/);
  assert.match(await page.textContent('#screen-ambiguous'), /«rebelión» \(rebellion, military_rebellion\)/);
  assert.deepEqual(await axeViolations(page), [], 'axe with the values table open');
  await context.close();
});

test('a Spanish spreadsheet (`;`, Spanish headers, values and dates) screens exactly as the canonical list', async () => {
  const dir = path.join(ROOT, 'tests', 'screening');
  const canonical = fs.readFileSync(path.join(dir, 'list.csv'));
  const cli = cliScreen(canonical, 'list.csv');
  const { page, context } = await openScreening({ viewport: DESKTOP });
  for (const name of ['lista-es.csv', 'lista-es-1252.csv']) {
    await page.setInputFiles('#screen-file', { name, mimeType: 'text/csv', buffer: fs.readFileSync(path.join(dir, name)) });
    await page.waitForSelector('#screen-screening[data-status="done"][data-elapsed-ms]');
    assert.equal(await download(page, '#screen-download'), cli, name);
    assert.equal(await count(page, 'error'), 0, name);
  }
  // The table shows each row's label and reason.
  const first = page.locator('#screen-table tr[data-line="2"]');
  assert.match(await first.textContent(), /Tribunal 2º de Control, Caracas/);
  assert.match(await first.textContent(), /Los hechos del 30 de julio de 2024/);
  assert.match(await page.textContent('#screen-table tr[data-line="4"]'), /Causa Nº 123 — Mérida/);
  // A row with several errors shows each, with its column as the file names it.
  const bad = 'id;Situación;exterior;fecha_hechos;suceso;cargos;fase\nB-1;presa;quizá;07/30/2024;14;rebelión / robo;juicios\n';
  await screen(page, 'errores.csv', bad);
  const items = await page.locator('#screen-table tr[data-line="2"] li').evaluateAll((lis) => lis.map((li) => li.textContent));
  assert.deepEqual(items.map((x) => x.split(':')[0]), ['exterior', 'fecha_hechos', 'suceso', 'cargos', 'cargos', 'fase']);
  assert.match(items[1], /día\/mes\/año/);
  assert.equal(await download(page, '#screen-download'), cliScreen(bad, 'errores.csv'));
  // A workbook is not read: the message says how to save it as CSV.
  await page.setInputFiles('#screen-file', { name: 'lista.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1') });
  await page.waitForSelector('#screen-screening[data-status="failed"]');
  assert.match(await page.textContent('#screen-error'), /Excel \.xlsx.*Guardar como.*CSV/);
  await context.close();
});

test('nothing is uploaded: no request at all while a list is read, screened and downloaded', async () => {
  const { page, context, requests } = await openScreening();
  await page.waitForLoadState('networkidle');
  const loadedAt = Date.now();
  const posted = [];
  page.on('request', (r) => { if (r.postData() !== null || r.method() !== 'GET') posted.push(`${r.method()} ${r.url()}`); });
  const text = makeCsv(2000, 7);
  await screen(page, 'confidencial.csv', text);
  await download(page, '#screen-download');
  await page.click('[data-filter="error"]');
  await page.click('#btn-erase');
  await page.waitForSelector(START_READY);
  const late = requests.filter((r) => r.at >= loadedAt).map((r) => r.url);
  assert.deepEqual(late.filter((u) => !u.startsWith('blob:')), [], 'no request after load but its own downloads');
  assert.deepEqual(posted, [], 'nothing sent');
  assert.ok(!(await page.content()).includes('R-1'), '"Borrar todo" drops the results');
  const stored = await page.evaluate(async () => [localStorage.length, sessionStorage.length, (await indexedDB.databases()).length, (await caches.keys()).length, document.cookie]);
  assert.deepEqual(stored, [0, 0, 0, 0, '']);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await context.close();
});

// Its screenshots, to look at: scripts/screenshots.mjs.
test('the Organizaciones view with results and with its errors fits a phone and a desktop, no horizontal overflow', async () => {
  const sample = [
    'id,situation,factsDate,event,charges,militaryJustice,ceasedConduct,phase',
    'FP-0012,detained,2024-07-30,12,terrorism;incitement_to_hatred,no,sí,control',
    'FP-0013,detained,2024-09,12,terrorism,no,sí,trial',
    'FP-0014,house_arrest,2017-05,9,intentional_homicide,no,sí,trial',
    'FP-0015,detained,2019-04-30,10,military_rebellion,sí,sí,execution',
    'FP-0016,wanted,,,,,,',
    'FP-0017,detained,2024-02-31,12,terrorism,no,sí,control',
    'FP-0018,free,2014,7,property_damage;road_obstruction,no,no,investigation',
    'FP-0019,detained,2024-08,12,robo,no,sí,control',
  ].join('\n');
  for (const [size, viewport] of [['360x640', PHONE], ['1280x800', DESKTOP]]) {
    const { page, context } = await openScreening({ viewport });
    await screen(page, 'lista-foro.csv', sample);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= viewport.width, `no horizontal overflow at ${size}`);
    await page.click('[data-filter="error"]');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= viewport.width, `errors: no horizontal overflow at ${size}`);
    await context.close();
  }
});

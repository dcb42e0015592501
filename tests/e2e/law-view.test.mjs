// End-to-end tests of issue 17: the law's periods on a timeline, and "La ley, artículo por
// artículo". The timeline's bands are the core's windows for both laws (read back from the SVG's own
// data attributes, one band per window segment and every numeral); the facts' marker lands, in the
// drawing's geometry, on the bands of the numerals the core's datePlace reports, for random dates;
// the law view lists exactly the rules data's entries with their sources; the comparison is the one
// the pairing keys give; axe finds nothing on either view at 360 and 1280 px.
// Needs dist/ (bash scripts/build-wasm.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, interview, act, loadCore, axeViolations, COVERED, PHONE, DESKTOP } from './interview.mjs';

const ENACTED = 'enacted-2026-02-19';
const DRAFT = 'draft-2026-02-05';
let env;
let core;
before(async () => {
  env = await setUp();
  core = await loadCore();
});
after(async () => env && env.tearDown());

/** Opens the law view from the start screen (it appears once the later parts are here). */
async function openLawView(env, { viewport = PHONE, law } = {}) {
  const opened = await openPage(env, { viewport, path: law ? `/?law=${law}` : '/' });
  const { page } = opened;
  await page.waitForSelector('#btn-law');
  await act(page, () => page.click('#btn-law'));
  await page.waitForSelector('#screen-law');
  return opened;
}

/** The bands of a timeline as the SVG carries them. */
function bandsOf(page, selector) {
  return page.$$eval(`${selector} rect.tl-band`, (rects) => rects.map((r) => ({
    numeral: Number(r.dataset.numeral), from: r.dataset.from, to: r.dataset.to, kind: r.dataset.kind,
  })));
}

for (const lawId of [ENACTED, DRAFT]) {
  test(`the timeline's bands are the core's windows, every numeral (${lawId})`, async () => {
    const { page, context, errors } = await openLawView(env, { law: lawId });
    const info = core.law('es', lawId);
    const expected = info.windows.map((w) => ({ numeral: w.numeral, from: w.from, to: w.to, kind: w.kind === 'confirmed' ? 'confirmed' : 'margin' }));
    const bands = await bandsOf(page, '#law-timeline');
    const key = (b) => `${b.numeral}|${b.from}|${b.to}|${b.kind}`;
    assert.deepEqual(bands.map(key).sort(), expected.map(key).sort(), 'one band per window segment');
    // Every numeral of the law has its bands and its label; the draft's labels carry its own numerals.
    const numerals = info.numerals.map((n) => n.number);
    assert.deepEqual([...new Set(bands.map((b) => b.numeral))].sort((a, b) => a - b), numerals);
    const labels = await page.$$eval('#law-timeline .tl-label', (ls) => ls.map((l) => ({
      n: Number(l.dataset.numeral), text: l.querySelector('title').textContent, shown: [...l.querySelectorAll('tspan')].map((x) => x.textContent).join(' '),
    })));
    assert.deepEqual(labels.map((l) => l.n).sort((a, b) => a - b), numerals);
    for (const l of labels) {
      const n = info.numerals.find((x) => x.number === l.n);
      assert.ok(l.text.startsWith(`${n.number}`) && l.text.endsWith(n.name), l.text);
      assert.ok(l.shown.startsWith(`${n.number}`), `${l.shown}: the event number shows`);
      // Under the draft, its own numeral shows too, even where the name is cut.
      if (lawId === DRAFT) for (const w of info.windows.filter((x) => x.numeral === l.n)) assert.ok(l.shown.includes(w.cite), `${l.shown} shows ${w.cite}`);
    }
    // The axis runs over the law's period; bands of overlapping numerals (8 holds 9 and 10) have lanes of their own.
    const svg = await page.$eval('#law-timeline svg', (s) => ({ start: s.dataset.start, end: s.dataset.end, role: s.getAttribute('role'), labelled: s.getAttribute('aria-labelledby') }));
    assert.equal(svg.start, info.period.from);
    assert.equal(svg.end, info.period.to);
    assert.equal(svg.role, 'img');
    const boxes = await page.$$eval('#law-timeline rect.tl-band', (rs) => rs.map((r) => ({ n: Number(r.dataset.numeral), x: r.getBBox().x, y: r.getBBox().y, h: r.getBBox().height })));
    for (const a of boxes) {
      assert.ok(a.h >= 3.9, `numeral ${a.n}: a band is at least visible (${a.h})`);
      for (const b of boxes) {
        if (a.n !== b.n && a.x === b.x) assert.ok(a.y + a.h <= b.y + 0.01 || b.y + b.h <= a.y + 0.01, `numerals ${a.n} and ${b.n} share a lane and overlap`);
      }
    }
    // The text alternative: one row per window segment.
    const rows = await page.$$eval('#law-timeline [data-testid=timeline-table] tbody tr', (trs) => trs.length);
    assert.equal(rows, info.windows.length);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the facts\' marker lands on the bands of the numerals the core reports, for random dates', async () => {
  const { page, context } = await openLawView(env, { viewport: DESKTOP });
  // A seeded series of dates: days, months, years and ranges across the law's span.
  let seed = 17;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const pad = (n) => String(n).padStart(2, '0');
  const dates = [['2024-07-30', null], ['2016-01-03', null], ['2004', null], ['2019-04', null], ['2002-04-12', '2002-04-13']];
  while (dates.length < 40) {
    const y = 1999 + rand(27);
    const m = 1 + rand(12);
    const d = 1 + rand(28);
    const shape = rand(4);
    if (shape === 0) dates.push([`${y}`, null]);
    else if (shape === 1) dates.push([`${y}-${pad(m)}`, null]);
    else if (shape === 2) dates.push([`${y}-${pad(m)}-${pad(d)}`, null]);
    else dates.push([`${y}-${pad(m)}-${pad(d)}`, `${Math.min(2025, y + rand(2))}-${pad(m)}-${pad(d)}`]);
  }
  for (const lawId of [ENACTED, DRAFT]) {
    for (const zoom of [false, true]) {
      const places = dates.map(([from, to]) => core.datePlace(from, to, lawId));
      const found = await page.evaluate(async ({ lawId, places, zoom }) => {
        const { timeline } = await import('./ui/timeline.js');
        const core = await import('./pkg/amnistia.js');
        await core.default();
        const info = core.law('es', lawId);
        const out = [];
        for (const place of places) {
          const fig = timeline({ lang: 'es', info, place, zoom });
          document.querySelector('#main').append(fig);
          const marker = fig.querySelector('[data-testid=timeline-marker]');
          const m = marker.getBBox();
          const hits = new Set();
          for (const r of fig.querySelectorAll('rect.tl-band')) {
            const b = r.getBBox();
            if (b.height === 0) continue;
            // The marker's vertical extent meets the band's (a day marker is a line: height 0).
            if (m.y <= b.y + b.height && m.y + m.height >= b.y) hits.add(Number(r.dataset.numeral));
          }
          out.push({ shape: marker.dataset.shape, numerals: marker.dataset.numerals, hits: [...hits] });
          fig.remove();
        }
        return out;
      }, { lawId, places, zoom });
      places.forEach((place, i) => {
        const reported = [...new Set(place.places.map((p) => p.numeral))].sort((a, b) => a - b);
        const f = found[i];
        assert.equal(f.numerals, reported.join(' '), `${dates[i]}: the marker carries the core's numerals`);
        assert.equal(f.shape, place.from === place.to ? 'day' : 'span', `${dates[i]}: a day is a line, anything longer a band`);
        for (const n of reported) assert.ok(f.hits.includes(n), `${lawId} ${zoom ? 'around' : 'whole'} ${dates[i]}: the marker meets numeral ${n}'s band (hits ${f.hits})`);
      });
    }
  }
  await context.close();
});

test('the law view lists exactly the rules data\'s entries, with their sources and confidence', async () => {
  for (const lawId of [ENACTED, DRAFT]) {
    const { page, context, requests } = await openLawView(env, { law: lawId });
    const info = core.law('es', lawId);
    const entries = await page.$$eval('#screen-law .law-entry', (es) => es.map((e) => ({
      kind: e.dataset.entry, id: e.dataset.id, confidence: e.dataset.confidence,
      badge: e.querySelector('.badge').dataset.confidence,
      contested: e.querySelector('[data-testid=lawContested]')?.textContent ?? null,
      sources: [...e.querySelectorAll('[data-source]')].map((s) => ({ id: s.dataset.source, link: s.querySelector('a')?.getAttribute('href') ?? null, text: s.textContent })),
    })));
    const want = [
      ...info.articles.map((a) => ({ kind: 'article', id: a.id, e: a })),
      ...info.numerals.map((n) => ({ kind: 'numeral', id: String(n.number), e: n })),
      ...info.exclusions.map((x) => ({ kind: 'exclusion', id: x.id, e: x })),
    ];
    assert.deepEqual(entries.map((e) => `${e.kind}:${e.id}`), want.map((w) => `${w.kind}:${w.id}`), `${lawId}: every entry, once, in order`);
    entries.forEach((got, i) => {
      const { e } = want[i];
      assert.equal(got.confidence, e.confidence);
      assert.equal(got.badge, e.confidence);
      assert.equal(got.contested === null, !e.contested, `${got.id}: contested sentence shown exactly when the rules data has one`);
      if (e.contested) assert.ok(got.contested.includes(e.contested));
      assert.deepEqual(got.sources.map((s) => s.id), e.sources, `${got.id}: its sources`);
      for (const s of got.sources) {
        const src = info.sources.find((x) => x.id === s.id);
        assert.ok(s.text.includes(src.outlet), `${s.id}: the outlet`);
        assert.equal(s.link, src.url, `${s.id}: a link only where the core has the address`);
      }
    });
    const notFormalized = await page.$$eval('#screen-law [data-testid=not-formalized] dd', (dds) => dds.map((d) => d.textContent));
    assert.deepEqual(notFormalized, info.notFormalized.map((n) => n.reason));
    // Opening every source list requests nothing.
    const before = requests.length;
    await page.$$eval('#screen-law details', (ds) => ds.forEach((d) => { d.open = true; }));
    await page.waitForTimeout(200);
    assert.equal(requests.length, before, 'no request until a source link is followed');
    await context.close();
  }
});

test('the comparison is what the two rules files\' pairing keys give', async () => {
  const { page, context } = await openLawView(env);
  const enacted = core.law('es', ENACTED);
  const draft = core.law('es', DRAFT);
  const keys = (l) => new Map([
    ...l.articles.filter((a) => a.pair).map((a) => [`a:${a.pair}`, a.paraphrase]),
    ...l.numerals.map((n) => [`n:${n.number}`, JSON.stringify(l.windows.filter((w) => w.numeral === n.number).map((w) => [w.from, w.to, w.kind]))]),
    ...l.exclusions.map((e) => [`e:${e.pair ?? e.id}`, JSON.stringify([e.kind, e.charges])]),
  ]);
  const a = keys(enacted);
  const d = keys(draft);
  const expect = {
    added: [...a.keys()].filter((k) => !d.has(k)),
    dropped: [...d.keys()].filter((k) => !a.has(k)),
    changed: [...a.keys()].filter((k) => d.has(k) && d.get(k) !== a.get(k)),
    same: [...a.keys()].filter((k) => d.has(k) && d.get(k) === a.get(k)),
  };
  for (const [status, list] of Object.entries(expect)) {
    const got = await page.$$eval(`#law-compare [data-testid=compare-${status}] li[data-key]`, (lis) => lis.map((li) => li.dataset.key));
    assert.deepEqual(got.sort(), [...list].sort(), status);
  }
  // What a reader expects to see: numerals 5, 8, 11 and 13 and the very-serious-injuries exclusion were added.
  assert.ok(expect.added.includes('n:8') && expect.added.includes('e:art9_very_serious_injuries'));
  assert.ok(expect.dropped.includes('e:art1_political_crimes'));
  assert.ok(expect.changed.includes('n:3') && expect.changed.includes('n:6'));
  await context.close();
});

test('the date question shows the timeline; the result shows it by the window step, and badges open sources', async () => {
  const { page, context, errors } = await openPage(env);
  await interview(page, COVERED, { until: (q) => q === 'factsDate' });
  await page.waitForSelector('[data-testid=date-timeline] svg[role=img]');
  const bands = await bandsOf(page, '[data-testid=date-timeline]');
  assert.equal(bands.length, core.law('es', ENACTED).windows.length);
  await interview(page, COVERED, { from: 'question' });
  await page.waitForSelector('#more-why li[data-kind=window] .timeline', { state: 'attached' });
  await page.click('#more-why > summary');
  const where = await page.textContent('#more-why [data-testid=timeline-where]');
  assert.match(where, /julio de 2024/);
  assert.match(where, /suceso 12/);
  const marker = await page.$eval('#more-why [data-testid=timeline-marker]', (m) => ({ from: m.dataset.from, to: m.dataset.to, numerals: m.dataset.numerals }));
  assert.deepEqual(marker, { from: '2024-07-01', to: '2024-07-31', numerals: '12' });
  // Every step's badge opens the sources of its rule; on a step that passes it speaks of the law.
  const window = '#more-why li[data-kind=window]';
  assert.equal(await page.getAttribute(`${window} .badge-button`, 'aria-expanded'), 'false');
  assert.match(await page.textContent(`${window} .badge-button`), /^La ley: /);
  await page.click(`${window} .badge-button`);
  assert.equal(await page.getAttribute(`${window} .badge-button`, 'aria-expanded'), 'true');
  const a = core.evaluate({ person: { situation: 'detained', abroad: false, ceasedConduct: true }, proceedings: [{ factsDate: '2024-07', event: 12, charges: ['terrorism', 'incitement_to_hatred'], militaryJustice: false, phase: 'control' }] }, 'es');
  const step = a.proceedings[0].explanation.find((s) => s.kind === 'window');
  const shown = await page.$$eval(`${window} [data-testid=step-sources] [data-source]`, (lis) => lis.map((li) => li.dataset.source));
  assert.deepEqual(shown, step.sources);
  const colours = await page.$eval(`${window} .badge-button .badge`, (b) => getComputedStyle(b).backgroundColor);
  const neutral = await page.$eval('#main', () => getComputedStyle(document.documentElement).getPropertyValue('--soft'));
  assert.ok(colours !== 'rgb(253, 236, 235)', `a passing step's badge is not red (${colours}, soft ${neutral})`);
  // The next steps' badges open their sources too.
  await page.click('#more-steps > summary');
  const first = a.proceedings[0].nextSteps.find((x) => x.id !== 'not_restored');
  const li = `#more-steps li[data-step="${first.id}"]`;
  await page.click(`${li} .badge-button`);
  assert.deepEqual(await page.$$eval(`${li} [data-testid=step-sources] [data-source]`, (lis) => lis.map((x) => x.dataset.source)), first.sources);
  // From the result to the law view and back, with the phone's back too; then back on the date
  // question, the date given is marked.
  await act(page, () => page.click('#btn-law'));
  await act(page, () => page.goBack());
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'result', 'the phone\'s back returns to the result');
  await act(page, () => page.goForward());
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'law');
  await act(page, () => page.click('[data-testid=law-back]'));
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'result');
  for (let i = 0; i < 12 && (await page.getAttribute('#main', 'data-question')) !== 'factsDate'; i += 1) await act(page, () => page.click('#btn-back'));
  await page.waitForSelector('[data-testid=date-timeline] [data-testid=timeline-marker]', { state: 'attached' });
  assert.equal(await page.getAttribute('[data-testid=date-timeline] [data-testid=timeline-marker]', 'data-numerals'), '12');
  await interview(page, COVERED, { from: 'question' });
  await act(page, () => page.click('#btn-law'));
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'law');
  await act(page, () => page.click('[data-testid=law-back]'));
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'result');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a date assumed from the event is dashed, with a note', async () => {
  const { page, context } = await openPage(env);
  await interview(page, { ...COVERED, factsDate: 'unknown' });
  await page.waitForSelector('#more-why .timeline', { state: 'attached' });
  const marker = await page.$eval('#more-why [data-testid=timeline-marker]', (m) => ({ cls: m.getAttribute('class'), from: m.dataset.from, to: m.dataset.to }));
  assert.match(marker.cls, /tl-assumed/);
  assert.deepEqual([marker.from, marker.to], ['2024-07-01', '2024-07-31']);
  // The note is the core's own sentence on why the date is assumed.
  const a = core.evaluate({ person: { situation: 'detained', abroad: false, ceasedConduct: true }, proceedings: [{ label: COVERED.label, event: 12, charges: COVERED.charges, militaryJustice: false, phase: 'control' }] }, 'es');
  const why = a.proceedings[0].explanation.find((s) => s.kind === 'dateAssumed').text;
  assert.ok((await page.textContent('#more-why [data-testid=timeline-assumed]')).includes(why));
  await context.close();
});

test('a date assumed from an event whose window has a gap is marked piece by piece, not across the gap', async () => {
  const { page, context } = await openPage(env);
  // Event 3 (2004): its confirmed window has a gap of doubtful months between its pieces.
  await interview(page, { ...COVERED, factsDate: 'unknown', event: 3 });
  await page.waitForSelector('#more-why .timeline', { state: 'attached' });
  const marks = await page.$$eval('#more-why [data-testid=timeline-marker]', (ms) => ms.map((m) => [m.dataset.from, m.dataset.to]));
  const pieces = core.law('es').windows.filter((w) => w.numeral === 3 && w.kind === 'confirmed').map((w) => [w.from, w.to]);
  assert.ok(pieces.length >= 2, 'test setup: numeral 3 has a gap');
  assert.deepEqual(marks, pieces);
  await context.close();
});

for (const viewport of [PHONE, DESKTOP]) {
  test(`axe: the law view, the date question and the result at ${viewport.width} px`, async () => {
    const { page, context } = await openLawView(env, { viewport });
    await page.$$eval('#screen-law details', (ds) => ds.forEach((d) => { d.open = true; }));
    assert.deepEqual(await axeViolations(page), [], 'law view');
    // Nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the law view fits ${viewport.width} px (${overflow})`);
    await act(page, () => page.click('[data-testid=law-back]'));
    await interview(page, COVERED, { until: (q) => q === 'factsDate' });
    await page.waitForSelector('[data-testid=date-timeline] svg');
    assert.deepEqual(await axeViolations(page), [], 'date question');
    await interview(page, COVERED, { from: 'question' });
    await page.waitForSelector('#more-why .timeline', { state: 'attached' });
    await page.$$eval('#result-more details', (ds) => ds.forEach((d) => { d.open = true; }));
    await page.$$eval('.badge-button', (bs) => bs.forEach((b) => b.click()));
    assert.deepEqual(await axeViolations(page), [], 'result');
    await context.close();
  });
}

test('in English, and in print: the law view keeps its words and its timeline', async () => {
  const { page, context } = await openPage(env, { path: '/?lang=en' });
  await page.waitForSelector('#btn-law');
  assert.equal((await page.textContent('#btn-law')).trim(), 'The law, article by article');
  await act(page, () => page.click('#btn-law'));
  assert.equal((await page.textContent('#law-heading')).trim(), 'The law, article by article');
  const title = await page.$eval('#law-timeline svg title', (x) => x.textContent);
  assert.match(title, /^The law's periods, from 1999 to 2026$/);
  const info = core.law('en', ENACTED);
  assert.equal(await page.textContent('#screen-law .law-entry[data-id="12"] .law-paraphrase'), info.numerals.find((n) => n.number === 12).paraphrase);
  // Printing the view prints it, timeline included (the page's print rules hide <main> otherwise).
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.$eval('#main', (m) => getComputedStyle(m).display), 'block');
  assert.ok(await page.$eval('#law-timeline svg', (s) => s.getBoundingClientRect().height > 100));
  await context.close();
});

test('a result opened from a saved case has its timeline, marker and sources', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amnistia-law-'));
  const file = path.join(dir, 'caso.json');
  // Two cases: one in numeral 8 (which holds 9), one in a contested margin of numeral 6.
  const saved = { person: { situation: 'detained', abroad: false, ceasedConduct: true }, proceedings: [
    { label: 'Causa de 2017', factsDate: '2017-05-10', event: 9, charges: ['terrorism'], militaryJustice: false, phase: 'trial' },
    { label: 'Causa de 2013', factsDate: '2013-06', event: 6, charges: [], militaryJustice: false, phase: 'control' },
  ] };
  fs.writeFileSync(file, JSON.stringify(saved));
  const { page, context } = await openPage(env, { viewport: DESKTOP });
  await act(page, () => page.getByLabel('Abrir un caso guardado', { exact: true }).setInputFiles(file));
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'result');
  await page.waitForSelector('#more-why .case-block[data-case="1"] .timeline', { state: 'attached' });
  for (const [i, p] of saved.proceedings.entries()) {
    const place = core.datePlace(p.factsDate, null, ENACTED);
    const marker = await page.$eval(`#more-why .case-block[data-case="${i}"] [data-testid=timeline-marker]`, (m) => ({ from: m.dataset.from, to: m.dataset.to, numerals: m.dataset.numerals }));
    assert.deepEqual(marker, { from: place.from, to: place.to, numerals: [...new Set(place.places.map((x) => x.numeral))].join(' ') });
  }
  assert.match(await page.textContent('#more-why .case-block[data-case="0"] [data-testid=timeline-where]'), /suceso 8 .* y el período del suceso 9/);
  assert.match(await page.textContent('#more-why .case-block[data-case="1"] [data-testid=timeline-where]'), /fechas dudosas del suceso 6/);
  await context.close();
});

test('axe: the draft\'s law view at 360 px, every disclosure open', async () => {
  const { page, context } = await openLawView(env, { law: DRAFT });
  assert.ok(await page.$('#screen-law #draft-banner'), 'the draft says it is a draft');
  await page.$$eval('#screen-law details', (ds) => ds.forEach((d) => { d.open = true; }));
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

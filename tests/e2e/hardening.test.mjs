// Hardening (issue "Hardening", items 3 and 4), in headless Chromium.
//
// Hostile input through the JS API (the module the page itself imported) and
// through the page (the "Organizaciones" list): each gets its documented
// error code (README, "Entradas hostiles"), quickly, with no crash and no
// outcome invented, and the page goes on working.
//
// Injection: markup, </script> and javascript: URLs in every free-text field
// (case labels, the list's file name, ids, column names, unknown keys and
// charge codes, the URL's parameters). Nothing executes (no window.__pwned,
// no dialog, no element made from the text, no request for it, no CSP
// violation) and the text shows literally: on the page, in the print view,
// in the offline single file and in the <amnistia-checker> widget.
//
// The same hostile inputs natively: tests/hostile.rs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './server.mjs';
import { setUp, openPage, interview, act, loadCore, COVERED, ROOT, SITE, PHONE, switchLang, START_READY } from './interview.mjs';

let env;
let core;
before(async () => {
  env = await setUp();
  core = await loadCore();
});
after(async () => env && env.tearDown());

/* ---------- the JS API ---------- */

/**
 * Runs hostile calls inside the page, on the module the page imported, and
 * returns for each: the error code and path (or the outcome when it is
 * accepted), the error's class, and how long it took.
 */
function probeApi(page) {
  return page.evaluate(async () => {
    const m = await import('./pkg/amnistia.js');
    const P = (p) => ({ proceedings: [p] });
    const nest = (n, make) => { let v = 1; for (let i = 0; i < n; i += 1) v = make(v); return v; };
    const cyclic = { proceedings: [] };
    cyclic.proceedings.push(cyclic);
    const tenMb = 'x'.repeat(10 * 1024 * 1024);
    const cases = {
      protoKey: () => m.evaluate(JSON.parse('{"__proto__": {}, "proceedings": [{}]}'), 'es'),
      protoKeyInProceeding: () => m.evaluate(JSON.parse('{"proceedings": [{"__proto__": {"event": 12}}]}'), 'es'),
      protoKeyInPerson: () => m.evaluate(JSON.parse('{"person": {"__proto__": {"abroad": true}}, "proceedings": [{}]}'), 'es'),
      constructorKey: () => m.evaluate({ constructor: {}, proceedings: [{}] }, 'es'),
      constructorKeyInPerson: () => m.evaluate({ person: { constructor: 'x' }, proceedings: [{}] }, 'es'),
      prototypeKey: () => m.evaluate({ prototype: null, proceedings: [{}] }, 'es'),
      protoKeyText: () => m.evaluate('{"__proto__": {}, "proceedings": [{}]}', 'es'),
      nanEvent: () => m.evaluate(P({ event: NaN }), 'es'),
      infinityEvent: () => m.evaluate(P({ event: Infinity }), 'es'),
      minusInfinityEvent: () => m.evaluate(P({ event: -Infinity }), 'es'),
      nanDate: () => m.evaluate(P({ factsDate: NaN }), 'es'),
      nanBoolean: () => m.evaluate(P({ militaryJustice: NaN }), 'es'),
      nanText: () => m.evaluate('{"proceedings": [{"event": NaN}]}', 'es'),
      hugeNumber: () => m.evaluate(P({ event: 1e308 }), 'es'),
      hugeNumberText: () => m.evaluateJson('{"proceedings": [{"event": 1e400}]}', 'es'),
      hugeIntegerText: () => m.evaluateJson('{"proceedings": [{"event": 99999999999999999999999}]}', 'es'),
      wrapsTo12: () => m.evaluate(P({ event: 2 ** 64 + 12 }), 'es'),
      minusZero: () => m.evaluate(P({ event: -0 }), 'es'),
      fraction: () => m.evaluate(P({ event: 12.5 }), 'es'),
      eventAsString: () => m.evaluate(P({ event: '12' }), 'es'),
      booleanAsString: () => m.evaluate(P({ militaryJustice: 'false' }), 'es'),
      dateAsNumber: () => m.evaluate(P({ factsDate: 20240730 }), 'es'),
      tenMbText: () => m.evaluate(tenMb, 'es'),
      tenMbJson: () => m.evaluateJson(tenMb, 'es'),
      tenMbLabel: () => m.evaluate(P({ label: tenMb }), 'es'),
      longLabel: () => m.evaluate(P({ label: 'x'.repeat(201) }), 'es'),
      deepArrays: () => m.evaluate(P({ label: nest(10000, (v) => [v]) }), 'es'),
      deepObjects: () => m.evaluate(P({ label: nest(10000, (v) => ({ a: v })) }), 'es'),
      deepText: () => m.evaluate(`{"proceedings": [{"label": ${'['.repeat(10000)}${']'.repeat(10000)}}]}`, 'es'),
      cyclic: () => m.evaluate(cyclic, 'es'),
      bom: () => m.evaluate('\ufeff{"proceedings": [{}]}', 'es'),
      duplicateKeys: () => m.evaluate('{"proceedings": [{"event": 12, "event": 12}]}', 'es'),
      bigIntLabel: () => m.evaluate(P({ label: 5n }), 'es'),
      bigIntHuge: () => m.evaluate(P({ event: 2n ** 80n }), 'es'),
      functionValue: () => m.evaluate(P({ event: () => 12 }), 'es'),
      functionCase: () => m.evaluate(() => ({ proceedings: [{}] }), 'es'),
      symbolValue: () => m.evaluate(P({ event: Symbol('12') }), 'es'),
      undefinedCase: () => m.evaluate(undefined, 'es'),
      nullCase: () => m.evaluate(null, 'es'),
      arrayCase: () => m.evaluate([{}], 'es'),
      numberCase: () => m.evaluate(12, 'es'),
      dateValue: () => m.evaluate(P({ factsDate: new Date('2024-07-30') }), 'es'),
      dateCase: () => m.evaluate(new Date(), 'es'),
      setValue: () => m.evaluate(P({ charges: new Set(['terrorism']) }), 'es'),
      typedArray: () => m.evaluate(P({ charges: new Uint8Array([1]) }), 'es'),
      mapWithNumberKeys: () => m.evaluate(new Map([[1, 2]]), 'es'),
      arrayLike: () => m.evaluate({ proceedings: { 0: {}, length: 1 } }, 'es'),
      inheritedOnly: () => m.evaluate(Object.create({ proceedings: [{ event: 12 }] }), 'es'),
      // Accepted, as documented: what they hold is plain data.
      undefinedValue: () => m.evaluate(P({ event: undefined }), 'es'),
      symbolKey: () => m.evaluate({ proceedings: [{}], [Symbol('x')]: 1 }, 'es'),
      nullPrototype: () => m.evaluate(Object.assign(Object.create(null), { proceedings: [{}] }), 'es'),
      bigInt12: () => m.evaluate(P({ event: 12n }), 'es'),
      map: () => m.evaluate(new Map([['proceedings', [{}]]]), 'es'),
      frozen: () => m.evaluate(Object.freeze(P(Object.freeze({ event: 12 }))), 'es'),
    };
    const out = {};
    for (const [name, run] of Object.entries(cases)) {
      const t0 = performance.now();
      let r;
      try {
        const a = run();
        r = { outcome: typeof a === 'string' ? JSON.parse(a).outcome : a.outcome };
      } catch (e) {
        r = { code: e?.code, path: e?.path ?? null, isError: e instanceof Error, name: e?.name, message: String(e?.message ?? e) };
      }
      r.ms = performance.now() - t0;
      out[name] = r;
    }
    // A polluted Object.prototype is not read: only own keys are.
    Object.prototype.proceedings = [{ event: 12 }]; // eslint-disable-line no-extend-native
    Object.prototype.event = 12; // eslint-disable-line no-extend-native
    try {
      const t0 = performance.now();
      try { out.polluted = { outcome: m.evaluate({}, 'es').outcome }; } catch (e) { out.polluted = { code: e.code, path: e.path, isError: e instanceof Error, name: e.name, message: e.message }; }
      out.polluted.ms = performance.now() - t0;
      out.pollutedProceeding = { outcome: m.evaluate({ proceedings: [{}] }, 'es').proceedings[0].questions.includes('event') ? 'event unknown' : 'event read from the prototype' };
    } finally {
      delete Object.prototype.proceedings;
      delete Object.prototype.event;
    }
    // The module still works, and gives what it gave before.
    out.after = { outcome: m.evaluate({ person: { ceasedConduct: true }, proceedings: [{ factsDate: '2024-07-30', event: 12, charges: ['terrorism'], militaryJustice: false }] }, 'es').outcome };
    return out;
  });
}

test('hostile input through the JS API gets its documented code, quickly, and the module keeps working', async () => {
  const { page, context, errors } = await openPage(env);
  const r = await probeApi(page);
  const expected = {
    protoKey: ['unknown_field', '__proto__'],
    protoKeyInProceeding: ['unknown_field', 'proceedings[0].__proto__'],
    protoKeyInPerson: ['unknown_field', 'person.__proto__'],
    constructorKey: ['unknown_field', 'constructor'],
    constructorKeyInPerson: ['unknown_field', 'person.constructor'],
    prototypeKey: ['unknown_field', 'prototype'],
    protoKeyText: ['unknown_field', '__proto__'],
    nanEvent: ['invalid_event', 'proceedings[0].event'],
    infinityEvent: ['invalid_event', 'proceedings[0].event'],
    minusInfinityEvent: ['invalid_event', 'proceedings[0].event'],
    nanDate: ['invalid_value', 'proceedings[0].factsDate'],
    nanBoolean: ['invalid_value', 'proceedings[0].militaryJustice'],
    nanText: ['invalid_json', null],
    hugeNumber: ['invalid_event', 'proceedings[0].event'],
    hugeNumberText: ['invalid_json', null],
    hugeIntegerText: ['invalid_event', 'proceedings[0].event'],
    wrapsTo12: ['invalid_event', 'proceedings[0].event'],
    minusZero: ['invalid_event', 'proceedings[0].event'],
    fraction: ['invalid_event', 'proceedings[0].event'],
    eventAsString: ['invalid_event', 'proceedings[0].event'],
    booleanAsString: ['invalid_value', 'proceedings[0].militaryJustice'],
    dateAsNumber: ['invalid_value', 'proceedings[0].factsDate'],
    tenMbText: ['input_too_large', null],
    tenMbJson: ['input_too_large', null],
    tenMbLabel: ['input_too_large', null],
    longLabel: ['invalid_value', 'proceedings[0].label'],
    deepArrays: ['invalid_json', null],
    deepObjects: ['invalid_json', null],
    deepText: ['invalid_json', null],
    cyclic: ['invalid_json', null],
    bom: ['invalid_json', null],
    duplicateKeys: ['invalid_json', null],
    bigIntLabel: ['invalid_json', null],
    bigInt12: ['invalid_json', null],
    bigIntHuge: ['invalid_json', null],
    functionValue: ['invalid_json', null],
    functionCase: ['invalid_json', null],
    symbolValue: ['invalid_json', null],
    undefinedCase: ['invalid_value', null],
    nullCase: ['invalid_value', null],
    arrayCase: ['invalid_value', null],
    numberCase: ['invalid_value', null],
    dateValue: ['invalid_value', 'proceedings[0].factsDate'],
    dateCase: ['no_proceedings', 'proceedings'],
    setValue: ['invalid_json', null],
    typedArray: ['invalid_json', null],
    mapWithNumberKeys: ['invalid_json', null],
    map: ['invalid_json', null],
    arrayLike: ['invalid_value', 'proceedings'],
    inheritedOnly: ['no_proceedings', 'proceedings'],
    polluted: ['no_proceedings', 'proceedings'],
  };
  // Contract §4 (and the README's table).
  const documented = new Set(['invalid_json', 'unknown_field', 'invalid_date', 'invalid_date_range', 'invalid_event',
    'unknown_charge', 'invalid_value', 'no_proceedings', 'too_many_proceedings', 'input_too_large', 'unknown_law']);
  const got = Object.fromEntries(Object.keys(expected).map((name) => [name, [r[name].code, r[name].path]]));
  assert.deepEqual(got, expected);
  for (const [name] of Object.entries(expected)) {
    assert.ok(documented.has(r[name].code), `${name}: ${r[name].code} is a documented code`);
    assert.ok(r[name].isError !== false, `${name}: an Error object`);
    assert.equal(r[name].name ?? 'AmnistiaError', 'AmnistiaError', `${name}: the core's own error, not a crash (${r[name].message})`);
    assert.ok(r[name].message.length > 0, `${name}: a message`);
  }
  // Accepted, as the README documents: plain data in other clothes.
  assert.equal(r.undefinedValue.outcome, 'needs_information', 'undefined is an unknown fact');
  assert.equal(r.symbolKey.outcome, 'needs_information', 'a symbol key is not data (JSON.stringify skips it too)');
  assert.equal(r.nullPrototype.outcome, 'needs_information');
  assert.equal(r.frozen.outcome, 'needs_information');
  assert.equal(r.pollutedProceeding.outcome, 'event unknown', 'Object.prototype is never read');
  assert.equal(r.after.outcome, 'covered', 'the module still works');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a throwing getter or Proxy gives a coded error and leaves the module working', async () => {
  const { page, context } = await openPage(env);
  const r = await page.evaluate(async () => {
    const m = await import('./pkg/amnistia.js');
    const getter = () => ({ proceedings: [Object.defineProperty({}, 'event', { get() { throw new Error('boom'); }, enumerable: true })] });
    const codes = new Set();
    for (let i = 0; i < 2000; i += 1) {
      try { m.evaluate(getter(), 'es'); } catch (e) { codes.add(String(e.code)); }
    }
    try { m.evaluate(new Proxy({ proceedings: [{}] }, { ownKeys() { throw new Error('trap'); } }), 'es'); } catch (e) { codes.add(String(e.code)); }
    let after;
    try { after = m.evaluate({ proceedings: [{}] }, 'es').outcome; } catch (e) { after = `${e.name}: ${e.message}`; }
    return { codes: [...codes], after };
  });
  assert.equal(r.after, 'needs_information', 'the module still works');
  assert.deepEqual(r.codes.filter((c) => c === 'undefined'), [], `every error coded: ${r.codes}`);
  await context.close();
});

// The walk in src/wasm.rs reads each property once, through imports that
// catch: an exception of any type, thrown by a getter or by any Proxy trap,
// becomes invalid_value, and the module never sees it unwind.
test('getters and Proxy traps that throw (a TypeError too, or on a second read) give a coded error; the module keeps working', async () => {
  const { page, context } = await openPage(env);
  const r = await page.evaluate(async () => {
    const m = await import('./pkg/amnistia.js');
    const throwing = (err) => ({ proceedings: [Object.defineProperty({}, 'event', { get() { throw err; }, enumerable: true })] });
    const hostile = {
      typeErrorGetter: () => throwing(new TypeError('x')),
      rangeErrorGetter: () => throwing(new RangeError('x')),
      thrownString: () => throwing('not even an Error'),
      secondReadThrows: () => {
        let reads = 0;
        return { proceedings: [Object.defineProperty({}, 'event', { get() { reads += 1; if (reads > 1) throw new Error('second'); return 12; }, enumerable: true })] };
      },
      proxyOwnKeysTypeError: () => new Proxy({ proceedings: [{}] }, { ownKeys() { throw new TypeError('t'); } }),
      proxyGetThrows: () => new Proxy({ proceedings: [{}] }, { get() { throw new Error('g'); } }),
      proxyArrayGetThrows: () => ({ proceedings: new Proxy([{}], { get(t, k) { if (k === '0') throw new TypeError('i'); return Reflect.get(t, k); } }) }),
      proxyDescriptorThrows: () => new Proxy({ proceedings: [{}] }, { getOwnPropertyDescriptor() { throw new TypeError('d'); } }),
      revokedProxy: () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return { proceedings: [proxy] }; },
      infiniteGetter: () => ({ proceedings: [Object.defineProperty({}, 'event', { get() { return this.event; }, enumerable: true })] }),
    };
    const out = {};
    for (const [name, make] of Object.entries(hostile)) {
      const codes = new Set();
      for (let i = 0; i < 2000; i += 1) {
        try { m.evaluate(make(), 'es'); codes.add('accepted'); } catch (e) { codes.add(String(e.code)); }
      }
      out[name] = [...codes];
    }
    try { out.after = m.evaluate({ proceedings: [{}] }, 'es').outcome; } catch (e) { out.after = `${e.name}: ${e.message}`; }
    return out;
  });
  assert.equal(r.after, 'needs_information', 'the module still works after 20,000 hostile calls');
  for (const name of ['typeErrorGetter', 'rangeErrorGetter', 'thrownString', 'proxyOwnKeysTypeError', 'proxyGetThrows', 'proxyArrayGetThrows', 'proxyDescriptorThrows', 'revokedProxy', 'infiniteGetter']) {
    assert.deepEqual(r[name], ['invalid_value'], `${name}: always invalid_value`);
  }
  assert.deepEqual(r.secondReadThrows, ['accepted'], 'each property is read once');
  await context.close();
});

test('a text or lang that is not a string gives a coded error, not a trap', async () => {
  const { page, context } = await openPage(env);
  const r = await page.evaluate(async () => {
    const m = await import('./pkg/amnistia.js');
    const out = [];
    for (const call of [() => m.evaluateJson(5, 'es'), () => m.evaluateJson({}, 'es'), () => m.evaluate({ proceedings: [{}] }, 5), () => m.law(5)]) {
      try { call(); out.push('accepted'); } catch (e) { out.push(e.code ?? `${e.name}: ${e.message}`); }
    }
    return out;
  });
  assert.deepEqual(r, ['invalid_value', 'invalid_value', 'invalid_value', 'invalid_value']);
  await context.close();
});

/* ---------- hostile input through the page ---------- */

/** Chooses a file in the Organizaciones view and waits until it has been screened. */
async function screenFile(page, name, content) {
  if ((await page.getAttribute('#main', 'data-screen')) !== 'screening') await act(page, () => page.click('#btn-screening'));
  // Forget the previous run's status, so that the wait below is for this file.
  await page.$eval('#screen-screening', (el) => { el.dataset.status = 'test-waiting'; delete el.dataset.elapsedMs; });
  await page.setInputFiles('#screen-file', { name, mimeType: 'text/plain', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
  await page.waitForSelector('#screen-screening[data-status="done"][data-elapsed-ms], #screen-screening[data-status="failed"]');
}

/** line -> error code (or outcome) from the results table. */
const tableRows = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#screen-table tbody tr')]
  .map((tr) => [tr.dataset.line, tr.querySelector('.row-error code')?.textContent ?? tr.dataset.outcome])));

test('hostile lines in a screened list each show their error code; the page goes on working', async () => {
  const { page, context, errors } = await openPage(env);
  const lines = [
    ['{"proceedings": [{}]}', 'needs_information'],
    [`{"proceedings": [{"label": ${'['.repeat(10000)}${']'.repeat(10000)}}]}`, 'invalid_json'],
    [`{"proceedings": [{"label": "${'x'.repeat(70 * 1024)}"}]}`, 'input_too_large'],
    [`{"proceedings": [{"label": "${'y'.repeat(10 * 1024 * 1024)}"}]}`, 'input_too_large'],
    ['\ufeff{"proceedings": [{}]}', 'invalid_json'], // a byte-order mark counts only at the very start of the file
    [Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'invalid_json'], // not UTF-8
    ['{"proceedings": [{"event": 12, "event": 12}]}', 'invalid_json'],
    ['{"proceedings": [{"event": NaN}]}', 'invalid_json'],
    ['{"proceedings": [{"event": Infinity}]}', 'invalid_json'],
    ['{"proceedings": [{"event": 1e400}]}', 'invalid_json'],
    ['{"proceedings": [{"event": 18446744073709551628}]}', 'invalid_event'],
    ['{"proceedings": [{"event": "12"}]}', 'invalid_event'],
    ['{"proceedings": [{"militaryJustice": "false"}]}', 'invalid_value'],
    ['{"__proto__": {}, "proceedings": [{}]}', 'unknown_field'],
    ['{"constructor": {}, "proceedings": [{}]}', 'unknown_field'],
    [`{"proceedings": [{"label": "${'z'.repeat(201)}"}]}`, 'invalid_value'],
    ['{"proceedings": [{}]}', 'needs_information'],
  ];
  const file = Buffer.concat(lines.flatMap(([l], i) => [Buffer.isBuffer(l) ? l : Buffer.from(l), Buffer.from(i + 1 < lines.length ? '\n' : '')]));
  const t0 = Date.now();
  await screenFile(page, 'hostil.jsonl', file);
  assert.ok(Date.now() - t0 < 30000, `screened in ${Date.now() - t0} ms`);
  const rows = await tableRows(page);
  assert.deepEqual(rows, Object.fromEntries(lines.map(([, code], i) => [String(i + 1), code])));
  // A CSV whose header has an unknown (hostile) column: the whole file stops, with a message.
  await screenFile(page, 'cabecera.csv', 'id,__proto__\n1,2\n');
  assert.equal(await page.getAttribute('#screen-screening', 'data-status'), 'failed');
  assert.match(await page.textContent('#screen-error'), /__proto__/);
  // The page goes on: back to the interview, and a full check.
  await act(page, () => page.click('#screen-screening #btn-back'));
  await interview(page, COVERED);
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a label longer than the limit is cut to 200 characters, and the check goes on', async () => {
  const { page, context, errors } = await openPage(env);
  // Case names are asked once there are two cases.
  await interview(page, { ...COVERED, another: true }, { until: (q) => q === 'label' });
  // Past maxlength, as a script or an odd keyboard could.
  await page.$eval('#case-label', (el) => { el.value = 'ñ'.repeat(100000); });
  await act(page, () => page.click('#btn-continue'));
  await interview(page, { ...COVERED, label: '', another: false }, { from: 'here' });
  assert.equal(await page.getAttribute('#proceeding-0', 'data-outcome'), 'covered');
  assert.equal((await page.textContent('#proceeding-0 h3')).match(/ñ/g).length, 200);
  assert.deepEqual(errors, []);
  await context.close();
});

/* ---------- injection ---------- */

// Each label at most 200 characters; together they hold every payload.
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=\'img\'"> </script><script>window.__pwned=\'script\'</script>',
  'javascript:window.__pwned=\'js-url\' "><a id="pwned-link" href="javascript:window.__pwned=\'a\'">x</a><!-- &lt;b&gt;&amp;',
  '<svg onload="window.__pwned=\'svg\'"></svg><iframe src="javascript:parent.__pwned=\'iframe\'"></iframe> ${window.__pwned=\'tpl\'} {{constructor.constructor(\'window.__pwned=1\')()}}',
];
for (const p of PAYLOADS) assert.ok(p.length <= 200, `payload of ${p.length} characters`);

/** Watches for any sign of execution; call before the page loads. */
async function watch(page) {
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.addInitScript(() => {
    window.__cspViolations = window.__cspViolations ?? [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return dialogs;
}

/** Nothing executed, no element made from the text, in the document and in every open shadow root. */
async function assertInert(page, dialogs, where) {
  const state = await page.evaluate(() => {
    const roots = [document];
    for (let i = 0; i < roots.length; i += 1) {
      for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    const all = (sel) => roots.flatMap((r) => [...r.querySelectorAll(sel)]);
    return {
      pwned: window.__pwned ?? null,
      made: all('img[src="x"], svg[onload], iframe[src^="javascript"], #pwned-link, [onerror], [onload]').map((el) => el.outerHTML.slice(0, 80)),
      javascriptUrls: all('[href], [src]').map((el) => el.getAttribute('href') ?? el.getAttribute('src')).filter((u) => /^\s*javascript:/i.test(u)),
      csp: window.__cspViolations ?? [],
    };
  });
  assert.deepEqual(state, { pwned: null, made: [], javascriptUrls: [], csp: [] }, where);
  assert.deepEqual(dialogs, [], `${where}: no dialog`);
}

/** Three cases, one payload label each (the first covered, the others all unknown). */
async function interviewWithPayloads(page) {
  // The first case covered; "another case: yes" twice; each case is named once there are several.
  await interview(page, { ...COVERED, another: true, label: PAYLOADS.slice(0, 2) }, { until: (q, asked) => q === 'factsDate' && asked.includes('label') });
  // The label is shown back on the next question, literally.
  assert.ok((await page.textContent('#main')).includes(PAYLOADS[1]), 'the question screen shows the label literally');
  const unknown = { factsDate: 'unknown', event: 'unknown', charges: 'unknown', militaryJustice: 'unknown', phase: 'unknown', ceasedConduct: 'unknown' };
  await interview(page, { ...unknown, another: [true, false], label: PAYLOADS[2] }, { from: 'here' });
}

/** Every payload appears literally, as text, under `scope` (a selector); `page` may be a Page or Frame. */
async function assertLiteral(page, scope, where) {
  const text = await page.textContent(scope);
  for (const p of PAYLOADS) assert.ok(text.includes(p), `${where}: shows ${JSON.stringify(p.slice(0, 30))}… literally`);
}

async function checkResultAndPrint(page, dialogs, where) {
  assert.equal(await page.locator('[data-testid=proceeding]').count(), 3);
  await assertLiteral(page, '#screen-result', `${where} result`);
  for (let i = 0; i < 3; i += 1) assert.ok((await page.textContent(`#proceeding-${i} h3`)).includes(PAYLOADS[i]), `${where}: heading ${i}`);
  await assertLiteral(page, '[data-testid=case-index]', `${where} case index`);
  await assertInert(page, dialogs, `${where} result`);
  // In English too (everything re-rendered from the core).
  await switchLang(page);
  await assertLiteral(page, '#screen-result', `${where} result (en)`);
  await switchLang(page);
  // The print view.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#print-summary'), `${where}: print summary visible`);
  await assertLiteral(page, '#print-summary', `${where} print`);
  await assertInert(page, dialogs, `${where} print`);
  await page.emulateMedia({ media: 'screen' });
}

test('injection: payloads in the case labels stay text on the page and in its print view', async () => {
  const context = await env.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const dialogs = await watch(page);
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.server.url}/`);
  await page.waitForSelector(START_READY);
  await interviewWithPayloads(page);
  await checkResultAndPrint(page, dialogs, 'page');
  // "Borrar todo" takes the text away.
  await page.click('#btn-erase');
  await page.waitForSelector(START_READY);
  assert.ok(!(await page.content()).includes('__pwned'), 'erased');
  assert.deepEqual(requests.filter((u) => /\/x$|javascript:/.test(u)), [], 'no request made from a payload');
  assert.deepEqual(errors, []);
  await context.close();
});

test('injection: payloads in the URL parameters are ignored', async () => {
  const context = await env.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const dialogs = await watch(page);
  const q = new URLSearchParams({ lang: '<img src=x onerror="window.__pwned=1">', law: '"><script>window.__pwned=2</script>', embed: 'javascript:window.__pwned=3' });
  await page.goto(`${env.server.url}/?${q}#<img src=x onerror="window.__pwned=4">`);
  await page.waitForSelector(START_READY);
  await interview(page, COVERED);
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
  assert.match(await page.textContent('#law-footer'), new RegExp(core.law('es').id), 'the default law');
  await assertInert(page, dialogs, 'URL parameters');
  await context.close();
});

test('injection: file name, ids, column names, keys and charge codes in a screened list stay text', async () => {
  const context = await env.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const dialogs = await watch(page);
  await page.goto(`${env.server.url}/`);
  await page.waitForSelector(START_READY);
  const name = `<img src=x onerror="window.__pwned='file'">.csv`;
  const csvCell = (s) => `"${s.replace(/"/g, '""')}"`;
  const csv = [
    'id,label,charges,event',
    `${csvCell(PAYLOADS[0])},${csvCell(PAYLOADS[1])},,12`,
    // No `/` in the charge: it separates charges (issue 14).
    `${csvCell(PAYLOADS[2])},x,${csvCell('<img src=x onerror=window.__pwned=7>')},12`,
    `${csvCell('javascript:window.__pwned=8')},x,,${csvCell('<script>window.__pwned=9</script>')}`,
  ].join('\n');
  await screenFile(page, name, csv);
  assert.equal(await page.getAttribute('#screen-screening', 'data-status'), 'done');
  const shown = await page.textContent('#screen-screening');
  assert.ok(shown.includes(name), 'the file name, literally');
  assert.ok(shown.includes(PAYLOADS[0]) && shown.includes(PAYLOADS[2]) && shown.includes('javascript:window.__pwned=8'), 'the ids, literally');
  assert.ok(shown.includes('«<img src=x onerror=window.__pwned=7>»'), 'the unknown charge code, quoted literally');
  assert.ok(shown.includes('«<script>window.__pwned=9</script>»'), 'the bad event, quoted literally');
  await assertInert(page, dialogs, 'screened CSV');
  // JSONL: unknown keys are quoted in the message and named in the path.
  const key = '<img src=x onerror="window.__pwned=\'key\'">';
  await screenFile(page, 'lista.jsonl', `${JSON.stringify({ [key]: 1, proceedings: [{}] })}\n`);
  assert.ok((await page.textContent('#screen-table')).includes(key), 'the unknown key, literally');
  // A hostile column name in the header.
  const column = '<svg onload="window.__pwned=\'column\'">';
  await screenFile(page, 'cabecera.csv', `id,${csvCell(column)}\n1,2\n`);
  assert.ok((await page.textContent('#screen-error')).includes(column), 'the unknown column, literally');
  await assertInert(page, dialogs, 'screened JSONL and header');
  await context.close();
});

test('injection: the offline single file shows the payloads literally, on screen and in print', async (t) => {
  const script = path.join(ROOT, 'scripts', 'build-offline.mjs');
  if (!fs.existsSync(script)) return t.skip('scripts/build-offline.mjs does not exist yet');
  execFileSync(process.execPath, [script], { stdio: 'pipe' });
  const file = path.join(SITE, 'amnistia-offline.html');
  const context = await env.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const dialogs = await watch(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector(START_READY);
  await interviewWithPayloads(page);
  await checkResultAndPrint(page, dialogs, 'offline file');
  assert.deepEqual(requests, [pathToFileURL(file).href], 'the file is the only request');
  await context.close();
});

test('injection: the <amnistia-checker> widget shows the payloads literally, on screen and in print', async (t) => {
  if (!fs.existsSync(path.join(SITE, 'embed.js'))) return t.skip('embed.js does not exist yet');
  const widget = await startServer({ root: SITE, port: 0, headers: { 'Access-Control-Allow-Origin': '*' } });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amnistia-inject-host-'));
  const w = widget.url;
  fs.writeFileSync(path.join(dir, 'host.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${w} 'wasm-unsafe-eval'; connect-src ${w}; style-src 'self'; img-src 'self' data:">
<title>Host</title><link rel="icon" href="data:,">
<script type="module" src="${w}/embed.js"></script></head>
<body><h1>Host</h1><amnistia-checker lang="es"></amnistia-checker></body></html>
`);
  const host = await startServer({ root: dir, port: 0 });
  try {
    const context = await env.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const dialogs = await watch(page);
    await page.goto(`${host.url}/host.html`);
    await page.waitForSelector(`amnistia-checker ${START_READY}`);
    await interviewWithPayloads(page);
    // Inside the shadow root: Playwright's selectors pierce it.
    assert.equal(await page.locator('amnistia-checker [data-testid=proceeding]').count(), 3);
    await assertLiteral(page, 'amnistia-checker #screen-result', 'widget result');
    await assertInert(page, dialogs, 'widget result');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.isVisible('amnistia-checker #print-summary'), 'widget print summary visible');
    await assertLiteral(page, 'amnistia-checker #print-summary', 'widget print');
    await assertInert(page, dialogs, 'widget print');
    // The host page itself got nothing from the payloads either.
    assert.equal(await page.evaluate(() => document.body.children.length), 2);
    await context.close();
  } finally {
    await host.close();
    await widget.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

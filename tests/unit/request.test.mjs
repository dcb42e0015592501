// ui/request.js's rule for its buttons: one for each proceeding the core writes a document for,
// read from the core's own `type` (the draft law and missing facts give `none`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withDocument } from '../../www/ui/request.js';

test('a button for each proceeding whose document is not none, in order', () => {
  assert.deepEqual(withDocument(['request', 'none', 'commission_letter']), [0, 2]);
  assert.deepEqual(withDocument(['none', 'none']), []);
  assert.deepEqual(withDocument([]), []);
});

test('the core\'s reason for each proceeding without a document, each reason once', async () => {
  const { whyNone } = await import('../../www/ui/request.js');
  const draft = 'No se prepara ningún escrito: proyecto de ley.';
  assert.deepEqual(whyNone(['none', 'none'], [draft, draft]), [{ reason: draft, cases: [0, 1] }]);
  assert.deepEqual(whyNone(['request', 'none', 'none'], ['', 'falta la fecha', draft]),
    [{ reason: 'falta la fecha', cases: [1] }, { reason: draft, cases: [2] }]);
  // A document, or a none without a reason, says nothing.
  assert.deepEqual(whyNone(['request', 'commission_letter', 'none'], ['', '', '']), []);
});

test('"borrador" names only the written request, never the draft law ("proyecto de ley")', async () => {
  const fs = await import('node:fs');
  for (const file of ['www/i18n.js', 'www/ui/start.js', 'www/ui/result.js', 'www/ui/result-screen.js', 'www/checker.js',
    'www/checker/render.js', 'www/checker/steps.js', 'www/checker/case-file.js']) {
    const text = fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    assert.doesNotMatch(text, /borrador/i, file);
  }
  const request = fs.readFileSync(new URL('../../www/ui/request.js', import.meta.url), 'utf8');
  assert.match(request, /Preparar la solicitud \(borrador\)/);
});

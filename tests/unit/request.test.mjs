// ui/request.js's rule for its button: only under the law in force, and only for an outcome the
// core writes a document for (not under the draft law, not with facts missing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offersRequest } from '../../www/ui/request.js';

test('a button for covered, uncertain and not covered under the law in force; none else', () => {
  const enacted = { status: 'enacted' };
  for (const outcome of ['covered', 'uncertain', 'not_covered']) assert.equal(offersRequest(enacted, { outcome }), true, outcome);
  assert.equal(offersRequest(enacted, { outcome: 'needs_information' }), false);
  for (const outcome of ['covered', 'uncertain', 'not_covered', 'needs_information']) {
    assert.equal(offersRequest({ status: 'draft' }, { outcome }), false, `draft: ${outcome}`);
  }
});

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

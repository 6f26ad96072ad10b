// Fixtures of tables as people write and paste them, with every finding they must give marked
// beside the text (test/expectations.ts says how): every finding of a fixture must be expected,
// and every expectation found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { check } from '../../server/src/engine';
import { compared, marks } from '../expectations';
import { REPO } from '../helpers';

const FIXTURES = path.join(REPO, 'test/fixtures/tables');

const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.md')).sort();

test('there are fixtures, each with expectations', () => {
  assert.ok(files.length >= 5);
  for (const f of files) assert.ok(marks(readFileSync(path.join(FIXTURES, f), 'utf8')).length > 0, f);
});

for (const f of files) {
  test(`fixture ${f}: exactly the findings marked in it`, () => {
    const text = readFileSync(path.join(FIXTURES, f), 'utf8');
    const { found, expected } = compared(check(text, { fileName: path.basename(f) }).diagnostics, marks(text));
    assert.deepEqual(found, expected);
  });
}

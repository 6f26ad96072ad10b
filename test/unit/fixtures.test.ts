// Fixtures of real report text with the expected findings written beside them: a comment
// <!-- expect CODE: message --> names a finding that starts on the next line that is not a
// comment. Every finding of a fixture must be expected, and every expectation found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { check } from '../../server/src/engine';
import { REPO } from '../helpers';

const FIXTURES = path.join(REPO, 'test/fixtures/tables');
const EXPECT = /^\s*<!--\s*expect\s+([a-z0-9-]+):\s*(.*?)\s*-->\s*$/;
const COMMENT = /^\s*<!--.*-->\s*$/;

/** "line code message" for each expectation, the line being the next one that is not a comment. */
function expectations(text: string): string[] {
  const lines = text.split(/\r?\n/);
  return lines.flatMap((l, i) => {
    const m = EXPECT.exec(l);
    if (!m) return [];
    let target = i + 1;
    while (target < lines.length && COMMENT.test(lines[target])) target++;
    return [`${target} ${m[1]} ${m[2]}`];
  });
}

const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.md')).sort();

test('there are fixtures, each with expectations', () => {
  assert.ok(files.length >= 5);
  for (const f of files) assert.ok(expectations(readFileSync(path.join(FIXTURES, f), 'utf8')).length > 0, f);
});

for (const f of files) {
  test(`fixture ${f}: exactly the findings marked in it`, () => {
    const text = readFileSync(path.join(FIXTURES, f), 'utf8');
    const found = check(text, { fileName: path.basename(f) }).diagnostics.map(d => `${d.range.start.line} ${d.code} ${d.message}`);
    assert.deepEqual(found.sort(), expectations(text).sort());
  });
}

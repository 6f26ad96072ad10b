// Issue "Fast on every size": a re-check reuses the tables that did not change. What it reuses
// must be exactly what a cold check computes, at the offsets of the new text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, check, clearCaches } from '../../server/src/engine';
import { matchOrigin } from '../../server/src/engine/match';
import { SEEDS, seed } from '../helpers';

const cold = (text: string) => { clearCaches(); return check(text).diagnostics; };

for (const name of SEEDS) {
  const original = seed(name.slice(0, 3));
  // A 0 in 表四 retyped as 1 in place: a total of 表四 breaks.
  const zero = [...buildReport(original).tables.at(-1)!.values.values()].find(v => v.text === '0')!;
  const retyped = `${original.slice(0, zero.start)}1${original.slice(zero.end)}`;
  // Five characters into the first paragraph of the broken report: every table after it moves.
  const first = retyped.indexOf('。');
  const shifted = `${retyped.slice(0, first + 1)}另有说明。${retyped.slice(first + 1)}`;

  test(`${name}: after an edit that moves the tables, the reused tables give the cold check's diagnostics`, () => {
    cold(retyped);
    const report = buildReport(shifted);
    assert.ok(report.tables.some(t => matchOrigin(t)?.delta === 5), 'the tables were reused, moved by the five inserted characters');
    const reused = check(shifted).diagnostics;
    assert.ok(reused.some(d => d.code === 't4-group-total'), 'the broken total is among what was reused');
    assert.deepEqual(reused, cold(shifted));
  });

  test(`${name}: after a digit changed in place, the reused tables give the cold check's diagnostics`, () => {
    cold(original);
    const reused = check(retyped).diagnostics;
    assert.deepEqual(reused, cold(retyped));
  });
}

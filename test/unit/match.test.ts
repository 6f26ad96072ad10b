// Table matching keeps each table's match by its content (match.ts): two tables share a match only
// when they read the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, clearCaches } from '../../server/src/engine';
import { seed } from '../helpers';

test('two tables that differ only by a lone surrogate where the other has U+FFFD are matched each on its own', () => {
  // UTF-8 writes a lone surrogate as U+FFFD: a content key hashed as UTF-8 made these one table,
  // and the second table's message quoted the first one's cell.
  const report = seed('002');
  const t2 = report.slice(report.indexOf('第二十条第(一)项'), report.indexOf('### 三'));
  const replacement = t2.replace('规章\t0', '规章\t\uFFFD');
  const surrogate = t2.replace('规章\t0', '规章\t\uD800');
  clearCaches();
  const messages = check(report.replace(t2, `${replacement}\n说明。\n\n${surrogate}`)).diagnostics
    .filter(d => d.code === 'cell-invalid').map(d => d.message);
  assert.deepEqual(messages, ['表二「规章 × 本年制发件数」「\uFFFD」不是数字', '表二「规章 × 本年制发件数」「\uD800」不是数字']);
});

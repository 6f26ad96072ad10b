// Prose chunks missing from the cache are parsed in one remark call (prose.ts, for speed). What
// each chunk yields must be exactly what parsing it alone yields, whatever the neighbours leave
// open: that is what makes the per-chunk cache valid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, clearCaches } from '../../server/src/engine';
import { proseChunks, readProse, type ProseSegment } from '../../server/src/engine/prose';
import { SEEDS, seed } from '../helpers';

/** The document's prose read in one go (chunks parsed together) and chunk by chunk, each cold. */
function togetherAndAlone(text: string): { together: ProseSegment[]; alone: ProseSegment[] } {
  const report = buildReport(text);
  clearCaches();
  const together = readProse(report.lines, report.proseLines);
  const alone: ProseSegment[] = [];
  for (const [first, last] of proseChunks(report.lines, report.proseLines)) {
    clearCaches();
    alone.push(...readProse(report.lines, Uint32Array.from({ length: last - first + 1 }, (_, i) => first + i)));
  }
  return { together, alone };
}

test('every seed: the prose read together equals each chunk read alone', () => {
  for (const name of SEEDS) {
    const { together, alone } = togetherAndAlone(seed(name.slice(0, 3)));
    assert.ok(together.length > 5, name);
    assert.deepEqual(together, alone, name);
  }
});

test('a chunk that leaves a comment, a list or a quote open does not swallow the next chunk', () => {
  // A table between them makes separate chunks of the lines around it.
  const table = ['项目\t数量', '申请\t1'];
  const text = [
    '一、总体情况', '2021年度', ...table,
    '二、主动公开政府信息情况', '<!-- 未闭合的注释', ...table,
    '三、收到和处理政府信息公开申请情况', '- 列表项', ...table, '    缩进的续行',
    '四、政府信息公开行政复议、行政诉讼情况', '> 引用', ...table, '懒惰续行',
    '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '本年度未收取信息处理费。',
  ].join('\n');
  const { together, alone } = togetherAndAlone(text);
  // Each chunk alone: the lines after the table are prose again, not the open construct's content.
  for (const line of ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '懒惰续行', '本年度未收取信息处理费。']) {
    assert.ok(together.some(s => s.text.includes(line)), line);
  }
  assert.deepEqual(together, alone);
});

test('a reference defined in one chunk does not resolve in another', () => {
  const text = ['一、总体情况', '[条例]: https://example.invalid/', '（一）主动公开', '依据[条例]公开。'].join('\n');
  const { together, alone } = togetherAndAlone(text);
  assert.ok(together.some(s => s.text.includes('[条例]公开')), JSON.stringify(together));
  assert.deepEqual(together, alone);
});

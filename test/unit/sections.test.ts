// Issue "The checker": the six sections of seed 001 (a 2024 report, tab tables) with one thing changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnostics, seed, structureFindings } from '../helpers';

const S001 = seed('001');
const lines = () => S001.split('\n');
/** Seed 001 without lines first..last (0-based, inclusive). */
const without = (first: number, last: number) => { const l = lines(); l.splice(first, last - first + 1); return l.join('\n'); };
/** Findings other than the sub-item numbering seed 001 has anyway. */
const findings = (text: string) => structureFindings(text).filter(f => !f.startsWith('section-numbering '));

test('a missing prose section is reported on the heading that follows where it belongs', () => {
  // Line 85 "五、存在的主要问题及改进情况" deleted: 六 moves up to line 98.
  assert.deepEqual(findings(without(85, 85)), ['section-missing 98:0-98:11 缺少第五部分「五、存在的主要问题及改进情况」']);
});

test('a missing section with its table is reported once, not as a missing table too', () => {
  // Lines 47–77: "三、收到和处理政府信息公开申请情况" and 表三; 四's heading moves up to line 47.
  assert.deepEqual(findings(without(47, 77)), ['section-missing 47:0-47:19 缺少第三部分「三、收到和处理政府信息公开申请情况」']);
});

test('a section heading lost while its table stays is reported at the table', () => {
  // Line 30 "二、主动公开政府信息情况" deleted: 表二 begins at line 31.
  assert.deepEqual(findings(without(30, 30)), ['section-missing 31:0-31:12 缺少第二部分「二、主动公开政府信息情况」']);
});

test('a section moved ahead is the one reported out of order, with the section it should follow', () => {
  // 五 (lines 85–98) moved before 二 (line 30): only 五 is out of place.
  const l = lines();
  const five = l.splice(85, 14);
  l.splice(30, 0, ...five);
  const found = diagnostics(l.join('\n'), 'section-order');
  assert.deepEqual(found.map(d => [d.message, d.related?.map(r => [r.range.start.line, r.message])]), [
    ['「五、存在的主要问题及改进情况」应在「四、政府信息公开行政复议、行政诉讼情况」之后', [[92, '四、政府信息公开行政复议、行政诉讼情况']]],
  ]);
  assert.deepEqual(findings(l.join('\n')), ['section-order 30:0-30:14 「五、存在的主要问题及改进情况」应在「四、政府信息公开行政复议、行政诉讼情况」之后']);
});

test('two swapped sections give one finding', () => {
  // 三 with 表三 (lines 47–77) moved before 二 (line 30).
  const l = lines();
  const three = l.splice(47, 31);
  l.splice(30, 0, ...three);
  assert.deepEqual(findings(l.join('\n')), ['section-order 61:0-61:12 「二、主动公开政府信息情况」应在「三、收到和处理政府信息公开申请情况」之前']);
});

test('a duplicated section is reported at the second heading, pointing at the first', () => {
  const text = S001.replace('一、总体情况\n', '一、总体情况\n\n一、总体情况\n');
  assert.deepEqual(findings(text), ['section-duplicate 6:0-6:6 「一、总体情况」重复出现（第 5 行已有）']);
  assert.deepEqual(diagnostics(text, 'section-duplicate')[0].related?.map(r => [r.range.start.line, r.message]), [[4, '第一次出现']]);
});

test('a section repeated late is a duplicate, not also out of order', () => {
  const text = S001.replace('六、其他需要报告的事项', '二、主动公开政府信息情况\n\n六、其他需要报告的事项');
  assert.deepEqual(findings(text), ['section-duplicate 99:0-99:12 「二、主动公开政府信息情况」重复出现（第 31 行已有）']);
});

test('drifted headings: lost ordinal, Arabic ordinal, older wording', () => {
  assert.deepEqual(findings(S001.replace('二、主动公开政府信息情况', '、主动公开政府信息情况')),
    ['section-heading 30:0-30:11 标题应为「二、主动公开政府信息情况」，而不是「、主动公开政府信息情况」']);
  assert.deepEqual(findings(S001.replace('五、存在的主要问题', '5、存在的主要问题')),
    ['section-heading 85:0-85:14 标题应为「五、存在的主要问题及改进情况」，而不是「5、存在的主要问题及改进情况」']);
  assert.deepEqual(findings(S001.replace('四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况')),
    ['section-heading 78:0-78:27 标题应为「四、政府信息公开行政复议、行政诉讼情况」，而不是「四、因政府信息公开工作被申请行政复议、提起行政诉讼情况」']);
});

test('sub-items with top-level ordinals: the ordinal is the range start, the fix renumbers it', () => {
  const [first] = diagnostics(S001, 'section-numbering');
  assert.equal(first.message, '「一、总体情况」内的子项「一、主动公开情况」使用了一级序号，应为「（一）」');
  assert.deepEqual(first.fix?.edits, [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 2 } }, newText: '（一）' }]);
});

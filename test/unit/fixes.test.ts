// Issue "The checker": every quick fix of the table and structure rules, applied to real report
// text: the document after the fix, and a second check that finds the problem gone and nothing new.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, type Diagnostic } from '../../server/src/engine';
import { applyEdits, diagnostics, putAt, seed, structureFindings, toPipeRows } from '../helpers';

/** Applies the fixes of every `code` diagnostic; returns the new text. */
function fixAll(text: string, code: string): string {
  const found = diagnostics(text, code);
  assert.ok(found.length > 0, `no ${code} to fix`);
  return applyEdits(text, found.flatMap(d => d.fix!.edits));
}

/** After fixing `code`: none of it is left and no finding appears that was not there before. */
function assertFixed(before: string, after: string, code: string) {
  const was = new Set(structureFindings(before).map(f => f.replace(/ \d+:\d+-\d+:\d+ /, ' ')));
  const now = structureFindings(after);
  assert.deepEqual(now.filter(f => f.startsWith(`${code} `)), []);
  assert.deepEqual(now.filter(f => !was.has(f.replace(/ \d+:\d+-\d+:\d+ /, ' '))), []);
}

const line = (text: string, n: number) => text.split('\n')[n];

// Seed 001 (tab rows): 表三 rows 本年新收 line 52, （七）总计 line 75, 结转下年度 line 76; 表四 values line 83.
const S001 = seed('001');
const CONSISTENT_001 = [[52, 18, '3'], [52, 30, '3'], [54, 19, '2'], [54, 31, '2'], [55, 34, '1'], [55, 46, '1'], [75, 8, '3'], [75, 20, '3']] as const;
const consistent001 = () => CONSISTENT_001.reduce((t, [l, c, v]) => putAt(t, l, c, v), S001);

test('correct a slip: （七）总计 typed 2 is set to 3, the value its row and its columns agree on', () => {
  const before = putAt(consistent001(), 75, 20, '2');
  const [d] = diagnostics(before, 't3-cell');
  assert.equal(d.fix?.title, '将办理结果总计 × 总计改为 3');
  assert.equal(d.fix?.safe, false);
  const after = applyEdits(before, d.fix!.edits);
  assert.equal(line(after, 75), '(七) 总计\t\t3\t0\t0\t0\t0\t0\t3\t');
  assert.equal(after, consistent001());
  assert.deepEqual(structureFindings(after).filter(f => /^t[34]-/.test(f)), []);
});

test('set 结转下年度: 本年新收 4 that no result accounts for is carried to next year', () => {
  const before = putAt(putAt(S001, 52, 18, '4'), 52, 30, '4');
  assert.deepEqual(diagnostics(before, 't3-balance').map(d => d.fix?.title), ['将结转下年度 × 自然人改为 4', '将结转下年度 × 总计改为 4']);
  const after = fixAll(before, 't3-balance');
  assert.equal(line(after, 76), '四、结转下年度继续办理\t\t4\t0\t0\t0\t0\t0\t4\t');
  assertFixed(before, after, 't3-balance');
});

test('correct a 表四 group total', () => {
  const before = putAt(S001, 83, 0, '2');
  const after = fixAll(before, 't4-group-total');
  assert.equal(line(after, 83), '2\t0\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0');
  assertFixed(before, after, 't4-group-total');
});

test('write 0 in a blank cell, in a tab row and in a one-cell-per-line table', () => {
  const tab = putAt(S001, 52, 30, '');
  const tabFixed = fixAll(tab, 'cell-empty');
  assert.equal(line(tabFixed, 52), line(S001, 52));
  assertFixed(tab, tabFixed, 'cell-empty');

  const S000 = seed('000');
  const perLine = putAt(S000, 84, 1, '');
  const perLineFixed = fixAll(perLine, 'cell-empty');
  assert.equal(perLineFixed, S000);
});

test('write 0 in a blank pipe cell gives "| 0 |"', () => {
  const pipes = toPipeRows(S001, true);
  const before = putAt(pipes, 54, 48, '');
  assert.equal(line(before, 54), '| 一、本年新收政府信息公开申请数量 |  | 0 | 0 | 0 | 0 | 0 | 0 |  |  |');
  const after = fixAll(before, 'cell-empty');
  assert.equal(after, pipes);
});

test('half-width digits: ３ becomes 3 and the sums are unchanged', () => {
  const before = putAt(putAt(S001, 52, 18, '３'), 52, 30, '3');
  const [d] = diagnostics(before, 'cell-fullwidth');
  assert.equal(d.fix?.safe, true);
  const after = applyEdits(before, d.fix!.edits);
  assert.equal(line(after, 52), '一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\t');
  assertFixed(before, after, 'cell-fullwidth');
});

test('standard heading: seed 004\'s "5、 存在的主要问题及改进情况"', () => {
  const before = seed('004');
  const after = fixAll(before, 'section-heading');
  assert.equal(line(after, 399), '五、存在的主要问题及改进情况');
  assertFixed(before, after, 'section-heading');
});

test('standard heading keeps the words after its colon: seed 004\'s 五 written "5、存在的问题及改进：一是…"', () => {
  const before = seed('004').replace('5、 存在的主要问题及改进情况', '5、存在的问题及改进：一是政务公开宣传力度不够。');
  const after = fixAll(before, 'section-heading');
  assert.equal(line(after, 399), '五、存在的主要问题及改进情况：一是政务公开宣传力度不够。');
  assertFixed(before, after, 'section-heading');
});

test('renumber sub-items: seed 001\'s 一、…五、 inside 总体情况 and 一、二、 inside 存在的主要问题', () => {
  const after = fixAll(S001, 'section-numbering');
  assert.deepEqual([10, 14, 18, 22, 26, 87, 91].map(n => line(after, n)), [
    '（一）主动公开情况。', '（二）依申请公开情况', '（三）政府信息管理情况', '（四）政府信息公开平台建设情况', '（五）监督保障情况',
    '（一）主要问题', '（二）改进措施',
  ]);
  assertFixed(S001, after, 'section-numbering');
});

test('insert a missing section with its table in the format of the report\'s year', () => {
  // Seed 001 (2024) without 三 and 表三 (lines 47–77).
  const l = S001.split('\n');
  l.splice(47, 31);
  const before = l.join('\n');
  const after = fixAll(before, 'section-missing');
  const added = after.split('\n');
  assert.equal(added[47], '三、收到和处理政府信息公开申请情况');
  assert.equal(added[48], '');
  assert.equal(added[49].split('\t')[0], '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  // 2021 format: （六）其他处理 has three sub-rows, 3.其他 among them.
  assert.ok(added.some(s => s.startsWith('\t\t3.其他\t0')), '2021-format 表三 rows');
  assert.equal(added[added.indexOf('四、政府信息公开行政复议、行政诉讼情况') - 1], '');
  assert.equal(check(after).report.tables.find(t => t.def.id === 't3')?.format, '2021');
  assertFixed(before, after, 'section-missing');
});

test('insert a missing table under its heading', () => {
  // Seed 003 (a 2020 report) without 表二 (lines 16–86): the 2019-format 表二 comes back.
  const l = seed('003').split('\n');
  l.splice(16, 71);
  const before = l.join('\n');
  assert.deepEqual(structureFindings(before).filter(f => f.startsWith('table-missing')), [
    'table-missing 14:0-14:12 「二、主动公开政府信息情况」缺少表二（主动公开政府信息情况）',
  ]);
  const after = fixAll(before, 'table-missing');
  const added = after.split('\n');
  assert.deepEqual(added.slice(14, 18).map(s => s.split('\t')[0]), ['二、主动公开政府信息情况', '', '第二十条第（一）项', '信息内容']);
  assert.equal(added[17], '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量');
  const t2 = check(after).report.tables.find(t => t.def.id === 't2');
  assert.equal(t2?.format, '2019');
  assert.equal(t2?.values.size, 22);
  assertFixed(before, after, 'table-missing');
});

test('replace a drifted row label with the template text', () => {
  const before = S001.replace('(一) 予以公开', '(一) 予以公开的');
  assert.deepEqual(structureFindings(before).filter(f => f.startsWith('table-')), [
    'table-label 54:10-54:19 表三中的「(一) 予以公开的」与模板文字「（一）予以公开」不同',
  ]);
  const after = fixAll(before, 'table-label');
  assert.equal(line(after, 54), '三、本年度办理结果\t（一）予以公开\t0\t0\t0\t0\t0\t0\t0\t');
  assertFixed(before, after, 'table-label');
});

/** Every value cell of every table: "表三 new|natural = 3". */
function values(text: string): string[] {
  return check(text).report.tables.flatMap(t => [...t.values].map(([key, v]) => `${t.def.name} ${key} = ${v.text}`));
}

/** Writes 1, 2, 3… into every value cell, so a column shifted by a conversion cannot go unseen. */
function numbered(text: string): string {
  const cells = check(text).report.tables.flatMap(t => [...t.values.values()]).sort((a, b) => b.start - a.start);
  return cells.reduce((out, c, i) => out.slice(0, c.start) + String(cells.length - i) + out.slice(c.end), text);
}

const LAYOUT_SOURCES: Array<[string, string]> = [
  ['seed 000 (one cell per line)', seed('000')],
  ['seed 003 (one cell per line, 2019)', seed('003')],
  ['seed 004 (one cell per line)', seed('004')],
  ['GFM pipe tables from seed 001', toPipeRows(S001, true)],
  ['pipe rows without a delimiter row from seed 001', toPipeRows(S001, false)],
];

for (const [name, source] of LAYOUT_SOURCES) {
  test(`convert to tab-separated, ${name}: every number stays in its row and column`, () => {
    for (const text of [source, numbered(source)]) {
      const layouts = diagnostics(text, 'table-layout');
      assert.equal(layouts.length, 3);
      assert.ok(layouts.every(d => d.fix?.safe));
      const after = fixAll(text, 'table-layout');
      assert.deepEqual(check(after).report.tables.map(t => t.regions[0].layout), ['tab', 'tab', 'tab']);
      assert.deepEqual(values(after), values(text));
      assert.deepEqual(diagnostics(after, 'table-layout'), []);
      // The same sums fail (numbered) or none (the seed), the same cells are named: nothing was lost or shifted.
      const sums = (t: string) => diagnostics(t).filter((d: Diagnostic) => /^(t[34]-|table-shape|cell-)/.test(d.code)).map(d => `${d.code} ${d.message}`);
      assert.deepEqual(sums(after), sums(text));
    }
    assert.deepEqual(structureFindings(fixAll(source, 'table-layout')).filter(f => /^(t[34]-|table-|cell-)/.test(f)), []);
  });
}

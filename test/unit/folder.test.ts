// Checks across reports (carry-over: A7, A8, two reports for one organ and year) on the fixture
// folder: what a user sees (code, range, Chinese message, the related cell in the other file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, checkFolder, type CheckOptions, type Diagnostic } from '../../server/src/engine';
import { folderReport } from '../../server/src/engine/folder';
import { at, editLine, putAt, textAt } from '../helpers';
import { fixedHuji2023, FOLDER_FILES, folderText, setRow } from '../folderFixture';

type Texts = Record<string, string>;

const fixture = (): Texts => Object.fromEntries(FOLDER_FILES.map(f => [f, folderText(f)]));

/** The folder diagnostics of these texts, named by their file names. */
function acrossFiles(texts: Texts, options: CheckOptions = {}): Map<string, Diagnostic[]> {
  return checkFolder(Object.entries(texts).map(([name, text]) => folderReport(buildReport(text), name, name)), options);
}

/** "file code line:col-line:col message → related file line:col-line:col «text there»" per diagnostic. */
function summary(texts: Texts, options: CheckOptions = {}): string[] {
  return [...acrossFiles(texts, options)].flatMap(([file, ds]) => ds.map(d => [
    `${file} ${d.severity} ${d.code} ${at(d)} «${textAt(texts[file], d.range)}» ${d.message}`,
    ...(d.related ?? []).map(r => `  → ${r.file ?? file} ${at(r)} «${textAt(texts[r.file ?? file], r.range)}» ${r.message}`),
  ].join('\n')));
}

test('the fixture folder: the one planted carry-over break, on 2024 上年结转 × 自然人, related to 2023 结转下年度 × 自然人', () => {
  assert.deepEqual(summary(fixture()), [
    '胡集乡2024年报.md warning carry-over 51:18-51:19 «2» 表三「上年结转 × 自然人」为 2，但上一年度报告「胡集乡2023年报.md」的「结转下年度 × 自然人」为 1（相差 1）\n' +
    '  → 胡集乡2023年报.md 74:13-74:14 «1» 「胡集乡2023年报.md」结转下年度 × 自然人 = 1',
  ]);
});

test('fixing last year\'s report clears the break', () => {
  const texts = fixture();
  texts['胡集乡2023年报.md'] = fixedHuji2023(texts['胡集乡2023年报.md']);
  assert.deepEqual(summary(texts), []);
});

test('A7 holds across the change of format: 车排子镇 2020 (2019 format, one cell per line) into 2021 (2021 format, tab rows)', () => {
  const texts = fixture();
  // 2020: line 342 is 四、结转下年度继续办理, its seven values on the lines below; 自然人 becomes 3, 总计 3.
  texts['车排子镇2020年报.md'] = putAt(putAt(texts['车排子镇2020年报.md'], 343, 1, '3'), 349, 1, '3');
  assert.deepEqual(summary(texts).filter(s => s.startsWith('车排子镇')), [
    '车排子镇2021年报.md warning carry-over 50:18-50:19 «1» 表三「上年结转 × 自然人」为 1，但上一年度报告「车排子镇2020年报.md」的「结转下年度 × 自然人」为 3（相差 2）\n' +
    '  → 车排子镇2020年报.md 343:1-343:2 «3» 「车排子镇2020年报.md」结转下年度 × 自然人 = 3',
  ]);
});

test('a difference in 总计 alone (the applicant columns agree) is reported on 总计', () => {
  const texts = fixture();
  // 2023 carries 1 forward in 自然人 and, by a slip, 3 in 总计.
  texts['胡集乡2023年报.md'] = fixedHuji2023(texts['胡集乡2023年报.md']);
  texts['胡集乡2023年报.md'] = setRow(texts['胡集乡2023年报.md'], 74, [3]);
  assert.deepEqual(summary(texts).map(s => s.split('\n')[0]), [
    '胡集乡2024年报.md warning carry-over 51:30-51:31 «2» 表三「上年结转 × 总计」为 2，但上一年度报告「胡集乡2023年报.md」的「结转下年度 × 总计」为 3（相差 1）',
  ]);
});

test('two reports for one organ and year with different numbers: each is told of the other, and neither is compared with last year', () => {
  const texts = fixture();
  // A draft that still says 1 was carried over (and so has 1 more to handle).
  texts['草稿/胡集乡2024年报（修改稿）.md'] = setRow(texts['胡集乡2024年报.md'], 51, [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(summary(texts), [
    '胡集乡2024年报.md warning carry-over 2:0-2:22 «胡集乡 2024 年政府信息公开工作年度报告» 「草稿/胡集乡2024年报（修改稿）.md」也是胡集乡 2024 年度报告，数字不同：同一机关同一年度有 2 份报告，无法确定与上一年度、下一年度的哪一份核对\n' +
    '  → 草稿/胡集乡2024年报（修改稿）.md 2:0-2:22 «胡集乡 2024 年政府信息公开工作年度报告» 另一份胡集乡 2024 年度报告',
    '草稿/胡集乡2024年报（修改稿）.md warning carry-over 2:0-2:22 «胡集乡 2024 年政府信息公开工作年度报告» 「胡集乡2024年报.md」也是胡集乡 2024 年度报告，数字不同：同一机关同一年度有 2 份报告，无法确定与上一年度、下一年度的哪一份核对\n' +
    '  → 胡集乡2024年报.md 2:0-2:22 «胡集乡 2024 年政府信息公开工作年度报告» 另一份胡集乡 2024 年度报告',
  ]);
});

test('copies of one report (the same numbers) are one report: each is compared with last year, and last year\'s copies are one', () => {
  const texts = fixture();
  texts['备份/胡集乡2024年报.md'] = texts['胡集乡2024年报.md'];
  texts['备份/胡集乡2023年报.txt'] = texts['胡集乡2023年报.md'];
  assert.deepEqual(summary(texts).map(s => s.split('\n')[0]), [
    '胡集乡2024年报.md warning carry-over 51:18-51:19 «2» 表三「上年结转 × 自然人」为 2，但上一年度报告「胡集乡2023年报.md」的「结转下年度 × 自然人」为 1（相差 1）',
    '备份/胡集乡2024年报.md warning carry-over 51:18-51:19 «2» 表三「上年结转 × 自然人」为 2，但上一年度报告「胡集乡2023年报.md」的「结转下年度 × 自然人」为 1（相差 1）',
  ]);
});

test('the same organ written as 胡集乡人民政府 is the same organ; another organ is not compared', () => {
  const texts = fixture();
  texts['胡集乡2023年报.md'] = editLine(texts['胡集乡2023年报.md'], 2, '胡集乡 2023 年', '胡集乡人民政府2023年度');
  assert.equal(summary(texts).length, 1);
  texts['胡集乡2023年报.md'] = editLine(texts['胡集乡2023年报.md'], 2, '胡集乡人民政府', '胡集镇人民政府');
  assert.deepEqual(summary(texts), []);
});

test('A8: 现行有效件数 that does not follow last year\'s plus 制发 minus 废止 is an info with the arithmetic', () => {
  const texts = fixture();
  // 胡集乡 2024 行政规范性文件: 制发 0, 废止 0, 现行有效 4 → 5 (2023 had 4).
  texts['胡集乡2024年报.md'] = setRow(texts['胡集乡2024年报.md'], 33, [0, 0, 5]);
  const a8 = '胡集乡2024年报.md info carry-over 33:12-33:13 «5» 表二「规范性文件 × 现行有效件数」：上一年度报告「胡集乡2023年报.md」现行有效 4 + 本年制发 0 − 本年废止 0 = 4，本年填报 5（相差 1）；修订、清理也会改变件数，请核对\n' +
    '  → 胡集乡2023年报.md 33:12-33:13 «4» 「胡集乡2023年报.md」规范性文件 × 现行有效件数 = 4\n' +
    '  → 胡集乡2024年报.md 33:8-33:9 «0» 规范性文件 × 本年制发件数 = 0\n' +
    '  → 胡集乡2024年报.md 33:10-33:11 «0» 规范性文件 × 本年废止件数 = 0';
  assert.deepEqual(summary(texts).filter(s => s.includes(' info ')), [a8]);
  // The rule set to error raises A7, not the hint; off silences both.
  const raised = summary(texts, { severities: { 'carry-over': 'error' } });
  assert.deepEqual(raised.map(s => s.split(' ')[1]), ['info', 'error']);
  assert.deepEqual(summary(texts, { severities: { 'carry-over': 'off' } }), []);
});

test('A8 needs both years in the 2021 format: 车排子镇 2021 is not compared with 2020, 2022 is compared with 2021', () => {
  const texts = fixture();
  // 2021 行政规范性文件 现行有效 6 → 60: nothing to compare it with (2020 has 对外公开总数量, another count);
  // 2022 (制发 0, 废止 1, 现行有效 5) no longer follows it.
  texts['车排子镇2021年报.md'] = setRow(texts['车排子镇2021年报.md'], 29, [1, 0, 60]);
  assert.deepEqual(summary(texts).filter(s => s.startsWith('车排子镇')).map(s => s.split('\n')[0]), [
    '车排子镇2022年报.md info carry-over 29:12-29:13 «5» 表二「规范性文件 × 现行有效件数」：上一年度报告「车排子镇2021年报.md」现行有效 60 + 本年制发 0 − 本年废止 1 = 59，本年填报 5（相差 54）；修订、清理也会改变件数，请核对',
  ]);
});

test('disable comments in this year\'s report silence it; unreadable cells and unknown organs compare nothing', () => {
  const texts = fixture();
  const silenced = { ...texts, '胡集乡2024年报.md': `<!-- nianbao-disable carry-over -->\n${texts['胡集乡2024年报.md']}` };
  assert.deepEqual(summary(silenced), []);
  // Last year's 结转下年度 自然人 and 总计 written as "/" (cell-invalid there): nothing to compare with.
  const unreadable = { ...texts, '胡集乡2023年报.md': texts['胡集乡2023年报.md'].replace('四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1', '四、结转下年度继续办理\t\t/\t0\t0\t0\t0\t0\t/') };
  assert.deepEqual(summary(unreadable), []);
  const untitled: Texts = { ...texts, '2024.md': texts['胡集乡2024年报.md'].replace('胡集乡 2024 年政府信息公开工作年度报告', '2024年政府信息公开工作年度报告') };
  delete untitled['胡集乡2024年报.md'];
  assert.deepEqual(summary(untitled), []);
});

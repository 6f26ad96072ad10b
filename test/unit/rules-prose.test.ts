// The prose rules and report-title on the real seeds: what a user sees (code, range, Chinese
// message) and the document after each fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySafeFixes } from '../../server/src/engine';
import { afterFix, at, convertedPdf001, diagnostics, editLine, seed, SEEDS } from '../helpers';

const PROSE_CODES = ['report-title', 'conversion-artifact', 'year-mismatch', 'duplicate-word', 'text-vs-table', 'fee-statement'];

const findings = (text: string, code?: string) =>
  diagnostics(text).filter(d => (code ? d.code === code : PROSE_CODES.includes(d.code))).map(d => `${d.code} ${at(d)} ${d.message}`);

const lines = (text: string) => text.split('\n');
const withoutLine = (text: string, n: number) => lines(text).filter((_, i) => i !== n).join('\n');
const withLine = (text: string, n: number, line: string) => { const l = lines(text); l.splice(n, 0, line); return l.join('\n'); };

/** The one diagnostic of `code` the text has (on `line`, if given); fails if there are none or several. */
function only(text: string, code: string, line?: number) {
  const ds = diagnostics(text, code).filter(d => line === undefined || d.range.start.line === line);
  assert.equal(ds.length, 1, `expected one ${code}, got ${ds.map(d => `${at(d)} ${d.message}`).join('; ') || 'none'}`);
  return ds[0];
}

/** Applying the fix yields `expected` and removes that diagnostic, nothing else. */
function assertFix(text: string, d: ReturnType<typeof only>, expected: string, safe: boolean) {
  assert.equal(d.fix?.safe, safe);
  const r = afterFix(text, d);
  assert.equal(r.text, expected);
  assert.deepEqual(r.gone, [`${d.code} ${d.message}`]);
  assert.deepEqual(r.added, []);
}

test('every finding of the prose rules on the five seeds is real, and nothing else is reported', () => {
  const all = Object.fromEntries(SEEDS.map(f => [f.slice(0, 3), findings(seed(f.slice(0, 3)))]));
  assert.deepEqual(all, {
    '000': [
      'duplicate-word 3:3-3:7 词语「根据」连续写了两遍：「根据根据」',
      'conversion-artifact 4:0-4:4 转换残留的网页表单标记「窗体顶端」',
      'conversion-artifact 7:0-7:19 转换残留的 Word 书签「[bookmark: _GoBack]」',
      'year-mismatch 9:130-9:136 本报告是 2022 年度报告，正文却写「2021年度创业乡通过政府信息公开网站公开乡镇动…」',
      'conversion-artifact 400:0-400:4 转换残留的网页表单标记「窗体顶端」',
      'conversion-artifact 410:0-410:1 转换残留的页码「1」（单独成行，不属于任何表格）',
    ],
    '001': [
      'report-title 6:0-6:22 报告标题「胡集乡 2024 年政府信息公开工作年度报告」在正文中重复出现（第 3 行已是标题）',
    ],
    // "按照根据" is two different words; "2021年度政府信息公开年度报告" is this year's own.
    '002': [],
    // A 2020 report owes no fee statement; "2020年，" is its own year.
    '003': [],
    '004': [
      'conversion-artifact 0:0-0:19 转换残留的 Word 书签「[bookmark: _GoBack]」',
      'conversion-artifact 57:1-57:53 转换残留的 Word 书签「[bookmark: hmcheck_16b25d638a794ae69e07edca76fa6dd8]」',
      'conversion-artifact 105:1-105:53 转换残留的 Word 书签「[bookmark: hmcheck_a4f6b41c070d4ffdb0cb65e036d7fef1]」',
      'conversion-artifact 403:0-403:104 转换残留的 Word 书签「[bookmark: hmcheck_a75885e6be7a4fbabd530ab4a36055eb][bookmark: hmcheck_8e288af8eea94af780f3e0426eed5697]」',
    ],
  });
});

// report-title

test('report-title: deleting the repeated title line of seed 001 removes the line and its break', () => {
  const text = seed('001');
  const d = only(text, 'report-title');
  assert.deepEqual(d.related?.map(r => `${at(r)} ${r.message}`), ['2:0-2:22 报告标题']);
  assertFix(text, d, withoutLine(text, 6), false);
});

test('report-title: a report without a title line is told what the title must name', () => {
  // Seed 004 without line 0; its year comes from the date line "2024年1月16日".
  const text = withoutLine(seed('004'), 0);
  assert.deepEqual(findings(text, 'report-title'), [
    'report-title 0:0-0:6 缺少报告标题：开头应有一行写明机关名称和报告年度，如「××乡2023年政府信息公开工作年度报告」',
  ]);
});

test('report-title: a title without the organ says so', () => {
  const text = editLine(seed('002'), 2, '雁鸣湖镇', '');
  assert.deepEqual(findings(text, 'report-title'), ['report-title 2:2-2:19 报告标题「2021年政府信息公开工作年度报告」未写明机关名称']);
});

test('report-title: a title without the year says so', () => {
  const text = editLine(seed('003'), 0, '2020年度', '年度');
  assert.deepEqual(findings(text, 'report-title'), ['report-title 0:0-0:16 报告标题「车排子镇政府信息公开工作年度报告」未写明报告年度']);
});

// conversion-artifact

test('conversion-artifact: a 窗体顶端 line is deleted with its line break', () => {
  const text = seed('000');
  const d = diagnostics(text, 'conversion-artifact').find(x => at(x) === '4:0-4:4')!;
  assertFix(text, d, withoutLine(text, 4), true);
});

test('conversion-artifact: a bookmark before prose is deleted and the prose kept', () => {
  const text = seed('000');
  const d = diagnostics(text, 'conversion-artifact').find(x => at(x) === '7:0-7:19')!;
  assertFix(text, d, editLine(text, 7, '[bookmark: _GoBack]', ''), true);
});

test('conversion-artifact: a bookmark inside a 表三 cell is deleted, the cell and the table stay', () => {
  const text = seed('004');
  const d = diagnostics(text, 'conversion-artifact').find(x => at(x) === '57:1-57:53')!;
  assertFix(text, d, editLine(text, 57, /\[bookmark: hmcheck_16b[^\]]*\]/, ''), true);
});

test('conversion-artifact: a run of bookmarks at the start of the title line is deleted, the title kept', () => {
  const text = seed('004');
  const d = diagnostics(text, 'conversion-artifact').find(x => at(x) === '0:0-0:19')!;
  assertFix(text, d, editLine(text, 0, '[bookmark: _GoBack]', ''), true);
});

test('conversion-artifact: a bookmark alone in a table cell is deleted, the (now empty) cell line stays', () => {
  // Seed 004 line 60 is the empty top-left cell of 表三's second header row, written "\t".
  const text = editLine(seed('004'), 60, /^\t$/, '\t[bookmark: _Toc1]');
  const d = diagnostics(text, 'conversion-artifact').find(x => x.range.start.line === 60)!;
  assert.equal(`${at(d)} ${d.message}`, '60:1-60:18 转换残留的 Word 书签「[bookmark: _Toc1]」');
  assertFix(text, d, seed('004'), true);
});

test('conversion-artifact: a line that is only a bookmark is deleted whole', () => {
  const text = withLine(seed('000'), 6, '[bookmark: _Toc123]');
  const d = diagnostics(text, 'conversion-artifact').find(x => x.range.start.line === 6)!;
  assert.equal(`${at(d)} ${d.message}`, '6:0-6:19 转换残留的 Word 书签「[bookmark: _Toc123]」');
  assertFix(text, d, seed('000'), true);
});

test('conversion-artifact: page numbers in their usual shapes, alone on a line outside the tables', () => {
  for (const [written, range] of [['— 3 —', '410:0-410:5'], ['- 2 -', '410:0-410:5'], ['第 3 页', '410:0-410:5'], ['第3页 共5页', '410:0-410:7'], ['3/12', '410:0-410:4'], ['  12  ', '410:2-410:4']]) {
    const text = editLine(seed('000'), 410, /^1$/, written);
    const d = diagnostics(text, 'conversion-artifact').find(x => x.range.start.line === 410);
    assert.equal(d && `${at(d)} ${d.message}`, `${range} 转换残留的页码「${written.trim()}」（单独成行，不属于任何表格）`, written);
    assertFix(text, d!, withoutLine(text, 410), true);
  }
});

test('conversion-artifact: a lone 1 or 0 inside a one-cell-per-line table is a value, not a page number', () => {
  // Seed 000 line 35 is 表二 行政许可 × 本年处理决定数量, written "\t0" between text lines.
  const text = editLine(seed('000'), 35, /^\t0$/, '\t1');
  assert.deepEqual(findings(text, 'conversion-artifact'), findings(seed('000'), 'conversion-artifact'));
});

test('conversion-artifact: a bare number next to other bare numbers is data, not a page number', () => {
  const text = withLine(withLine(seed('000'), 409, '3'), 410, '5');
  assert.deepEqual(findings(text, 'conversion-artifact').filter(f => / 4(09|10|11):/.test(f)), []);
});

test('conversion-artifact: page 5 of 3 is no page number', () => {
  for (const written of ['5/3', '第5页 共3页']) {
    assert.deepEqual(findings(editLine(seed('000'), 410, /^1$/, written), 'conversion-artifact').filter(f => f.includes(' 410:')), [], written);
  }
});

test('conversion-artifact: values a PDF conversion left alone on their lines under 表二\'s caption are not page numbers, and fix-all keeps them', () => {
  const text = convertedPdf001();
  assert.deepEqual(findings(text, 'conversion-artifact'), []);
  assert.deepEqual(lines(applySafeFixes(text).text).slice(32, 36), ['第二十条第（一）项', '22', '（其中修订 16 件）', '55']);
});

test('conversion-artifact: a lone number in section 二, 三 or 四 is never called a page number, however far from the table', () => {
  // Seed 001: "3" after "（三）加强队伍建设…" in section 五, seven lines of prose below 表四, is a page number;
  // without the heading "五、…" (line 85) the same lines are in section 四, where a table's value may stand alone.
  const text = withLine(seed('001'), 98, '3');
  assert.deepEqual(findings(text, 'conversion-artifact'), ['conversion-artifact 98:0-98:1 转换残留的页码「3」（单独成行，不属于任何表格）']);
  assert.deepEqual(findings(withoutLine(text, 85), 'conversion-artifact'), []);
});

test('conversion-artifact: a lone number a few lines from a table or a template label is not a page number, even outside sections 二/三/四', () => {
  // Seed 000 line 410, "1" at the end of section 六, with a piece of a converted 表二 above it.
  const text = withLine(seed('000'), 409, '行政许可');
  assert.deepEqual(findings(text, 'conversion-artifact').filter(f => f.includes(' 411:')), []);
  // Seed 001: "3" under "二、改进措施" (line 91) in section 五, the fifth line of text below 表四's values.
  assert.deepEqual(findings(withLine(seed('001'), 92, '3'), 'conversion-artifact'), []);
});

test('conversion-artifact: a page footer between the rows of a one-cell-per-line table is deleted, and the table reads as before', () => {
  // Seed 000 line 19 is 表二's "\t规章"; a footer below it reads as the second line of that cell.
  const text = withLine(seed('000'), 20, '— 3 —');
  const d = only(text, 'conversion-artifact', 20);
  assert.equal(`${at(d)} ${d.message}`, '20:0-20:5 转换残留的页码「— 3 —」（单独成行，不属于任何表格）');
  assert.equal(d.fix?.safe, true);
  const r = afterFix(text, d);
  assert.equal(r.text, seed('000'));
  assert.deepEqual(r.gone.sort(), [`conversion-artifact ${d.message}`, 'table-shape 表二「第二十条第（一）项」缺少「规章」行']);
  assert.deepEqual(r.added, []);
});

// year-mismatch

test('year-mismatch: "2021年度" in the 2022 report of seed 000 becomes 2022', () => {
  const text = seed('000');
  const d = only(text, 'year-mismatch');
  assert.equal(d.fix?.title, '改为「2022年度」');
  assertFix(text, d, editLine(text, 9, '2021年度创业乡', '2022年度创业乡'), false);
});

test('year-mismatch: a paragraph opening with last year is flagged', () => {
  for (const opening of ['2021年，', '2021年我乡', '2021年以来，']) {
    const text = editLine(seed('000'), 5, /^2022年/, opening);
    assert.deepEqual(findings(text, 'year-mismatch').filter(f => f.includes(' 5:')), [
      `year-mismatch 5:0-5:5 本报告是 2022 年度报告，正文却写「${(opening + '创业乡全面贯彻落实省、市、县政府信息公开工作要求').slice(0, 24)}…」`,
    ], opening);
  }
});

test('year-mismatch: references to another year\'s report, comparisons and dates are not flagged', () => {
  const sentences = [
    '按时发布了2021年度政府信息公开工作年度报告。',
    '较2021年度增加了10条。',
    '与2021年度相比，公开数量有所增加。',
    '2021年度公开信息28条，同比增长14%。',
    '本报告于2023年1月8日发布。',
    '2023年度，我乡将进一步加强政务公开工作。',
    '2022年1月，创业乡召开专题会议。',
  ];
  const text = editLine(seed('000'), 9, '2021年度创业乡通过', `${sentences.join('')}2022年度创业乡通过`);
  assert.deepEqual(findings(text, 'year-mismatch'), []);
});

test('year-mismatch: a publication date after the report year is not a year mismatch', () => {
  // Seed 002 is a 2021 report; a report is published in the January after its year.
  const text = `${seed('002')}\n\n雁鸣湖镇人民政府\n2022年1月8日\n`;
  assert.deepEqual(findings(text, 'year-mismatch'), []);
});

test('year-mismatch: a paragraph opening with an older or a later year is history or plan, not a slip', () => {
  for (const opening of ['2020年，', '2023年，我乡将']) {
    const text = editLine(seed('000'), 5, /^2022年/, opening);
    assert.deepEqual(findings(text, 'year-mismatch').filter(f => f.includes(' 5:')), [], opening);
  }
});

test('year-mismatch: nothing is reported when the report year is unknown', () => {
  const text = editLine(seed('000'), 1, '2022年', '');
  assert.deepEqual(findings(text, 'year-mismatch'), []);
});

// duplicate-word

test('duplicate-word: "根据根据" loses its repetition', () => {
  const text = seed('000');
  const d = only(text, 'duplicate-word');
  assert.equal(d.fix?.title, '删除重复的「根据」');
  assertFix(text, d, editLine(text, 3, '根据根据', '根据'), false);
});

test('duplicate-word: a repeated phrase is reported whole', () => {
  const text = editLine(seed('000'), 5, '坚持目标导向，', '坚持目标导向目标导向，');
  assert.deepEqual(findings(text, 'duplicate-word').filter(f => f.includes(' 5:')), [
    'duplicate-word 5:48-5:56 词语「目标导向」连续写了两遍：「目标导向目标导向」',
  ]);
});

test('duplicate-word: the header of a converted 表四, its cells\' halves on one line, repeats template labels, not words', () => {
  // Seed 001's 表四 header (lines 80–82) as a PDF conversion writes it: the top halves of the
  // two-line cells, then the bottom halves.
  const l = lines(seed('001'));
  l.splice(80, 3, '行政复议行政诉讼', '结果结果其他尚未总计未经复议直接起诉复议后起诉', '维持纠正结果审结', '结果结果其他尚未总计结果结果其他尚未总计', '维持纠正结果审结维持纠正结果审结');
  assert.deepEqual(findings(l.join('\n'), 'duplicate-word'), []);
  // A line of the template's words with the author's own among them is prose, and its slip is reported.
  l.splice(81, 1, '本年度结果结果其他尚未总计');
  assert.deepEqual(findings(l.join('\n'), 'duplicate-word'), ['duplicate-word 81:3-81:7 词语「结果」连续写了两遍：「结果结果」']);
});

test('duplicate-word: grammatical reduplication is not reported', () => {
  const text = editLine(seed('000'), 5, '坚持目标导向，', '坚持目标导向，常常研究研究、讨论讨论，人人高高兴兴，天天看看，一一落实，一步一步推进，');
  assert.deepEqual(findings(text, 'duplicate-word').filter(f => f.includes(' 5:')), []);
});

// fee-statement

test('fee-statement: a 2021+ report whose section 六 is silent on 信息处理费 is told so at the heading', () => {
  const text = editLine(seed('000'), 409, /^.*$/, '无。');
  assert.deepEqual(findings(text, 'fee-statement'), [
    'fee-statement 408:0-408:11 「六、其他需要报告的事项」未说明本年度是否收取信息处理费（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）',
  ]);
  assert.equal(only(text, 'fee-statement').fix, undefined);
});

test('fee-statement: a 2020 report owes no fee statement, a 2021 one does', () => {
  const text = seed('003');
  assert.deepEqual(findings(text, 'fee-statement'), []);
  const as2021 = editLine(text, 0, '2020年度', '2021年度');
  assert.deepEqual(findings(as2021, 'fee-statement').map(f => f.split(' ')[1]), ['404:0-404:11']);
});

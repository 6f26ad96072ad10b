// text-vs-table on real report wording: the fixture folder's sentences (from the seeds' reports)
// and the seeds themselves. A count the prose states is compared with its cell; wording that
// speaks of another year, a part or an approximation is not read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, type Diagnostic } from '../../server/src/engine';
import { checkSteps } from '../../server/src/engine/check';
import { drain } from '../../server/src/engine/report';
import { at, editLine, seed, SEEDS, textAt } from '../helpers';
import { FOLDER_FILES, folderText, setRow } from '../folderFixture';

const CODE = 'text-vs-table';

/** "line:col-line:col «number» message → «cell» related…" for each text-vs-table diagnostic. */
function findings(text: string): string[] {
  return check(text).diagnostics.filter(d => d.code === CODE).map((d: Diagnostic) =>
    [`${at(d)} «${textAt(text, d.range)}» ${d.message}`, ...(d.related ?? []).map(r => `  → ${at(r)} «${textAt(text, r.range)}» ${r.message}`)].join('\n'));
}

// 胡集乡2023年报.md: line 14 is the prose of （二）依申请公开情况; 表三 starts at line 46, 表四's values are line 81.
const HUJI_2023 = folderText('胡集乡2023年报.md');
const PROSE_LINE = 14;
const withProse = (sentence: string) => editLine(HUJI_2023, PROSE_LINE, /.*/, sentence);

test('the fixture folder: the planted contradiction only, on the number in the prose, related to the cell', () => {
  const all = FOLDER_FILES.flatMap(f => findings(folderText(f)).map(s => `${f} ${s}`));
  assert.deepEqual(all, [
    '车排子镇2022年报.md 44:19-44:20 «3» 正文写「收到政府信息公开申请3件」，但表三「本年新收 × 总计」为 2\n' +
    '  → 49:30-49:31 «2» 本年新收 × 总计 = 2',
  ]);
});

test('the five seeds: nothing (seed 001\'s "收到依申请公开事项 0 条" agrees with its 0; the others state no count in these words)', () => {
  assert.deepEqual(SEEDS.flatMap(f => findings(seed(f.slice(0, 3)))), []);
  // Seed 001's sentence is read: with 本年新收 2 it contradicts the table.
  const text = setRow(setRow(seed('001'), 52, [2, 0, 0, 0, 0, 0, 2]), 54, [2, 0, 0, 0, 0, 0, 2]);
  assert.deepEqual(findings(text).map(s => s.split('\n')[0]), ['16:18-16:19 «0» 正文写「收到依申请公开事项 0 条」，但表三「本年新收 × 总计」为 2']);
});

test('胡集乡 2023\'s sentence agrees with its tables, and every count in it is read: a table that says otherwise is contradicted', () => {
  assert.deepEqual(findings(HUJI_2023), []);
  // Each edit makes table figures differ from what the prose says, the row still adding up (a cell
  // that alone breaks its row and column is t3-cell's slip, which the prose is not compared with).
  const cases: Array<[string, string, string[]]> = [
    ['本年新收 总计 5 → 6 with 法律服务机构 1 → 2', setRow(HUJI_2023, 50, [4, 0, 0, 0, 2, 0, 6]), [
      '14:19-14:20 «5» 正文写「收到政府信息公开申请5件」，但表三「本年新收 × 总计」为 6',
      '14:37-14:38 «1» 正文写「其中自然人4件、法人或其他组织1件」，但表三「本年新收」五类法人或其他组织之和为 2（商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 2 + 其他 0）',
    ]],
    ['本年新收 自然人 4 → 3 with 总计 5 → 4', setRow(HUJI_2023, 50, [3, 0, 0, 0, 1, 0, 4]), [
      '14:19-14:20 «5» 正文写「收到政府信息公开申请5件」，但表三「本年新收 × 总计」为 4',
      '14:27-14:28 «4» 正文写「其中自然人4件、法人或其他组织1件」，但表三「本年新收 × 自然人」为 3',
    ]],
    ['本年新收 商业企业 0 → 2 with 总计 5 → 7', setRow(HUJI_2023, 50, [4, 2, 0, 0, 1, 0, 7]), [
      '14:19-14:20 «5» 正文写「收到政府信息公开申请5件」，但表三「本年新收 × 总计」为 7',
      '14:37-14:38 «1» 正文写「其中自然人4件、法人或其他组织1件」，但表三「本年新收」五类法人或其他组织之和为 3（商业企业 2 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 1 + 其他 0）',
    ]],
    // The results add up to it too: 予以公开 3 → 2 (a （七） the details contradict is doubted, not compared).
    ['（七）总计 5 → 4 with 自然人 4 → 3 and 予以公开 3 → 2', setRow(setRow(HUJI_2023, 52, [2, 0, 0, 0, 0, 0, 2]), 73, [3, 0, 0, 0, 1, 0, 4]), ['14:59-14:60 «5» 正文写「办结5件」，但表三「（七）总计 × 总计」为 4']],
    // A table that still adds up: one more application from 自然人, carried to next year.
    ['结转下年度 1 → 2 with 本年新收 自然人 4 → 5', setRow(setRow(HUJI_2023, 50, [5, 0, 0, 0, 1, 0, 6]), 74, [2, 0, 0, 0, 0, 0, 2]), [
      '14:19-14:20 «5» 正文写「收到政府信息公开申请5件」，但表三「本年新收 × 总计」为 6',
      '14:27-14:28 «4» 正文写「其中自然人4件、法人或其他组织1件」，但表三「本年新收 × 自然人」为 5',
      '14:71-14:72 «1» 正文写「结转下年度继续办理1件」，但表三「结转下年度 × 总计」为 2',
    ]],
    // 结转下年度 alone 1 → 0: the table's own balance doubts it, and agrees with the prose.
    ['结转下年度 1 → 0 with 自然人 1 → 0', setRow(HUJI_2023, 74, [0, 0, 0, 0, 0, 0, 0]), []],
    ['行政复议 维持 and 总计 1 → 2', setRow(HUJI_2023, 81, [2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), ['14:86-14:87 «1» 正文写「行政复议1件」，但表四「行政复议 总计」为 2']],
    ['复议后起诉 总计 0 → 1', setRow(HUJI_2023, 81, [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]), ['14:93-14:94 «0» 正文写「行政诉讼0件」，但表四「行政诉讼」两组总计之和为 1（未经复议直接起诉 0 + 复议后起诉 1）']],
  ];
  for (const [what, text, expected] of cases) assert.deepEqual(findings(text).map(s => s.split('\n')[0]), expected, what);
  // 本年新收 总计 alone typed 6: a slip the table's own arithmetic locates (t3-cell), which the prose's 5 agrees with.
  assert.deepEqual(findings(setRow(HUJI_2023, 50, [6])), [], 'a mistyped cell is t3-cell\'s, not a contradiction of the prose');
});

test('the warning relates to every cell of the figure', () => {
  const text = setRow(HUJI_2023, 81, [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
  assert.deepEqual(findings(text), [
    '14:93-14:94 «0» 正文写「行政诉讼0件」，但表四「行政诉讼」两组总计之和为 1（未经复议直接起诉 1 + 复议后起诉 0）\n' +
    '  → 81:18-81:19 «1» 直诉·总计 = 1\n' +
    '  → 81:28-81:29 «0» 复议后诉·总计 = 0',
  ]);
});

test('wording that is not this year\'s count of that figure is not read (each sentence from real reports, the table says 5 received)', () => {
  for (const sentence of [
    '2023 年我乡共收到政府信息公开申请5件，较上年增加3件。', // 增加 is a difference, not a count
    '上年结转1件，已于本年全部办结。', // 上年结转 is not 本年新收, and 办结 without a count
    '2022年共收到政府信息公开申请2件，2023年共收到政府信息公开申请5件。', // the nearest year decides
    '与2022年相比，2023年共收到政府信息公开申请5件。',
    '条例实施以来累计收到政府信息公开申请12件。',
    '近三年共收到政府信息公开申请9件。',
    '共收到政府信息公开申请5件，其中按时办结3件，其余2件延期答复。', // parts of 办结
    '上年结转的申请已办结1件。',
    '发生政府信息公开行政复议、行政诉讼共1件。', // one count for two subjects
    '收到政府信息公开申请3件以上。',
    '全年办结5件，其中自然人3件、法人或其他组织2件。', // 其中 after 办结: who the handled ones were, not 本年新收
    '全年答复群众咨询20件。',
    '全年未发生政府信息公开行政复议、行政诉讼案件。',
    '全年无结转下年度继续办理的申请。',
  ]) assert.deepEqual(findings(withProse(sentence)), [], sentence);
});

test('counts written in Chinese numerals, full-width digits, 0 and with 共计/为 are read', () => {
  for (const [sentence, expected] of [
    ['全年共收到政府信息公开申请三件。', '14:13-14:14 «三» 正文写「收到政府信息公开申请三件」，但表三「本年新收 × 总计」为 5'],
    ['全年受理依申请公开申请共计１２件。', '14:13-14:15 «１２» 正文写「受理依申请公开申请共计１２件」，但表三「本年新收 × 总计」为 5'],
    ['本年度办结政府信息公开申请为0件。', '14:14-14:15 «0» 正文写「办结政府信息公开申请为0件」，但表三「（七）总计 × 总计」为 5'],
    ['因政府信息公开被申请行政复议案件两件。', '14:16-14:17 «两» 正文写「行政复议案件两件」，但表四「行政复议 总计」为 1'],
  ] as const) assert.deepEqual(findings(withProse(sentence)).map(s => s.split('\n')[0]), [expected], sentence);
});

test('a disable comment silences it; a report without 表三 compares nothing', () => {
  const text = withProse('全年共收到政府信息公开申请三件。');
  assert.deepEqual(findings(editLine(text, PROSE_LINE - 1, /^$/, '<!-- nianbao-disable-next-line text-vs-table -->')), []);
  const lines = text.split('\n');
  const noT3 = [...lines.slice(0, 45), ...lines.slice(76)].join('\n');
  assert.deepEqual(findings(noT3), []);
});

test('a re-check from the previous version keeps the finding on the number after lines above it move', () => {
  const text = folderText('车排子镇2022年报.md');
  const before = drain(checkSteps(text));
  const moved = `<!-- 草稿 -->\n\n${text}`;
  const after = drain(checkSteps(moved, {}, before.report)).diagnostics.filter(d => d.code === CODE);
  assert.deepEqual(after.map(d => `${at(d)} «${textAt(moved, d.range)}» ${d.related!.map(r => `${at(r)} «${textAt(moved, r.range)}»`)}`), ['46:19-46:20 «3» 51:30-51:31 «2»']);
});

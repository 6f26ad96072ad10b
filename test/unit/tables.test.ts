// Issue "The checker": the table engine on real report text, in every layout users write.
// Each test takes a seed (all its tables are zeros), writes a few numbers into it and asserts what
// the user sees: the code, the cell the diagnostic points at, the cells it names, the message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, type Diagnostic } from '../../server/src/engine';
import { applyEdits, at, diagnostics, putAt, seed, STRUCTURE_CODES, structureFindings, textAt, toPipeRows } from '../helpers';

type CellKey =
  | 'new.natural' | 'new.total' | 'carried.total' | 'disclosed.natural' | 'disclosed.total' | 'partly.natural' | 'partly.total'
  | 'resultsTotal.natural' | 'resultsTotal.total' | 'carryForward.natural' | 'carryForward.total'
  | 'review.upheld' | 'review.total';

interface Layout {
  name: string;
  text: string;
  format: '2019' | '2021';
  /** Where each cell's "0" is written in the seed: [line, character], 0-based. */
  cells: Record<CellKey, [number, number]>;
}

const LAYOUTS: Layout[] = [
  {
    name: 'tab rows, seed 001', text: seed('001'), format: '2021',
    cells: {
      'new.natural': [52, 18], 'new.total': [52, 30], 'carried.total': [53, 30],
      'disclosed.natural': [54, 19], 'disclosed.total': [54, 31], 'partly.natural': [55, 34], 'partly.total': [55, 46],
      'resultsTotal.natural': [75, 8], 'resultsTotal.total': [75, 20], 'carryForward.natural': [76, 13], 'carryForward.total': [76, 25],
      'review.upheld': [83, 0], 'review.total': [83, 8],
    },
  },
  {
    // Rows start one cell further right than 001's and end with two empty cells.
    name: 'tab rows, seed 002', text: seed('002'), format: '2021',
    cells: {
      'new.natural': [47, 18], 'new.total': [47, 30], 'carried.total': [48, 30],
      'disclosed.natural': [49, 20], 'disclosed.total': [49, 32], 'partly.natural': [50, 35], 'partly.total': [50, 47],
      'resultsTotal.natural': [70, 8], 'resultsTotal.total': [70, 20], 'carryForward.natural': [71, 13], 'carryForward.total': [71, 25],
      'review.upheld': [78, 0], 'review.total': [78, 8],
    },
  },
  {
    name: 'one cell per line, seed 000', text: seed('000'), format: '2021',
    cells: {
      'new.natural': [78, 1], 'new.total': [84, 1], 'carried.total': [93, 1],
      'disclosed.natural': [97, 1], 'disclosed.total': [103, 1], 'partly.natural': [107, 1], 'partly.total': [113, 1],
      'resultsTotal.natural': [326, 1], 'resultsTotal.total': [332, 1], 'carryForward.natural': [335, 1], 'carryForward.total': [341, 1],
      'review.upheld': [383, 1], 'review.total': [387, 1],
    },
  },
  {
    name: 'one cell per line, seed 003 (2019 format)', text: seed('003'), format: '2019',
    cells: {
      'new.natural': [109, 1], 'new.total': [115, 1], 'carried.total': [124, 1],
      'disclosed.natural': [128, 1], 'disclosed.total': [134, 1], 'partly.natural': [138, 1], 'partly.total': [144, 1],
      'resultsTotal.natural': [334, 1], 'resultsTotal.total': [340, 1], 'carryForward.natural': [343, 1], 'carryForward.total': [349, 1],
      'review.upheld': [381, 1], 'review.total': [385, 1],
    },
  },
  {
    // 表四's first value is written "\t 0".
    name: 'one cell per line, seed 004', text: seed('004'), format: '2021',
    cells: {
      'new.natural': [77, 1], 'new.total': [83, 1], 'carried.total': [92, 1],
      'disclosed.natural': [96, 1], 'disclosed.total': [102, 1], 'partly.natural': [106, 1], 'partly.total': [112, 1],
      'resultsTotal.natural': [325, 1], 'resultsTotal.total': [331, 1], 'carryForward.natural': [334, 1], 'carryForward.total': [340, 1],
      'review.upheld': [382, 2], 'review.total': [386, 1],
    },
  },
  {
    // Seed 001's rows as "| a | b |" with a |---| row after each table's first row.
    name: 'GFM pipe table from seed 001', text: toPipeRows(seed('001'), true), format: '2021',
    cells: {
      'new.natural': [54, 24], 'new.total': [54, 48], 'carried.total': [55, 48],
      'disclosed.natural': [56, 25], 'disclosed.total': [56, 49], 'partly.natural': [57, 40], 'partly.total': [57, 64],
      'resultsTotal.natural': [77, 14], 'resultsTotal.total': [77, 38], 'carryForward.natural': [78, 19], 'carryForward.total': [78, 43],
      'review.upheld': [86, 2], 'review.total': [86, 18],
    },
  },
  {
    name: 'pipe rows without a delimiter row from seed 001', text: toPipeRows(seed('001'), false), format: '2021',
    cells: {
      'new.natural': [52, 24], 'new.total': [52, 48], 'carried.total': [53, 48],
      'disclosed.natural': [54, 25], 'disclosed.total': [54, 49], 'partly.natural': [55, 40], 'partly.total': [55, 64],
      'resultsTotal.natural': [75, 14], 'resultsTotal.total': [75, 38], 'carryForward.natural': [76, 19], 'carryForward.total': [76, 43],
      'review.upheld': [83, 2], 'review.total': [83, 18],
    },
  },
];

const ARITH = ['t3-row-total', 't3-results-total', 't3-balance', 't4-group-total', 't3-cell'];

/** Writes values into cells; a one-character value keeps every other cell where it was. */
function write(layout: Layout, values: Partial<Record<CellKey, string>>, text = layout.text): string {
  for (const [key, value] of Object.entries(values) as Array<[CellKey, string]>) {
    const [line, character] = layout.cells[key];
    text = putAt(text, line, character, value);
  }
  return text;
}

/** "line:col-line:col" of a cell holding a one-character value. */
function cellAt(layout: Layout, key: CellKey, width = 1): string {
  const [line, character] = layout.cells[key];
  return `${line}:${character}-${line}:${character + width}`;
}

/** Every related range covers the number its message names. */
function assertRelatedPointAtTheirValues(text: string, d: Diagnostic) {
  for (const r of d.related ?? []) assert.equal(textAt(text, r.range), r.message.replace(/^.* = /, ''), `${d.code} related ${at(r)}: ${r.message}`);
}

/** Table findings other than the layout note the seeds carry anyway. */
const tableFindings = (text: string) => structureFindings(text).filter(f => /^(table-(missing|shape|label)|template-version|cell-|t3-|t4-)/.test(f));

/** 本年新收 3 = 予以公开 2 + 部分公开 1 = （七）总计 3, all from 自然人: a report whose 表三 adds up. */
const CONSISTENT: Partial<Record<CellKey, string>> = {
  'new.natural': '3', 'new.total': '3',
  'disclosed.natural': '2', 'disclosed.total': '2', 'partly.natural': '1', 'partly.total': '1',
  'resultsTotal.natural': '3', 'resultsTotal.total': '3',
};

for (const layout of LAYOUTS) {
  test(`${layout.name}: a 表三 that adds up has no arithmetic finding`, () => {
    assert.deepEqual(tableFindings(write(layout, CONSISTENT)), []);
  });

  test(`${layout.name}: （七）总计 typed 2 instead of 3 is one error on that cell, which its row and both its column relations point at`, () => {
    const text = write(layout, { ...CONSISTENT, 'resultsTotal.total': '2' });
    const found = diagnostics(text).filter(d => ARITH.includes(d.code));
    const others = layout.format === '2021' ? 19 : 17;
    assert.deepEqual(found.map(d => [d.code, at(d), d.message]), [
      ['t3-cell', cellAt(layout, 'resultsTotal.total'), '表三「办理结果总计 × 总计」为 2，按本行各项合计、本列勾稽关系和本列各项办理结果合计应为 3'],
    ]);
    const [slip] = found;
    assert.equal(textAt(text, slip.range), '2');
    // The six applicants of its row, 本年新收/上年结转/结转下年度 of its column, and the result rows.
    assert.equal(slip.related?.length, 6 + 3 + others + 2);
    assert.deepEqual(slip.related?.slice(0, 1).map(r => [at(r), r.message]), [[cellAt(layout, 'resultsTotal.natural'), '办理结果总计 × 自然人 = 3']]);
    assert.ok(slip.related?.some(r => at(r) === cellAt(layout, 'carryForward.total') && r.message === '结转下年度 × 总计 = 0'));
    assertRelatedPointAtTheirValues(text, slip);
    assert.deepEqual(slip.fix && applyEdits(text, slip.fix.edits), write(layout, CONSISTENT), 'the fix writes back the 3 both relations agree on');
  });

  test(`${layout.name}: 本年新收 × 自然人 mistyped is one error on that cell, not on the totals around it`, () => {
    // Only 自然人 of 本年新收 changes: its row and its column no longer add up.
    const text = write(layout, { 'new.natural': '4' });
    const found = diagnostics(text).filter(d => ARITH.includes(d.code));
    assert.deepEqual(found.map(d => [d.code, at(d), d.message, d.fix?.title]), [
      ['t3-cell', cellAt(layout, 'new.natural'), '表三「本年新收 × 自然人」为 4，按本行总计和本列勾稽关系应为 0', '将本年新收 × 自然人改为 0'],
    ]);
    const related = found[0].related!.map(at);
    for (const key of ['new.total', 'resultsTotal.natural', 'carryForward.natural'] as const) assert.ok(related.includes(cellAt(layout, key)), key);
    assertRelatedPointAtTheirValues(text, found[0]);
    assert.equal(applyEdits(text, found[0].fix!.edits), layout.text);
  });

  test(`${layout.name}: a slip the row total repeats is not one cell's: the column relations report their targets`, () => {
    // 本年新收 4 from 自然人 with its row total 4: the row adds up, the 自然人 and 总计 columns do not.
    const text = write(layout, { 'new.natural': '4', 'new.total': '4' });
    const found = diagnostics(text).filter(d => ARITH.includes(d.code));
    assert.deepEqual(found.map(d => [d.code, at(d), d.message]), [
      ['t3-balance', cellAt(layout, 'carryForward.natural'), '表三「自然人」列：本年新收 4 + 上年结转 0 = 4，但办理结果总计 0 + 结转下年度 0 = 0（相差 4）'],
      ['t3-balance', cellAt(layout, 'carryForward.total'), '表三「总计」列：本年新收 4 + 上年结转 0 = 4，但办理结果总计 0 + 结转下年度 0 = 0（相差 4）'],
    ]);
    const [newNatural, , resultsNatural] = found[0].related!.map(at);
    assert.deepEqual([newNatural, resultsNatural], [cellAt(layout, 'new.natural'), cellAt(layout, 'resultsTotal.natural')]);
    for (const d of found) assertRelatedPointAtTheirValues(text, d);
  });

  test(`${layout.name}: a 表四 group whose 总计 is not 维持 + 纠正 + 其他 + 尚未审结 names every cell that could be wrong`, () => {
    const text = write(layout, { 'review.upheld': '1' });
    const found = diagnostics(text).filter(d => ARITH.includes(d.code));
    assert.deepEqual(found.map(d => [d.code, at(d), d.message]), [
      ['t4-group-total', cellAt(layout, 'review.total'),
        '表四「行政复议」：结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 1，但总计为 0（相差 1；可能填错的是「结果维持」、「结果纠正」、「其他结果」、「尚未审结」、「总计」之一）'],
    ]);
    assert.deepEqual(found[0].related?.map(r => r.message), ['复议·维持 = 1', '复议·纠正 = 0', '复议·其他 = 0', '复议·未结 = 0']);
    assert.equal(at(found[0].related![0]), cellAt(layout, 'review.upheld'));
    assertRelatedPointAtTheirValues(text, found[0]);
  });

  test(`${layout.name}: a blank 总计 is reported where it was left blank and counts as 0`, () => {
    const text = write(layout, { 'new.total': '', 'review.total': '' });
    const [line, character] = layout.cells['new.total'];
    const [t4Line, t4Character] = layout.cells['review.total'];
    assert.deepEqual(diagnostics(text).filter(d => d.code.startsWith('cell-') || d.code.startsWith('table-shape') || ARITH.includes(d.code)).map(d => [d.code, at(d), d.message]), [
      ['cell-empty', `${line}:${character}-${line}:${character}`, '表三「本年新收 × 总计」为空，没有发生的应填 0'],
      ['cell-empty', `${t4Line}:${t4Character}-${t4Line}:${t4Character}`, '表四「复议·总计」为空，没有发生的应填 0'],
    ]);
  });

  test(`${layout.name}: placeholders, negative and fractional counts are invalid and stop the sums they are in`, () => {
    for (const [value, message] of [
      ['/', '表三「本年新收 × 自然人」是占位符「/」，应填写数字（没有发生的填 0）'],
      ['-', '表三「本年新收 × 自然人」是占位符「-」，应填写数字（没有发生的填 0）'],
      ['无', '表三「本年新收 × 自然人」是占位符「无」，应填写数字（没有发生的填 0）'],
      ['-2', '表三「本年新收 × 自然人」为负数 -2，只有「本年增/减」可以为负'],
      ['1.5', '表三「本年新收 × 自然人」为小数 1.5，件数应为整数'],
    ]) {
      const text = write(layout, { 'new.natural': value });
      const [line, character] = layout.cells['new.natural'];
      assert.deepEqual(tableFindings(text), [
        `cell-invalid ${line}:${character}-${line}:${character + value.length} ${message}`,
      ], `value ${value}`);
    }
  });

  test(`${layout.name}: full-width digits are reported and still counted`, () => {
    // ３ in 本年新收 × 自然人 balances 总计 3 and 结转下年度 3: no sum fails, so ３ was read as 3.
    const text = write(layout, { 'new.natural': '３', 'new.total': '3', 'carryForward.natural': '3', 'carryForward.total': '3' });
    const [line, character] = layout.cells['new.natural'];
    assert.deepEqual(tableFindings(text), [
      `cell-fullwidth ${line}:${character}-${line}:${character + 1} 表三「本年新收 × 自然人」使用了全角字符「３」，应为「3」`,
    ]);
  });
}

test('blanking the last value of every kind of tab row reports that cell, never a shifted row', () => {
  // The row shapes of seeds 001 and 002: leading group cells, trailing empty cells, rows moved to column 0.
  for (const prefix of ['001', '002']) {
    const text = seed(prefix);
    const { report } = check(text);
    for (const table of report.tables) {
      const lastOfRow = new Map<string, { start: number; name: string }>();
      for (const v of table.values.values()) lastOfRow.set(v.row.id, { start: v.start, name: `${v.row.short} × ${v.col.label}` });
      for (const [rowId, cell] of lastOfRow) {
        const blanked = text.slice(0, cell.start) + text.slice(cell.start + 1);
        const pos = report.lines.position(cell.start);
        const found = diagnostics(blanked).filter(d => STRUCTURE_CODES.includes(d.code) && d.code !== 'section-numbering');
        assert.deepEqual(found.map(d => [d.code, at(d)]), [['cell-empty', `${pos.line}:${pos.character}-${pos.line}:${pos.character}`]], `${prefix} ${table.def.name} ${rowId}`);
      }
    }
  }
});

test('a 表三 with its whole 总计 column left blank reads every row the same way', () => {
  // Users leave totals for "later": no complete row is left to show where the values sit.
  const layout = LAYOUTS[0];
  const lines = layout.text.split('\n');
  for (let n = 52; n <= 76; n++) lines[n] = lines[n].replace(/\t0(\t?)$/, '\t$1');
  const text = lines.join('\n');
  const empty = diagnostics(text, 'cell-empty');
  assert.equal(empty.length, 25);
  assert.deepEqual(empty.map(d => d.message.replace(/^表三「.* × (.*)」为空.*$/, '$1')), Array(25).fill('总计'));
  assert.deepEqual(empty.slice(0, 2).map(at), ['52:30-52:30', '53:30-53:30']);
  assert.deepEqual(diagnostics(text, 'table-shape'), []);
});

test('a missing 表三 row is reported on the row before where it belongs', () => {
  // Seed 001 without line 68 "2. 重复申请".
  const l = seed('001').split('\n');
  l.splice(68, 1);
  assert.deepEqual(tableFindings(l.join('\n')), ['table-shape 67:0-67:36 表三缺少「2.重复申请」行']);
});

test('a row with a value too many is a shape error on its label, and its sums are not guessed', () => {
  const text = seed('001').replace('2. 重复申请\t0', '2. 重复申请\t0\t0');
  assert.deepEqual(tableFindings(text), ['table-shape 68:2-68:9 表三「2.重复申请」行应有 7 个数值，实际有 8 个']);
});

test('a 2019-format 表二 in a 2022 report', () => {
  // Seed 000's 表二 (lines 12–54) replaced by seed 003's 2019-format one (lines 16–86).
  const s000 = seed('000').split('\n'), s003 = seed('003').split('\n');
  const text = [...s000.slice(0, 12), ...s003.slice(16, 87), ...s000.slice(55)].join('\n');
  assert.deepEqual(tableFindings(text), ['template-version 12:0-12:10 2022 年度报告应使用 2021 版格式，但表二按 2019 版填写']);
  assert.equal(check(text).report.tables[0].values.size, 22);
});

test('a table missing under its heading', () => {
  // Seed 001 without 表四 (lines 80–83).
  const l = seed('001').split('\n');
  l.splice(80, 4);
  assert.deepEqual(tableFindings(l.join('\n')), ['table-missing 78:0-78:19 「四、政府信息公开行政复议、行政诉讼情况」缺少表四（政府信息公开行政复议、行政诉讼情况）']);
});

test('a row label drifted past recognition, between two matched rows, is that row with a drifted label', () => {
  // 001 line 69: "2. 重复申请" typed as "2. 重复提出申请" — one table-label with the template text, no missing/unknown row.
  const text = seed('001').replace('2. 重复申请', '2. 重复提出申请');
  const found = diagnostics(text).filter(d => d.code.startsWith('table'));
  assert.deepEqual(found.map(d => `${d.code} ${at(d)} ${d.message}`),
    ['table-label 68:2-68:11 表三中的「2. 重复提出申请」与模板文字「2.重复申请」不同']);
});

test('a tab table quoted inside a fenced code block is code, not a report table', () => {
  // Seed 001's 表四 repeated inside ``` after section 六: still exactly one 表四, no new findings.
  const t4 = seed('001').split('\n').slice(80, 84).join('\n');
  const text = `${seed('001')}\n\n\`\`\`\n${t4}\n\`\`\`\n`;
  const { report, diagnostics: found } = check(text);
  assert.equal(report.tables.filter(t => t.def.id === 't4').length, 1);
  assert.deepEqual(found.map(d => d.code), check(seed('001')).diagnostics.map(d => d.code));
});

test('a disable comment indented inside a one-cell-per-line row silences the next cell and keeps the row whole', () => {
  // Seed 000 表三 rows 一 (lines 77–84) and 四 (334–341): 自然人 becomes 1 in both, so both rows'
  // 总计 are off by one while the 自然人 column adds up; the comment sits right above row 一's 总计 cell.
  const lines = seed('000').split('\n');
  assert.equal(lines[77], '\t一、本年新收政府信息公开申请数量');
  assert.equal(lines[334], '\t四、结转下年度继续办理');
  lines[78] = '\t1';
  lines[335] = '\t1';
  lines.splice(84, 0, '\t<!-- nianbao-disable-next-line t3-row-total -->');
  const found = diagnostics(lines.join('\n')).filter(d => d.code.startsWith('t') && d.code !== 'table-layout');
  assert.deepEqual(found.map(d => `${d.code} ${at(d)}`), ['t3-row-total 342:1-342:2']);
});

test('a ledger of applications in section 三 is not a second 表三', () => {
  // Seed 001 with a tab-separated 台账 after 表三 whose cells name applicant types and results.
  const lines = seed('001').split('\n');
  const ledger = ['', '附：依申请公开登记台账', '序号\t申请人类型\t申请内容\t办理结果\t办理天数',
    '1\t自然人\t关于某村道路建设项目的公开申请\t予以公开\t5', '2\t商业企业\t关于土地征收补偿标准的公开申请\t其他处理\t12'];
  lines.splice(77, 0, ...ledger);
  const { report, diagnostics: found } = check(lines.join('\n'));
  assert.deepEqual(report.tables.map(t => t.def.id), ['t2', 't3', 't4']);
  assert.deepEqual(found.filter(d => d.code.startsWith('table') || d.code.startsWith('t3')), []);
});

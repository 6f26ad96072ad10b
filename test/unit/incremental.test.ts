// Issue "Fast on every size": a re-check reuses the tables that did not change. What it reuses
// must be exactly what a cold check computes, at the offsets of the new text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildReport, check, clearCaches, LineIndex, type Report } from '../../server/src/engine';
import { checkSteps } from '../../server/src/engine/check';
import { drain } from '../../server/src/engine/report';
import { matchOrigin } from '../../server/src/engine/incremental';
import { editLine, SEEDS, seed } from '../helpers';
import { REWRITES, TAB_REWRITES } from '../rewrites';

const cold = (text: string) => { clearCaches(); return check(text).diagnostics; };
/** The finding the retyped 0 below causes, the same in every seed. */
const BROKEN_TOTAL = 't4-group-total 表四「行政复议」：结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 1，但总计为 0（相差 1；可能填错的是「结果维持」、「结果纠正」、「其他结果」、「尚未审结」、「总计」之一）';
const said = (d: { code: string; message: string }) => `${d.code} ${d.message}`;

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
    clearCaches();
    const before = check(original);
    const { report, diagnostics: reused } = check(retyped);
    const storedMatch = (r: Report, id: string) => matchOrigin(r.tables.find(t => t.def.id === id)!)?.stored;
    assert.deepEqual(['t2', 't3', 't4'].filter(id => storedMatch(report, id) === storedMatch(before.report, id)), ['t2', 't3'],
      '表二 and 表三 were reused as matched for the original, 表四 was matched again');
    const had = new Set(before.diagnostics.map(said));
    assert.deepEqual(reused.map(said).filter(d => !had.has(d)), [BROKEN_TOTAL], 'the retyped 0 breaks one total of 表四');
    assert.deepEqual(reused, cold(retyped));
  });
}

// A re-check given the previous version's report (as the language server runs it) re-reads only
// the lines from the first change on; lines and tables elsewhere are taken from the old report.
// Whatever the edit, the result must be the cold check's.

/** What a user sees of a check, plus where the tables and lines were read: all of it must match a cold check. */
function seen(result: ReturnType<typeof check>) {
  const { report, diagnostics } = result;
  return {
    diagnostics,
    lineStarts: report.lines.starts,
    regions: report.regions.map(r => ({ lines: [r.firstLine, r.lastLine], layout: r.layout, rows: r.rows })),
    tables: report.tables.map(t => ({ id: t.def.id, format: t.format, values: [...t.values.entries()].map(([k, v]) => [k, v.start, v.end, v.text]), problems: t.problems.length })),
    headings: report.headings.map(h => [h.line, h.start, h.section.index]),
    prose: report.prose.map(c => ({ lines: [c.first, c.last], start: c.start, segments: c.segments })),
  };
}

const recheck = (text: string, previous: Report) => drain(checkSteps(text, {}, previous));

test('seed 001, edited in turn as someone types: each re-check from the previous report gives the cold check', () => {
  const original = seed('001');
  const steps: Array<[string, (t: string) => string]> = [
    ['a total of 表三 retyped', t => editLine(t, 52, /0\t$/, '3\t')],
    ['a line typed above every table', t => t.replace('\n', '\n说明：本报告为草稿。\n')],
    // Everything after an unclosed fence is quoted code: the tables below it are no tables.
    ['a code fence opened above the tables', t => t.replace('说明：本报告为草稿。\n', '```\n')],
    ['the fence closed again', t => t.replace('```\n', '```\n```\n')],
    ['a table row deleted', t => editLine(t, 60, /.*/, '')],
    ['Windows line breaks', t => t.replace(/\n/g, '\r\n')],
    ['a tab typed into prose', t => t.replace('。', '。\t')],
  ];
  let text = original;
  let previous = check(text).report;
  for (const [what, edit] of steps) {
    text = edit(text);
    const reused = recheck(text, previous);
    clearCaches();
    assert.deepEqual(seen(reused), seen(check(text)), what);
    previous = reused.report;
  }
});

test('a line that a change below turns into a table row leaves the paragraph above it, though its own text did not change', () => {
  // One tab row is stray text in a paragraph; a second row typed under it makes both a table.
  const before = `${seed('000')}\n\n补充说明\n项目\t1\n`;
  const after = `${before}事项\t2\n`;
  const reused = recheck(after, check(before).report);
  assert.ok(reused.report.regions.at(-1)!.rows.length === 2, 'the two rows are a table now');
  clearCaches();
  assert.deepEqual(seen(reused), seen(check(after)));
});

test('a repeated section heading points at the first one as that one reads after an edit', () => {
  const text = `${seed('002')}\n\n二、主动公开政府信息情况\n`;
  const lineEnd = text.indexOf('\n', text.indexOf('二、主动公开政府信息情况'));
  // A space at the end of the first heading's line moves to the start of the next: the same
  // heading on a shorter line, and nothing after it moves.
  const before = `${text.slice(0, lineEnd)} ${text.slice(lineEnd)}`;
  const after = `${text.slice(0, lineEnd)}\n ${text.slice(lineEnd + 1)}`;
  const previous = check(before).report;
  const reused = recheck(after, previous);
  const firstLine = reused.report.headings.find(h => h.section.index === 2)!.line;
  const duplicate = reused.diagnostics.find(d => d.code === 'section-duplicate')!;
  assert.deepEqual(duplicate.related![0].range, reused.report.lines.lineRange(firstLine));
  clearCaches();
  assert.deepEqual(seen(reused), seen(check(after)));
});

test('tables above an edit are the previous report\'s own, and tables below it are the old ones moved', () => {
  const text = seed('000');
  const before = check(text).report;
  const lastTable = before.regions.at(-1)!;
  const middle = before.lines.starts[before.regions[1].lastLine + 2];
  const edited = `${text.slice(0, middle)}新增一行说明。\n${text.slice(middle)}`;
  const after = recheck(edited, before).report;
  assert.equal(after.regions[0], before.regions[0], 'the first table, above the edit, is not read again');
  const moved = after.regions.at(-1)!;
  assert.notEqual(moved, lastTable);
  assert.equal(moved.firstLine, lastTable.firstLine + 1);
  assert.equal(moved.rows[1].cells[0].text, lastTable.rows[1].cells[0].text);
  assert.equal(moved.rows[1].cells[0].start, lastTable.rows[1].cells[0].start + '新增一行说明。\n'.length);
});

test('random edits of every seed, and of seeds rewritten the ways converters write tables, each re-checked from the previous report, give the cold check', () => {
  // Tables joined across regions (captions as plain lines, per-block pipe tables) and HTML tables too.
  const seeds = [...SEEDS.map(name => seed(name.slice(0, 3))), REWRITES['captions as plain lines'](seed('001')),
    ...['pipe tables per block and per row group, captions as ### headings', 'HTML tables with merged cells'].map(r => TAB_REWRITES[r](seed('002')))];
  const edit = fc.record({
    at: fc.nat(),
    cut: fc.nat({ max: 60 }),
    text: fc.constantFrom('', '1', '\t', '\t7', '\n', '\r\n', '\r', '```\n', '~~~\n', '| 申请 | 1 |\n', '一、总体情况\n', '2023年', '[bookmark: _GoBack]', '<!-- nianbao-disable-next-line -->\n', '　', '（七）总计\t', '（续表）\n', '<td>1</td>', '第二十条第（五）项\n'),
  });
  fc.assert(fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, edits) => {
    let text = seeds[which];
    let previous = check(text).report;
    for (const e of edits) {
      const at = e.at % (text.length + 1);
      text = text.slice(0, at) + e.text + text.slice(at + e.cut);
      const reused = recheck(text, previous);
      clearCaches();
      assert.deepEqual(seen(reused), seen(check(text)));
      previous = reused.report;
    }
  }), { numRuns: 40 });
});

test('the line index of an edited text is the one a full scan gives, and its change covers every changed line', () => {
  const text = fc.string({ unit: fc.constantFrom('a', '表', '\r', '\n', '\t'), maxLength: 40 });
  fc.assert(fc.property(text, text, fc.nat(), fc.nat(), (before, inserted, at, cut) => {
    const start = at % (before.length + 1);
    const after = before.slice(0, start) + inserted + before.slice(start + (cut % 5));
    const old = new LineIndex(before);
    const { lines, change } = old.edited(after);
    assert.deepEqual(lines.starts, new LineIndex(after).starts);
    for (let n = 0; n < change.first; n++) assert.equal(lines.line(n), old.line(n));
    for (let n = change.newEnd; n < lines.lineCount; n++) {
      assert.equal(lines.line(n), old.line(n - change.after.lines));
      assert.equal(lines.starts[n], old.starts[n - change.after.lines] + change.after.chars);
    }
  }), { numRuns: 3000 });
});

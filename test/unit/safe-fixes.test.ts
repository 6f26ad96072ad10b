// Issue 13: a safe fix (修复全部, source.fixAll.nianbao on save, `nianbao check --fix`) never
// deletes or changes a number of the report. It may touch white space, debris markers, headings'
// wording and the width of digits, nothing else.
//
// Before the fix, the property below failed at once. The counterexample fast-check shrank to:
//   {"base":0,"values":[1,…],"breaks":[{"at":15898851,"kind":"own-lines"}]}
// seed 000 (one cell per line) with one value of a 表三 row written without its tab: that line ends
// the table region, so 表三 reads as two tables. Fix-all converted both halves to tab rows in its
// first round; in the second the lone "1", now between two tab rows and no longer beside a bare
// number, was deleted as 转换残留的页码「1」 — a value of 表三 gone without asking. Other runs found
// a lone "7" above 表二's first row deleted as a page number at once, and 表二's "行政许可" glued
// to its value ("行政许可1") rewritten by table-label's safe fix to "行政许可".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applySafeFixes, check } from '../../server/src/engine';
import { at, diagnostics, seed, SEEDS } from '../helpers';

const seeds = SEEDS.map(f => seed(f.slice(0, 3)));

// What may go: a number inside a debris marker, on a line in a page-number form no table value
// takes, on a lone-number line outside sections 二/三/四 (a page number when no table is near it;
// conversion-artifact's own tests say which), and a section heading's arabic ordinal (5、 → 五、).
const MARKER = /\[bookmark:[^\]\n]*\]/g;
const PAGE_FORM = /^(?:[-—–─―‒]{1,2}\s*\d+\s*[-—–─―‒]{1,2}|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;
const LONE = /^\d+$/;

interface Number { n: string; line: number }

/** The numbers (NFKC digit runs) a safe fix must keep, in document order, with their line. */
function keptNumbers(text: string): Number[] {
  const { report } = check(text);
  const prose = new Set(report.proseLines);
  const ordinals = new Set(report.headings.filter(h => h.ordinalKind === 'arabic').map(h => h.line));
  const inTableSection = (n: number) => report.sections.some(s => s.heading.section.table && s.firstLine <= n && n <= s.lastLine);
  const out: Number[] = [];
  for (let n = 0; n < report.lines.lineCount; n++) {
    let s = report.lines.line(n).replace(MARKER, '').normalize('NFKC');
    const t = s.trim();
    if (PAGE_FORM.test(t) || (LONE.test(t) && prose.has(n) && !inTableSection(n))) continue;
    if (ordinals.has(n)) s = s.replace(/\d+/, '');
    for (const m of s.match(/\d+/g) ?? []) out.push({ n: m, line: n });
  }
  return out;
}

function assertNumbersKept(text: string) {
  const fixed = applySafeFixes(text).text;
  const before = keptNumbers(text), after = keptNumbers(fixed);
  let i = 0;
  while (i < before.length && i < after.length && before[i].n === after[i].n) i++;
  if (i === before.length && i === after.length) return;
  // Where the two sequences part, with the lines: what a reader of a failure needs.
  const at = (t: string, x?: Number) => (x ? `${x.n} on line ${x.line} «${t.split('\n')[x.line]}»` : 'nothing');
  assert.fail(`fix-all changed number ${i + 1} of ${before.length}: ${at(text, before[i])} became ${at(fixed, after[i])}`);
}

const FOOTERS = ['— 3 —', '- 12 -', '第 2 页', '第3页 共12页', '3/12', '7'];

/**
 * How converting a PDF or a Word file breaks a seed's tables: value cells hold numbers other than
 * 0, then rows lose their tabs (every cell on its own line), a label or caption is glued to the
 * value after it, values are split from their label or float up above their row (under the
 * caption, as in the issue), notes and page footers land between rows.
 */
const breakage = fc.record({
  base: fc.integer({ min: 0, max: seeds.length - 1 }),
  values: fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 40, maxLength: 40 }),
  breaks: fc.array(fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('own-lines', 'glue-next', 'glue-cell', 'split', 'lift', 'note', 'footer'),
    footer: fc.constantFrom(...FOOTERS),
  }), { minLength: 1, maxLength: 8 }),
});

const VALUE_CELL = /(^|\t) *\d+ *(?=\t|$)/g;

function brokenReport({ base, values, breaks }: typeof breakage extends fc.Arbitrary<infer T> ? T : never): string {
  let k = 0;
  const lines = seeds[base].split('\n').map(l => (l.includes('\t') ? l.replace(VALUE_CELL, (_, sep) => `${sep}${values[k++ % values.length]}`) : l));
  for (const b of breaks) {
    const rows = lines.flatMap((l, i) => (l.includes('\t') ? [i] : []));
    if (rows.length === 0) break;
    const i = rows[b.at % rows.length];
    const cells = lines[i].split('\t').map(c => c.trim()).filter(c => c !== '');
    switch (b.kind) {
      case 'own-lines': lines.splice(i, 1, ...cells); break;
      case 'glue-next': if (i + 1 < lines.length) lines.splice(i, 2, lines[i].replace(/\s+$/, '') + lines[i + 1].replace(/^\s+/, '')); break;
      case 'glue-cell': lines[i] = lines[i].replace(/(\p{Script=Han}[^\t]*)\t+(?=\d)/u, '$1'); break;
      case 'split': if (cells.length > 1) lines.splice(i, 1, cells[0], cells.slice(1).join('\t')); break;
      case 'lift': lines.splice(i, 1, ...cells.filter(c => /^\d+$/.test(c)), lines[i].replace(VALUE_CELL, '$1')); break;
      case 'note': lines.splice(i, 0, '（其中修订 16 件）'); break;
      case 'footer': lines.splice(i, 0, b.footer); break;
    }
  }
  return lines.join('\n');
}

test('fix-all keeps every number of the five seeds', () => {
  for (const text of seeds) assertNumbersKept(text);
});

test('fix-all keeps every number of reports whose tables a conversion broke', () => {
  fc.assert(fc.property(breakage, b => assertNumbersKept(brokenReport(b))), { numRuns: 100, includeErrorInReport: true });
});

// The audit of every safe fix: what each one found, as a user meets it.

/** "code range message | fix title (safe or not)" of the diagnostics of `code` on `line`. */
const offered = (text: string, code: string, line: number) => diagnostics(text, code).filter(d => d.range.start.line === line)
  .map(d => `${d.code} ${at(d)} ${d.message} | ${d.fix?.title} (${d.fix?.safe ? 'safe' : 'not safe'})`);

test('table-label: a label with its value glued on gets the template text offered, never applied by fix-all', () => {
  // Seed 001 line 38 is 表二's "行政许可\t0"; a conversion glued the value to the label.
  const text = seed('001').replace('行政许可\t0\t\t', '行政许可22\t\t');
  assert.deepEqual(offered(text, 'table-label', 38), ['table-label 38:0-38:6 表二「第二十条第（五）项」中的「行政许可22」与模板文字「行政许可」不同 | 改为「行政许可」 (not safe)']);
  assert.equal(applySafeFixes(text).text.split('\n')[38], '行政许可22\t\t');
});

test('section-heading: a heading whose words hold a number gets the standard heading offered, never applied by fix-all', () => {
  // Seed 001 line 78 is the heading of section 四; "4、…" below it is a sentence read as a second one.
  const l = seed('001').split('\n');
  l[78] = '四、2024年度政府信息公开行政复议、行政诉讼情况';
  l.splice(79, 0, '4、行政复议 0 件，行政诉讼 2 件');
  const text = l.join('\n');
  assert.deepEqual([78, 79].flatMap(n => offered(text, 'section-heading', n)), [
    'section-heading 78:0-78:25 标题应为「四、政府信息公开行政复议、行政诉讼情况」，而不是「四、2024年度政府信息公开行政复议、行政诉讼情况」 | 改为「四、政府信息公开行政复议、行政诉讼情况」 (not safe)',
    'section-heading 79:0-79:19 标题应为「四、政府信息公开行政复议、行政诉讼情况」，而不是「4、行政复议 0 件，行政诉讼 2 件」 | 改为「四、政府信息公开行政复议、行政诉讼情况」 (not safe)',
  ]);
  assert.deepEqual(applySafeFixes(text).text.split('\n').slice(78, 80), l.slice(78, 80));
  // Seed 004's "5、 存在的主要问题及改进情况": the arabic ordinal is the heading's own, and fix-all writes 五、.
  assert.equal(diagnostics(seed('004'), 'section-heading')[0].fix?.safe, true);
});

test('section-numbering: an arabic "2." is a sub-item\'s own numbering, not a top-level ordinal to rewrite', () => {
  // In seed 001's section 一, a line naming a report reads like a title; its "2." was rewritten to "（二）".
  const l = seed('001').split('\n');
  l.splice(16, 0, '2.按时发布2023年度政府信息公开工作年度报告', '');
  assert.deepEqual(offered(l.join('\n'), 'section-numbering', 16), []);
});

test('table-layout: converting pipe rows keeps a tab row among them', () => {
  // Seed 001's 表二 (lines 32–45) in pipe rows, but for 行政规范性文件's, left with tabs: that row was dropped.
  const l = seed('001').split('\n');
  for (let n = 32; n <= 45; n++) if (n !== 35) l[n] = `| ${l[n].split('\t').join(' | ')} |`;
  l[35] = '行政规范性文件\t7\t8\t9';
  const fixed = applySafeFixes(l.join('\n')).text.split('\n');
  assert.deepEqual(fixed.slice(34, 36), ['规章\t0\t0\t0', '行政规范性文件\t7\t8\t9']);
});

test('fix-all deletes a page footer between a table\'s rows before converting the table, which would glue it into a cell', () => {
  // Seed 000 line 19 is 表二's "\t规章" (one cell per line); a footer below it reads as the rest of that cell.
  const l = seed('000').split('\n');
  l.splice(20, 0, '— 3 —');
  assert.equal(applySafeFixes(l.join('\n')).text, applySafeFixes(seed('000')).text);
});

// Issue "never crash, never lose a character": strange input gets a result, never an exception;
// every range lies inside the document; fixes do what they say and nothing more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applySafeFixes, check, LineIndex, type Diagnostic } from '../../server/src/engine';
import { applyEdits, seed, SEEDS } from '../helpers';

const seeds = SEEDS.map(f => seed(f.slice(0, 3)));

function assertRangesInside(text: string, diagnostics: Diagnostic[]) {
  const lines = new LineIndex(text);
  for (const d of diagnostics) {
    const ranges = [d.range, ...(d.related ?? []).map(r => r.range), ...(d.fix?.edits ?? []).map(e => e.range)];
    for (const r of ranges) {
      for (const p of [r.start, r.end]) {
        assert.ok(p.line >= 0 && p.line < lines.lineCount, `${d.code}: line ${p.line} outside 0..${lines.lineCount - 1}`);
        assert.ok(p.character >= 0 && p.character <= lines.line(p.line).length, `${d.code}: character ${p.character} past the end of line ${p.line}`);
      }
      assert.ok(lines.offset(r.start) <= lines.offset(r.end), `${d.code}: range ends before it starts`);
    }
  }
}

/** A seed with a few random line-level edits: the way half-typed documents look. */
const editedSeed = fc.record({
  base: fc.integer({ min: 0, max: seeds.length - 1 }),
  edits: fc.array(fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('delete', 'duplicate', 'insert', 'cut', 'number'),
    text: fc.oneof(fc.string(), fc.constantFrom('\t', '/', '－３', '1,234', '９'.repeat(20), '一、', '（七）总计', '\t0\t0', '| a | b |', '<!-- nianbao-disable -->')),
  }), { maxLength: 6 }),
}).map(({ base, edits }) => {
  const lines = seeds[base].split('\n');
  for (const e of edits) {
    const i = e.at % lines.length;
    switch (e.kind) {
      case 'delete': lines.splice(i, 1); break;
      case 'duplicate': lines.splice(i, 0, lines[i]); break;
      case 'insert': lines.splice(i, 0, e.text); break;
      case 'cut': lines[i] = lines[i].slice(0, Math.floor(lines[i].length / 2)); break;
      case 'number': lines[i] = lines[i].replace(/\d+/, e.text); break;
    }
  }
  return lines.join('\n');
});

test('the engine never throws and keeps every range inside the document, on random text', () => {
  fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 })), text => {
    assertRangesInside(text, check(text).diagnostics);
  }), { numRuns: 300 });
});

test('the engine never throws and keeps every range inside the document, on edited reports', () => {
  fc.assert(fc.property(editedSeed, text => {
    assertRangesInside(text, check(text).diagnostics);
  }), { numRuns: 150 });
});

test('every fix clears its diagnostic, and the fixed document does not offer it again', () => {
  fc.assert(fc.property(editedSeed, fc.nat(), (text, pick) => {
    const fixable = check(text).diagnostics.filter(d => d.fix);
    if (fixable.length === 0) return;
    const d = fixable[pick % fixable.length];
    const after = applyEdits(text, d.fix!.edits);
    const again = check(after).diagnostics;
    const same = (x: Diagnostic) => x.code === d.code && x.message === d.message;
    assert.ok(again.filter(same).length < check(text).diagnostics.filter(same).length,
      `${d.code} «${d.message}» still reported after its fix «${d.fix!.title}»`);
    assertRangesInside(after, again);
  }), { numRuns: 150 });
});

/**
 * Checks that each fix of `text` changes only the ranges it names: the text before its first
 * edit, between its edits and after its last is all still there, where the edits moved it.
 * Returns how many fixes had more than one edit.
 */
function assertFixesKeepOtherText(text: string): number {
  let several = 0;
  for (const d of check(text).diagnostics) {
    if (!d.fix) continue;
    const lines = new LineIndex(text);
    const spans = d.fix.edits.map(e => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), length: e.newText.length })).sort((a, b) => a.start - b.start);
    const after = applyEdits(text, d.fix.edits);
    let from = 0;
    let shift = 0;
    spans.forEach((s, i) => {
      assert.ok(s.start >= from, `${d.code}: overlapping edits`);
      assert.equal(after.slice(from + shift, s.start + shift), text.slice(from, s.start), `${d.code}: text ${i === 0 ? 'before its first edit' : `between its edits ${i} and ${i + 1}`} changed`);
      shift += s.length - (s.end - s.start);
      from = s.end;
    });
    assert.equal(after.slice(from + shift), text.slice(from), `${d.code}: text after its last edit changed`);
    if (spans.length > 1) several++;
  }
  return several;
}

/** Real slips whose one fix has several edits, which random line edits seldom make. */
const SEVERAL_EDITS: Array<[string, string]> = [
  ['table-label: two labels of 表三 drifted (seed 001)', seed('001').replace('(一) 予以公开', '(一) 予以公开的').replace('(二) 部分公开', '(二) 部分公开的')],
  // Lines 3-9 of seed 000 are 一、总体情况's text; its two sub-headings stay.
  ['section-empty: 一 with only its sub-headings (seed 000)', seed('000').split('\n').filter((l, i) => i < 3 || i > 9 || /^（[一二]）/.test(l)).join('\n')],
];

test('a fix never removes text outside the ranges it names, before, between or after its edits', () => {
  fc.assert(fc.property(editedSeed, text => { assertFixesKeepOtherText(text); }), { numRuns: 60 });
  for (const [slip, text] of SEVERAL_EDITS) assert.ok(assertFixesKeepOtherText(text) > 0, `${slip}: no fix with several edits`);
});

test('fix all is idempotent: a second run applies nothing and changes nothing', () => {
  fc.assert(fc.property(editedSeed, text => {
    const once = applySafeFixes(text);
    const twice = applySafeFixes(once.text);
    assert.equal(twice.applied, 0);
    assert.equal(twice.text, once.text);
    assertRangesInside(once.text, check(once.text).diagnostics);
  }), { numRuns: 60 });
});

const report001 = seed('001');

test('inputs that are not reports get no diagnostics and no exception', () => {
  for (const text of ['', '   \n\t\n', '\0\0\0\u0001binary\uFFFD', 'x'.repeat(1 << 20), '> '.repeat(5000) + 'x', '# \n## \n一、\n']) {
    assert.deepEqual(check(text).diagnostics, []);
  }
});

test('deeply nested Markdown inside a report is parsed without overflowing the stack', () => {
  const nested = ['> '.repeat(5000) + '嵌套引用', '- '.repeat(5000) + '列表'];
  for (const block of nested) {
    const text = report001.replace('五、存在的主要问题及改进情况', `${block}\n\n五、存在的主要问题及改进情况`);
    const { report, diagnostics } = check(text);
    assert.equal(report.isReport, true);
    assertRangesInside(text, diagnostics);
  }
});

test('line endings: CRLF, CR-only and mixed give the same findings as LF, on the same lines', () => {
  const lf = check(report001).diagnostics.map(d => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`);
  const variants = {
    crlf: report001.replace(/\n/g, '\r\n'),
    cr: report001.replace(/\n/g, '\r'),
    mixed: report001.split('\n').map((l, i) => l + ['\r\n', '\n', '\r'][i % 3]).join('').slice(0, -1),
  };
  for (const [name, text] of Object.entries(variants)) {
    const got = check(text).diagnostics;
    assert.deepEqual(got.map(d => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`), lf, name);
    assertRangesInside(text, got);
  }
});

test('a UTF-8 BOM before the title does not hide the title', () => {
  const { report } = check('\uFEFF' + report001);
  assert.equal(report.year, 2024);
});

test('a report with only a title, and a table header with no rows, get findings, not exceptions', () => {
  const titleOnly = check('某某乡2024年政府信息公开工作年度报告\n');
  assert.deepEqual(titleOnly.diagnostics.filter(d => d.code === 'section-missing').length, 6);
  const headerOnly = report001.split('\n').slice(0, 51).join('\n');
  assertRangesInside(headerOnly, check(headerOnly).diagnostics);
});

test('values past Number.MAX_SAFE_INTEGER stay exact in sums', () => {
  // 表三 本年新收: 自然人 9007199254740993 and 总计 9007199254740993 (a float would round both to …992).
  const lines = report001.split('\n');
  const row = lines.findIndex(l => l.startsWith('一、本年新收'));
  lines[row] = lines[row].replace(/\t0\t0\t0\t0\t0\t0\t0\t$/, '\t9007199254740993\t0\t0\t0\t0\t0\t9007199254740994\t');
  const d = check(lines.join('\n')).diagnostics.find(x => x.code === 't3-row-total');
  assert.ok(d, 'the 1-unit difference is found');
  assert.match(d!.message, /自然人 9007199254740993 .*= 9007199254740993，但总计为 9007199254740994（相差 1[）；]/);
});

test('number forms: thousands separators read, odd forms reported as invalid, never guessed', () => {
  const lines = report001.split('\n');
  const row = lines.findIndex(l => l.startsWith('一、本年新收'));
  const withCell = (cell: string) => {
    const copy = [...lines];
    copy[row] = copy[row].replace(/^(一、本年新收[^\t]*\t\t)0/, `$1${cell}`);
    return check(copy.join('\n')).diagnostics.filter(d => d.range.start.line === row && d.code.startsWith('cell'));
  };
  assert.deepEqual(withCell('1,234').map(d => d.code), []);
  assert.deepEqual(withCell('1，234').map(d => d.code), ['cell-fullwidth']);
  assert.deepEqual(withCell('1 234').map(d => d.code), ['cell-invalid']);
  assert.deepEqual(withCell('０.５').map(d => d.code).sort(), ['cell-fullwidth', 'cell-invalid']);
  assert.deepEqual(withCell('1e3').map(d => d.code), ['cell-invalid']);
  assert.deepEqual(withCell('-0').map(d => d.code), []);
});

test('half-typed documents: a table row cut in the middle is a shape error, a bare ordinal is left alone, two 表三 are both checked', () => {
  const lines = report001.split('\n');
  const carried = lines.findIndex(l => l.startsWith('二、上年结转'));
  const cut = [...lines];
  cut[carried] = cut[carried].slice(0, 24); // "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t"
  assert.deepEqual(check(cut.join('\n')).diagnostics.filter(d => d.code.startsWith('t')).map(d => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`),
    [`table-shape ${carried}:0 表三「二、上年结转政府信息公开申请数量」行应有 7 个数值，实际有 3 个`]);

  const typing = [...lines];
  typing.splice(30, 0, '## ', '三、');
  assert.deepEqual(check(typing.join('\n')).diagnostics.filter(d => d.range.start.line === 30 || d.range.start.line === 31), []);

  const twice = [...lines, ...lines.slice(48, 77)];
  const second = twice.findLastIndex(l => l.startsWith('一、本年新收'));
  twice[second] = twice[second].replace('\t\t0', '\t\t1'); // 自然人 1, 总计 still 0
  const { report, diagnostics: found } = check(twice.join('\n'));
  assert.deepEqual(report.tables.map(t => t.def.id), ['t2', 't3', 't4', 't3']);
  assert.ok(found.some(d => d.code === 't3-cell' && d.range.start.line === second), 'the second 表三 is checked too');
});

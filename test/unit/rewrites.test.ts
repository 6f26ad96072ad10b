// Issue "Tables as people really type and paste them": a report rewritten without changing a
// number (whitespace trimmed on save, captions typed differently, blank lines gone, group headers
// left out, tables as per-block pipe tables, flattened headers or HTML, CRLF) keeps its findings,
// apart from the table-layout note on the layout itself. Each text is checked as it is and with
// a slip in 表三 and one in 表四, so the findings compared are more than the seeds' few.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySafeFixes, check, cellKey } from '../../server/src/engine';
import { seed } from '../helpers';
import { REWRITES, TAB_REWRITES, type Rewrite } from '../rewrites';
import { generateReport, LAYOUTS } from '../../bench/generate';

/** The findings a user reads, line numbers inside messages aside (a rewrite moves lines). */
const findings = (text: string) => check(text).diagnostics.filter(d => d.code !== 'table-layout')
  .map(d => `${d.code} ${d.message.replace(/第 \d+ 行/g, '第 N 行')}`).sort();

/** The text with 本年新收 × 自然人 and 表四 复议·维持 each one more than written. */
function withSlips(text: string): string {
  const { report } = check(text);
  const cells = [
    report.tables.find(t => t.def.id === 't3')!.values.get(cellKey('new', 'natural'))!,
    report.tables.find(t => t.def.id === 't4')!.values.get(cellKey('cases', 'review.upheld'))!,
  ].sort((a, b) => b.start - a.start);
  for (const c of cells) text = text.slice(0, c.start) + String(Number(c.text) + 1) + text.slice(c.end);
  return text;
}

const SEED_TEXTS = ['000', '001', '002', '003', '004'].map(p => [`seed ${p}`, seed(p)] as const);
const GENERATED = LAYOUTS.flatMap(layout => [2020, 2023].map(year => [`generated ${layout} ${year}`, generateReport(year + LAYOUTS.indexOf(layout), { layout, year })] as const));
const TAB_TEXTS = [...SEED_TEXTS.filter(([name]) => name === 'seed 001' || name === 'seed 002'), ...GENERATED.filter(([name]) => name.includes(' tab '))];

function holds(rewrites: Record<string, Rewrite>, texts: ReadonlyArray<readonly [string, string]>) {
  for (const [rewrite, apply] of Object.entries(rewrites)) {
    test(`${rewrite}: every report keeps its findings`, () => {
      let changed = 0;
      for (const [name, original] of texts) {
        for (const text of [original, withSlips(original)]) {
          const rewritten = apply(text);
          if (rewritten !== text) changed++;
          assert.deepEqual(findings(rewritten), findings(text), name);
        }
      }
      assert.ok(changed >= texts.length, 'the rewrite changed the reports');
    });
  }
}

test('the slips are found before any rewrite: one t3-cell and one t4-group-total more', () => {
  for (const [name, text] of [...SEED_TEXTS, ...GENERATED]) {
    const added = findings(withSlips(text)).filter(f => !findings(text).includes(f));
    assert.deepEqual(added.map(f => f.split(' ')[0]), ['t3-cell', 't4-group-total'], name);
  }
});

holds(REWRITES, [...SEED_TEXTS, ...GENERATED]);
holds(TAB_REWRITES, TAB_TEXTS);

/** Every value of every table, by table and cell. */
const values = (text: string) => check(text).report.tables.flatMap(t => [...t.values].map(([key, v]) => `${t.def.id} ${key} ${v.text}`)).sort();

// Converting a table to tab rows (table-layout's safe fix) must write a table that reads the same.
test('every rewritten report, its safe fixes applied, keeps every table value', () => {
  const cases = [
    ...Object.entries(REWRITES).flatMap(([rewrite, apply]) => [...SEED_TEXTS, ...GENERATED].map(([name, text]) => [`${name} / ${rewrite}`, apply(text)] as const)),
    ...Object.entries(TAB_REWRITES).flatMap(([rewrite, apply]) => TAB_TEXTS.map(([name, text]) => [`${name} / ${rewrite}`, apply(text)] as const)),
  ];
  for (const [name, text] of cases) {
    const fixed = applySafeFixes(text).text;
    assert.deepEqual(values(fixed), values(text), name);
    assert.deepEqual(check(fixed).diagnostics.filter(d => d.code === 'table-layout').map(d => d.message), [], name);
  }
});

// Issue "Tables as people really type and paste them": every single slip in 表三 is one error,
// on the mistyped cell, whose quick fix writes back the value the table had. Each value cell of a
// 表三 is changed in turn (up, and down or blanked where it held a number), in both formats and in
// the layouts users write; the shares are printed and must all be 100%.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTextEdits, check, type MatchedTable } from '../../server/src/engine';
import { seed } from '../helpers';
import { generateReport } from '../../bench/generate';

const TEXTS: Array<[string, string]> = [
  ['seed 001 (2021, tab, all zeros)', seed('001')],
  ['seed 003 (2019, one cell per line, all zeros)', seed('003')],
  ['generated 2020 (2019, pipe)', generateReport(11, { layout: 'pipe', year: 2020 })],
  ['generated 2023 (2021, tab)', generateReport(12, { layout: 'tab', year: 2023 })],
  ['generated 2022 (2021, one cell per line)', generateReport(13, { layout: 'cell-per-line', year: 2022 })],
];

for (const [name, text] of TEXTS) {
  test(`${name}: a slip in any 表三 cell is one error on that cell, and its fix restores the table`, () => {
    const { report, diagnostics: before } = check(text);
    const errorsBefore = before.filter(d => d.severity === 'error').length;
    const t3 = report.tables.find(t => t.def.id === 't3') as MatchedTable;
    let slips = 0, onCell = 0, restored = 0;
    const misses: string[] = [];
    for (const cell of t3.values.values()) {
      const value = Number(cell.text);
      for (const typed of [String(value + 3), value > 0 ? String(value - 1) : undefined, value > 0 ? '' : undefined]) {
        if (typed === undefined) continue;
        slips++;
        const mutated = text.slice(0, cell.start) + typed + text.slice(cell.end);
        const { report: after, diagnostics } = check(mutated);
        const errors = diagnostics.filter(d => d.severity === 'error');
        const at = errors.filter(d => d.code === 't3-cell' && after.lines.offset(d.range.start) === cell.start);
        if (errors.length === errorsBefore + 1 && at.length === 1) onCell++;
        else misses.push(`${cell.row.short} × ${cell.col.label} = ${JSON.stringify(typed)}: ${errors.map(d => d.code).join(', ')}`);
        if (at[0]?.fix && applyTextEdits(mutated, at[0].fix.edits) === text) restored++;
      }
    }
    const share = (n: number) => `${((100 * n) / slips).toFixed(1)}%`;
    console.log(`${name}: ${slips} slips; error on the mistyped cell ${share(onCell)}; fix restores the value ${share(restored)}`);
    assert.deepEqual(misses, []);
    assert.equal(restored, slips);
  });
}

import { defineRule, type Finding } from '../types';
import { tableArithmetic } from '../relations';
import { blankBlocks, cellName, cellRange } from './util';

export const cellEmpty = defineRule({
  id: 'cell-empty',
  severity: 'warning',
  description: '应填数字的单元格为空',
  scope: 'table',
  check(t, report) {
    // A blank form is table-empty's; a blank cell the relations around it say is not 0 is
    // t3-cell's, with the value they agree on.
    const blank = blankBlocks(t);
    const slips = new Set(tableArithmetic(t).slips.map(s => s.cell));
    const out: Finding[] = [];
    for (const c of t.values.values()) {
      if (c.parsed.problem !== 'empty' || blank.has(c.block) || slips.has(c)) continue;
      const range = cellRange(report, c);
      out.push({
        range,
        message: `${t.def.name}「${cellName(c)}」为空，没有发生的应填 0`,
        fix: { title: '填写 0', safe: false, edits: [{ range, newText: '0' }] },
      });
    }
    return out;
  },
});

import type { Rule } from '../types';
import { tableArithmetic } from '../relations';
import { cellFindings, cellName, cellRange } from './util';

export const cellEmpty: Rule = {
  id: 'cell-empty',
  severity: 'warning',
  description: '应填数字的单元格为空',
  check(report) {
    return cellFindings(report, this.id, (t, c) => {
      // A blank cell the relations around it say is not 0 is t3-cell's, with the value they agree on.
      if (c.parsed.problem !== 'empty' || tableArithmetic(t).slips.some(s => s.cell === c)) return undefined;
      const range = cellRange(report, c);
      return {
        range,
        message: `${t.def.name}「${cellName(c)}」为空，没有发生的应填 0`,
        fix: { title: '填写 0', safe: false, edits: [{ range, newText: '0' }] },
      };
    });
  },
};

import type { Rule } from '../types';
import { keepsNumbers, tableFindings } from './util';

export const tableLabel: Rule = {
  id: 'table-label',
  severity: 'warning',
  description: '统计表的行名或列名与模板文字不同',
  check(report) {
    return tableFindings(report, this.id, t => t.problems.flatMap(p => {
      if (p.kind !== 'label') return [];
      const text = p.cell.text.trim();
      const lead = report.text.slice(p.cell.start, p.cell.end).search(/\S/);
      const start = p.cell.start + Math.max(0, lead);
      const range = report.lines.range(start, p.cell.end);
      return [{
        range,
        message: `${t.def.name}中的「${text}」与模板文字「${p.expected}」不同`,
        // "行政许可 1" is a label with its value glued on, "3.重复申请" another row's label: only the user can say.
        fix: { title: `改为「${p.expected}」`, safe: keepsNumbers(text, p.expected), edits: [{ range, newText: p.expected }] },
      }];
    }));
  },
};

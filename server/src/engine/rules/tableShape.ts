import type { Finding, Rule } from '../types';
import { tableFindings } from './util';

export const tableShape: Rule = {
  id: 'table-shape',
  severity: 'error',
  description: '统计表缺少模板中的行或列，或某行的数值个数不对',
  check(report) {
    return tableFindings(report, this.id, t => {
      const out: Finding[] = [];
      const name = t.def.name;
      for (const p of t.problems) {
        switch (p.kind) {
          case 'row-missing':
            out.push({ range: report.lines.lineRange(report.lines.position(p.at).line), message: `${name}缺少「${p.row.label || p.row.short}」行` });
            break;
          case 'column-missing':
            out.push({ range: report.lines.lineRange(report.lines.position(p.at).line), message: `${name}表头缺少「${p.label}」列` });
            break;
          case 'value-count':
            out.push({
              range: report.lines.range(p.at.start, p.at.end),
              message: `${name}「${p.row.label || p.row.short}」行应有 ${p.expected} 个数值，实际有 ${p.found} 个`,
            });
            break;
          case 'row-unknown':
            out.push({ range: report.lines.range(p.label.start, p.label.end), message: `${name}中的「${p.label.text.trim()}」不是模板中的行` });
            break;
        }
      }
      return out;
    });
  },
};

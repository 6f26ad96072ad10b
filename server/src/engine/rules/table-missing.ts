import { defineRule } from '../types';
import { TABLES } from '../template';
import { templateTable } from '../blocks';
import { insertLines } from './util';

export const tableMissing = defineRule({
  id: 'table-missing',
  severity: 'error',
  description: '第二、三、四部分缺少统计表',
  scope: 'report',
  check(report) {
    const seen = new Set<number>();
    return report.headings.flatMap(h => {
      const id = h.section.table;
      if (!id || seen.has(h.section.index) || report.tables.some(t => t.def.id === id)) return [];
      seen.add(h.section.index);
      const def = TABLES[report.expectedFormat][id];
      const eol = report.lines.eol();
      // A blank line after the table, unless nothing follows it.
      const after = h.line + 1 < report.lines.lineCount ? eol : '';
      return [{
        range: report.lines.range(h.start, h.end),
        message: `「${h.section.ordinal}、${h.section.title}」缺少${def.name}（${def.title}）`,
        fix: {
          title: `插入${report.expectedFormat}版${def.name}模板（全部为 0）`,
          safe: false,
          edits: [insertLines(report, h.line + 1, `${eol}${templateTable(id, report.expectedFormat, eol)}${eol}${after}`)],
        },
      }];
    });
  },
});

import type { Rule } from '../types';
import { TABLES } from '../template';
import { templateTable } from '../blocks';

export const tableMissing: Rule = {
  id: 'table-missing',
  severity: 'error',
  description: '第二、三、四部分缺少统计表',
  check(report) {
    const seen = new Set<number>();
    return report.headings.flatMap(h => {
      const id = h.section.table;
      if (!id || seen.has(h.section.index) || report.tables.some(t => t.def.id === id)) return [];
      seen.add(h.section.index);
      const def = TABLES[report.expectedFormat][id];
      const eol = report.lines.eol();
      const next = h.line + 1;
      const atEnd = next >= report.lines.lineCount;
      const offset = atEnd ? report.text.length : report.lines.starts[next];
      const pos = report.lines.position(offset);
      const lead = atEnd ? eol : '';
      return [{
        range: report.lines.range(h.start, h.end),
        message: `「${h.section.ordinal}、${h.section.title}」缺少${def.name}（${def.title}）`,
        fix: {
          title: `插入${report.expectedFormat}版${def.name}模板（全部为 0）`,
          safe: false,
          edits: [{ range: { start: pos, end: pos }, newText: `${lead}${eol}${templateTable(id, report.expectedFormat, eol)}${eol}${atEnd ? '' : eol}` }],
        },
      }];
    });
  },
};

import { defineRule } from '../types';
import { SECTIONS, standardHeading } from '../template';
import { templateSection } from '../blocks';
import type { Report } from '../report';
import { insertLines } from './util';

/** Where a missing section goes: before its table if the table is there, else before the next present section. */
function insertionLine(report: Report, index: number): { line: number; withTable: boolean } {
  const table = SECTIONS[index - 1].table;
  const orphan = table && report.tables.find(t => t.def.id === table);
  if (orphan) return { line: orphan.regions[0].firstLine, withTable: false };
  const next = report.headings.find(h => h.section.index > index);
  return { line: next ? next.line : report.lines.lineCount, withTable: true };
}

export const sectionMissing = defineRule({
  id: 'section-missing',
  severity: 'error',
  description: '六个部分之一缺失',
  scope: 'report',
  check(report) {
    const present = new Set(report.headings.map(h => h.section.index));
    return SECTIONS.filter(s => !present.has(s.index)).map(s => {
      const eol = report.lines.eol();
      const { line, withTable } = insertionLine(report, s.index);
      const anchorLine = Math.min(line, report.lines.lineCount - 1);
      return {
        range: report.lines.lineRange(anchorLine),
        message: `缺少第${s.ordinal}部分「${standardHeading(s)}」`,
        fix: {
          title: `插入「${standardHeading(s)}」${s.table && withTable ? '及模板表格' : ''}`,
          safe: false,
          edits: [insertLines(report, line, `${templateSection(s.index, report.expectedFormat, eol, withTable)}${eol}`)],
        },
      };
    });
  },
});

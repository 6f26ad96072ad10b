import { defineRule } from '../types';

export const templateVersion = defineRule({
  id: 'template-version',
  severity: 'warning',
  description: '统计表的格式版本与报告年度不符（2021 年起用 2021 版）',
  scope: 'report',
  check(report) {
    if (report.year === null) return [];
    return report.tables.filter(t => t.formatFromLabels && t.format !== report.expectedFormat).map(t => ({
      range: report.lines.lineRange(t.rows[0]?.firstLine ?? t.regions[0].firstLine),
      message: `${report.year} 年度报告应使用 ${report.expectedFormat} 版格式，但${t.def.name}按 ${t.format} 版填写`,
    }));
  },
});

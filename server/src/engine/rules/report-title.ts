import { defineRule, type Finding } from '../types';
import type { Report } from '../report';
import { isDirectiveLine } from '../directives';
import { organInTitle } from '../identity';

function missingTitle(report: Report): Finding[] {
  let line = 0;
  while (line < report.lines.lineCount - 1 && (report.lines.line(line).trim() === '' || isDirectiveLine(report.lines.line(line)))) line++;
  const year = report.year ?? '××××';
  return [{
    range: report.lines.lineRange(line),
    message: `缺少报告标题：开头应有一行写明机关名称和报告年度，如「××乡${year}年政府信息公开工作年度报告」`,
  }];
}

export const reportTitle = defineRule({
  id: 'report-title',
  severity: 'warning',
  description: '缺少写明机关和年度的标题，或标题在正文中重复出现',
  scope: 'report',
  check(report) {
    const title = report.title;
    if (!title) return missingTitle(report);
    const out: Finding[] = [];
    const missing = [organInTitle(title.text).length < 2 ? '机关名称' : '', title.year === undefined ? '报告年度' : ''].filter(Boolean);
    if (missing.length) {
      out.push({ range: report.lines.range(title.start, title.end), message: `报告标题「${title.text}」未写明${missing.join('和')}` });
    }
    const titleRange = report.lines.range(title.start, title.end);
    for (const t of report.repeatedTitles) {
      out.push({
        range: report.lines.range(t.start, t.end),
        message: `报告标题「${t.text}」在正文中重复出现（第 ${title.line + 1} 行已是标题）`,
        related: [{ range: titleRange, message: '报告标题' }],
        fix: { title: '删除重复的标题行', safe: false, edits: [{ range: report.lines.wholeLinesRange(t.line, t.line), newText: '' }] },
      });
    }
    return out;
  },
});

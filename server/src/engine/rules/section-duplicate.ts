import { defineRule, type Finding } from '../types';
import type { SectionHeading } from '../sections';
import { standardHeading } from '../template';

export const sectionDuplicate = defineRule({
  id: 'section-duplicate',
  severity: 'warning',
  description: '同一部分出现两次',
  scope: 'outline',
  check(report) {
    const firsts = new Map<number, SectionHeading>();
    const out: Finding[] = [];
    for (const h of report.headings) {
      const first = firsts.get(h.section.index);
      if (first === undefined) { firsts.set(h.section.index, h); continue; }
      out.push({
        range: report.lines.range(h.start, h.end),
        message: `「${standardHeading(h.section)}」重复出现（第 ${first.line + 1} 行已有）`,
        related: [{ range: report.lines.lineRange(first.line), message: '第一次出现' }],
      });
    }
    return out;
  },
});

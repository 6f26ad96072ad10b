import type { Rule } from '../types';
import { standardHeading } from '../template';

export const sectionDuplicate: Rule = {
  id: 'section-duplicate',
  severity: 'warning',
  description: '同一部分出现两次',
  check(report) {
    const first = new Map<number, number>();
    return report.headings.flatMap(h => {
      const earlier = first.get(h.section.index);
      if (earlier === undefined) { first.set(h.section.index, h.line); return []; }
      return [{
        range: report.lines.range(h.start, h.end),
        message: `「${standardHeading(h.section)}」重复出现（第 ${earlier + 1} 行已有）`,
        related: [{ range: report.lines.lineRange(earlier), message: '第一次出现' }],
      }];
    });
  },
};

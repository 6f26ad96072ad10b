import type { Rule } from '../types';
import { standardHeading } from '../template';

export const sectionHeading: Rule = {
  id: 'section-heading',
  severity: 'warning',
  description: '部分标题的文字或序号与模板不同',
  check(report) {
    return report.headings.filter(h => !h.standard).map(h => {
      const expected = standardHeading(h.section);
      const range = report.lines.range(h.start, h.end);
      return {
        range,
        message: `标题应为「${expected}」，而不是「${report.text.slice(h.start, h.end)}」`,
        fix: { title: `改为「${expected}」`, safe: true, edits: [{ range, newText: expected }] },
      };
    });
  },
};

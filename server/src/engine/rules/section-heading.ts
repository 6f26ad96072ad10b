import { defineRule } from '../types';
import { standardHeading } from '../template';
import { keepsNumbers } from './util';

export const sectionHeading = defineRule({
  id: 'section-heading',
  severity: 'warning',
  description: '部分标题的文字或序号与模板不同',
  scope: 'report',
  check(report) {
    return report.headings.filter(h => !h.standard).map(h => {
      const expected = standardHeading(h.section);
      const range = report.lines.range(h.start, h.end);
      return {
        range,
        message: `标题应为「${expected}」，而不是「${report.text.slice(h.start, h.end)}」`,
        // The ordinal is the heading's own (5、 becomes 五、); a number in its words ("四、2022年行政复议 0 件") is the report's.
        fix: { title: `改为「${expected}」`, safe: keepsNumbers(h.words, h.section.title), edits: [{ range, newText: expected }] },
      };
    });
  },
});

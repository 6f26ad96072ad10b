import { defineRule } from '../types';
import { standardHeading } from '../template';
import { titleWords } from '../sections';
import { keepsNumbers } from './util';

export const sectionHeading = defineRule({
  id: 'section-heading',
  severity: 'warning',
  description: '部分标题的文字或序号与模板不同',
  scope: 'outline',
  check(report) {
    return report.headings.filter(h => !h.standard).map(h => {
      const expected = standardHeading(h.section);
      const written = report.text.slice(h.start, h.end);
      // Words after a colon are the section's own ("五、…情况：无"): the fix keeps them.
      const title = titleWords(h.words);
      const colon = title === h.words ? -1 : written.search(/[：:]/);
      const end = colon > 0 ? h.start + colon : h.end;
      const range = report.lines.range(h.start, end);
      return {
        range,
        message: `标题应为「${expected}」，而不是「${report.text.slice(h.start, end)}」`,
        // The ordinal is the heading's own (5、 becomes 五、); a number in its words ("四、2022年行政复议 0 件") is the report's.
        fix: { title: `改为「${expected}」`, safe: keepsNumbers(title, h.section.title), edits: [{ range, newText: expected }] },
      };
    });
  },
});

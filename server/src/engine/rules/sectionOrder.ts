import type { Rule } from '../types';
import { standardHeading } from '../template';
import type { SectionHeading } from '../sections';

export const sectionOrder: Rule = {
  id: 'section-order',
  severity: 'error',
  description: '六个部分的顺序不对',
  check(report) {
    let latest: SectionHeading | undefined;
    return report.headings.flatMap(h => {
      if (latest && h.section.index < latest.section.index) {
        return [{
          range: report.lines.range(h.start, h.end),
          message: `「${standardHeading(h.section)}」应在「${standardHeading(latest.section)}」之前`,
          related: [{ range: report.lines.range(latest.start, latest.end), message: standardHeading(latest.section) }],
        }];
      }
      if (!latest || h.section.index > latest.section.index) latest = h;
      return [];
    });
  },
};

import type { Finding, Rule } from '../types';
import type { SectionHeading } from '../sections';
import { standardHeading } from '../template';

// A re-check keeps unchanged headings as they were (sections.ts), and a finding depends on the
// heading and the first one of its section alone: a document of many reports has hundreds.
const kept = new WeakMap<SectionHeading, { first: SectionHeading; finding: Finding }>();

export const sectionDuplicate: Rule = {
  id: 'section-duplicate',
  severity: 'warning',
  description: '同一部分出现两次',
  check(report) {
    const firsts = new Map<number, SectionHeading>();
    const out: Finding[] = [];
    for (const h of report.headings) {
      const first = firsts.get(h.section.index);
      if (first === undefined) { firsts.set(h.section.index, h); continue; }
      let known = kept.get(h);
      if (known?.first !== first) {
        known = {
          first,
          finding: {
            range: report.lines.range(h.start, h.end),
            message: `「${standardHeading(h.section)}」重复出现（第 ${first.line + 1} 行已有）`,
            related: [{ range: report.lines.lineRange(first.line), message: '第一次出现' }],
          },
        };
        kept.set(h, known);
      }
      out.push(known.finding);
    }
    return out;
  },
};

import { defineRule } from '../types';
import { standardHeading } from '../template';
import type { SectionHeading } from '../sections';

/** The longest run of headings already in order; the others are the ones out of place. */
function inOrder(headings: SectionHeading[]): Set<SectionHeading> {
  const best: number[] = [], prev: number[] = [];
  headings.forEach((h, i) => {
    best[i] = 1; prev[i] = -1;
    for (let j = 0; j < i; j++) {
      if (headings[j].section.index < h.section.index && best[j] + 1 > best[i]) { best[i] = best[j] + 1; prev[i] = j; }
    }
  });
  const kept = new Set<SectionHeading>();
  let i = best.indexOf(Math.max(0, ...best));
  for (; i >= 0; i = prev[i]) kept.add(headings[i]);
  return kept;
}

export const sectionOrder = defineRule({
  id: 'section-order',
  severity: 'error',
  description: '六个部分的顺序不对',
  scope: 'outline',
  check(report) {
    // A repeated heading is section-duplicate's finding, not an order problem.
    const seen = new Set<number>();
    const firsts = report.headings.filter(h => !seen.has(h.section.index) && seen.add(h.section.index));
    const kept = inOrder(firsts);
    return firsts.filter(h => !kept.has(h)).map(h => {
      const i = firsts.indexOf(h);
      // Name the in-order neighbour it jumped: a later section written before it, or an earlier one after it.
      const later = firsts.slice(0, i).find(o => kept.has(o) && o.section.index > h.section.index);
      const earlier = firsts.slice(i + 1).filter(o => kept.has(o) && o.section.index < h.section.index).pop();
      const other = (later ?? earlier)!;
      return {
        range: report.lines.range(h.start, h.end),
        message: `「${standardHeading(h.section)}」应在「${standardHeading(other.section)}」${later ? '之前' : '之后'}`,
        related: [{ range: report.lines.range(other.start, other.end), message: standardHeading(other.section) }],
      };
    });
  },
});

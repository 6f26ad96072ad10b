import { defineRule } from '../types';
import { sectionAt } from '../report';
import { CN_ORDINALS } from '../text';

export const sectionNumbering = defineRule({
  id: 'section-numbering',
  severity: 'warning',
  description: '部分内的子项使用了一级序号（一、二、）',
  scope: 'outline',
  check(report) {
    return report.subItems.flatMap(h => {
      const section = sectionAt(report.sections, h.line);
      // Only 一、二、: an arabic "2." is a sub-item's own numbering, and its digit the author's.
      if (!section || h.ordinalKind !== 'chinese' || h.ordinal === undefined) return [];
      const numeral = CN_ORDINALS[h.ordinal] ?? '';
      const range = report.lines.range(h.ordinalStart, h.ordinalEnd);
      const replacement = `（${numeral}）`;
      return [{
        range: report.lines.range(h.ordinalStart, h.end),
        message: `「${section.heading.section.ordinal}、${section.heading.section.title}」内的子项「${h.ordinalText}${h.words}」使用了一级序号，应为「${replacement}」`,
        fix: { title: `改为「${replacement}${h.words}」`, safe: true, edits: [{ range, newText: replacement }] },
      }];
    });
  },
});

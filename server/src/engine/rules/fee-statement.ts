import { defineRule } from '../types';
import { standardHeading } from '../template';

const FEE_WORDS = /信息处理费|收费|收取.{0,12}费|费用/;

/** 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号) applies from the 2021 reports on. */
const FIRST_YEAR = 2021;

export const feeStatement = defineRule({
  id: 'fee-statement',
  severity: 'info',
  description: '2021 年及以后的报告第六部分未说明是否收取信息处理费',
  scope: 'report',
  check(report) {
    const applies = report.year !== null ? report.year >= FIRST_YEAR : report.format === '2021';
    const spans = report.sections.filter(s => s.heading.section.index === 6);
    if (!applies || spans.length === 0) return [];
    const said = spans.some(s => FEE_WORDS.test(report.text.slice(s.heading.end, report.lines.lineEnd(s.lastLine))));
    if (said) return [];
    const h = spans[0].heading;
    return [{
      range: report.lines.range(h.start, h.end),
      message: `「${standardHeading(h.section)}」未说明本年度是否收取信息处理费（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）`,
    }];
  },
});

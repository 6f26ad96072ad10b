import { defineRule } from '../types';
import { UNIT, type ValueProblem } from '../values';
import { cellName, cellRange, valueFindings } from './util';

const REASONS: Partial<Record<ValueProblem, (text: string) => string>> = {
  placeholder: t => `是占位符「${t}」，应填写数字（没有发生的填 0）`,
  'not-number': t => `「${t}」不是数字`,
  negative: t => `为负数 ${t}，只有「本年增/减」可以为负`,
  fraction: t => `为小数 ${t}，件数应为整数`,
  spaces: t => `「${t}」数字中间有空格`,
  unit: t => `「${t}」带了单位，只写数字「${t.replace(UNIT, '')}」`,
};

export const cellInvalid = defineRule({
  id: 'cell-invalid',
  severity: 'error',
  description: '单元格不是有效数字（占位符、负数、小数等）',
  scope: 'table',
  check(t, report) {
    return valueFindings(t, c => {
      const reason = c.parsed.problem && REASONS[c.parsed.problem];
      return reason ? { range: cellRange(report, c), message: `${t.def.name}「${cellName(c)}」${reason(c.text)}` } : undefined;
    });
  },
});

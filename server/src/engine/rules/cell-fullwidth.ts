import { defineRule } from '../types';
import { cellName, cellRange, valueFindings } from './util';

const toHalfWidth = (s: string) => s.replace(/[０-９－．，]/g, ch => ch.normalize('NFKC')).replace(/^−/, '-');

export const cellFullwidth = defineRule({
  id: 'cell-fullwidth',
  severity: 'info',
  description: '单元格中有全角数字或负号',
  scope: 'table',
  check(t, report) {
    return valueFindings(t, c => {
      if (!c.parsed.fullwidth || c.parsed.problem === 'empty') return undefined;
      const range = cellRange(report, c);
      const half = toHalfWidth(c.text);
      return {
        range,
        message: `${t.def.name}「${cellName(c)}」使用了全角字符「${c.text}」，应为「${half}」`,
        fix: { title: `改为半角「${half}」`, safe: true, edits: [{ range, newText: half }] },
      };
    });
  },
});

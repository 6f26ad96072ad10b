import type { Rule } from '../types';
import { convertRegion } from '../blocks';
import { deferredFix } from './util';

const LAYOUT_NAMES = { 'cell-per-line': '每个单元格占一行', pipe: '竖线分隔', tab: '制表符分隔' } as const;

export const tableLayout: Rule = {
  id: 'table-layout',
  severity: 'info',
  description: '统计表不是制表符分隔的格式',
  check(report) {
    return report.regions.filter(r => r.layout !== 'tab').map(r => {
      const names = report.tables.filter(t => t.region === r).map(t => t.def.name).join('、') || '表格';
      return {
        range: report.lines.lineRange(r.firstLine),
        message: `${names}为「${LAYOUT_NAMES[r.layout]}」格式，可转换为制表符分隔的表格`,
        fix: deferredFix('转换为制表符分隔的表格', true, () => [convertRegion(report.lines, r)]),
      };
    });
  },
};

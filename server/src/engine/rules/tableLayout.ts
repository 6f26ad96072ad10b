import type { Rule } from '../types';
import { convertRegion } from '../blocks';
import type { TableRegion } from '../tables';
import { deferredFix } from './util';

const LAYOUT_NAMES = { 'cell-per-line': '每个单元格占一行', pipe: '竖线分隔', tab: '制表符分隔' } as const;

export const tableLayout: Rule = {
  id: 'table-layout',
  severity: 'info',
  description: '统计表不是制表符分隔的格式',
  check(report) {
    const names = new Map<TableRegion, string[]>();
    for (const t of report.tables) names.set(t.region, [...(names.get(t.region) ?? []), t.def.name]);
    return report.regions.filter(r => r.layout !== 'tab').map(r => ({
      range: report.lines.lineRange(r.firstLine),
      message: `${names.get(r)?.join('、') || '表格'}为「${LAYOUT_NAMES[r.layout]}」格式，可转换为制表符分隔的表格`,
      fix: deferredFix('转换为制表符分隔的表格', true, () => [convertRegion(report.lines, r)]),
    }));
  },
};

import { defineRule, type Finding } from '../types';
import { convertRegion } from '../blocks';
import type { TableRegion } from '../tables';
import type { MatchedTable } from '../match';
import { onlyCellWords } from '../htmlTables';
import { deferredFix } from './util';

const LAYOUT_NAMES = { 'cell-per-line': '每个单元格占一行', pipe: '竖线分隔', tab: '制表符分隔', html: 'HTML 表格', plain: '没有制表符和竖线的纯文本' } as const;

export const tableLayout = defineRule({
  id: 'table-layout',
  severity: 'info',
  description: '统计表不是制表符分隔的格式',
  scope: 'report',
  check(report) {
    // One finding per table, however many regions it was split into: converting it converts them all.
    // Each region's tables from one pass over the tables: looking them up per region was quadratic.
    const tablesOf = new Map<TableRegion, MatchedTable[]>();
    for (const t of report.tables) for (const r of t.regions) tablesOf.set(r, [...(tablesOf.get(r) ?? []), t]);
    const done = new Set<TableRegion>();
    const out: Finding[] = [];
    for (const r of report.regions) {
      if (r.layout === 'tab' || done.has(r)) continue;
      const tables = tablesOf.get(r) ?? [];
      const regions = [...new Set([r, ...tables.flatMap(t => t.regions)])].filter(x => x.layout !== 'tab' && !done.has(x));
      regions.forEach(x => done.add(x));
      // Words beside an HTML table's cells (a caption, a paragraph on the same line) would be lost.
      const convertible = regions.every(x => x.layout !== 'html' || onlyCellWords(report.lines, x.firstLine, x.lastLine));
      out.push({
        range: report.lines.lineRange(r.firstLine),
        message: `${tables.map(t => t.def.name).join('、') || '表格'}为「${LAYOUT_NAMES[r.layout]}」格式，可转换为制表符分隔的表格`,
        fix: convertible ? deferredFix('转换为制表符分隔的表格', true, () => regions.map(x => convertRegion(report.lines, x))) : undefined,
      });
    }
    return out;
  },
});

// The handful of numbers a report is summed up by (the 年报汇总 table, the prose check): read
// from the matched tables, null when the table or the cell is missing or cannot be read.
import { cellKey, type MatchedTable, type ValueCell } from './match';
import { valueOf } from './relations';
import type { Report } from './report';
import type { TableId } from './template';

interface KeyFigures {
  /** 表三 一、本年新收 × 总计. */
  received: bigint | null;
  /** 表三 二、上年结转 × 总计. */
  carriedIn: bigint | null;
  /** 表三 （七）总计 × 总计. */
  handled: bigint | null;
  /** 表三 四、结转下年度继续办理 × 总计. */
  carriedOut: bigint | null;
  /** 表四 行政复议 总计. */
  reviews: bigint | null;
  /** 表四 未经复议直接起诉 总计 + 复议后起诉 总计. */
  lawsuits: bigint | null;
}

type KeyFigure = keyof KeyFigures;

/** Where each figure is read: table, row and columns (summed). */
const KEY_FIGURE_CELLS: Record<KeyFigure, { table: TableId; row: string; cols: string[] }> = {
  received: { table: 't3', row: 'new', cols: ['total'] },
  carriedIn: { table: 't3', row: 'carried', cols: ['total'] },
  handled: { table: 't3', row: 'resultsTotal', cols: ['total'] },
  carriedOut: { table: 't3', row: 'carryForward', cols: ['total'] },
  reviews: { table: 't4', row: 'cases', cols: ['review.total'] },
  lawsuits: { table: 't4', row: 'cases', cols: ['direct.total', 'afterReview.total'] },
};

/** The report's first table of that template table (a second one is a duplicate the structure rules report). */
export function firstTable(report: Report, id: TableId): MatchedTable | undefined {
  return report.tables.find(t => t.def.id === id);
}

/** The cells a figure is read from, or undefined when one of them is missing. */
export function figureCells(report: Report, figure: KeyFigure): ValueCell[] | undefined {
  const where = KEY_FIGURE_CELLS[figure];
  const table = firstTable(report, where.table);
  if (!table) return undefined;
  const cells = where.cols.map(col => table.values.get(cellKey(where.row, col)));
  return cells.every(c => c !== undefined) ? (cells as ValueCell[]) : undefined;
}

/** A figure's value: the sum of its cells, null when one is missing or unreadable. */
export function figureValue(cells: ValueCell[] | undefined): bigint | null {
  if (!cells) return null;
  let sum = 0n;
  for (const c of cells) {
    const v = valueOf(c);
    if (v === undefined) return null;
    sum += v;
  }
  return sum;
}

export function keyFigures(report: Report): KeyFigures {
  const get = (figure: KeyFigure) => figureValue(figureCells(report, figure));
  return {
    received: get('received'), carriedIn: get('carriedIn'), handled: get('handled'),
    carriedOut: get('carriedOut'), reviews: get('reviews'), lawsuits: get('lawsuits'),
  };
}

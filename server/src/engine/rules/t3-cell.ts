import { defineRule } from '../types';
import { tableArithmetic, valueOf, type RelationFailure } from '../relations';
import type { ValueCell } from '../match';
import { cellName, cellRange } from './util';

/** How a relation through the cell is named, seen from the cell. */
function reason(f: RelationFailure, c: ValueCell): string {
  const isTotal = f.target === c;
  switch (f.def.code) {
    case 't3-row-total': return isTotal ? '本行各项合计' : '本行总计';
    case 't3-results-total': return isTotal ? '本列各项办理结果合计' : '本列（七）总计';
    default: return '本列勾稽关系';
  }
}

/** The row's relation before the column's, as a reader checks a table. */
const rowFirst = (fs: RelationFailure[]) => [...fs].sort((a, b) => Number(b.def.over === 'row') - Number(a.def.over === 'row'));

const joined = (parts: string[]) => (parts.length <= 2 ? parts.join('和') : `${parts.slice(0, -1).join('、')}和${parts[parts.length - 1]}`);

export const t3Cell = defineRule({
  id: 't3-cell',
  severity: 'error',
  description: '表三某个单元格填错：它所在的行和列的勾稽关系都指向它',
  scope: 'table',
  check(t, report) {
    return tableArithmetic(t).slips.map(({ cell, value, failures }) => {
      const range = cellRange(report, cell);
      const written = cell.parsed.problem === 'empty' ? '为空' : `为 ${valueOf(cell)}`;
      const others = [...new Set(rowFirst(failures).flatMap(f => [...f.left, ...f.right]))].filter(c => c !== cell);
      return {
        range,
        message: `${t.def.name}「${cellName(cell)}」${written}，按${joined([...new Set(rowFirst(failures).map(f => reason(f, cell)))])}应为 ${value}`,
        related: others.map(c => ({ range: cellRange(report, c), message: `${cellName(c)} = ${valueOf(c) ?? 0n}` })),
        fix: { title: `将${cellName(cell)}改为 ${value}`, safe: false, edits: [{ range, newText: String(value) }] },
      };
    });
  },
});

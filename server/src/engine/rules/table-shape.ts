import { defineRule, type Finding } from '../types';
import type { Report } from '../report';
import { cellAt, type MatchedTable, type TableProblem } from '../match';
import { blockName, blockProblems, blockRange } from './util';

type Problem<K extends TableProblem['kind']> = Extract<TableProblem, { kind: K }>;

const quoted = (labels: string[]) => labels.map(l => `「${l}」`).join('、');
const rowName = (p: { row: { label: string; short: string } }) => p.row.label || p.row.short;
/** A row as messages name it: by its label, or by the template's name for a row that has none (表四's 数值行). */
const rowTitle = (p: { row: { label: string; short: string } }) => (p.row.label ? `「${p.row.label}」行` : p.row.short);

/** What one block lacks or has too much of, as one sentence per kind of problem. */
function describe(table: MatchedTable, block: number, problems: TableProblem[]): string[] {
  const of = <K extends TableProblem['kind']>(kind: K) => problems.filter((p): p is Problem<K> => p.kind === kind);
  const rows = table.def.blocks[block].rows;
  const missing = of('row-missing').map(rowName);
  const parts: string[] = [];
  const found = rows.length - missing.length;
  if (missing.length > 0 && table.blockStarts[block] < 0 && found === 0 && table.def.blocks.length > 1) {
    parts.push(`缺少这一部分（${quoted(missing)}）`);
  } else if (rows.length >= 6 && missing.length * 2 > rows.length) {
    // Most of the template was not found: the table is not what it seems, or too broken to list.
    const recognised = rows.filter(r => table.labels.has(r.id)).map(r => r.label || r.short);
    parts.push(`无法可靠识别：只认出 ${found} 行${recognised.length ? `（${quoted(recognised)}）` : ''}，其余 ${missing.length} 行未找到`);
  } else if (missing.length === 1) parts.push(`缺少${rowTitle(of('row-missing')[0])}`);
  else if (missing.length > 1) parts.push(`缺少 ${missing.length} 行：${quoted(missing)}`);
  const columns = of('column-missing').map(p => p.label);
  if (columns.length === 1) parts.push(`表头缺少${quoted(columns)}列`);
  else if (columns.length > 1) parts.push(`表头缺少 ${columns.length} 列：${quoted(columns)}`);
  const counts = of('value-count');
  if (counts.length === 1) parts.push(`${rowTitle(counts[0])}应有 ${counts[0].expected} 个数值，实际有 ${counts[0].found} 个`);
  else if (counts.length > 1) parts.push(`${counts.length} 行的数值个数不对（应有 ${counts[0].expected} 个）：${counts.map(p => `${quoted([rowName(p)])}${p.found} 个`).join('、')}`);
  const unknown = of('row-unknown').map(p => cellAt(table, p.label).text.trim());
  if (unknown.length === 1) parts.push(`${quoted(unknown)}不是模板中的行`);
  else if (unknown.length > 1) parts.push(`${unknown.length} 行不是模板中的行：${quoted(unknown)}`);
  return parts;
}

/** The cells a block's problems point at, with what is wrong there. */
function problemCells(report: Report, table: MatchedTable, problems: TableProblem[]) {
  return problems.flatMap(p => {
    if (p.kind === 'value-count') return [{ cell: cellAt(table, p.at), message: `${rowTitle(p)}有 ${p.found} 个数值` }];
    if (p.kind === 'row-unknown') return [{ cell: cellAt(table, p.label), message: '不是模板中的行' }];
    return [];
  }).map(({ cell, message }) => ({ range: report.lines.range(cell.start, cell.end), message }));
}

export const tableShape = defineRule({
  id: 'table-shape',
  severity: 'error',
  description: '统计表缺少模板中的行或列，或某行的数值个数不对',
  scope: 'table',
  check(table, report) {
    // One finding per block, whatever it lacks: a block that lost its header and half its rows is one mistake to mend.
    return blockProblems(table, p => p.kind !== 'label').map(({ block, problems }): Finding => {
      const cells = problemCells(report, table, problems);
      const [only] = problems;
      return {
        // The one place at fault when there is one (a lone missing row: the row before where it
        // belongs), else the block itself.
        range: problems.length > 1 ? blockRange(report, table, block)
          : cells.length === 1 ? cells[0].range
          : only.kind === 'row-missing' && only.after ? report.lines.lineRange(table.rows[only.after[0]].firstLine)
          : blockRange(report, table, block),
        message: `${blockName(table, block)}${describe(table, block, problems).join('；')}`,
        ...(cells.length > 0 && problems.length > 1 ? { related: cells } : {}),
      };
    });
  },
});

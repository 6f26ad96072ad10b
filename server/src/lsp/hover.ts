// Hover: what a value cell is (row × column) and every relation it is in, with the numbers;
// what template section a heading is.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import {
  relationInstances, standardHeading, T4_GROUPS, TABLES, tableArithmetic, termsText, valueOf,
  type MatchedTable, type RelationCode, type Report, type ValueCell,
} from '../engine';
import type { ReportAnalysis } from './analysis';

export function hover(a: ReportAnalysis, pos: Position): Hover | null {
  const { report } = a;
  const offset = report.lines.offset(pos);
  for (const table of report.tables) {
    for (const cell of table.values.values()) {
      if (cell.start <= offset && offset <= cell.end) return markdown(cellHover(table, cell), report.lines.range(cell.start, cell.end));
    }
  }
  const h = report.headings.find(x => x.line === pos.line && x.start <= offset && offset <= x.end);
  return h ? markdown(headingHover(a, h), report.lines.range(h.start, h.end)) : null;
}

const markdown = (value: string, range: Hover['range']): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range });

function cellTitle(table: MatchedTable, c: ValueCell): string {
  const caption = table.def.id === 't2' ? table.def.blocks[c.block].caption : undefined;
  const group = T4_GROUPS.find(g => c.col.id.startsWith(`${g.id}.`));
  const row = c.row.label || group?.label;
  return `**${table.def.name}**${caption ? ` ${caption}` : ''} 「${row}」×「${c.col.label}」`;
}

function cellHover(table: MatchedTable, c: ValueCell): string {
  const parts = [cellTitle(table, c)];
  // The row's relation first, as messages name them.
  const through = relationInstances(table).filter(inst => inst.left.includes(c) || inst.right.includes(c));
  for (const inst of through.sort((a, b) => Number(b.def.over === 'row') - Number(a.def.over === 'row'))) parts.push(relationLine(inst));
  const slip = tableArithmetic(table).slips.find(s => s.cell === c);
  if (slip) parts.push(`按所在行、列的勾稽关系，这一格应为 **${slip.value}**`);
  return parts.join('\n\n');
}

const RELATION_TITLES: Record<RelationCode, string> = {
  't3-row-total': '本行合计', 't3-balance': '本列勾稽关系', 't3-results-total': '本列办理结果合计', 't4-group-total': '',
};

/** "**本行合计**：自然人 2 + … = 3，总计 3 ✓": one relation the cell is in, both sides with their numbers. */
function relationLine(inst: ReturnType<typeof relationInstances>[number]): string {
  const name = (x: ValueCell) => (inst.def.over === 'row' ? x.col.label : x.row.short);
  const side = (cells: ValueCell[], total: bigint) => {
    const terms = cells.map(x => ({ name: name(x), value: valueOf(x) ?? 0n }));
    return terms.length === 1 ? termsText(terms) : `${termsText(terms)} = ${total}`;
  };
  const diff = inst.leftSum > inst.rightSum ? inst.leftSum - inst.rightSum : inst.rightSum - inst.leftSum;
  const verdict = inst.holds ? '✓' : `✗（相差 ${diff}）`;
  return `**${RELATION_TITLES[inst.def.code] || inst.name}**：${side(inst.left, inst.leftSum)}，${side(inst.right, inst.rightSum)} ${verdict}`;
}

function headingHover(a: ReportAnalysis, h: Report['headings'][number]): string {
  const s = h.section;
  const lines = [`**第${s.ordinal}部分**（共六部分）`, `标准标题：${standardHeading(s)}`];
  if (s.table) {
    const def = TABLES[a.report.expectedFormat][s.table];
    lines.push(`本部分的统计表：${def.name}（${def.title}，${a.report.expectedFormat} 版）`);
  }
  return lines.join('\n\n');
}

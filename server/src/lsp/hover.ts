// Hover: what a value cell is (row × column) and, for a total, its relation with the numbers;
// what template section a heading is.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import {
  cellKey, relationsFor, standardHeading, T4_GROUPS, TABLES, termsText, valueOf,
  type MatchedTable, type RelationDef, type Report, type ValueCell,
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
  for (const def of relationsFor(table.format)) {
    const line = relationLine(table, def, c);
    if (line) parts.push(line);
  }
  return parts.join('\n\n');
}

/**
 * "总计 = 自然人 2 + 商业企业 1 + … = 3" when `c` is the relation's target: the target solved
 * from the other cells, then whether the table agrees.
 */
function relationLine(table: MatchedTable, def: RelationDef, c: ValueCell): string | undefined {
  if (def.table !== table.def.id) return undefined;
  const along = def.over === 'row' ? c.row.id : c.col.id;
  const own = def.over === 'row' ? c.col.id : c.row.id;
  if (own !== def.target || (def.only && !def.only.includes(along))) return undefined;
  const get = (id: string) => table.values.get(def.over === 'row' ? cellKey(along, id) : cellKey(id, along));
  const name = (x: ValueCell) => (def.over === 'row' ? x.col.label : x.row.short);
  const onRight = def.right.includes(def.target);
  const plus = (onRight ? def.left : def.right).map(get);
  const minus = (onRight ? def.right : def.left).filter(id => id !== def.target).map(get);
  if ([...plus, ...minus].some(x => x === undefined)) return undefined;
  const terms = [...plus.map(x => ({ cell: x!, sign: 1n })), ...minus.map(x => ({ cell: x!, sign: -1n }))];
  const unreadable = terms.filter(t => valueOf(t.cell) === undefined);
  const head = `${name(c)} = `;
  if (unreadable.length) return `${head}${terms.map(t => name(t.cell)).join(' + ')}（${unreadable.map(t => `「${name(t.cell)}」`).join('、')}不是数字，无法计算）`;
  const expected = terms.reduce((s, t) => s + t.sign * valueOf(t.cell)!, 0n);
  const text = termsText(terms.map(t => ({ name: name(t.cell), value: valueOf(t.cell)!, negative: t.sign < 0n })));
  const actual = valueOf(c);
  const verdict = actual === expected ? '✓' : actual === undefined ? '' : `（表中为 ${actual}，相差 ${actual > expected ? actual - expected : expected - actual}）`;
  return `${head}${text} = ${expected}${verdict ? ` ${verdict}` : ''}`;
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

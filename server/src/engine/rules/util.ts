import type { Report } from '../report';
import type { MatchedTable, TableProblem, ValueCell } from '../match';
import type { Range, TextEdit } from '../text';
import type { Finding, Fix } from '../types';

/** The numbers a text holds, in order: digit runs, full-width digits read as half-width ones. */
const numbersIn = (s: string) => s.normalize('NFKC').match(/\d+/g)?.join(' ') ?? '';

/**
 * Whether rewriting `before` as `after` keeps every number: a fix that drops or changes one
 * changes what the report says (a value glued to its label, a year in a heading), so it is never
 * safe, whatever else it corrects.
 */
export const keepsNumbers = (before: string, after: string) => numbersIn(before) === numbersIn(after);

/** "本年新收 × 自然人": how a value cell is named in messages and hovers. */
export function cellName(c: Pick<ValueCell, 'row' | 'col'>): string {
  return c.row.label === '' ? c.col.short : `${c.row.short} × ${c.col.label}`;
}

export function cellRange(report: Report, c: ValueCell): Range {
  return report.lines.range(c.start, c.end);
}

/** "表二「第二十条第（五）项」" for a block of 表二, else the table's name. */
export function blockName(table: MatchedTable, block: number): string {
  const caption = table.def.blocks.length > 1 ? table.def.blocks[block].caption : undefined;
  return caption ? `${table.def.name}「${caption}」` : table.def.name;
}

/** The first line of a block as the table holds it (its caption, header or first row), else of the table. */
export function blockRange(report: Report, table: MatchedTable, block: number): Range {
  const start = table.blockStarts[block];
  return report.lines.lineRange(table.rows[start >= 0 ? start : 0]?.firstLine ?? table.regions[0].firstLine);
}

/**
 * The blocks of a table left as a blank form (table-empty), whose cells are not each reported
 * empty: every block when no cell holds a number or mark, else each block of two or more cells
 * that holds none (a one-cell block left blank is just that cell).
 */
export function blankBlocks(table: MatchedTable): Set<number> {
  const filled = new Set<number>(), cells = new Map<number, number>();
  for (const v of table.values.values()) {
    cells.set(v.block, (cells.get(v.block) ?? 0) + 1);
    if (v.parsed.problem !== 'empty') filled.add(v.block);
  }
  return new Set([...cells].filter(([b, n]) => !filled.has(b) && (filled.size === 0 || n >= 2)).map(([b]) => b));
}

/** A table's problems that `keep` selects, grouped by block, in block order. */
export function blockProblems(table: MatchedTable, keep: (p: TableProblem) => boolean): Array<{ block: number; problems: TableProblem[] }> {
  return table.def.blocks.map((_, block) => ({ block, problems: table.problems.filter(p => p.block === block && keep(p)) }))
    .filter(b => b.problems.length > 0);
}

/**
 * An edit inserting whole lines (`text` ends with its line break) before `line`; past the last
 * line, at the end of the document, after a line break if the document does not end with one.
 */
export function insertLines(report: Report, line: number, text: string): TextEdit {
  const { lines } = report;
  const atEnd = line >= lines.lineCount;
  const at = lines.position(atEnd ? report.text.length : lines.starts[line]);
  const lead = atEnd && report.text !== '' && !/[\r\n]$/.test(report.text) ? lines.eol() : '';
  return { range: { start: at, end: at }, newText: lead + text };
}

/**
 * A fix whose edits are worked out when first asked for. Most fixes are never applied, and a
 * re-check on every keystroke would otherwise rewrite every table that offers a conversion.
 */
export function deferredFix(title: string, safe: boolean, edits: () => TextEdit[]): Fix {
  let made: TextEdit[] | undefined;
  return { title, safe, get edits() { return (made ??= edits()); } };
}

/** The findings `find` makes of a table's value cells, in template order. */
export function valueFindings(table: MatchedTable, find: (c: ValueCell) => Finding | undefined): Finding[] {
  const out: Finding[] = [];
  for (const c of table.values.values()) {
    const f = find(c);
    if (f) out.push(f);
  }
  return out;
}

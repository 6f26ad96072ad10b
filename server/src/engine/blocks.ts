// Text Nianbao writes: template blocks (all zeros, tab-separated) and tables converted to tab rows.
import { SECTIONS, TABLES, standardHeading, type FormatId, type SectionDef, type TableId } from './template';
import { formGrid, gridTexts, type FormCell, type FormGrid } from './form';
import type { TableRegion } from './tables';
import { CN_ORDINALS, type LineIndex, type TextEdit } from './text';
import { isDirectiveLine } from './directives';

const row = (cells: string[], width: number) => [...cells, ...Array(Math.max(0, width - cells.length)).fill('')].join('\t');

/** The template's own text of a cell: its label, or 0 for a value. */
const zeroFilled = (cell: FormCell) => (cell.kind === 'value' ? '0' : cell.text);

/** A form grid as tab rows, each cell's text given by `text`, without a trailing line break. */
export function gridTable(grid: FormGrid, text: (cell: FormCell) => string, eol = '\n'): string {
  return gridTexts(grid, text).map(cells => cells.join('\t')).join(eol);
}

/** The template table, all zeros, tab-separated, without a trailing line break. */
export function templateTable(id: TableId, format: FormatId, eol = '\n'): string {
  return gridTable(formGrid(TABLES[format][id]), zeroFilled, eol);
}

/** A section's standard heading followed by its template table, if it has one. */
export function templateSection(index: number, format: FormatId, eol = '\n', withTable = true): string {
  const s = SECTIONS[index - 1];
  const heading = standardHeading(s);
  return s.table && withTable ? `${heading}${eol}${eol}${templateTable(s.table, format, eol)}${eol}` : `${heading}${eol}`;
}

/** The line Nianbao writes where the author has yet to write: section-empty does not take it for content. */
export const PLACEHOLDER = '（待填写）';

/** A prose section's sub-headings （一）（二）…, each with a placeholder under it, without a trailing line break. */
export function templateParts(section: SectionDef, eol = '\n'): string {
  return (section.prose?.parts ?? []).map((p, i) => `（${CN_ORDINALS[i + 1]}）${p}${eol}${PLACEHOLDER}`).join(eol);
}

/** A whole new report: title, six headings, three zero tables. */
export function reportSkeleton(year: number, organ: string, format: FormatId, eol = '\n'): string {
  const parts = [`# ${organ}${year}年政府信息公开工作年度报告`, ''];
  for (const s of SECTIONS) {
    parts.push(`## ${standardHeading(s)}`, '');
    if (s.table) parts.push(templateTable(s.table, format, eol), '');
    else parts.push('', '');
  }
  return parts.join(eol);
}

/**
 * A line of nothing but a table's markup: a GFM delimiter row ("| --- | :-: |"), a grid table's
 * "+----+", an HTML table's tags without words ("<table border=\"1\">", "</tbody></table>"), or blank.
 */
const MARKUP_ONLY = /^(?:[\s|:+=-]|<\/?(?:table|thead|tbody|tfoot|tr|th|td|colgroup|col|caption)\b[^>]*>)*$/i;

/**
 * Rewrites a table region as tab rows. Cells keep their text (trimmed; words a Word table split
 * over lines joined); comment lines inside the region stay where they were, and so does any other
 * line no row was read from (a tab row among pipe rows): converting drops no text but rules.
 */
export function convertRegion(lines: LineIndex, region: TableRegion): TextEdit {
  // A row with one word (a caption) is that word and a tab: a line without a tab would end the
  // table, and one that starts with a tab reads as a Word cell on its own line.
  const out: Array<{ line: number; text: string }> = region.rows.map(r => {
    const cells = r.cells.map(c => c.text.trim());
    const words = cells.filter(c => c !== '');
    return { line: r.firstLine, text: row(words.length === 1 ? words : cells, 2) };
  });
  const read = new Set(region.rows.flatMap(r => Array.from({ length: r.lastLine - r.firstLine + 1 }, (_, i) => r.firstLine + i)));
  for (let n = region.firstLine; n <= region.lastLine; n++) {
    const s = lines.line(n);
    if (isDirectiveLine(s) || (!read.has(n) && !MARKUP_ONLY.test(s))) out.push({ line: n, text: s });
  }
  out.sort((a, b) => a.line - b.line);
  return {
    range: lines.range(lines.starts[region.firstLine], lines.lineEnd(region.lastLine)),
    newText: out.map(o => o.text).join(lines.eol()),
  };
}

// Text Nianbao writes: template blocks (all zeros, tab-separated) and tables converted to tab rows.
import { SECTIONS, TABLES, T3_NOTE, standardHeading, type FormatId, type RowDef, type SectionDef, type TableDef, type TableId } from './template';
import type { TableRegion } from './tables';
import { CN_ORDINALS, type LineIndex, type TextEdit } from './text';
import { isDirectiveLine } from './directives';

const row = (cells: string[], width: number) => [...cells, ...Array(Math.max(0, width - cells.length)).fill('')].join('\t');

function t2Lines(def: TableDef): string[] {
  const width = 1 + Math.max(...def.blocks.map(b => b.columns.length));
  return def.blocks.flatMap(b => [
    row([b.caption ?? ''], width),
    row(b.header, width),
    ...b.rows.map(r => row([r.label, ...b.columns.map(() => '0')], width)),
  ]);
}

/** Row labels of 表三 in three label columns: top level, （一）… level, 1. level. */
function t3LabelCells(rows: RowDef[]): string[][] {
  const seen = new Set<string>();
  const first = (g: string) => (seen.has(g) ? '' : (seen.add(g), g));
  return rows.map(r => {
    const [top, sub] = r.groups ?? [];
    if (!top) return [r.label, '', ''];
    if (!sub) return [first(top), r.label, ''];
    return [first(top), first(sub), r.label];
  });
}

function t3Lines(def: TableDef): string[] {
  const b = def.blocks[0];
  const width = 3 + b.columns.length;
  const labels = t3LabelCells(b.rows);
  return [
    row([T3_NOTE, '', '', '申请人情况'], width),
    row(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'], width),
    row(['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'], width),
    ...b.rows.map((_, i) => row([...labels[i], ...b.columns.map(() => '0')], width)),
  ];
}

function t4Lines(def: TableDef): string[] {
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const n = def.blocks[0].columns.length;
  return [
    row(['行政复议', '', '', '', '', '行政诉讼'], n),
    row([...outcomes, '未经复议直接起诉', '', '', '', '', '复议后起诉'], n),
    row(['', '', '', '', '', ...outcomes, ...outcomes], n),
    row(Array(n).fill('0'), n),
  ];
}

/** The template table, all zeros, tab-separated, without a trailing line break. */
export function templateTable(id: TableId, format: FormatId, eol = '\n'): string {
  const def = TABLES[format][id];
  const lines = id === 't2' ? t2Lines(def) : id === 't3' ? t3Lines(def) : t4Lines(def);
  return lines.join(eol);
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

/** A line of nothing but table rules: a GFM delimiter row ("| --- | :-: |") or blank. */
const RULES_ONLY = /^[\s|:-]*$/;

/**
 * Rewrites a table region as tab rows. Cells keep their text (trimmed; words a Word table split
 * over lines joined); comment lines inside the region stay where they were, and so does any other
 * line no row was read from (a tab row among pipe rows): converting drops no text but rules.
 */
export function convertRegion(lines: LineIndex, region: TableRegion): TextEdit {
  // A one-cell row (a caption) gets an empty second cell: a line without a tab would end the table.
  const out: Array<{ line: number; text: string }> = region.rows.map(r => ({ line: r.firstLine, text: row(r.cells.map(c => c.text.trim()), 2) }));
  const read = new Set(region.rows.flatMap(r => Array.from({ length: r.lastLine - r.firstLine + 1 }, (_, i) => r.firstLine + i)));
  for (let n = region.firstLine; n <= region.lastLine; n++) {
    const s = lines.line(n);
    if (isDirectiveLine(s) || (!read.has(n) && !RULES_ONLY.test(s))) out.push({ line: n, text: s });
  }
  out.sort((a, b) => a.line - b.line);
  return {
    range: lines.range(lines.starts[region.firstLine], lines.lineEnd(region.lastLine)),
    newText: out.map(o => o.text).join(lines.eol()),
  };
}

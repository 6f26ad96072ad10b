import type { Report } from '../report';
import type { ValueCell } from '../match';
import type { Range, TextEdit } from '../text';

/** "本年新收 × 自然人": how a value cell is named in messages and hovers. */
export function cellName(c: ValueCell): string {
  return c.row.label === '' ? c.col.short : `${c.row.short} × ${c.col.label}`;
}

export function cellRange(report: Report, c: ValueCell): Range {
  return report.lines.range(c.start, c.end);
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

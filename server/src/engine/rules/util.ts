import type { Report } from '../report';
import type { ValueCell } from '../match';
import type { Range } from '../text';

export const rangeOf = (report: Report, start: number, end: number): Range => report.lines.range(start, end);

/** "本年新收 × 自然人": how a value cell is named in messages and hovers. */
export function cellName(c: ValueCell): string {
  return c.row.label === '' ? c.col.short : `${c.row.short} × ${c.col.label}`;
}

export function cellRange(report: Report, c: ValueCell): Range {
  return report.lines.range(c.start, c.end);
}

/** Offset at the start of a line, for inserting whole lines before it. */
export const lineStart = (report: Report, line: number) => report.lines.starts[Math.min(line, report.lines.lineCount - 1)];

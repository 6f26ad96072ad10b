// Line-level reader for the tables real reports contain. CommonMark reads tab rows as indented
// code and one-cell-per-line blocks as paragraphs, so tables are found here, before Markdown
// parsing, and the Markdown parser never sees them.
import { FENCE, fenceAfter, type LineIndex } from './text';
import { looksNumeric } from './values';
import { isDirectiveLine } from './directives';

export type TableLayout = 'tab' | 'cell-per-line' | 'pipe';

/** A cell's source span. `text` is the cell as written (continuation lines joined without the break). */
export interface Cell { text: string; start: number; end: number }

export interface Row { cells: Cell[]; firstLine: number; lastLine: number }

export interface TableRegion {
  layout: TableLayout;
  firstLine: number;
  lastLine: number;
  rows: Row[];
}

type LineKind = 'blank' | 'comment' | 'tabbed' | 'pipe' | 'text';

function lineKind(s: string): LineKind {
  // A disable comment may sit between table rows, indented like them, without ending the table or a row.
  if (isDirectiveLine(s)) return 'comment';
  if (s.includes('\t')) return 'tabbed';
  const t = s.trim();
  if (t === '') return 'blank';
  if ((t.startsWith('|') || t.endsWith('|')) && t.indexOf('|') !== t.lastIndexOf('|')) return 'pipe';
  return 'text';
}

/** A Word cell whose words were split over two lines: "→结果" then "纠正". */
function isContinuation(lines: LineIndex, i: number, kinds: LineKind[]): boolean {
  if (kinds[i] !== 'text' || kinds[i - 1] !== 'tabbed') return false;
  if (i + 1 < kinds.length && kinds[i + 1] !== 'tabbed' && kinds[i + 1] !== 'blank' && kinds[i + 1] !== 'comment') return false;
  const s = lines.line(i).trim();
  if (s.length > 8 || /[。；;：:，,]/.test(s) || looksNumeric(s)) return false;
  const prev = lines.line(i - 1).split('\t').pop()!.trim();
  return prev !== '' && !looksNumeric(prev);
}

function splitCells(lines: LineIndex, line: number, from: number, sep: string): Cell[] {
  const text = lines.line(line);
  const base = lines.starts[line];
  const cells: Cell[] = [];
  let start = from;
  for (;;) {
    const next = text.indexOf(sep, start);
    const end = next < 0 ? text.length : next;
    cells.push({ text: text.slice(start, end), start: base + start, end: base + end });
    if (next < 0) return cells;
    start = next + 1;
  }
}

function pipeCells(lines: LineIndex, line: number): Cell[] {
  const text = lines.line(line);
  const first = text.indexOf('|');
  const last = text.lastIndexOf('|');
  const leading = text.slice(0, first).trim() === '';
  const trailing = text.slice(last + 1).trim() === '';
  const cells = splitCells(lines, line, leading ? first + 1 : 0, '|');
  if (trailing) cells.pop();
  return cells.map(c => {
    const t = c.text.trim();
    // A blank cell sits after the one space "| x |" puts before a value, so writing 0 there gives "| 0 |".
    const lead = t === '' ? Math.min(1, c.text.length) : c.text.length - c.text.trimStart().length;
    return { text: t, start: c.start + lead, end: c.start + lead + t.length };
  });
}

const DELIMITER_ROW = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

const NON_SPACE = /\S/g;

/** Whether two tab-separated cells hold more than white space: scanned in place, since every row of every table asks. */
function twoCellsFilled(line: string): boolean {
  NON_SPACE.lastIndex = 0;
  if (!NON_SPACE.test(line)) return false;
  const tab = line.indexOf('\t', NON_SPACE.lastIndex);
  if (tab < 0) return false;
  NON_SPACE.lastIndex = tab;
  return NON_SPACE.test(line);
}

function readRows(lines: LineIndex, first: number, last: number, kinds: LineKind[]): { layout: TableLayout; rows: Row[] } {
  let multi = 0, single = 0, pipes = 0;
  for (let i = first; i <= last; i++) {
    if (kinds[i] === 'pipe') { pipes++; continue; }
    if (kinds[i] !== 'tabbed') continue;
    if (twoCellsFilled(lines.line(i))) multi++; else single++;
  }
  const rows: Row[] = [];
  if (pipes > multi + single) {
    for (let i = first; i <= last; i++) {
      if (kinds[i] !== 'pipe' || DELIMITER_ROW.test(lines.line(i))) continue;
      rows.push({ cells: pipeCells(lines, i), firstLine: i, lastLine: i });
    }
    return { layout: 'pipe', rows };
  }
  if (multi > single) {
    for (let i = first; i <= last; i++) {
      if (kinds[i] === 'blank' || kinds[i] === 'comment') continue;
      rows.push({ cells: splitCells(lines, i, 0, '\t'), firstLine: i, lastLine: i });
    }
    return { layout: 'tab', rows };
  }
  // One cell per line: the leading tab is indentation; a blank line ends a row.
  let row: Row | undefined;
  for (let i = first; i <= last; i++) {
    if (kinds[i] === 'comment') continue;
    if (kinds[i] === 'blank') { row = undefined; continue; }
    if (!row) { row = { cells: [], firstLine: i, lastLine: i }; rows.push(row); }
    row.lastLine = i;
    const text = lines.line(i);
    if (kinds[i] === 'text' && row.cells.length > 0) {
      const prev = row.cells[row.cells.length - 1];
      const trimmed = text.trim();
      prev.text += trimmed;
      prev.end = lines.starts[i] + text.indexOf(trimmed) + trimmed.length;
      continue;
    }
    row.cells.push(...splitCells(lines, i, text.startsWith('\t') ? 1 : 0, '\t'));
  }
  return { layout: 'cell-per-line', rows };
}

/** Finds every table region in lines [from, to). */
export function findTables(lines: LineIndex, from = 0, to = lines.lineCount): TableRegion[] {
  const kinds: LineKind[] = [];
  // Lines of a fenced code block are code the author quoted, never a report table.
  let fence: string | undefined;
  for (let i = 0; i < to; i++) {
    const s = lines.line(i);
    const inFence = fence !== undefined || FENCE.test(s);
    fence = fenceAfter(fence, s);
    kinds[i] = i < from || inFence ? 'text' : lineKind(s);
  }
  const regions: TableRegion[] = [];
  let i = from;
  while (i < to) {
    if (kinds[i] !== 'tabbed' && kinds[i] !== 'pipe') { i++; continue; }
    const first = i;
    let last = i;
    for (let j = i + 1; j < to; j++) {
      const k = kinds[j];
      if (k === 'tabbed' || k === 'pipe') last = j;
      else if (k === 'text' && isContinuation(lines, j, kinds)) last = j;
      else if (k !== 'blank' && k !== 'comment') break;
    }
    const { layout, rows } = readRows(lines, first, last, kinds);
    if (isTable(rows)) regions.push({ layout, firstLine: first, lastLine: last, rows });
    i = last + 1;
  }
  return regions;
}

/** Guards against a stray tab in prose: a table has rows and at least one number. */
function isTable(rows: Row[]): boolean {
  if (rows.length < 2) return false;
  return rows.some(r => r.cells.some(c => looksNumeric(c.text.trim())));
}

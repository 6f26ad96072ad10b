// Line-level reader for the tables real reports contain. CommonMark reads tab rows as indented
// code and one-cell-per-line blocks as paragraphs, so tables are found here, before Markdown
// parsing, and the Markdown parser never sees them.
import { FENCE, fenceAfter, unchangedMove, type LineChange, type LineIndex, type Move } from './text';
import { isValueWritten, looksNumeric } from './values';
import { isDirectiveLine } from './directives';
import { ownedText } from './caches';
import { isCaptionText, isGroupLabelForm, isRowLabelForm, isTemplateWordForm, labelForm } from './labels';
import { htmlTableRows } from './htmlTables';

type TableLayout = 'tab' | 'cell-per-line' | 'pipe' | 'html' | 'plain';

/** A cell's source span. `text` is the cell as written (continuation lines joined without the break). */
export interface Cell { text: string; start: number; end: number }

export interface Row { cells: Cell[]; firstLine: number; lastLine: number }

export interface TableRegion {
  layout: TableLayout;
  firstLine: number;
  lastLine: number;
  rows: Row[];
}

// Line kinds, one byte a line: a report keeps them for the next version's scan. HTML lines are
// those of an HTML <table> (a pasted web page); GRID lines the "+----+----+" rules between the
// rows of a grid table (what pandoc writes for cells that wrap); PLAIN lines those of a table
// written without tabs or pipes (copied out of a PDF): template words and values alone on their
// lines or separated by spaces.
const BLANK = 0, COMMENT = 1, TABBED = 2, PIPE = 3, TEXT = 4, HTML = 5, GRID = 6, PLAIN = 7;
type LineKind = typeof BLANK | typeof COMMENT | typeof TABBED | typeof PIPE | typeof TEXT | typeof HTML | typeof GRID | typeof PLAIN;
type LineKinds = Uint8Array & { [n: number]: LineKind };

function lineKind(s: string): LineKind {
  // A disable comment may sit between table rows, indented like them, without ending the table or a row.
  if (isDirectiveLine(s)) return COMMENT;
  if (s.includes('\t')) return TABBED;
  const t = s.trim();
  if (t === '') return BLANK;
  if ((t.startsWith('|') || t.endsWith('|')) && t.indexOf('|') !== t.lastIndexOf('|')) return PIPE;
  if (GRID_RULE.test(t)) return GRID;
  return plainPieces(s) ? PLAIN : TEXT;
}

/** A line of words: prose, or a table's words and values written without tabs or pipes. */
const isText = (k: LineKind) => k === TEXT || k === PLAIN;

/** Words and values only: a sentence's punctuation, or a line longer than a row's, is prose. */
const PLAIN_LINE = /^[^。；;！？!?]{1,150}$/;

/**
 * The cells of a line of a table written without tabs or pipes, or undefined if it is not one. It
 * is one only by its words: a template word or a value alone, or, separated by spaces, template
 * words (a header; a group and a row label) followed by values. Each cell's text is as written,
 * spaces inside a label ("（一） 予以公开") included; offsets are from `base`.
 */
function plainCells(line: string, base: number): Cell[] | undefined {
  return plainPieces(line)?.map(c => ({ text: ownedText(line.slice(c.start, c.end)), start: base + c.start, end: base + c.end }));
}

/** plainCells as spans of the line, nothing copied: what telling a line's kind needs. */
function plainPieces(line: string): Piece[] | undefined {
  if (!PLAIN_LINE.test(line.trim())) return undefined;
  const pieces = [...line.matchAll(/\S+/g)].map(m => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
  let values = pieces.length;
  while (values > 0 && isValueWritten(pieces[values - 1].text)) values--;
  const words = wordCells(pieces.slice(0, values));
  return words && [...words, ...pieces.slice(values)];
}

type Piece = { text: string; start: number; end: number };

/**
 * A line holding part of a template word whose other part is on the line before or after it
 * ("商业" then "企业"): Word wrapped a narrow cell, and the copy kept the break.
 */
function isWordPart(lines: LineIndex, i: number): boolean {
  const t = lines.line(i).trim();
  if (t.length > 6 || /[\s。；;：:，,]/.test(t) || isValueWritten(t)) return false;
  const joins = (a: number, b: number) => a >= 0 && b < lines.lineCount && isTemplateWordForm(labelForm(lines.line(a).trim() + lines.line(b).trim()));
  return joins(i - 1, i) || joins(i, i + 1);
}

/** Space-separated pieces as template words, each the longest run of pieces that is one; undefined if some piece is in none. */
function wordCells(pieces: Piece[]): Piece[] | undefined {
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length;) {
    let j = pieces.length;
    while (j > i && !isTemplateWordForm(labelForm(pieces.slice(i, j).map(p => p.text).join(' ')))) j--;
    if (j === i) return undefined;
    out.push({ text: '', start: pieces[i].start, end: pieces[j - 1].end });
    i = j;
  }
  return out;
}

const GRID_RULE = /^\+(?:[-=:]+\+)+$/;

/** A Word cell whose words were split over two lines: "→结果" then "纠正". */
function isContinuation(lines: LineIndex, i: number, kinds: LineKinds): boolean {
  // In a table with a blank line after every line (a paragraph a cell), blank lines around it too.
  const spaced = kinds[i - 1] === BLANK && kinds[i - 2] === TABBED && kinds[i + 1] === BLANK && kinds[i + 2] === TABBED;
  if (!isText(kinds[i]) || (kinds[i - 1] !== TABBED && !spaced)) return false;
  if (i + 1 < kinds.length && kinds[i + 1] !== TABBED && kinds[i + 1] !== BLANK && kinds[i + 1] !== COMMENT) return false;
  const s = lines.line(i).trim();
  if (s.length > 8 || /[。；;：:，,]/.test(s) || looksNumeric(s)) return false;
  const prev = lines.line(spaced ? i - 2 : i - 1).split('\t').pop()!.trim();
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
    cells.push({ text: ownedText(text.slice(start, end)), start: base + start, end: base + end });
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
    return { text: ownedText(t), start: c.start + lead, end: c.start + lead + t.length };
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

function tabCount(line: string): number {
  let n = 0;
  for (let i = line.indexOf('\t'); i >= 0 && n < 4; i = line.indexOf('\t', i + 1)) n++;
  return n;
}

function readRows(lines: LineIndex, first: number, last: number, kinds: LineKinds): { layout: TableLayout; rows: Row[] } {
  if (kinds[first] === HTML) return { layout: 'html', rows: htmlTableRows(lines, first, last) };
  if (kinds[first] === PLAIN) return { layout: 'plain', rows: plainRows(lines, first, last, kinds) };
  let multi = 0, single = 0, pipes = 0;
  for (let i = first; i <= last; i++) {
    if (kinds[i] === PIPE) { pipes++; continue; }
    if (kinds[i] !== TABBED) continue;
    // A tab-indented line with one cell is a Word cell on its own line; one cell followed by tabs
    // (a caption row of a tab table) tells neither way.
    const line = lines.line(i);
    // Four tabs or more: a row of a blank form, which a Word cell on its own line never has.
    if (twoCellsFilled(line) || tabCount(line) >= 4) multi++;
    else if (line.startsWith('\t')) single++;
  }
  const rows: Row[] = [];
  if (pipes > multi + single) {
    // In a grid table the lines between two rules are one row, its cells wrapped over them.
    const grid = kinds.subarray(first, last + 1).includes(GRID);
    let continuing = false;
    for (let i = first; i <= last; i++) {
      if (kinds[i] === GRID) { continuing = false; continue; }
      if (kinds[i] !== PIPE || DELIMITER_ROW.test(lines.line(i))) continue;
      const cells = pipeCells(lines, i);
      const row = rows[rows.length - 1];
      if (continuing && row.cells.length === cells.length) {
        cells.forEach((c, k) => wrapInto(row.cells[k], c));
        row.lastLine = i;
      } else rows.push({ cells, firstLine: i, lastLine: i });
      continuing = grid;
    }
    return { layout: 'pipe', rows };
  }
  if (multi >= single) {
    for (let i = first; i <= last; i++) {
      if (kinds[i] === BLANK || kinds[i] === COMMENT) continue;
      rows.push({ cells: splitCells(lines, i, 0, '\t'), firstLine: i, lastLine: i });
    }
    return { layout: 'tab', rows };
  }
  // One cell per line: the leading tab is indentation; a blank line ends a row.
  let row: Row | undefined;
  for (let i = first; i <= last; i++) {
    if (kinds[i] === COMMENT) continue;
    if (kinds[i] === BLANK) { row = undefined; continue; }
    // A word's continuation (isContinuation) belongs to the cell before, even past a blank line.
    const before = row ?? rows[rows.length - 1];
    if (isText(kinds[i]) && before && before.cells.length > 0) {
      wrapInto(before.cells[before.cells.length - 1], lineCell(lines, i));
      before.lastLine = i;
      continue;
    }
    if (!row) rows.push((row = { cells: [], firstLine: i, lastLine: i }));
    row.lastLine = i;
    row.cells.push(...splitCells(lines, i, lines.line(i).startsWith('\t') ? 1 : 0, '\t'));
  }
  return { layout: 'cell-per-line', rows: joinLabelAndValues(cellRows(rows).flatMap(r => (r.cells.length > LONGEST_ROW ? rowsByLabels(lines, r) : [r]))) };
}

/**
 * The rows of a table written without tabs or pipes. A line of several cells is a row; cells
 * alone on their lines make rows as one cell per line does, ended by a blank line or cut where a
 * row begins by content (what is left of a table copied out of a PDF seldom has blank lines).
 */
function plainRows(lines: LineIndex, first: number, last: number, kinds: LineKinds): Row[] {
  const rows: Row[] = [];
  let row: Row | undefined;
  for (let i = first; i <= last; i++) {
    if (kinds[i] === COMMENT) continue;
    if (kinds[i] === BLANK) { row = undefined; continue; }
    const cells = plainCells(lines.line(i), lines.starts[i]);
    if (cells && cells.length > 1) {
      rows.push({ cells, firstLine: i, lastLine: i });
      row = undefined;
      continue;
    }
    // A line that is no plain table line is part of a wrapped word (findTables, isWordPart): joined
    // to the cell before when that makes the word, else a cell of its own that the next part joins.
    const cell = cells?.[0] ?? lineCell(lines, i);
    const prev = row?.cells[row.cells.length - 1];
    if (!cells && prev && isTemplateWordForm(labelForm(prev.text + cell.text))) wrapInto(prev, cell);
    else if (row) row.cells.push(cell);
    else rows.push((row = { cells: [cell], firstLine: i, lastLine: i }));
    row!.lastLine = i;
  }
  return joinLabelAndValues(cellRows(rows).flatMap(r => (r.firstLine < r.lastLine ? rowsByLabels(lines, r) : [r])));
}

/**
 * Rows nearly all of one cell are one row whose rows are to be told by content: a blank line
 * after every cell (a converter that writes a paragraph a cell) separates cells, not rows. (A
 * caption row of a tab-indented table keeps its empty cells.)
 */
function cellRows(rows: Row[]): Row[] {
  const single = rows.filter(r => r.cells.length === 1).length;
  if (rows.length < 5 || single < rows.length * 0.8) return rows;
  return [{ cells: rows.flatMap(r => r.cells), firstLine: rows[0].firstLine, lastLine: rows[rows.length - 1].lastLine }];
}

/**
 * A data row's label alone, then its values alone: the empty cells between them became blank
 * lines (an editor trimmed the tab-only lines of merged cells), which split the row in two.
 */
function joinLabelAndValues(rows: Row[]): Row[] {
  const out: Row[] = [];
  for (const row of rows) {
    const before = out[out.length - 1];
    if (before && row.cells.every(c => c.text.trim() === '' || isValueCell(c.text.trim())) && isValueCell(row.cells[0].text.trim())
      && !before.cells.some(c => isValueCell(c.text.trim())) && isRowLabelForm(labelForm(before.cells[before.cells.length - 1].text))) {
      out[out.length - 1] = { cells: [...before.cells, ...row.cells], firstLine: before.firstLine, lastLine: row.lastLine };
    } else out.push(row);
  }
  return out;
}

/** Line i's words as one cell. */
function lineCell(lines: LineIndex, i: number): Cell {
  const text = lines.line(i);
  const words = text.trim();
  const start = lines.starts[i] + text.indexOf(words);
  return { text: ownedText(words), start, end: start + words.length };
}

/** A cell's words continued on another line (a grid row's next line, a wrapped Word cell): joined, the span running over both. */
function wrapInto(cell: Cell, more: Cell): void {
  if (more.text === '') return;
  if (cell.text === '') { cell.start = more.start; cell.end = more.end; cell.text = more.text; return; }
  cell.text = ownedText(cell.text + more.text);
  cell.end = more.end;
}

/** More cells than any row of a template table has, labels included (表四's value row has 15). */
const LONGEST_ROW = 16;

const isValueCell = isValueWritten;

/**
 * A one-cell-per-line "row" longer than any template row lost the blank lines between its rows
 * (an editor or a converter removed them): it is cut where a row begins, by content. A row begins
 * at the first word cell after a value (with the empty merged cells before that word), at a
 * caption, and at a data row's label once the cells before it are more than group labels (the
 * header above the first data row).
 */
function rowsByLabels(lines: LineIndex, row: Row): Row[] {
  const pieces: Cell[][] = [[]];
  // Index in the current piece of its last value cell, while no word has followed it.
  let lastValue = -1;
  let previousWord: string | undefined;
  for (const cell of row.cells) {
    const text = cell.text.trim();
    let piece = pieces[pieces.length - 1];
    if (text !== '' && !isValueCell(text)) {
      const caption = isCaptionText(text);
      let from: number | undefined;
      if (caption || (previousWord !== undefined && isCaptionText(previousWord))) from = piece.length;
      else if (lastValue >= 0) from = lastValue + 1;
      else if (isRowLabelForm(labelForm(text)) && piece.some(c => isWordBeyondGroups(c.text))) from = piece.length;
      if (from !== undefined && piece.length > 0) pieces.push((piece = piece.splice(from)));
      lastValue = -1;
      previousWord = text;
    } else if (text !== '') {
      // Values right after a header (表四's, whose one row of values has no label) are a row of their own.
      if (lastValue < 0 && previousWord !== undefined && isHeaderRun(piece)) pieces.push((piece = []));
      lastValue = piece.length;
    }
    piece.push(cell);
  }
  return pieces.filter(p => p.length > 0).map(cells => ({
    cells, firstLine: lines.position(cells[0].start).line, lastLine: lines.position(cells[cells.length - 1].end).line,
  }));
}

/** Cells that are a header: two words or more, the last no row's label (a data row ends in its label). */
function isHeaderRun(cells: Cell[]): boolean {
  const words = cells.map(c => c.text.trim()).filter(t => t !== '');
  return words.length >= 2 && !isRowLabelForm(labelForm(words[words.length - 1])) && !isGroupLabelForm(labelForm(words[words.length - 1]));
}

/** A word cell that is more than the group labels a data row's label may follow (a header word). */
function isWordBeyondGroups(text: string): boolean {
  const t = text.trim();
  return t !== '' && !isValueCell(t) && !isGroupLabelForm(labelForm(t));
}

/**
 * The tables of a text and what the next version's scan can reuse: each line's kind and the code
 * fence open after it (0 none, else the fence's character code).
 */
export interface TableScan { regions: TableRegion[]; kinds: LineKinds; fences: Uint8Array }

/** The previous version's scan and how the text changed since, for `findTables` to re-read only what changed. */
interface PreviousScan { scan: TableScan; change: LineChange }

/**
 * Finds every table region. Given the previous version's scan, lines before the change keep their
 * kinds, and so do the lines after it once the fence state there is the old one again; a region
 * whose lines all kept their text and kind is the old region (moved), not read again; `movedFrom`
 * maps it to the old one.
 */
export function findTables(lines: LineIndex, previous?: PreviousScan): { scan: TableScan; movedFrom: Map<TableRegion, TableRegion> } {
  const count = lines.lineCount;
  const kinds = new Uint8Array(count) as LineKinds;
  const fences = new Uint8Array(count);
  const { first, newEnd } = previous?.change ?? { first: 0, newEnd: 0 };
  const shift = previous?.change.after.lines ?? 0;
  const old = previous?.scan;
  if (old) {
    kinds.set(old.kinds.subarray(0, first));
    fences.set(old.fences.subarray(0, first));
  }
  // Lines from `kept` on have the old kinds (moved by `shift` lines).
  let kept = count;
  // Lines of a fenced code block are code the author quoted, never a report table.
  for (let i = first, fence = first > 0 ? fences[first - 1] : 0; i < count; i++) {
    if (old && i >= newEnd && fence === (i - shift > 0 ? old.fences[i - shift - 1] : 0)) {
      kinds.set(old.kinds.subarray(i - shift), i);
      fences.set(old.fences.subarray(i - shift), i);
      kept = i;
      break;
    }
    const s = lines.line(i);
    if (fence === IN_HTML_TABLE || (fence === 0 && HTML_TABLE_START.test(s))) {
      kinds[i] = HTML;
      fence = fences[i] = htmlTableOpenAfter(s, fence === IN_HTML_TABLE) ? IN_HTML_TABLE : 0;
      continue;
    }
    const open = fence === 0 ? undefined : String.fromCharCode(fence);
    kinds[i] = open !== undefined || FENCE.test(s) ? TEXT : lineKind(s);
    fence = fences[i] = fenceAfter(open, s)?.charCodeAt(0) ?? 0;
  }
  const byFirstLine = new Map(old?.regions.map(r => [r.firstLine, r]));
  const regions: TableRegion[] = [];
  const movedFrom = new Map<TableRegion, TableRegion>();
  let i = 0;
  while (i < count) {
    const kind = kinds[i];
    if (kind !== TABBED && kind !== PIPE && kind !== HTML && kind !== GRID && kind !== PLAIN) { i++; continue; }
    const firstLine = i;
    let last = i;
    for (let j = i + 1; j < count; j++) {
      const k = kinds[j];
      if (kind === HTML || kind === PLAIN) {
        if (k === kind || (kind === PLAIN && k === TEXT && isWordPart(lines, j))) last = j;
        else if (kind === HTML || (k !== BLANK && k !== COMMENT)) break;
      } else if (k === TABBED || k === PIPE || k === GRID) last = j;
      else if (isText(k) && isContinuation(lines, j, kinds)) last = j;
      else if (k !== BLANK && k !== COMMENT) break;
    }
    // Lines that did not change, with their old kinds: the old region, if it spans them.
    const move = previous && (last < first || firstLine >= kept) ? unchangedMove(previous.change, firstLine, last) : undefined;
    const before = move && byFirstLine.get(firstLine - move.lines);
    if (move && before?.lastLine === last - move.lines) {
      const region = moved(before, move);
      movedFrom.set(region, before);
      regions.push(region);
    } else {
      const { layout, rows } = readRows(lines, firstLine, last, kinds);
      if (isTable(rows, layout)) regions.push({ layout, firstLine, lastLine: last, rows });
    }
    i = last + 1;
  }
  return { scan: { regions, kinds, fences }, movedFrom };
}

// The state after a line inside an HTML <table>, kept with the code fences' (a fence's state is
// its character code, never 1).
const IN_HTML_TABLE = 1;
const HTML_TABLE_START = /<table[\s>]/i;

/** Whether an HTML <table> is still open after line `s` (opened on it, or before it when `open`). */
function htmlTableOpenAfter(s: string, open: boolean): boolean {
  const lower = s.toLowerCase();
  const opened = lower.lastIndexOf('<table'), closed = lower.lastIndexOf('</table');
  return opened >= 0 ? closed < opened : open && closed < 0;
}

/** The region as it reads after `move`. */
function moved(region: TableRegion, { lines: shift, chars: delta }: Move): TableRegion {
  if (shift === 0 && delta === 0) return region;
  return {
    layout: region.layout,
    firstLine: region.firstLine + shift,
    lastLine: region.lastLine + shift,
    rows: region.rows.map(r => ({
      firstLine: r.firstLine + shift,
      lastLine: r.lastLine + shift,
      cells: r.cells.map(c => ({ text: c.text, start: c.start + delta, end: c.end + delta })),
    })),
  };
}

/**
 * Guards against a stray tab in prose: a table has rows and at least one number, or, a blank form
 * not yet filled in, at least two cells that are the template's words.
 */
function isTable(rows: Row[], layout: TableLayout): boolean {
  // One row is a table only over several lines: 表四's single row, one cell per line.
  if (rows.length === 0 || (rows.length === 1 && rows[0].firstLine === rows[0].lastLine)) return false;
  const hasNumber = rows.some(r => r.cells.some(c => looksNumeric(c.text.trim())));
  if (layout !== 'plain') return hasNumber || templateWords(rows, 2).length >= 2;
  // Written plainly, lines of numbers may be page numbers and a few template words a sentence's
  // stray lines: a table has the template's words with numbers, or a blank form's rows.
  const words = templateWords(rows, Infinity);
  return words.length >= 2 && (hasNumber || (words.length >= 3 && words.some(isRowLabelForm)));
}

/** The normalised template words among the cells, up to `enough` of them. */
function templateWords(rows: Row[], enough: number): string[] {
  const words: string[] = [];
  for (const r of rows) {
    for (const c of r.cells) {
      const form = c.text.trim() === '' ? '' : labelForm(c.text);
      if (form !== '' && isTemplateWordForm(form) && words.push(form) >= enough) return words;
    }
  }
  return words;
}

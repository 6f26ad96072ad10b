// Maps the rows of a table onto a template table: which cell is which row × column, and what
// departs from the template (missing rows and columns, drifted labels, wrong cell counts), by block.
import type { Cell, Row, TableRegion } from './tables';
import { parseValue, type CellValue } from './values';
import { normalizeTemplateLabel } from './text';
import { isValueText, labelScore, MATCH, scoreOf, scoreWords, formsOf, wordsOf, core, type Words } from './labels';
import { detectFormat, lastLabelIndex, numbersFrom } from './identify';
import { ownString } from './caches';
import { ACCEPTED_LABEL_VARIANTS, labelsWithGroups, TABLES, type ColumnDef, type FormatId, type RowDef, type TableDef, type TableId } from './template';

export interface ValueCell {
  row: RowDef;
  col: ColumnDef;
  block: number;
  /** Source span of the value, white space trimmed; empty span at the cell for a blank cell. */
  start: number;
  end: number;
  text: string;
  parsed: CellValue;
}

/** A cell of a matched table by its place: the index of its row in the table's rows, and of the cell in the row. */
export type CellAt = readonly [row: number, cell: number];

/**
 * What in a table departs from the template, by block. Cells are named by place, not held: a
 * match is kept by content and put back onto the rows of each version that reads the same.
 */
export type TableProblem =
  | { kind: 'row-missing'; block: number; row: RowDef; after?: CellAt }
  | { kind: 'row-unknown'; block: number; label: CellAt }
  | { kind: 'column-missing'; block: number; label: string }
  | { kind: 'value-count'; block: number; row: RowDef; found: number; expected: number; at: CellAt }
  | { kind: 'label'; block: number; cell: CellAt; expected: string };

export interface MatchedTable {
  def: TableDef;
  format: FormatId;
  /** Whether the table's own labels showed the format (else it was assumed). */
  formatFromLabels: boolean;
  /** The regions it was read from: one, or the several that its section splits it into. */
  regions: TableRegion[];
  /** The rows of the regions that belong to this table. */
  rows: Row[];
  values: Map<string, ValueCell>;
  labels: Map<string, Cell>;
  problems: TableProblem[];
  /** Per block, the index in `rows` of its first row (caption, header or data row), -1 when none was seen. */
  blockStarts: number[];
}

/** The cell of `table` at a place a problem names. */
export const cellAt = (table: MatchedTable, [r, c]: CellAt): Cell => table.rows[r].cells[c];

/**
 * The key of every template cell, made once from the template: a key string per cell weighed
 * megabytes in a big report. Found by row, then column, so that asking does not build the string.
 */
const CELL_KEYS = new Map<string, Map<string, string>>();
for (const def of Object.values(TABLES).flatMap(byId => Object.values(byId))) {
  for (const b of def.blocks) {
    for (const row of b.rows) {
      let byCol = CELL_KEYS.get(row.id);
      if (!byCol) CELL_KEYS.set(row.id, (byCol = new Map()));
      for (const col of b.columns) if (!byCol.has(col.id)) byCol.set(col.id, `${row.id}|${col.id}`);
    }
  }
}

export function cellKey(rowId: string, colId: string): string {
  return CELL_KEYS.get(rowId)?.get(colId) ?? `${rowId}|${colId}`;
}

interface Candidate { row: RowDef; block: number; score: number }

function bestRow(def: TableDef, text: string, taken: Set<string>, preferBlock: number): Candidate | undefined {
  // Most labels are written as in the template: a row scoring 1 beats every row scoring less, so
  // only the rows that score 1 on these words compete, and none needs scoring: the first free one
  // in the preferred block wins, else the first free one (template order keeps the tie-break).
  const exact = exactRows(def, wordsOf(text).norm);
  if (exact) {
    let first: Slot | undefined;
    for (const slot of exact) {
      if (taken.has(slot.row.id)) continue;
      if (slot.block === preferBlock) return { row: slot.row, block: slot.block, score: 1 + 0.001 };
      first ??= slot;
    }
    if (first) return { row: first.row, block: first.block, score: 1 };
  }
  let best: Candidate | undefined;
  for (const { row, block: b } of allRows(def)) {
    if (taken.has(row.id)) continue;
    const score = labelScore(text, row.label) + (b === preferBlock ? 0.001 : 0);
    if (!best || score > best.score) best = { row, block: b, score };
  }
  return best && best.score >= MATCH ? best : undefined;
}

interface Slot { row: RowDef; block: number }

/**
 * Per template table, the labelled rows in template order and, per normalised label or accepted
 * variant, the rows that score 1 on it; its header labels in order; the fewest values a row of it
 * has. Built once per table from the template (not a cache: its size is the template's), so even
 * a cold check skips scoring a well-written label against every row.
 */
interface TemplateIndex { all: Slot[]; exact: Map<string, Slot[]>; header: string[]; fewestColumns: number }

function templateIndex(def: TableDef): TemplateIndex {
  const all = def.blocks.flatMap((b, block) => b.rows.filter(row => row.label !== '').map(row => ({ row, block })));
  const exact = new Map<string, Slot[]>();
  for (const { row, block } of all) {
    for (const written of [row.label, ...(ACCEPTED_LABEL_VARIANTS[row.label] ?? [])]) {
      const words = normalizeTemplateLabel(written);
      const writtenWords: Words = { norm: words, core: core(words) };
      if (!exact.has(words)) exact.set(words, all.filter(o => scoreWords(writtenWords, formsOf(o.row.label)) === 1));
    }
    // Written with its groups in one cell, it names this row alone.
    for (const written of labelsWithGroups(row)) exact.set(normalizeTemplateLabel(written), [{ row, block }]);
  }
  const header = def.blocks.flatMap(b => b.header);
  return { all, exact, header, fewestColumns: Math.min(...def.blocks.map(b => b.columns.length)) };
}
const INDEXES = new Map(Object.values(TABLES).flatMap(byId => Object.values(byId)).map(def => [def, templateIndex(def)]));
const indexOf = (def: TableDef) => INDEXES.get(def)!;

const allRows = (def: TableDef) => indexOf(def).all;
const exactRows = (def: TableDef, words: string) => indexOf(def).exact.get(words);

/** What the rows of a table show about where their values sit. */
interface Alignment {
  /** Index of the first value cell by row shape (shapeOf), from rows with every value filled. */
  shapes: Map<number, number>;
  /** Blank value columns of the rows that can be read only one way. */
  blanks: Map<Row, number[]>;
}

/** A row's shape, its cell count and label index, as one number: the pair's place in a triangle (label index + 1 ≤ cell count). */
const shapeOf = (row: Row, labelIdx: number) => (row.cells.length * (row.cells.length + 1)) / 2 + labelIdx + 1;

const isFilled = (c: Cell) => c.text.trim() !== '';

/** Positions (from 0) of the blank cells among the n cells of `row` from index `from`. */
function blanksAt(row: Row, from: number, n: number): number[] {
  const blanks: number[] = [];
  for (let i = 0; i < n; i++) if (!isFilled(row.cells[from + i])) blanks.push(i);
  return blanks;
}

/**
 * Where a row's value cells start (they are the n cells from there), after its label. A row keeps
 * its cells when a value is blanked (a tab, or a tab-only line), so a sibling row of the same shape tells where
 * the values sit. Without one, a row with spare empty cells can be read several ways: the reading
 * that leaves blank the columns other rows leave blank wins (a 总计 column left empty
 * throughout), else the leftmost. Undefined when no n cells hold every filled cell.
 */
function valueStart(row: Row, labelIdx: number, n: number, learned: Alignment): number | undefined {
  const cells = row.cells;
  // Indices below are counted from the first cell after the label.
  const from = labelIdx + 1, count = cells.length - from;
  let filled = 0, first = -1, last = -1;
  for (let i = 0; i < count; i++) {
    if (!isFilled(cells[from + i])) continue;
    filled++;
    if (first < 0) first = i;
    last = i;
  }
  const shape = shapeOf(row, labelIdx);
  if (filled < n) {
    const start = learned.shapes.get(shape);
    if (start !== undefined && start > labelIdx && start + n <= cells.length) return start;
  }
  // Readings: n consecutive cells holding every filled cell.
  const lo = Math.max(0, last + 1 - n), hi = Math.min(first < 0 ? Infinity : first, count - n);
  if (hi < lo) return undefined;
  let start = lo;
  if (hi === lo) learned.blanks.set(row, blanksAt(row, from + lo, n));
  else {
    const votes = new Map<number, number>();
    for (const cols of learned.blanks.values()) for (const i of cols) votes.set(i, (votes.get(i) ?? 0) + 1);
    const score = (s: number) => blanksAt(row, from + s, n).reduce((acc, i) => acc + (votes.get(i) ?? 0), 0);
    for (let s = lo + 1, best = score(lo); s <= hi; s++) {
      const sScore = score(s);
      if (sScore > best) { start = s; best = sScore; }
    }
  }
  if (filled === n) learned.shapes.set(shape, from + start);
  return from + start;
}

function isHeaderLabel(def: TableDef, text: string): boolean {
  return def.blocks.some(b => b.header.some(h => labelScore(text, h, 1) === 1));
}

/** What a row shows before its values are read. */
interface RowReading {
  /** The 表二 block whose caption the row is, or -1. */
  caption: number;
  /** Whether a cell after the label holds a value (a number or a placeholder). */
  hasValues: boolean;
  /** The template row the row's label names, if it is a data row of one. */
  candidate?: Candidate;
}

function readRow(def: TableDef, row: Row, labelIdx: number, taken: Set<string>, block: number): RowReading {
  const caption = def.id === 't2' ? captionOf(def, row) : -1;
  if (caption >= 0 || def.id === 't4') return { caption, hasValues: false };
  let hasValues = false;
  for (let i = labelIdx + 1; i < row.cells.length && !hasValues; i++) {
    const t = row.cells[i].text.trim();
    hasValues = t !== '' && isValueText(t);
  }
  if (labelIdx < 0) return { caption, hasValues };
  // A header cell such as 「其他」 resembles a row label; a data row has its value cells. So a row
  // without values names no template row when its label is a header label or it lacks the cells
  // for the values, and then no row needs scoring (header rows are most of the drifted labels).
  const text = row.cells[labelIdx].text, room = row.cells.length - labelIdx - 1;
  if (!hasValues && (room < indexOf(def).fewestColumns || isHeaderLabel(def, text))) return { caption, hasValues };
  let candidate = bestRow(def, text, taken, block);
  if (candidate && !hasValues && room < def.blocks[candidate.block].columns.length) candidate = undefined;
  return { caption, hasValues, candidate };
}

/** The first block whose caption a cell of the row is (scores 0.95 on), or -1. */
function captionOf(def: TableDef, row: Row): number {
  // Cell by cell, the first caption it is: the row's block is the first that any cell is.
  let first = -1;
  for (const cell of row.cells) {
    const words = wordsOf(cell.text);
    for (let b = 0; b < (first < 0 ? def.blocks.length : first); b++) {
      const caption = def.blocks[b].caption;
      if (caption && scoreOf(words, caption, 0.95) >= 0.95) { first = b; break; }
    }
  }
  return first;
}


export function matchRows(regions: TableRegion[], rows: Row[], id: TableId, assumed: FormatId): MatchedTable {
  const labelIdxs = rows.map(lastLabelIndex);
  const detected = detectFormat(rows, id, labelIdxs);
  const format = detected ?? assumed;
  const def = TABLES[format][id];
  const table: MatchedTable = {
    def, format, formatFromLabels: detected !== undefined, regions, rows,
    values: new Map(), labels: new Map(), problems: [], blockStarts: [],
  };
  const taken = new Set<string>();
  const learned: Alignment = { shapes: new Map(), blanks: new Map() };
  // Header rows by block. A header row heads the block of the caption or data row after it: a
  // 表二 whose captions were lost still has a header above each block.
  let headers: number[][] = [];
  let pendingHeaders: number[] = [];
  let block = 0;
  const enter = (b: number, r: number) => {
    const first = pendingHeaders[0] ?? r;
    if (table.blockStarts[b] < 0 || first < table.blockStarts[b]) table.blockStarts[b] = first;
    headers[b].push(...pendingHeaders);
    pendingHeaders = [];
    block = b;
  };
  // A row's reading depends on the rows before it (the template rows taken, the block), never on
  // the values read: both passes take the same readings, made once.
  const readings: RowReading[] = [];

  // Two passes: the first learns the value positions of complete rows (it only finds where each
  // row's values sit, reading none).
  for (const pass of PASSES) {
    const record = pass === 'final';
    // Rows whose values were found in this pass.
    let valueRows = 0;
    taken.clear(); table.values.clear(); table.labels.clear(); table.problems = [];
    table.blockStarts = def.blocks.map(() => -1);
    headers = def.blocks.map(() => []);
    pendingHeaders = [];
    block = 0;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r], labelIdx = labelIdxs[r];
      const { caption, hasValues, candidate } = (readings[r] ??= readRow(def, row, labelIdx, taken, block));
      if (caption >= 0) { enter(caption, r); continue; }
      if (def.id === 't4') {
        const numeric = numbersFrom(row, 0);
        // Its one row of values: mostly numbers, or the first row without a word (blank in a blank form).
        const width = def.blocks[0].columns.length;
        if (numeric * 2 >= width || (valueRows === 0 && labelIdx < 0 && (numeric > 0 || row.cells.length >= width))) {
          enter(0, r);
          if (readValues(table, r, labelIdx, def.blocks[0].rows[0], 0, learned, record)) valueRows++;
          taken.add(def.blocks[0].rows[0].id);
        } else pendingHeaders.push(r);
        continue;
      }
      if (!candidate) {
        if (hasValues && labelIdx >= 0 && valueRows > 0) table.problems.push({ kind: 'row-unknown', block, label: [r, labelIdx] });
        else if (valueRows === 0 || !hasValues) pendingHeaders.push(r);
        continue;
      }
      enter(candidate.block, r);
      table.labels.set(candidate.row.id, row.cells[labelIdx]);
      if (candidate.score < 1) table.problems.push({ kind: 'label', block: candidate.block, cell: [r, labelIdx], expected: candidate.row.label });
      if (readValues(table, r, labelIdx, candidate.row, candidate.block, learned, record)) valueRows++;
      taken.add(candidate.row.id);
    }
  }
  if (pendingHeaders.length > 0) enter(block, rows.length);

  if (def.id !== 't4') matchByPosition(table, taken, learned, labelIdxs);
  reportMissing(table, taken);
  checkHeader(table, headers);
  return table;
}

/**
 * A label drifted too far to be recognised by its words ("2. 重复提出申请") still sits in its
 * template slot: when the unrecognised rows between two matched rows are exactly as many as the
 * template rows missing there, they are those rows, with drifted labels.
 */
function matchByPosition(table: MatchedTable, taken: Set<string>, learned: Alignment, labelIdxs: number[]) {
  if (!table.problems.some(p => p.kind === 'row-unknown')) return;
  const order = table.def.blocks.flatMap((b, block) => b.rows.map(row => ({ row, block })));
  const slotOf = (at: number) => {
    let slot = -1;
    order.forEach((o, i) => { const l = table.labels.get(o.row.id); if (l && l.start < at) slot = i; });
    return slot;
  };
  const unknown = table.problems.filter((p): p is Extract<TableProblem, { kind: 'row-unknown' }> => p.kind === 'row-unknown');
  const gaps = new Map<number, typeof unknown>();
  for (const p of unknown) {
    const prev = slotOf(cellAt(table, p.label).start);
    gaps.set(prev, [...(gaps.get(prev) ?? []), p]);
  }
  for (const [prev, rows] of gaps) {
    const free: typeof order = [];
    for (let i = prev + 1; i < order.length && !table.labels.has(order[i].row.id); i++) if (!taken.has(order[i].row.id)) free.push(order[i]);
    if (free.length !== rows.length) continue;
    rows.forEach((p, i) => {
      const { row, block } = free[i];
      const [r] = p.label;
      table.problems.splice(table.problems.indexOf(p), 1, { kind: 'label', block, cell: p.label, expected: row.label });
      table.labels.set(row.id, cellAt(table, p.label));
      taken.add(row.id);
      readValues(table, r, labelIdxs[r], row, block, learned);
    });
  }
}

const PASSES: Array<'learn' | 'final'> = ['learn', 'final'];

/**
 * Reads row r's values into the table as the values of `rowDef`, or a value-count problem when
 * they cannot be placed; whether they could. Unless `record`, it only finds (and learns) where they sit.
 */
function readValues(table: MatchedTable, r: number, labelIdx: number, rowDef: RowDef, block: number, learned: Alignment, record = true): boolean {
  const row = table.rows[r];
  const cols = table.def.blocks[block].columns;
  const start = valueStart(row, labelIdx, cols.length, learned);
  if (!record) return start !== undefined;
  if (start === undefined) {
    const found = row.cells.slice(labelIdx + 1).filter(c => c.text.trim() !== '').length;
    table.problems.push({ kind: 'value-count', block, row: rowDef, found, expected: cols.length, at: [r, Math.max(0, labelIdx)] });
    return false;
  }
  const keys = valueKeys(rowDef, cols);
  for (let i = 0; i < cols.length; i++) table.values.set(keys[i], valueCell(row.cells[start + i], rowDef, cols[i], block));
  return true;
}

/** A template row's value keys, column by column (a template row belongs to one block, so it is always read with the same columns). */
function valueKeys(row: RowDef, cols: ColumnDef[]): string[] {
  return cols.map(col => cellKey(row.id, col.id));
}

/** The value a cell holds as row × column: its text and span with white space trimmed, and what it reads as. */
function valueCell(cell: Cell, row: RowDef, col: ColumnDef, block: number): ValueCell {
  const raw = cell.text;
  // Matches are cached beyond the document version they were read from.
  const text = ownString(raw.trim());
  // An empty span at the cell for a blank cell.
  if (text === '') return { row, col, block, start: cell.start, end: cell.start, text, parsed: parseValue(text, col.kind) };
  const lead = text.length === raw.length ? 0 : raw.length - raw.trimStart().length;
  const trail = raw.length - lead - text.length;
  // A joined continuation cell's text is shorter than its span; trimming only moves the start.
  const start = cell.start + lead;
  return { row, col, block, start, end: Math.max(start, cell.end - trail), text, parsed: parseValue(text, col.kind) };
}

/** Template rows not found, each with the label of the row found before it in template order (where it belongs). */
function reportMissing(table: MatchedTable, taken: Set<string>) {
  let after: CellAt | undefined;
  table.def.blocks.forEach((b, block) => {
    for (const row of b.rows) {
      const label = table.labels.get(row.id);
      if (label) { after = placeOf(table.rows, label); continue; }
      if (taken.has(row.id) || table.problems.some(p => p.kind === 'value-count' && p.row.id === row.id)) continue;
      table.problems.push({ kind: 'row-missing', block, row, ...(after ? { after } : {}) });
    }
  });
}

/**
 * A header cell naming a column: its label exactly, or ending with it where a header flattened
 * into one row joined the group's words to it ("行政复议结果维持").
 */
function namesColumn(words: Words, label: string): boolean {
  if (scoreOf(words, label, 1) === 1) return true;
  const norm = normalizeTemplateLabel(label);
  return words.norm.length > norm.length && words.norm.endsWith(norm);
}

/**
 * Compares each block's header cells with its template header, as a multiset of labels. Group
 * cells above the columns (申请人情况) may be left out; a block whose header names none of its
 * columns is not judged (it may have no header row at all, or one too far from the template to say).
 */
function checkHeader(table: MatchedTable, headerRows: number[][]) {
  table.def.blocks.forEach((b, block) => {
    const available: Array<{ at: CellAt; words: Words }> = [];
    for (const r of headerRows[block]) {
      table.rows[r].cells.forEach((c, i) => { if (!isValueText(c.text.trim())) available.push({ at: [r, i], words: wordsOf(c.text) }); });
    }
    // Group cells span other header cells; tables typed by hand or converted from web pages often leave them out.
    const groups = [...new Set(b.columns.flatMap(c => c.groups ?? []))];
    const expected = b.header.filter(h => !groups.includes(h));
    const used = new Set<number>();
    const take = (label: string) => {
      const i = available.findIndex((c, k) => !used.has(k) && namesColumn(c.words, label));
      if (i >= 0) used.add(i);
      return i >= 0;
    };
    const missing = expected.filter(label => !take(label));
    if (missing.length === expected.length) return;
    groups.forEach(take);
    for (const label of missing) {
      let near: { k: number; s: number } | undefined;
      available.forEach((c, k) => {
        if (used.has(k)) return;
        const s = scoreOf(c.words, label);
        if (!near || s > near.s) near = { k, s };
      });
      if (near && near.s >= MATCH && !b.header.some(h => scoreOf(available[near!.k].words, h, 1) === 1)) {
        used.add(near.k);
        table.problems.push({ kind: 'label', block, cell: available[near.k].at, expected: label });
      } else table.problems.push({ kind: 'column-missing', block, label });
    }
  });
}

/**
 * Where a cell of `rows` is. Few cells are named (labels), so each is looked for, not every cell
 * indexed: rows and their cells are in document order, so its row is the last one starting at or
 * before it (else, with an empty row in the way, whichever holds it).
 */
export function placeOf(rows: Row[], cell: Cell): CellAt {
  let lo = 0, hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((rows[mid].cells[0]?.start ?? Infinity) <= cell.start) lo = mid; else hi = mid - 1;
  }
  let r = lo, i = rows[r].cells.indexOf(cell);
  if (i < 0) {
    r = rows.findIndex(row => row.cells.includes(cell));
    i = rows[r].cells.indexOf(cell);
  }
  return [r, i];
}

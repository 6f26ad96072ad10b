// Maps a table region onto a template table: which cell is which row × column, and what in the
// region departs from the template (missing rows and columns, drifted labels, wrong cell counts).
import { createHash } from 'node:crypto';
import type { Cell, Row, TableRegion } from './tables';
import { looksNumeric, parseValue, type CellValue } from './values';
import { normalizeLabel, normalizeTemplateLabel, similarity } from './text';
import { BoundedCache, ownString } from './caches';
import {
  ACCEPTED_LABEL_VARIANTS, FORMAT_MARKERS, TABLE_ANCHORS, TABLES,
  type BlockDef, type ColumnDef, type FormatId, type RowDef, type TableDef, type TableId,
} from './template';

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

export type TableProblem =
  | { kind: 'row-missing'; row: RowDef; at: number }
  | { kind: 'row-unknown'; label: Cell; row: Row; labelIdx: number }
  | { kind: 'column-missing'; label: string; at: number }
  | { kind: 'value-count'; row: RowDef; found: number; expected: number; at: Cell }
  | { kind: 'label'; cell: Cell; expected: string };

export interface MatchedTable {
  def: TableDef;
  format: FormatId;
  /** Whether the table's own labels showed the format (else it was assumed). */
  formatFromLabels: boolean;
  region: TableRegion;
  /** Row index range within region.rows that belongs to this table. */
  rows: Row[];
  values: Map<string, ValueCell>;
  labels: Map<string, Cell>;
  problems: TableProblem[];
}

/**
 * Keys are interned: ids come from the template, and a key string per cell weighed megabytes in a
 * big report. Found by row, then column, so that asking does not build the string each time.
 */
const keys = new Map<string, Map<string, string>>();
export function cellKey(rowId: string, colId: string): string {
  let byCol = keys.get(rowId);
  if (!byCol) keys.set(rowId, (byCol = new Map()));
  let key = byCol.get(colId);
  if (key === undefined) byCol.set(colId, (key = `${rowId}|${colId}`));
  return key;
}

const norm = (s: string) => normalizeLabel(s);
const normTemplate = (s: string) => normalizeTemplateLabel(s);
const ORDINAL_PREFIX = /^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[.、])/;
const core = (s: string) => s.replace(ORDINAL_PREFIX, '');

function trimmedSpan(cell: Cell): { start: number; end: number; text: string } {
  const lead = cell.text.length - cell.text.trimStart().length;
  // Matches are cached beyond the document version they were read from.
  const text = ownString(cell.text.trim());
  // A joined continuation cell's text is shorter than its span; trimming only moves the start.
  return text === '' ? { start: cell.start, end: cell.start, text }
    : { start: cell.start + lead, end: Math.max(cell.start + lead, cell.end - (cell.text.length - cell.text.trimEnd().length)), text };
}

// Every row of a table is scored against every template label, and real documents repeat the
// same cell texts (the same template, report after report): scores are memoised per label.
const scores = new Map<string, BoundedCache<string, number>>();

/** How well a cell's text names a template label: 1 exact, ≥0.6 the same label drifted. */
export function labelScore(text: string, label: string): number {
  let byText = scores.get(label);
  if (!byText) scores.set(label, (byText = new BoundedCache(20000)));
  return byText.memo(text, t => scoreUncached(t, label));
}

function scoreUncached(text: string, label: string): number {
  const a = norm(text), b = normTemplate(label);
  if (a === b || (ACCEPTED_LABEL_VARIANTS[label] ?? []).some(v => normTemplate(v) === a)) return 1;
  const ca = core(a), cb = core(b);
  if (ca === cb && ca !== '') return 0.95;
  if (Math.min(ca.length, cb.length) >= 4 && (ca.startsWith(cb) || cb.startsWith(ca))) return 0.8;
  return similarity(ca, cb);
}

const MATCH = 0.6;
const isValueText = (s: string) => s === '' || looksNumeric(s) || parseValue(s, 'delta').problem === 'placeholder';

/** Which template table a row announces, if it is the first row of one. */
export function anchorOf(row: Row): TableId | undefined {
  for (const cell of row.cells) {
    const id = cellAnchors.memo(cell.text, cellAnchor);
    if (id !== null) return id;
  }
  return undefined;
}

// Every row of every table asks, and the cell texts repeat (the same labels and numbers).
const cellAnchors = new BoundedCache<string, TableId | null>(20000);

function cellAnchor(text: string): TableId | null {
  const t = norm(text);
  if (t === '') return null;
  for (const id of ['t3', 't4', 't2'] as TableId[]) {
    if (TABLE_ANCHORS[id].some(a => t.includes(normTemplate(a)) && (id !== 't2' || a === '信息内容' || t === normTemplate(a)))) return id;
  }
  return null;
}

/** Splits a region into consecutive tables where a row announces a different table. */
export function splitRegion(region: TableRegion, fallback: TableId | undefined): Array<{ id: TableId; rows: Row[] }> {
  const parts: Array<{ id: TableId | undefined; rows: Row[] }> = [];
  let current: { id: TableId | undefined; rows: Row[] } | undefined;
  for (const row of region.rows) {
    const anchor = anchorOf(row);
    if (!current || (anchor && current.id && anchor !== current.id)) {
      current = { id: anchor, rows: [] };
      parts.push(current);
    } else if (anchor && !current.id) current.id = anchor;
    current.rows.push(row);
  }
  return parts.map(p => ({ id: p.id ?? guessByRows(p.rows) ?? (fallback && resembles(p.rows, fallback) ? fallback : undefined), rows: p.rows }))
    .filter((p): p is { id: TableId; rows: Row[] } => p.id !== undefined);
}

/**
 * Whether rows without an anchor still read as the section's template table (labels drifted past
 * exact matching). Another table in the section, such as a ledger of applications, is not one:
 * matched as 表三 it would report every template row missing. The first rows decide.
 */
function resembles(rows: Row[], id: TableId): boolean {
  const rowDefs = (['2021', '2019'] as FormatId[]).flatMap(f => TABLES[f][id].blocks.flatMap(b => b.rows.map(row => ({ label: row.label, columns: b.columns.length }))));
  // A template row is its label, as the row's last word cell, followed by its values: a ledger's
  // 办理结果 column names results too, but with a number or two after them, not seven.
  return rows.slice(0, 40).some(r => {
    const i = lastLabelIndex(r);
    if (i < 0) return false;
    const numbers = r.cells.slice(i + 1).filter(c => looksNumeric(c.text.trim())).length;
    return rowDefs.some(d => d.label !== '' && 2 * numbers >= d.columns && labelScore(r.cells[i].text, d.label) >= MATCH);
  });
}

function guessByRows(rows: Row[]): TableId | undefined {
  const texts = rows.flatMap(r => r.cells.map(c => norm(c.text))).filter(Boolean);
  const has = (label: string) => texts.some(t => core(t) === core(normTemplate(label)));
  if (has('本年新收政府信息公开申请数量') || has('结转下年度继续办理')) return 't3';
  if (has('结果维持') || has('尚未审结')) return 't4';
  if (has('规章') || has('行政许可') || has('行政事业性收费')) return 't2';
  const widest = Math.max(0, ...rows.map(r => r.cells.filter(c => looksNumeric(c.text.trim())).length));
  return widest >= 12 ? 't4' : undefined;
}

export function detectFormat(rows: Row[], id: TableId): FormatId | undefined {
  const texts = rows.flatMap(r => r.cells.map(c => norm(c.text)));
  const score = (f: FormatId) => FORMAT_MARKERS[f].filter(m => texts.some(t => t.includes(normTemplate(m)))).length;
  let s2021 = score('2021'), s2019 = score('2019');
  if (id === 't3') {
    // 2019 has （六）其他处理 as a data row with its own numbers.
    for (const r of rows) {
      const i = lastLabelIndex(r);
      if (i >= 0 && core(norm(r.cells[i].text)) === core(normTemplate('（六）其他处理')) && r.cells.slice(i + 1).some(c => looksNumeric(c.text.trim()))) s2019 += 2;
    }
  }
  if (s2021 === s2019) return undefined;
  return s2021 > s2019 ? '2021' : '2019';
}

function isHeaderLabel(def: TableDef, text: string): boolean {
  return def.blocks.some(b => b.header.some(h => labelScore(text, h) === 1));
}

const HAN = /\p{Script=Han}/u;

/** Labels are words; a cell like "1 234" or "1e3" after the label is a value written wrong. */
function lastLabelIndex(row: Row): number {
  for (let i = row.cells.length - 1; i >= 0; i--) {
    const t = row.cells[i].text.trim();
    if (HAN.test(t) && !isValueText(t)) return i;
  }
  return -1;
}

interface Candidate { row: RowDef; block: number; score: number }

function bestRow(def: TableDef, text: string, taken: Set<string>, preferBlock: number): Candidate | undefined {
  // Most labels are written as in the template: a row scoring 1 beats every row scoring less, so
  // only the rows that score 1 on these words need scoring (template order keeps the tie-break).
  const exact = exactRows(def, norm(text));
  const candidates = exact?.some(c => !taken.has(c.row.id)) ? exact : allRows(def);
  let best: Candidate | undefined;
  for (const { row, block: b } of candidates) {
    if (taken.has(row.id)) continue;
    const score = labelScore(text, row.label) + (b === preferBlock ? 0.001 : 0);
    if (!best || score > best.score) best = { row, block: b, score };
  }
  return best && best.score >= MATCH ? best : undefined;
}

interface Slot { row: RowDef; block: number }

/**
 * Per template table, the labelled rows in template order and, per normalised label or accepted
 * variant, the rows that score 1 on it. Built once per table from the template (not a cache: its
 * size is the template's), so even a cold check skips scoring a well-written label against every row.
 */
const rowIndex = new Map<TableDef, { all: Slot[]; exact: Map<string, Slot[]> }>();

function indexOf(def: TableDef) {
  let index = rowIndex.get(def);
  if (!index) {
    const all = def.blocks.flatMap((b, block) => b.rows.filter(row => row.label !== '').map(row => ({ row, block })));
    const exact = new Map<string, Slot[]>();
    for (const { row } of all) {
      for (const written of [row.label, ...(ACCEPTED_LABEL_VARIANTS[row.label] ?? [])]) {
        const words = normTemplate(written);
        if (!exact.has(words)) exact.set(words, all.filter(o => scoreUncached(written, o.row.label) === 1));
      }
    }
    rowIndex.set(def, (index = { all, exact }));
  }
  return index;
}

const allRows = (def: TableDef) => indexOf(def).all;
const exactRows = (def: TableDef, words: string) => indexOf(def).exact.get(words);

/** What the rows of a table show about where their values sit. */
interface Alignment {
  /** Index of the first value cell by row shape ("cells:label index"), from rows with every value filled. */
  shapes: Map<string, number>;
  /** Blank value columns of the rows that can be read only one way. */
  blanks: Map<Row, number[]>;
}

const isFilled = (c: Cell) => c.text.trim() !== '';

/**
 * Picks the value cells after a row's label. Tab rows keep their tab count when a value is
 * blanked, so a sibling row of the same shape tells where the values sit. Without one, a row
 * with spare empty cells can be read several ways: the reading that leaves blank the columns
 * other rows leave blank wins (a 总计 column left empty throughout), else the leftmost.
 */
function valueCells(row: Row, labelIdx: number, n: number, layout: TableRegion['layout'], learned: Alignment): Cell[] | undefined {
  const after = row.cells.slice(labelIdx + 1);
  const filled = after.filter(isFilled).length;
  const shapeKey = `${row.cells.length}:${labelIdx}`;
  if (layout !== 'cell-per-line' && filled < n) {
    const start = learned.shapes.get(shapeKey);
    if (start !== undefined && start > labelIdx && start + n <= row.cells.length) return row.cells.slice(start, start + n);
  }
  // Readings: n consecutive cells holding every filled cell.
  const first = after.findIndex(isFilled);
  let last = after.length - 1;
  while (last >= 0 && !isFilled(after[last])) last--;
  const lo = Math.max(0, last + 1 - n), hi = Math.min(first < 0 ? Infinity : first, after.length - n);
  if (hi < lo) return undefined;
  const blanksAt = (start: number) => after.slice(start, start + n).flatMap((c, i) => (isFilled(c) ? [] : [i]));
  let start = lo;
  if (hi === lo) learned.blanks.set(row, blanksAt(lo));
  else {
    const votes = new Map<number, number>();
    for (const cols of learned.blanks.values()) for (const i of cols) votes.set(i, (votes.get(i) ?? 0) + 1);
    const score = (s: number) => blanksAt(s).reduce((acc, i) => acc + (votes.get(i) ?? 0), 0);
    for (let s = lo + 1; s <= hi; s++) if (score(s) > score(start)) start = s;
  }
  if (filled === n) learned.shapes.set(shapeKey, labelIdx + 1 + start);
  return after.slice(start, start + n);
}

/**
 * A match kept by content, with its cells and rows as indices into the rows it was read from:
 * holding the old Row and Cell objects would keep a stale read of the document alive.
 */
interface StoredMatch {
  def: TableDef;
  format: FormatId;
  formatFromLabels: boolean;
  /** Document offset the values' offsets are relative to: the table's first cell when stored. */
  base: number;
  values: Map<string, ValueCell>;
  labels: Array<[rowId: string, at: CellAt]>;
  problems: StoredProblem[];
}
type CellAt = [row: number, cell: number];
type StoredProblem =
  | { kind: 'row-missing'; row: RowDef; at: number }
  | { kind: 'row-unknown'; label: CellAt; labelIdx: number }
  | { kind: 'column-missing'; label: string; at: number }
  | { kind: 'value-count'; row: RowDef; found: number; expected: number; at: CellAt }
  | { kind: 'label'; cell: CellAt; expected: string };

// In a language server every keystroke re-checks the whole document, and all tables but one are
// unchanged: a table whose rows read the same (texts and spans relative to its first cell) is
// matched once and moved to its new offsets.
const stored = new BoundedCache<string, StoredMatch>(5000);
const origins = new WeakMap<MatchedTable, { stored: StoredMatch; delta: number }>();

function contentKey(layout: TableRegion['layout'], rows: Row[], id: TableId, assumed: FormatId, base: number): string {
  const parts: string[] = [layout, id, assumed];
  for (const row of rows) {
    parts.push('\n');
    for (const c of row.cells) parts.push(`${c.start - base}:${c.end - base}:${c.text.length}:${c.text}`);
  }
  return parts.join('\u0000');
}

/** Where a table's match came from, so work derived from it can be reused: the stored match and the shift since. */
export function matchOrigin(table: MatchedTable): { stored: object; delta: number } | undefined {
  return origins.get(table);
}

export function matchTable(region: TableRegion, rows: Row[], id: TableId, assumed: FormatId): MatchedTable {
  const base = rows[0]?.cells[0]?.start ?? 0;
  // The content spelled out is about three times the table's text: stored as a digest, a key costs 28 characters.
  const key = createHash('sha1').update(contentKey(region.layout, rows, id, assumed, base)).digest('base64');
  let entry = stored.get(key);
  if (!entry) {
    entry = store(matchRows(region, rows, id, assumed), rows);
    stored.set(key, entry);
  }
  return fromStored(entry, region, rows);
}

/**
 * `table`, matched in `before`, as it reads in `region`: the same rows moved (tables.ts), so its
 * match is taken as it is instead of being looked up by content.
 */
export function movedMatch(table: MatchedTable, region: TableRegion, before: TableRegion): MatchedTable {
  if (region === before) return table;
  const from = before.rows.indexOf(table.rows[0]);
  const moved = fromStored(origins.get(table)!.stored, region, region.rows.slice(from, from + table.rows.length));
  carried.set(moved, { derived: derivedOf(table), shift: region.firstLine - before.firstLine });
  return moved;
}

// Work derived from a table (the rules' findings), kept with it and handed on to the table carried
// over from it. What is handed on is that work, not the old table: holding the table would keep
// every earlier version's tables alive, one link per edit.
const derived = new WeakMap<MatchedTable, Map<string, unknown>>();
const carried = new WeakMap<MatchedTable, { derived: Map<string, unknown>; shift: number }>();

/** Where work derived from `table` is kept, by whoever derives it. */
export function derivedOf(table: MatchedTable): Map<string, unknown> {
  let bag = derived.get(table);
  if (!bag) derived.set(table, (bag = new Map()));
  return bag;
}

/** The derived work of the table this one was carried over from by `movedMatch`, and how many lines down it moved. */
export function carriedFrom(table: MatchedTable): { derived: Map<string, unknown>; shift: number } | undefined {
  return carried.get(table);
}

function fromStored(entry: StoredMatch, region: TableRegion, rows: Row[]): MatchedTable {
  const base = rows[0]?.cells[0]?.start ?? 0;
  const delta = base - entry.base;
  const cell = ([r, c]: CellAt) => rows[r].cells[c];
  const table: MatchedTable = {
    def: entry.def, format: entry.format, formatFromLabels: entry.formatFromLabels, region, rows,
    values: delta === 0 ? entry.values : new Map([...entry.values].map(([k, v]) => [k, { ...v, start: v.start + delta, end: v.end + delta }])),
    labels: new Map(entry.labels.map(([rowId, at]) => [rowId, cell(at)])),
    problems: entry.problems.map((p): TableProblem => {
      switch (p.kind) {
        case 'row-missing': case 'column-missing': return { ...p, at: p.at + delta };
        case 'row-unknown': return { kind: p.kind, label: cell(p.label), row: rows[p.label[0]], labelIdx: p.labelIdx };
        case 'value-count': return { ...p, at: cell(p.at) };
        case 'label': return { ...p, cell: cell(p.cell) };
      }
    }),
  };
  origins.set(table, { stored: entry, delta });
  return table;
}

function store(table: MatchedTable, rows: Row[]): StoredMatch {
  const index = new Map<Cell, CellAt>();
  rows.forEach((row, r) => row.cells.forEach((c, i) => index.set(c, [r, i])));
  const at = (c: Cell) => index.get(c)!;
  return {
    def: table.def, format: table.format, formatFromLabels: table.formatFromLabels,
    base: rows[0]?.cells[0]?.start ?? 0,
    values: table.values,
    labels: [...table.labels].map(([rowId, c]) => [rowId, at(c)]),
    problems: table.problems.map((p): StoredProblem => {
      switch (p.kind) {
        case 'row-missing': case 'column-missing': return p;
        case 'row-unknown': return { kind: p.kind, label: at(p.label), labelIdx: p.labelIdx };
        case 'value-count': return { ...p, at: at(p.at) };
        case 'label': return { ...p, cell: at(p.cell) };
      }
    }),
  };
}

function matchRows(region: TableRegion, rows: Row[], id: TableId, assumed: FormatId): MatchedTable {
  const detected = detectFormat(rows, id);
  const format = detected ?? assumed;
  const def = TABLES[format][id];
  const table: MatchedTable = {
    def, format, formatFromLabels: detected !== undefined, region, rows,
    values: new Map(), labels: new Map(), problems: [],
  };
  const taken = new Set<string>();
  const learned: Alignment = { shapes: new Map(), blanks: new Map() };
  const headerCells: Cell[] = [];
  let block = 0;
  let lastMatchedAt = rows[0]?.cells[0]?.start ?? 0;
  const place = (row: RowDef, at: number) => { taken.add(row.id); lastMatchedAt = at; };

  // Two passes over tab rows: the first learns the value positions of complete rows.
  for (const pass of layoutPasses(region.layout)) {
    if (pass === 'final') { taken.clear(); table.values.clear(); table.labels.clear(); table.problems = []; headerCells.length = 0; block = 0; }
    for (const row of rows) {
      const captionBlock = def.blocks.findIndex(b => b.caption && row.cells.some(c => labelScore(c.text, b.caption!) >= 0.95));
      if (captionBlock >= 0 && def.id === 't2') { block = captionBlock; continue; }
      const labelIdx = lastLabelIndex(row);
      const hasValues = row.cells.slice(labelIdx + 1).some(c => isValueText(c.text.trim()) && c.text.trim() !== '');
      if (def.id === 't4') {
        const numeric = row.cells.filter(c => looksNumeric(c.text.trim())).length;
        if (numeric * 2 >= def.blocks[0].columns.length || (table.values.size === 0 && numeric > 0 && labelIdx < 0)) {
          readValues(table, row, labelIdx, def.blocks[0].rows[0], 0, learned);
          taken.add(def.blocks[0].rows[0].id);
        } else headerCells.push(...row.cells);
        continue;
      }
      let candidate = labelIdx >= 0 ? bestRow(def, row.cells[labelIdx].text, taken, block) : undefined;
      // A header cell such as 「其他」 resembles a row label; a data row has its value cells.
      if (candidate && !hasValues && (row.cells.length - labelIdx - 1 < def.blocks[candidate.block].columns.length || isHeaderLabel(def, row.cells[labelIdx].text))) candidate = undefined;
      if (!candidate) {
        if (hasValues && labelIdx >= 0 && table.values.size > 0) table.problems.push({ kind: 'row-unknown', label: row.cells[labelIdx], row, labelIdx });
        else if (table.values.size === 0 || !hasValues) headerCells.push(...row.cells);
        continue;
      }
      const label = row.cells[labelIdx];
      table.labels.set(candidate.row.id, label);
      if (candidate.score < 1) table.problems.push({ kind: 'label', cell: label, expected: candidate.row.label });
      block = candidate.block;
      readValues(table, row, labelIdx, candidate.row, candidate.block, learned);
      place(candidate.row, label.start);
    }
  }

  if (def.id !== 't4') matchByPosition(table, taken, learned);
  reportMissing(table, taken, lastMatchedAt);
  checkHeader(table, headerCells);
  return table;
}

/**
 * A label drifted too far to be recognised by its words ("2. 重复提出申请") still sits in its
 * template slot: when the unrecognised rows between two matched rows are exactly as many as the
 * template rows missing there, they are those rows, with drifted labels.
 */
function matchByPosition(table: MatchedTable, taken: Set<string>, learned: Alignment) {
  const order = table.def.blocks.flatMap((b, block) => b.rows.map(row => ({ row, block })));
  const slotOf = (at: number) => {
    let slot = -1;
    order.forEach((o, i) => { const l = table.labels.get(o.row.id); if (l && l.start < at) slot = i; });
    return slot;
  };
  const unknown = table.problems.filter((p): p is Extract<TableProblem, { kind: 'row-unknown' }> => p.kind === 'row-unknown');
  const gaps = new Map<number, typeof unknown>();
  for (const p of unknown) {
    const prev = slotOf(p.label.start);
    gaps.set(prev, [...(gaps.get(prev) ?? []), p]);
  }
  for (const [prev, rows] of gaps) {
    const free: typeof order = [];
    for (let i = prev + 1; i < order.length && !table.labels.has(order[i].row.id); i++) if (!taken.has(order[i].row.id)) free.push(order[i]);
    if (free.length !== rows.length) continue;
    rows.forEach((p, i) => {
      const { row, block } = free[i];
      table.problems.splice(table.problems.indexOf(p), 1, { kind: 'label', cell: p.label, expected: row.label });
      table.labels.set(row.id, p.label);
      taken.add(row.id);
      readValues(table, p.row, p.labelIdx, row, block, learned);
    });
  }
}

function layoutPasses(layout: TableRegion['layout']): Array<'learn' | 'final'> {
  return layout === 'cell-per-line' ? ['final'] : ['learn', 'final'];
}

function readValues(table: MatchedTable, row: Row, labelIdx: number, rowDef: RowDef, block: number, learned: Alignment) {
  const cols = table.def.blocks[block].columns;
  const cells = valueCells(row, labelIdx, cols.length, table.region.layout, learned);
  if (!cells) {
    const found = row.cells.slice(labelIdx + 1).filter(c => c.text.trim() !== '').length;
    const at = labelIdx >= 0 ? row.cells[labelIdx] : row.cells[0];
    table.problems.push({ kind: 'value-count', row: rowDef, found, expected: cols.length, at });
    return;
  }
  cells.forEach((cell, i) => {
    const span = trimmedSpan(cell);
    table.values.set(cellKey(rowDef.id, cols[i].id), {
      row: rowDef, col: cols[i], block, ...span, parsed: parseValue(span.text, cols[i].kind),
    });
  });
}

function reportMissing(table: MatchedTable, taken: Set<string>, fallbackAt: number) {
  let at = table.rows[0]?.cells[0]?.start ?? fallbackAt;
  for (const block of table.def.blocks) {
    for (const row of block.rows) {
      const label = table.labels.get(row.id);
      if (label) { at = label.start; continue; }
      if (!taken.has(row.id) && !table.problems.some(p => p.kind === 'value-count' && p.row.id === row.id)) {
        table.problems.push({ kind: 'row-missing', row, at });
      }
    }
  }
}

/** Compares the header cells with the template header as a multiset of labels. */
function checkHeader(table: MatchedTable, cells: Cell[]) {
  const available = cells.filter(c => c.text.trim() !== '' && !isValueText(c.text.trim()));
  if (available.length === 0) return;
  const expected: string[] = table.def.blocks.flatMap((b: BlockDef) => b.header);
  const used = new Set<Cell>();
  const missing: string[] = [];
  for (const label of expected) {
    const exact = available.find(c => !used.has(c) && labelScore(c.text, label) === 1);
    if (exact) { used.add(exact); continue; }
    missing.push(label);
  }
  const at = table.rows[0]?.cells[0]?.start ?? 0;
  for (const label of missing) {
    const near = available
      .filter(c => !used.has(c))
      .map(c => ({ c, s: labelScore(c.text, label) }))
      .sort((a, b) => b.s - a.s)[0];
    if (near && near.s >= MATCH && !expected.some(e => labelScore(near.c.text, e) === 1)) {
      used.add(near.c);
      table.problems.push({ kind: 'label', cell: near.c, expected: label });
    } else table.problems.push({ kind: 'column-missing', label, at });
  }
}

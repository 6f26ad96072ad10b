// The incremental layer. A language server re-checks the whole document on every keystroke, and
// nearly all of it is as it was. Two things make that cheap, both kept here:
//
// - Content identity. A table is matched once per content: its rows (texts, and spans relative to
//   its first cell and line) are hashed into a key, and tables with the same key share one stored
//   match, put back onto each version's rows. A prose chunk's identity is its segments array,
//   shared by every chunk of the same text (prose.ts). A re-check that knows lines did not move
//   out of shape (tables.ts, report.ts: `unchangedMove`) hands the previous identity on without
//   hashing again; anything else is looked up by content. Unchanged means the same content.
// - Work kept per identity. A rule declares what its findings depend on: one table, one prose
//   chunk, or the whole report (types.ts). Findings of table and chunk rules are kept with the
//   identity of their input, relative to its first line, and placed again wherever that content
//   stands; they are copied into strings of their own, so a kept finding never holds a document.
//   Other derived work per table (the arithmetic, relations.ts) is kept the same way.
//
// Nothing is kept with a document version: identities live in bounded content caches, and what
// hangs off them goes when they do.
import { createHash } from 'node:crypto';
import type { Row, TableRegion } from './tables';
import { matchRows, placeOf, type CellAt, type MatchedTable, type TableProblem, type ValueCell } from './match';
import type { Report } from './report';
import { BoundedCache, ownString } from './caches';
import type { FormatId, TableDef, TableId } from './template';
import type { Range } from './text';
import type { ChunkRule, Finding, ReportRule, Rule, TableRule } from './types';
import { contained } from './contained';

// ---------- tables by content ----------

/**
 * A match kept by content. Its problems name cells by place and its labels are places too:
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
  problems: TableProblem[];
  blockStarts: number[];
}

// In a language server every keystroke re-checks the whole document, and all tables but one are
// unchanged: a table whose rows read the same (texts and spans relative to its first cell) is
// matched once and moved to its new offsets.
const stored = new BoundedCache<string, StoredMatch>(5000);
const origins = new WeakMap<MatchedTable, { stored: StoredMatch; delta: number }>();

function contentKey(layout: TableRegion['layout'], rows: Row[], id: TableId, assumed: FormatId, base: number): string {
  // Each cell as its distance from the end of the one before (from `base` for the first), its
  // width, and its text, length first: small numbers, mostly 1 and 0, rather than offsets into the
  // table, made the key to hash less than half as long; each row by its line from the first row's,
  // so what is kept relative to the table's first line holds wherever the table moves. Appended
  // piece by piece, as V8 joins them once, when the key is hashed.
  let key = `${layout}\u0000${id}\u0000${assumed}`;
  let end = base;
  const firstLine = rows[0]?.firstLine ?? 0;
  for (const row of rows) {
    key += `\n${row.firstLine - firstLine}:`;
    for (const c of row.cells) {
      key += `${c.start - end}:${c.end - c.start}:${c.text.length}:${c.text}`;
      end = c.end;
    }
  }
  return key;
}

/** Where a table's match came from: the stored match its identity is, and its shift since (tests ask). */
export function matchOrigin(table: MatchedTable): { stored: object; delta: number } | undefined {
  return origins.get(table);
}

const firstStart = (rows: Row[]) => rows[0]?.cells[0]?.start ?? 0;

/** Matches `rows`, read from `regions` (in the first one's layout), as template table `id`. */
export function matchTable(regions: TableRegion[], rows: Row[], id: TableId, assumed: FormatId): MatchedTable {
  const base = firstStart(rows);
  // The content spelled out is about twice the table's text: stored as a digest, a key costs 28
  // characters. Hashed as UTF-16, its code units as they are: faster than encoding UTF-8, and a
  // lone surrogate (which UTF-8 writes as U+FFFD) cannot make two contents one key.
  const key = createHash('sha1').update(contentKey(regions[0].layout, rows, id, assumed, base), 'utf16le').digest('base64');
  let entry = stored.get(key);
  if (!entry) {
    entry = store(matchRows(regions, rows, id, assumed), rows);
    stored.set(key, entry);
  }
  return fromStored(entry, regions, rows);
}

/**
 * `table`, matched in `before`, as it reads in `region`: the same rows moved (tables.ts), so its
 * match is taken as it is instead of being looked up by content.
 */
export function movedMatch(table: MatchedTable, region: TableRegion, before: TableRegion): MatchedTable {
  if (region === before) return table;
  const from = before.rows.indexOf(table.rows[0]);
  const moved = fromStored(origins.get(table)!.stored, [region], region.rows.slice(from, from + table.rows.length));
  return moved;
}

/** Built field by field: a re-check after typing moves every table below the cursor. */
function movedValues(values: Map<string, ValueCell>, delta: number): Map<string, ValueCell> {
  const moved = new Map<string, ValueCell>();
  for (const [key, v] of values) moved.set(key, { row: v.row, col: v.col, block: v.block, start: v.start + delta, end: v.end + delta, text: v.text, parsed: v.parsed });
  return moved;
}

function fromStored(entry: StoredMatch, regions: TableRegion[], rows: Row[]): MatchedTable {
  const delta = firstStart(rows) - entry.base;
  const table: MatchedTable = {
    def: entry.def, format: entry.format, formatFromLabels: entry.formatFromLabels, regions, rows,
    values: delta === 0 ? entry.values : movedValues(entry.values, delta),
    labels: new Map(entry.labels.map(([rowId, [r, c]]) => [rowId, rows[r].cells[c]])),
    problems: entry.problems,
    blockStarts: entry.blockStarts,
  };
  origins.set(table, { stored: entry, delta });
  return table;
}

function store(table: MatchedTable, rows: Row[]): StoredMatch {
  return {
    def: table.def, format: table.format, formatFromLabels: table.formatFromLabels,
    base: firstStart(rows),
    values: table.values,
    labels: [...table.labels].map(([rowId, c]) => [rowId, placeOf(rows, c)]),
    problems: table.problems,
    blockStarts: table.blockStarts,
  };
}

// ---------- work kept per identity ----------

const kept = new WeakMap<object, Map<string, unknown>>();

/** What is kept for an identity (a stored match, a chunk's segments): work by key. */
function keptWith(identity: object): Map<string, unknown> {
  let byKey = kept.get(identity);
  if (!byKey) kept.set(identity, (byKey = new Map()));
  return byKey;
}

/**
 * Work derived from a table's content alone, kept with it. It must be plain data that names cells
 * by key or place, never by document offset or object: the same content stands in many places.
 */
export function perTableContent<T>(table: MatchedTable, key: string, compute: (table: MatchedTable) => T): T {
  const identity = origins.get(table)?.stored;
  if (!identity) return compute(table);
  const byKey = keptWith(identity);
  let value = byKey.get(key) as T | undefined;
  if (value === undefined) byKey.set(key, (value = compute(table)));
  return value;
}

// ---------- the outline by content ----------

// A re-check needs the previous version's; a few more serve undo. Keys hold every outline line, so few are kept.
const outlines = new BoundedCache<string, object>(100);

/**
 * The identity of a report's outline: one object for every version whose outline lines (title,
 * headings, sub-items) stand on the same lines with the same text, and whose year is the same.
 * An outline rule's findings are kept with it as they are: those lines did not move.
 */
function outlineIdentity(report: Report): object {
  const lines = new Set([report.title, ...report.repeatedTitles, ...report.headings, ...report.subItems].flatMap(o => (o ? [o.line] : [])));
  let key = `${report.year} ${report.yearFromTitle} ${report.yearGuessed}`;
  for (const n of [...lines].sort((a, b) => a - b)) key += `\n${n}:${report.lines.line(n)}`;
  return outlines.memo(key, () => ({}));
}

/** The line a table's kept findings are relative to. */
const tableLine = (table: MatchedTable) => table.rows[0]?.firstLine ?? table.regions[0].firstLine;

/**
 * The findings of `rules` on the report, by rule, from the work kept with each input where the
 * input is unchanged. Table and chunk rules go input by input (an input's kept work is looked up
 * once for all of them), in steps a caller can pause between; a rule that throws finds nothing
 * there (`contained`).
 */
export function* findingsSteps(rules: readonly Rule[], report: Report): Generator<void, Map<Rule, Finding[]>> {
  const found = new Map<Rule, Finding[]>(rules.map(r => [r, []]));
  const keys = new Map<Rule, string>(rules.map(r => [r, r.scope === 'table' || r.scope === 'chunk' ? `${r.id}\u0000${r.variant?.(report) ?? ''}` : r.id]));
  const outlineRules = rules.filter((r): r is ReportRule => r.scope === 'outline');
  if (outlineRules.length > 0) {
    const byKey = keptWith(outlineIdentity(report));
    for (const rule of outlineRules) {
      let k = byKey.get(keys.get(rule)!) as KeptFindings | undefined;
      if (!k) byKey.set(keys.get(rule)!, (k = keptFindings(contained(rule, () => rule.check(report)), 0)));
      if (k !== NONE) place(k, 0, found.get(rule)!);
    }
  }
  const tableRules = rules.filter((r): r is TableRule => r.scope === 'table');
  const chunkRules = rules.filter((r): r is ChunkRule => r.scope === 'chunk');
  // Loops without closures: a re-check asks every table and chunk of a big document about every rule.
  let n = 0;
  for (const t of report.tables) {
    const identity = origins.get(t)?.stored;
    const byKey = identity && keptWith(identity);
    for (const rule of tableRules) {
      let k = byKey?.get(keys.get(rule)!) as KeptFindings | undefined;
      if (!k) {
        k = keptFindings(contained(rule, () => rule.check(t, report)), tableLine(t));
        byKey?.set(keys.get(rule)!, k);
      }
      if (k !== NONE) place(k, tableLine(t), found.get(rule)!);
    }
    if (++n % 64 === 0) yield;
  }
  for (const chunk of report.prose) {
    const byKey = keptWith(chunk.segments);
    for (const rule of chunkRules) {
      let k = byKey.get(keys.get(rule)!) as KeptFindings | undefined;
      if (!k) byKey.set(keys.get(rule)!, (k = keptFindings(contained(rule, () => rule.check(chunk, report)), chunk.first)));
      if (k !== NONE) place(k, chunk.first, found.get(rule)!);
    }
    if (++n % 256 === 0) yield;
  }
  for (const rule of rules) {
    if (rule.scope !== 'report') continue;
    found.set(rule, contained(rule, () => rule.check(report)));
    yield;
  }
  return found;
}

/**
 * Findings as kept for later versions: lines relative to the input's first line, every string a
 * copy of its own; and the last placement, which the next version nearly always asks for again.
 */
interface KeptFindings { relative: Finding[]; line: number; placed: Finding[] }

/** What most inputs keep: no findings. One object, so asking costs no memory load. */
const NONE: KeptFindings = Object.freeze({ relative: [], line: NaN, placed: [] });

function keptFindings(findings: Finding[], line: number): KeptFindings {
  return findings.length === 0 ? NONE : { relative: findings.map(f => moved(f, -line, ownString)), line: NaN, placed: [] };
}

/** Kept findings placed at `line`, onto `out`. */
function place(k: KeptFindings, line: number, out: Finding[]): void {
  if (k.line !== line) {
    k.placed = k.relative.map(f => moved(f, line, s => s));
    k.line = line;
  }
  for (const f of k.placed) out.push(f);
}

/** The finding on lines `shift` further down (the lines' text unchanged), its strings passed through `own`. */
export function moved(f: Finding, shift: number, own: (s: string) => string): Finding {
  const range = (r: Range): Range => ({ start: { line: r.start.line + shift, character: r.start.character }, end: { line: r.end.line + shift, character: r.end.character } });
  const out: Finding = { range: range(f.range), message: own(f.message) };
  if (f.related) out.related = f.related.map(r => ({ range: r.file === undefined ? range(r.range) : r.range, message: own(r.message), ...(r.file === undefined ? {} : { file: own(r.file) }) }));
  if (f.fix) out.fix = { title: own(f.fix.title), safe: f.fix.safe, edits: f.fix.edits.map(e => ({ range: range(e.range), newText: own(e.newText) })) };
  if (f.severity) out.severity = f.severity;
  return out;
}

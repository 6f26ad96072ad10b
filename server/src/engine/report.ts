// text → report model. Tables are read at the line level first; the rest is the outline
// (title, section headings) and prose.
import { LineIndex, unchangedMove, type LineChange } from './text';
import { findTables, type TableRegion, type TableScan } from './tables';
import { readOutline, type Outline, type OutlineLines, type SectionHeading } from './sections';
import { proseChunks, readChunks, type ProseChunk, type ProseSegment } from './prose';
import type { MatchedTable } from './match';
import { matchTable, movedMatch } from './incremental';
import { splitRegion } from './identify';
import { readDirectives, type Directives } from './directives';
import { formatForYear, SECTIONS, type FormatId, type TableId } from './template';

export interface SectionSpan {
  heading: SectionHeading;
  firstLine: number;
  /** Last line before the next section heading. */
  lastLine: number;
}

export interface Report extends Outline {
  text: string;
  lines: LineIndex;
  regions: TableRegion[];
  tables: MatchedTable[];
  sections: SectionSpan[];
  /** The lines outside tables, in order. */
  proseLines: Uint32Array;
  /** The prose in chunks, in order (prose.ts). */
  prose: ProseChunk[];
  /** Format the tables are written in, when their labels show it. */
  format: FormatId | null;
  /** Format the report's year requires (or the assumed one when the year is unknown). */
  expectedFormat: FormatId;
  isReport: boolean;
  directives: Directives;
  /** What a check of the document's next version reuses. */
  reusable: Reusable;
}

/**
 * The line kinds and tables found, each table region's split and match (the same region read
 * with the same section and format gives the same tables), and each line's outline reading.
 */
interface Reusable { scan: TableScan; matched: Map<TableRegion, { how: string; tables: MatchedTable[] }>; read: OutlineLines }

export interface ReportOptions {
  defaultFormat?: FormatId;
  /** The report of the document's previous version: what did not change is taken from it. */
  previous?: Report;
  /** The file's name, which may tell the year when the text does not. */
  fileName?: string;
}

/** Runs stepped work to its end: the synchronous form of every `…Steps` generator. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export function buildReport(text: string, options: ReportOptions = {}): Report {
  return drain(buildReportSteps(text, options));
}

/**
 * `buildReport` in steps: it yields between phases, after each table region and each prose
 * batch, so a caller can stop or pause a long build (the language server answers requests
 * between steps). The steps only split the work; the report is the same.
 */
export function* buildReportSteps(text: string, options: ReportOptions = {}): Generator<void, Report> {
  const edit = options.previous?.lines.edited(text);
  const lines = edit?.lines ?? new LineIndex(text);
  yield;
  const { scan, movedFrom } = findTables(lines, edit && { scan: options.previous!.reusable.scan, change: edit.change });
  const { regions } = scan;
  yield;
  const inTable = new Uint8Array(lines.lineCount);
  for (const r of regions) inTable.fill(1, r.firstLine, r.lastLine + 1);
  // Typed, as the line starts are (text.ts): a plain array of a big document's lines is costly to grow.
  const proseLines = new Uint32Array(lines.lineCount - inTable.reduce((sum, x) => sum + x, 0));
  for (let n = 0, k = 0; n < lines.lineCount; n++) if (!inTable[n]) proseLines[k++] = n;

  const { read, ...outline } = readOutline(lines, proseLines, edit && { read: options.previous!.reusable.read, change: edit.change }, options.fileName);
  yield;
  const sections = spans(outline.headings, lines.lineCount);
  const assumed: FormatId = outline.year !== null ? formatForYear(outline.year) : options.defaultFormat ?? '2021';
  const tables: MatchedTable[] = [];
  const matched: Reusable['matched'] = new Map();
  for (const region of regions) {
    const section = sectionAt(sections, region.firstLine);
    const fallback = section ? SECTIONS[section.heading.section.index - 1].table : undefined;
    const how = `${fallback}|${assumed}`;
    const before = movedFrom.get(region);
    const known = before && options.previous!.reusable.matched.get(before);
    const found = known?.how === how ? known.tables.map(t => movedMatch(t, region, before!))
      : splitRegion(region, fallback).map(part => matchTable([region], part.rows, part.id, assumed));
    matched.set(region, { how, tables: found });
    tables.push(...found);
    yield;
  }
  joinSplitTables(tables, sections, assumed);
  const format = detectedFormat(tables);
  const expectedFormat = outline.year !== null ? assumed : format ?? assumed;
  const isReport = outline.title !== undefined || outline.headings.length >= 2 || tables.some(t => t.values.size > 0);
  const prose: ProseChunk[] = [];
  if (isReport) {
    const known = edit && unchangedChunks(options.previous!.prose, edit.change);
    for (const batch of proseBatches(lines, proseLines)) {
      for (const chunk of readChunks(lines, batch, known)) prose.push(chunk);
      yield;
    }
  }
  return {
    ...outline, text, lines, regions, tables, sections, proseLines, prose,
    format, expectedFormat, isReport, directives: readDirectives(lines), reusable: { scan, matched, read },
  };
}

/**
 * A table the writer split over several regions of its section (blocks or row groups as separate
 * pipe tables, a page footer or a "续表" line between them) is read as one table: consecutive
 * tables of a section that name the same template table and share no template row are joined.
 * A table written twice shares its rows and stays two.
 */
function joinSplitTables(tables: MatchedTable[], sections: SectionSpan[], assumed: FormatId): void {
  const sectionOf = (t: MatchedTable) => sectionAt(sections, t.regions[0].firstLine);
  for (let i = 0; i + 1 < tables.length; i++) {
    // Nearly always the next table is another one: 表二, 表三, 表四 in turn.
    if (tables[i + 1].def.id !== tables[i].def.id) continue;
    let j = i + 1;
    const seen = new Set(tables[i].labels.keys());
    for (; j < tables.length && tables[j].def.id === tables[i].def.id && sectionOf(tables[j]) === sectionOf(tables[i]); j++) {
      const labels = [...tables[j].labels.keys()];
      if (labels.some(id => seen.has(id)) || (tables[i].def.id === 't4' && labels.length > 0 && seen.size > 0)) break;
      labels.forEach(id => seen.add(id));
    }
    if (j - i < 2) continue;
    const parts = tables.slice(i, j);
    const regions = [...new Set(parts.flatMap(t => t.regions))];
    tables.splice(i, j - i, matchTable(regions, parts.flatMap(t => t.rows), parts[0].def.id, assumed));
  }
}

/** The previous version's segments of a chunk whose lines did not change (and so neither did its text). */
function unchangedChunks(before: ProseChunk[], change: LineChange): (first: number, last: number) => ProseSegment[] | undefined {
  const byFirst = new Map(before.map(c => [c.first, c]));
  return (first, last) => {
    const move = unchangedMove(change, first, last);
    const old = move && byFirst.get(first - move.lines);
    return old && old.last === last - move!.lines ? old.segments : undefined;
  };
}

/** Prose characters read per step: about what remark parses in one batch (prose.ts). */
const PROSE_STEP_CHARS = 32768;

/** The prose chunks in batches of about PROSE_STEP_CHARS. */
function proseBatches(lines: LineIndex, proseLines: Uint32Array): Array<Array<[number, number]>> {
  const batches: Array<Array<[number, number]>> = [];
  let batch: Array<[number, number]> = [];
  let size = 0;
  for (const chunk of proseChunks(lines, proseLines)) {
    if (size >= PROSE_STEP_CHARS) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(chunk);
    size += lines.lineEnd(chunk[1]) - lines.starts[chunk[0]];
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function spans(headings: SectionHeading[], lineCount: number): SectionSpan[] {
  return headings.map((heading, i) => ({
    heading,
    firstLine: heading.line,
    lastLine: i + 1 < headings.length ? headings[i + 1].line - 1 : lineCount - 1,
  }));
}

/** The section `line` is in: the last to start at or before it (sections are in line order). */
export function sectionAt(sections: SectionSpan[], line: number): SectionSpan | undefined {
  let lo = 0, hi = sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].firstLine <= line) lo = mid + 1; else hi = mid;
  }
  return sections[lo - 1];
}

function detectedFormat(tables: MatchedTable[]): FormatId | null {
  const order: TableId[] = ['t3', 't2', 't4'];
  for (const id of order) {
    const t = tables.find(x => x.def.id === id && x.formatFromLabels);
    if (t) return t.format;
  }
  return null;
}

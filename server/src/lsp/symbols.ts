// Outline and folding: the six sections, their tables and the blocks of 表二.
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type Range } from 'vscode-languageserver';
import { sectionAt, type MatchedTable, type Report, type SectionSpan } from '../engine';
import type { ReportAnalysis } from './analysis';

/** Last line of a span that is not blank, so a fold does not swallow the gap before the next section. */
function lastContentLine(report: Report, first: number, last: number): number {
  while (last > first && report.lines.line(last).trim() === '') last--;
  return last;
}

function wholeLines(report: Report, first: number, last: number): Range {
  return { start: { line: first, character: 0 }, end: report.lines.position(report.lines.lineEnd(last)) };
}

/** Lines a matched table covers (a region can hold several tables when a report glued them together). */
function tableLines(t: MatchedTable): [number, number] {
  return t.rows.length ? [t.rows[0].firstLine, t.rows[t.rows.length - 1].lastLine] : [t.regions[0].firstLine, t.regions[t.regions.length - 1].lastLine];
}

function tableSymbol(report: Report, t: MatchedTable): DocumentSymbol {
  const [first, last] = tableLines(t);
  const children: DocumentSymbol[] = [];
  if (t.def.blocks.length > 1) {
    // A block runs from the end of the previous one, so its caption and header rows belong to it.
    let from = first;
    t.def.blocks.forEach((b, i) => {
      const offsets = [...t.values.values()].filter(c => c.block === i).map(c => c.end);
      for (const row of b.rows) {
        const label = t.labels.get(row.id);
        if (label) offsets.push(label.end);
      }
      if (!offsets.length) return;
      const to = report.lines.position(Math.max(...offsets)).line;
      if (to < from) return;
      children.push({
        name: `${t.def.name} ${b.caption ?? ''}`.trim(), detail: b.columns.map(c => c.label).join('、'), kind: SymbolKind.Struct,
        range: wholeLines(report, from, to), selectionRange: wholeLines(report, from, from),
      });
      from = to + 1;
    });
  }
  const range = wholeLines(report, first, last);
  return { name: t.def.name, detail: t.def.title, kind: SymbolKind.Struct, range, selectionRange: wholeLines(report, first, first), children };
}

function sectionSymbol(report: Report, s: SectionSpan, tables: DocumentSymbol[]): DocumentSymbol {
  const h = s.heading;
  const last = lastContentLine(report, s.firstLine, s.lastLine);
  return {
    name: report.text.slice(h.start, h.end),
    detail: h.standard ? undefined : `第${h.section.ordinal}部分`,
    kind: SymbolKind.Namespace,
    range: wholeLines(report, s.firstLine, last),
    selectionRange: report.lines.range(h.start, h.end),
    children: tables,
  };
}

export function documentSymbols(a: ReportAnalysis): DocumentSymbol[] {
  const { report } = a;
  const bySection = new Map<SectionSpan | undefined, DocumentSymbol[]>();
  for (const t of report.tables) {
    const s = sectionAt(report.sections, tableLines(t)[0]);
    bySection.set(s, [...(bySection.get(s) ?? []), tableSymbol(report, t)]);
  }
  // Tables before the first heading have no section to live in.
  return [...(bySection.get(undefined) ?? []), ...report.sections.map(s => sectionSymbol(report, s, bySection.get(s) ?? []))];
}

export function foldingRanges(a: ReportAnalysis): FoldingRange[] {
  const { report } = a;
  const out: FoldingRange[] = [];
  for (const s of report.sections) {
    const last = lastContentLine(report, s.firstLine, s.lastLine);
    if (last > s.firstLine) out.push({ startLine: s.firstLine, endLine: last, kind: FoldingRangeKind.Region });
  }
  for (const r of report.regions) if (r.lastLine > r.firstLine) out.push({ startLine: r.firstLine, endLine: r.lastLine, kind: FoldingRangeKind.Region });
  return out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}

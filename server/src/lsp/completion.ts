// Completion at the start of a line: standard section headings outside tables, template row
// labels inside 表二/表三.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { SECTIONS, sectionAt, standardHeading } from '../engine';
import type { ReportAnalysis } from './analysis';

export function completions(a: ReportAnalysis, pos: Position): CompletionItem[] {
  const { report } = a;
  if (pos.line >= report.lines.lineCount) return [];
  const typed = report.lines.line(pos.line).slice(0, pos.character);
  // Only the first word of a line: what comes before the cursor is indentation, a heading marker or the label being typed.
  const m = /^([ \t]*(?:#{1,6}[ \t]+)?)([^\t]*)$/.exec(typed);
  if (!m || /[。；]/.test(m[2])) return [];
  const replace = { start: { line: pos.line, character: m[1].length }, end: pos };
  const region = report.regions.find(r => r.firstLine <= pos.line && pos.line <= r.lastLine + 1);
  if (region) return rowLabels(a, region.firstLine, replace);
  if (typed.includes('\t')) return [];
  return headings(a, pos.line, replace);
}

type Replace = { start: Position; end: Position };

function rowLabels(a: ReportAnalysis, firstLine: number, replace: Replace): CompletionItem[] {
  const tables = a.report.tables.filter(t => t.regions.some(r => r.firstLine === firstLine) && t.def.id !== 't4');
  return tables.flatMap(t => t.def.blocks.flatMap(b => b.rows.map((row, i): CompletionItem => {
    const present = t.labels.has(row.id);
    return {
      label: row.label,
      kind: CompletionItemKind.Field,
      detail: `${t.def.name}${b.caption && t.def.id === 't2' ? ` ${b.caption}` : ''}${present ? '（已有）' : ''}`,
      // Rows the table lacks first, each in template order.
      sortText: `${present ? 1 : 0}${String(i).padStart(3, '0')}`,
      textEdit: { range: replace, newText: row.label },
    };
  })));
}

function headings(a: ReportAnalysis, line: number, replace: Replace): CompletionItem[] {
  const { report } = a;
  const present = new Set(report.headings.map(h => h.section.index));
  const current = sectionAt(report.sections, line)?.heading.section.index ?? 0;
  return SECTIONS.filter(s => !present.has(s.index) || s.index === current + 1).map(s => {
    const text = standardHeading(s);
    return {
      label: text,
      kind: CompletionItemKind.Module,
      detail: present.has(s.index) ? `第${s.ordinal}部分` : `第${s.ordinal}部分（缺少）`,
      // The next section after the cursor first, then the missing ones in order.
      sortText: `${s.index === current + 1 ? 0 : 1}${s.index}`,
      preselect: s.index === current + 1,
      textEdit: { range: replace, newText: text },
    };
  });
}

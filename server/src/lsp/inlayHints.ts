// In a tab-separated table the columns drift out of sight: each value cell gets its column's short name.
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { ReportAnalysis } from './analysis';

export function inlayHints(a: ReportAnalysis, range: Range): InlayHint[] {
  if (!a.settings.inlayHints) return [];
  const { report } = a;
  const out: InlayHint[] = [];
  const from = report.lines.offset(range.start), to = report.lines.offset(range.end);
  for (const t of report.tables) {
    const tabs = t.regions.filter(r => r.layout === 'tab' && r.lastLine >= range.start.line && r.firstLine <= range.end.line);
    if (tabs.length === 0) continue;
    for (const c of t.values.values()) {
      if (!tabs.some(r => report.lines.starts[r.firstLine] <= c.start && c.start <= report.lines.lineEnd(r.lastLine))) continue;
      if (c.start < from || c.start > to) continue;
      out.push({ position: report.lines.position(c.start), label: c.col.short, kind: InlayHintKind.Parameter, paddingRight: true });
    }
  }
  return out.sort((x, y) => x.position.line - y.position.line || x.position.character - y.position.character);
}

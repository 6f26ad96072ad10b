// nianbao/summary: one row per report in the workspace folders, for the 年报汇总 view. The reports
// come from the workspace the server keeps for the checks across reports (workspace.ts): an open
// one as the editor has it (unsaved edits included), the others as last read from disk; each
// counts its own problems and its share of the folder's (carry-over).
import type { Diagnostic } from '../engine';
import type { SummaryViewRow } from '../protocol';
import { reportFacts, summaryRow } from '../summary';
import type { ReportAnalysis } from './analysis';
import type { Workspace } from './workspace';

/** `open`: the open documents' newest analyses; `diagnosticsOf` adds a document's share of the folder's findings to its own. */
export function workspaceSummary(workspace: Workspace, open: ReportAnalysis[], diagnosticsOf: (a: ReportAnalysis) => Diagnostic[]): SummaryViewRow[] {
  const rows: SummaryViewRow[] = workspace.diskReports().map(({ uri, name, summary }) =>
    ({ ...summaryRow(name, summary.facts, summary.own, workspace.folderDiagnostics(uri)), uri }));
  for (const a of open) {
    const name = workspace.nameInFolders(a.uri);
    if (name !== undefined) rows.push({ ...summaryRow(name, reportFacts(a.report, a.uri), diagnosticsOf(a)), uri: a.uri });
  }
  return rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

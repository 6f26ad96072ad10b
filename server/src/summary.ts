// One report as a row of the summary (`nianbao summary`, the 年报汇总 view): who and which year,
// its template, its key figures and how many errors and warnings it has.
import { countBySeverity, keyFigures, reportIdentity, type Report, type Severity } from './engine';
import type { SummaryRow } from './protocol';

/** What a row says about the report itself; its path and problem counts come from the caller. */
export type ReportFacts = Omit<SummaryRow, 'path' | 'errors' | 'warnings'>;

const count = (v: bigint | null) => (v === null ? null : Number(v));

/** `fileName` gives the organ and year when the title does not (identity.ts). */
export function reportFacts(report: Report, fileName: string): ReportFacts {
  const { organ, year } = reportIdentity(report, fileName);
  const f = keyFigures(report);
  return {
    organ, year, template: report.format,
    received: count(f.received), carriedIn: count(f.carriedIn), handled: count(f.handled),
    carriedOut: count(f.carriedOut), reviews: count(f.reviews), lawsuits: count(f.lawsuits),
  };
}

/** The row of a report with these diagnostics, in as many lists as they come (its own, the folder's). */
export function summaryRow(path: string, facts: ReportFacts, ...diagnostics: Array<ReadonlyArray<{ severity: Severity }>>): SummaryRow {
  const counts = diagnostics.map(list => countBySeverity(list));
  return { path, ...facts, errors: counts.reduce((n, c) => n + c.errors, 0), warnings: counts.reduce((n, c) => n + c.warnings, 0) };
}

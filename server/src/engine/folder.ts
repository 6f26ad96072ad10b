// Checks across reports (relations A7 and A8, two reports for one organ and year). A report
// contributes a few plain facts, read once from its model: its identity and the handful of
// cells the cross-year relations compare. The folder's rules run on those facts alone, so a
// folder of a thousand reports costs little more than checking them one by one, a report that
// did not change keeps what it contributed, and the facts cross from worker threads as they are.
import { byPosition, diagnostic } from './check';
import { contained } from './contained';
import { isDisabled, type Directives } from './directives';
import { reportIdentity } from './identity';
import { firstTable } from './figures';
import { cellKey, type MatchedTable } from './match';
import { valueOf } from './relations';
import type { Report } from './report';
import { FOLDER_RULES } from './rules';
import { cellRange } from './rules/util';
import type { ColumnDef, RowDef } from './template';
import type { Range } from './text';
import type { CheckOptions, Diagnostic } from './types';

/** A value cell as the folder knows it: where it is, which cell of the template it is, what it says (null: unreadable). */
export interface FolderCell { range: Range; row: RowDef; col: ColumnDef; value: bigint | null }

/** By row id, then column id: the cells a report contributes of one table. */
export type FolderCells = Record<string, Record<string, FolderCell>>;

/** What one report contributes to the checks across reports. */
export interface FolderReport {
  /** How the caller names the file: a path on the command line, a URI in the language server. */
  file: string;
  /** The file as messages name it (a path relative to the folder, a file name). */
  name: string;
  organ: string | null;
  year: number | null;
  /** Where a finding about the whole report goes: its title, else its first line. */
  head: Range;
  /** 表三 二、上年结转 and 四、结转下年度继续办理 (T3_CELLS); absent without a 表三. */
  t3?: FolderCells;
  /** 表二 第二十条第（一）项 in the 2021 format (T2_CELLS): what A8 reads. */
  t2?: FolderCells;
  directives: Directives;
}

/** The cells read of 表三: every column of 上年结转 and 结转下年度. */
export const T3_CELLS = {
  rows: ['carried', 'carryForward'],
  cols: ['natural', 'business', 'research', 'publicWelfare', 'legal', 'otherOrg', 'total'],
};
/** The cells read of 表二: 制发, 废止 and 现行有效 of 规章 and 行政规范性文件 (2021 format; the 2019 one has none of them). */
const T2_CELLS = { rows: ['rules', 'normative'], cols: ['issued', 'repealed', 'inForce'] };

/** The folder the rules see: its reports, and which of them are which organ's report on which year. */
export interface Folder {
  reports: FolderReport[];
  /** The reports of an organ on a year, in the order given. */
  reportsOf(organ: string, year: number): FolderReport[];
}

function cells(report: Report, table: MatchedTable | undefined, which: { rows: string[]; cols: string[] }): FolderCells | undefined {
  if (!table) return undefined;
  const out: FolderCells = {};
  for (const row of which.rows) {
    const byCol: Record<string, FolderCell> = {};
    for (const col of which.cols) {
      const c = table.values.get(cellKey(row, col));
      if (c) byCol[col] = { range: cellRange(report, c), row: c.row, col: c.col, value: valueOf(c) ?? null };
    }
    out[row] = byCol;
  }
  return out;
}

/** What `report` contributes; `file` names it for the caller, `name` for messages. */
export function folderReport(report: Report, file: string, name: string): FolderReport {
  const { organ, year } = reportIdentity(report, file);
  return {
    file, name, organ, year,
    head: report.title ? report.lines.range(report.title.start, report.title.end) : report.lines.range(0, 0),
    t3: cells(report, firstTable(report, 't3'), T3_CELLS),
    t2: cells(report, firstTable(report, 't2'), T2_CELLS),
    directives: report.directives,
  };
}

function folderOf(reports: FolderReport[]): Folder {
  const groups = new Map<string, FolderReport[]>();
  const key = (organ: string, year: number) => `${organ}|${year}`;
  for (const r of reports) {
    if (r.organ === null || r.year === null) continue;
    const k = key(r.organ, r.year);
    const group = groups.get(k);
    if (group) group.push(r); else groups.set(k, [r]);
  }
  return { reports, reportsOf: (organ, year) => groups.get(key(organ, year)) ?? [] };
}

/**
 * The diagnostics of the folder rules, by file (files without any are left out), each in document
 * order. Settings and disable comments apply as in a report's own check; `options` may differ
 * per file (each has its configuration file).
 */
export function checkFolder(reports: FolderReport[], options: CheckOptions | ((file: string) => CheckOptions) = {}): Map<string, Diagnostic[]> {
  const optionsOf = typeof options === 'function' ? options : () => options;
  const out = new Map<string, Diagnostic[]>();
  const folder = folderOf(reports);
  const byFile = new Map(reports.map(r => [r.file, r]));
  for (const rule of FOLDER_RULES) {
    for (const f of contained(rule, () => rule.check(folder))) {
      const report = byFile.get(f.file);
      const setting = optionsOf(f.file).severities?.[rule.id];
      if (!report || setting === 'off' || isDisabled(report.directives, rule.id, f.range.start.line)) continue;
      const list = out.get(f.file);
      const d = diagnostic(f, rule, setting);
      if (list) list.push(d); else out.set(f.file, [d]);
    }
  }
  for (const list of out.values()) list.sort(byPosition);
  return out;
}

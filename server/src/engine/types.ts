import type { Range, TextEdit } from './text';
import type { Report } from './report';
import type { Folder } from './folder';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** The levels a rule can be set to (settings, `--severity`, the manifest's enum), mildest first. */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];
export const isSeveritySetting = (v: unknown): v is SeveritySetting => SEVERITY_SETTINGS.includes(v as SeveritySetting);

export type RuleCode =
  | 'section-missing' | 'section-duplicate' | 'section-order' | 'section-heading' | 'section-numbering'
  | 'report-title' | 'table-missing' | 'table-shape' | 'table-label' | 'template-version' | 'table-layout'
  | 'cell-empty' | 'cell-invalid' | 'cell-fullwidth' | 't3-row-total' | 't3-results-total' | 't3-balance'
  | 't4-group-total' | 'conversion-artifact' | 'year-mismatch' | 'duplicate-word' | 'text-vs-table'
  | 'fee-statement' | 'carry-over' | 't3-cell' | 'table-empty' | 'section-empty';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Cannot change what the report says (layout, headings, debris, digit width): `--fix` and fix-all apply it. */
  safe: boolean;
}

export interface RelatedInfo {
  range: Range;
  message: string;
  /** The report the range is in, as the folder names it (folder.ts), when it is another one. */
  file?: string;
}

export interface Finding {
  range: Range;
  message: string;
  related?: RelatedInfo[];
  fix?: Fix;
  /**
   * A hint milder than the rule's usual finding (A8 under carry-over): it keeps this severity
   * whatever level the rule is set to, unless it is off.
   */
  severity?: Severity;
}

export interface Diagnostic extends Finding {
  code: RuleCode;
  severity: Severity;
}

export interface CheckOptions {
  severities?: Partial<Record<RuleCode, SeveritySetting>>;
  /** Template assumed when neither the year nor the tables tell. */
  defaultFormat?: '2019' | '2021';
  /** The checked file's name (no directory), which may tell the report year when the text does not. */
  fileName?: string;
}

export interface RuleInfo {
  id: RuleCode;
  severity: Severity;
  /** Chinese one-line description (docs, settings UI). */
  description: string;
}

/** A rule on one report. */
export interface Rule extends RuleInfo {
  check(report: Report): Finding[];
}

/** A finding of a folder rule: about one of the reports. */
export interface FolderFinding extends Finding {
  /** The report it is about, as the folder names it. */
  file: string;
}

/** A rule across the reports checked together (folder.ts). */
export interface FolderRule extends RuleInfo {
  check(folder: Folder): FolderFinding[];
}

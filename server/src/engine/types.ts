import type { Range, TextEdit } from './text';
import type { Report } from './report';
import type { Folder } from './folder';
import type { MatchedTable } from './match';
import type { ProseChunk } from './prose';
import type { RuleCode } from './rules';

export type { RuleCode };

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** The levels a rule can be set to (settings, `--severity`, the manifest's enum), mildest first. */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];
export const isSeveritySetting = (v: unknown): v is SeveritySetting => SEVERITY_SETTINGS.includes(v as SeveritySetting);

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Cannot change what the report says (layout, headings, debris, digit width): `--fix` and fix-all apply it. */
  safe: boolean;
}

interface RelatedInfo {
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

export interface RuleInfo<Id extends string = RuleCode> {
  /** The rule's code (spec/rules.md): the codes are the rules' own, no list is kept elsewhere. */
  id: Id;
  severity: Severity;
  /** Chinese one-line description (docs, settings UI). */
  description: string;
}

/**
 * A rule on one report, declaring what its findings depend on. The engine keeps the findings of
 * a table or chunk rule with that input's content and reuses them wherever the same content stands
 * in later versions (incremental.ts), so such a rule must read nothing else of the report but what
 * `variant` names (the report year, say). Findings are plain data; the engine copies their strings.
 */
export type Rule<Id extends string = RuleCode> = ReportRule<Id> | TableRule<Id> | ChunkRule<Id>;

/**
 * Checks the report: `report` depends on all of it, checked again on every version; `outline` on
 * the outline alone (the lines of the title, section headings and sub-items, what is written on
 * them, and the report year), kept while those are unchanged.
 */
export interface ReportRule<Id extends string = RuleCode> extends RuleInfo<Id> {
  scope: 'report' | 'outline';
  check(report: Report): Finding[];
}

/** Depends on one table (its rows and match), and on `variant` of the report. */
export interface TableRule<Id extends string = RuleCode> extends RuleInfo<Id> {
  scope: 'table';
  variant?(report: Report): string;
  /** `report` is for positions (report.lines) only. */
  check(table: MatchedTable, report: Report): Finding[];
}

/** Depends on one prose chunk's text, and on `variant` of the report. */
export interface ChunkRule<Id extends string = RuleCode> extends RuleInfo<Id> {
  scope: 'chunk';
  variant?(report: Report): string;
  /** `report` is for positions and the chunk's own lines only. */
  check(chunk: ProseChunk, report: Report): Finding[];
}

/** A rule as its module writes it: its literal code is kept, and is what RuleCode is made of. */
export function defineRule<const Id extends string>(rule: ReportRule<Id>): ReportRule<Id>;
export function defineRule<const Id extends string>(rule: TableRule<Id>): TableRule<Id>;
export function defineRule<const Id extends string>(rule: ChunkRule<Id>): ChunkRule<Id>;
export function defineRule<const Id extends string>(rule: FolderRule<Id>): FolderRule<Id>;
export function defineRule(rule: Rule<string> | FolderRule<string>): Rule<string> | FolderRule<string> {
  return rule;
}

/** A finding of a folder rule: about one of the reports. */
export interface FolderFinding extends Finding {
  /** The report it is about, as the folder names it. */
  file: string;
}

/** A rule across the reports checked together (folder.ts). */
export interface FolderRule<Id extends string = RuleCode> extends RuleInfo<Id> {
  scope: 'folder';
  check(folder: Folder): FolderFinding[];
}

// Nianbao's own protocol between the language server and its clients (the VS Code extension's
// status bar and commands). No imports that pull in code: the client bundles this file as it is.
import type { FormatId } from './engine/template';

export const REPORT_INFO = 'nianbao/reportInfo';
export const REPORT_INFO_CHANGED = 'nianbao/reportInfoChanged';
export const TEMPLATE_TEXT = 'nianbao/templateText';
export const IMPORT_WORD = 'nianbao/importWord';
export const EXPORT_WORD = 'nianbao/exportWord';

/** The code action kind of "fix every safe problem" (editor.codeActionsOnSave, the 修复全部 command). */
export const FIX_ALL_KIND = 'source.fixAll.nianbao';
/** Title of the table conversion (refactor.rewrite), so the client can pick it among other extensions' rewrites. */
export const CONVERT_TITLE = '将表格转换为制表符分隔';

export interface ReportInfo {
  uri: string;
  isReport: boolean;
  year: number | null;
  format: FormatId | null;
  expectedFormat: FormatId | null;
  errors: number;
  warnings: number;
  infos: number;
  /** The configuration file that applied, and how many of its entries are wrong (and so left out). */
  config: { uri: string; problems: number } | null;
}

export interface TemplateTextParams {
  kind: 'report' | 't2' | 't3' | 't4';
  format?: FormatId;
  year?: number;
  organ?: string;
  uri?: string;
}

/** A .docx, .html or .htm file to read as a report; `name` tells which, by its extension. */
export interface ImportWordParams { name: string; base64: string }
/** The report as Markdown, or why the file cannot be imported (for the user). */
export type ImportWordResult = { markdown: string } | { error: string };

/** A report's text (with the settings of the document at `uri`) to write as a .docx. */
export interface ExportWordParams { uri?: string; text: string }
/** The .docx and how many errors and warnings the report has. */
export type ExportWordResult = { base64: string; errors: number; warnings: number } | { error: string };

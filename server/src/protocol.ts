// Nianbao's own protocol between the language server and its clients (the VS Code extension's
// status bar and commands). No imports at all: the client bundles this file as it is, and the
// 年报汇总 webview compiles it for the browser, where the engine (which uses Node) does not type-check.

/**
 * The national table formats, as the engine names them (its FormatId). Written out here to keep
 * this file free of imports; the server, which assigns the engine's FormatId to these fields,
 * stops compiling if a format is added there and not here.
 */
export type FormatId = '2019' | '2021';

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

/** The 年报汇总 table of the workspace's reports (the webview asks for it through the client). */
export const SUMMARY = 'nianbao/summary';

/** One report in the summary: `nianbao summary --format json` prints these, the 年报汇总 view shows them. */
export interface SummaryRow {
  path: string;
  organ: string | null;
  year: number | null;
  template: FormatId | null;
  /** The key figures of 表三 and 表四; null when the cell cannot be read. */
  received: number | null;
  carriedIn: number | null;
  handled: number | null;
  carriedOut: number | null;
  reviews: number | null;
  lawsuits: number | null;
  errors: number;
  warnings: number;
}

/** A row of the view: the path is relative to its workspace folder, the URI opens the report. */
export interface SummaryViewRow extends SummaryRow { uri: string }

export interface SummaryResult { rows: SummaryViewRow[] }

/** The summary's columns in order, with the headings of the Markdown and CSV output and the view. */
export const SUMMARY_COLUMNS: ReadonlyArray<{ key: keyof SummaryRow; title: string; numeric: boolean }> = [
  { key: 'path', title: '文件', numeric: false },
  { key: 'organ', title: '机关', numeric: false },
  { key: 'year', title: '年度', numeric: true },
  { key: 'template', title: '表格格式', numeric: false },
  { key: 'received', title: '本年新收', numeric: true },
  { key: 'carriedIn', title: '上年结转', numeric: true },
  { key: 'handled', title: '办理结果总计', numeric: true },
  { key: 'carriedOut', title: '结转下年度', numeric: true },
  { key: 'reviews', title: '行政复议', numeric: true },
  { key: 'lawsuits', title: '行政诉讼', numeric: true },
  { key: 'errors', title: '错误', numeric: true },
  { key: 'warnings', title: '警告', numeric: true },
];

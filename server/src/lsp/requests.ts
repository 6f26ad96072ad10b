// The custom requests of the client's status bar, insert and Word commands.
import { pathToFileURL } from 'node:url';
import { countBySeverity, formatForYear, reportSkeleton, templateTable } from '../engine';
import { isActive, type Analysis } from './analysis';
import type { ExportWordParams, ExportWordResult, ImportWordParams, ImportWordResult, ReportInfo, TemplateTextParams } from '../protocol';
import type { Settings } from './settings';

/** The status of a document whose published diagnostics are `diagnostics` (its own and the folder's). */
export function reportInfo(a: Analysis, diagnostics = a.diagnostics): ReportInfo {
  const counts = countBySeverity(diagnostics);
  const file = a.settings.config;
  const config = file ? { uri: pathToFileURL(file.file).href, problems: file.problems.length + (file.unreadable ? 1 : 0) } : null;
  if (!isActive(a)) return { uri: a.uri, isReport: false, year: null, format: null, expectedFormat: null, ...counts, config };
  const { report } = a;
  return { uri: a.uri, isReport: true, year: report.year, format: report.format, expectedFormat: report.expectedFormat, ...counts, config };
}

const KINDS = new Set(['report', 't2', 't3', 't4']);

/**
 * Text for "插入表二/三/四" and "新建年度报告". The format follows, in order: the request, the
 * year asked for, the document's expected format, 2021. Line breaks follow the document.
 */
export function templateText(p: TemplateTextParams, doc: Analysis | undefined, eol: string, today: Date): string | null {
  if (!p || !KINDS.has(p.kind)) return null;
  const docReport = isActive(doc) ? doc.report : undefined;
  const year = Number.isInteger(p.year) ? p.year! : docReport?.year ?? today.getFullYear() - 1;
  const requested = p.format === '2019' || p.format === '2021' ? p.format : undefined;
  const format = requested ?? (Number.isInteger(p.year) ? formatForYear(year) : docReport?.expectedFormat ?? formatForYear(year));
  if (p.kind === 'report') {
    const organ = typeof p.organ === 'string' && p.organ.trim() !== '' ? p.organ.trim() : '（机关名称）';
    return reportSkeleton(year, organ, format, eol);
  }
  return templateTable(p.kind, format, eol);
}

// The Word libraries are loaded at the first Word request: the server starts without them.
const word = () => import('../word');

export async function importWord(p: ImportWordParams): Promise<ImportWordResult> {
  if (typeof p?.name !== 'string' || typeof p.base64 !== 'string') return { error: '请求中没有文件' };
  const { importReport, ImportError } = await word();
  try {
    return { markdown: await importReport(Buffer.from(p.base64, 'base64'), p.name) };
  } catch (err) {
    if (err instanceof ImportError) return { error: err.message };
    throw err;
  }
}

/** The export follows the document's settings (its configuration file's too): its rule severities decide what counts as an error. */
export async function exportWord(p: ExportWordParams, settings: Settings): Promise<ExportWordResult> {
  if (typeof p?.text !== 'string') return { error: '请求中没有报告文本' };
  const { exportReport } = await word();
  const result = await exportReport(p.text, settings.check);
  return { base64: result.bytes.toString('base64'), errors: result.errors, warnings: result.warnings };
}

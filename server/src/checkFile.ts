// One file through the command line: read (any supported encoding), check, optionally fix and
// write back, and the result as plain data — it crosses from worker threads to the main thread.
import path from 'node:path';
import { applySafeFixes, check, folderReport, type CheckOptions, type Diagnostic, type FolderReport, type FormatId, type Range, type Severity } from './engine';
import { readError } from './fileErrors';
import { ENCODING_NAMES, encode, readTextFile, writeFileAtomic, type TextFile } from './files';
import { reportFacts, type ReportFacts } from './summary';

export interface FileTask {
  path: string;
  /** Found by walking a directory: skipped quietly when it is not an annual report. */
  fromDirectory: boolean;
  /** From the file's configuration file and the command line's flags. */
  check: CheckOptions;
}

export interface FileOptions {
  fix: boolean;
  /** Also read the report's organ, year and key figures (`nianbao summary`). */
  summary?: boolean;
}

/** A diagnostic as the command line prints it (the JSON shape). */
export interface OutputDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** `path`: the file the range is in, when it is another one (checks across reports). */
  related: Array<{ range: Range; message: string; path?: string }>;
}

export interface FileResult {
  path: string;
  /** In the output, left out as not an annual report (found in a directory), or not readable as text. */
  outcome: 'checked' | 'skipped' | 'unreadable';
  /** Could not be read, decoded or written back: exit status 2. */
  failed: boolean;
  /** Why the file could not be read, when it could not. */
  error?: string;
  /** Lines for stderr: the encoding when not UTF-8, why a file was not checked or not written. */
  notes: string[];
  year: number | null;
  template: FormatId | null;
  diagnostics: OutputDiagnostic[];
  /** Safe fixes written to the file. */
  fixed: number;
  /** With `summary`: what the summary row says about the report. */
  facts: ReportFacts | null;
  /** What the report contributes to the checks across the files given. */
  folder?: FolderReport;
}

export function checkFile(task: FileTask, options: FileOptions): FileResult {
  const result: FileResult = { path: task.path, outcome: 'checked', failed: false, notes: [], year: null, template: null, diagnostics: [], fixed: 0, facts: null };
  let file: TextFile;
  try {
    file = readTextFile(task.path);
  } catch (err) {
    result.outcome = 'unreadable';
    result.failed = true;
    result.error = readError(err);
    result.notes.push(`${task.path}: ${result.error}`);
    return result;
  }
  if (file.encoding !== 'utf-8' && file.encoding !== 'utf-8-bom') result.notes.push(`${task.path}: 按 ${ENCODING_NAMES[file.encoding]} 编码读取`);

  // The file name may tell the report year when the text does not.
  const checkOptions = { ...task.check, fileName: path.basename(task.path) };
  let { report, diagnostics } = check(file.text, checkOptions);
  if (!report.isReport) {
    if (task.fromDirectory) result.outcome = 'skipped';
    else result.notes.push(`${task.path}: 未识别为政府信息公开工作年度报告（没有标题、章节标题或统计表），未检查`);
    return result;
  }
  if (options.fix && diagnostics.some(d => d.fix?.safe)) {
    const fixed = applySafeFixes(file.text, checkOptions);
    if (fixed.text !== file.text) {
      try {
        writeFileAtomic(task.path, encode(fixed.text, file.encoding), file.stats);
        ({ report, diagnostics } = check(fixed.text, checkOptions));
        result.fixed = fixed.applied;
      } catch (err) {
        result.failed = true;
        result.notes.push(`${task.path}: 未能写入修复，文件保持原样：${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  result.year = report.year ?? null;
  result.template = report.format;
  result.diagnostics = diagnostics.map(output);
  result.folder = folderReport(report, task.path, task.path);
  if (options.summary) result.facts = reportFacts(report, task.path);
  return result;
}

const copyRange = (r: Range): Range => ({
  start: { line: r.start.line, character: r.start.character },
  end: { line: r.end.line, character: r.end.character },
});

export function output(d: Diagnostic): OutputDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: copyRange(d.range),
    related: (d.related ?? []).map(r => {
      const out: OutputDiagnostic['related'][number] = { range: copyRange(r.range), message: r.message };
      if (r.file !== undefined) out.path = r.file;
      return out;
    }),
  };
}

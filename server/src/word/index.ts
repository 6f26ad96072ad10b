// Word in, Word out: what the command line and the language server call. Import reads a .docx or
// a saved web page into the project's Markdown; export writes a report as a .docx laid out like
// the national form, whatever its problems (the counts tell the caller how many there are).
import { check, countBySeverity, type CheckOptions } from '../engine';
import { docxOf } from './docx';
import { documentBlocks } from './document';

export { importReport, ImportError, IMPORT_EXTENSIONS } from './import';

export interface ExportResult { bytes: Buffer; errors: number; warnings: number; isReport: boolean }

export async function exportReport(text: string, options: CheckOptions = {}): Promise<ExportResult> {
  const { report, diagnostics } = check(text, options);
  const bytes = await docxOf(documentBlocks(text, options.defaultFormat));
  const { errors, warnings } = countBySeverity(diagnostics);
  return { bytes, errors, warnings, isReport: report.isReport };
}

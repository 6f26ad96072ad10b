// One check per document version and settings, shared by diagnostics and every request handler.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, type Diagnostic, type Report } from '../engine';
import { checkOptions, isCandidate, type Settings } from './settings';

export interface Analysis {
  uri: string;
  version: number;
  settings: Settings;
  /** Absent when the document is not checked (not Markdown, excluded, disabled). */
  report?: Report;
  /** What is published: empty unless the document is a checked annual report. */
  diagnostics: Diagnostic[];
}

/** The analysis of a document that is an annual report, or undefined: what every feature needs. */
export type ReportAnalysis = Analysis & { report: Report };

export function isActive(a: Analysis | undefined): a is ReportAnalysis {
  return a?.report?.isReport === true;
}

export function analyse(doc: TextDocument, settings: Settings): Analysis {
  const base = { uri: doc.uri, version: doc.version, settings };
  if (!isCandidate(doc.uri, doc.languageId, settings)) return { ...base, diagnostics: [] };
  const { report, diagnostics } = check(doc.getText(), checkOptions(settings));
  return { ...base, report, diagnostics };
}

export class Analyses {
  private readonly cache = new Map<string, Analysis>();

  /** The analysis of the document as it is now; computed only when the version or the settings changed. */
  get(doc: TextDocument, settings: Settings): Analysis {
    // The stale analysis is dropped before the new one is built, and no local keeps it alive
    // meanwhile: for a 10 MB document both reports at once doubled the server's peak memory.
    if (!this.isCurrent(doc, settings)) {
      this.cache.delete(doc.uri);
      this.cache.set(doc.uri, analyse(doc, settings));
    }
    return this.cache.get(doc.uri)!;
  }

  private isCurrent(doc: TextDocument, settings: Settings): boolean {
    const hit = this.cache.get(doc.uri);
    return hit !== undefined && hit.version === doc.version && hit.settings === settings;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }
}

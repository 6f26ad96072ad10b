// One check per document version and settings, shared by diagnostics and every request handler.
// A check runs in time slices, so the server answers other requests while a long one runs, and
// it is abandoned as soon as the document changes or closes.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkSteps, drain, type CheckResult, type Diagnostic, type Report } from '../engine';
import { isCandidate, type Settings } from './settings';

export interface Analysis {
  uri: string;
  version: number;
  settings: Settings;
  /** Absent when the document is not checked (not Markdown, excluded, disabled). */
  report?: Report;
  /** What is published: empty unless the document is a checked annual report. */
  diagnostics: Diagnostic[];
}

/** The last segment of a document's URI, decoded: a file name may tell the report year. */
function fileNameOf(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try { return decodeURIComponent(last); } catch { return last; }
}

/** The analysis of a document that is an annual report, or undefined: what every feature needs. */
export type ReportAnalysis = Analysis & { report: Report };

export function isActive(a: Analysis | undefined): a is ReportAnalysis {
  return a?.report?.isReport === true;
}

/**
 * The analysis in steps. The text and version are read now, not at the first step: later
 * changes update the document object in place. `previous` is the report of an earlier version
 * of the document: what did not change since is reused from it.
 */
function analysisSteps(doc: TextDocument, settings: Settings, previous?: Report): Generator<void, Analysis> {
  const base = { uri: doc.uri, version: doc.version, settings };
  return withBase(base, isCandidate(doc.uri, doc.languageId, settings) ? checkSteps(doc.getText(), { ...settings.check, fileName: fileNameOf(doc.uri) }, previous) : undefined);
}

function* withBase(base: Omit<Analysis, 'diagnostics'>, steps: Generator<void, CheckResult> | undefined): Generator<void, Analysis> {
  if (!steps) return { ...base, diagnostics: [] };
  const { report, diagnostics } = yield* steps;
  return { ...base, report, diagnostics };
}

export function analyse(doc: TextDocument, settings: Settings, previous?: Report): Analysis {
  return drain(analysisSteps(doc, settings, previous));
}

/**
 * Work done between two turns of the event loop. Requests and changes wait at most about this
 * long (plus the longest single step: reading the tables of a 10 MB report takes over a second);
 * the turns themselves cost nothing next to it.
 */
const SLICE_MS = 15;

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

/**
 * Runs stepped work (a `…Steps` generator) in slices of about SLICE_MS, each on its own turn of
 * the event loop. Undefined when `stop()`, asked between slices, says the work is no longer wanted.
 */
export async function runInSlices<T>(steps: Generator<void, T>, stop: () => boolean): Promise<T | undefined> {
  for (;;) {
    const sliceEnd = performance.now() + SLICE_MS;
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      if (performance.now() >= sliceEnd) break;
    }
    await nextTurn();
    if (stop()) return undefined;
  }
}

interface Run {
  version: number;
  settings: Settings;
  cancelled: boolean;
  /** The analysis, or undefined when the run was abandoned. */
  result: Promise<Analysis | undefined>;
}

export class Analyses {
  private readonly cache = new Map<string, Analysis>();
  /** The newest report of each document, kept while a newer version is checked: it reuses what did not change. */
  private readonly lastReport = new Map<string, Report>();
  /** At most one check per document: a newer version or new settings abandon the older one. */
  private readonly running = new Map<string, Run>();

  /**
   * `open` gives the document as it is now, undefined once closed; `abandoned` hears of each
   * check stopped before its end (the server logs it).
   */
  constructor(
    private readonly open: (uri: string) => TextDocument | undefined,
    private readonly abandoned: (uri: string, version: number) => void = () => {},
  ) {}

  /**
   * The analysis of `doc` as it is now, with `settings`: cached, the check already under way
   * for that version and settings, or a new check. Undefined when the document changed or
   * closed before the check finished.
   */
  analysis(doc: TextDocument, settings: Settings): Promise<Analysis | undefined> {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.settings === settings) return Promise.resolve(hit);
    const under = this.running.get(doc.uri);
    if (under && under.version === doc.version && under.settings === settings) return under.result;
    if (under) under.cancelled = true;
    this.cache.delete(doc.uri);
    const job = { version: doc.version, settings, cancelled: false };
    const result = this.step(doc, job).finally(() => {
      if (this.running.get(doc.uri)?.result === result) this.running.delete(doc.uri);
    });
    const run: Run = Object.assign(job, { result });
    this.running.set(doc.uri, run);
    return result;
  }

  /**
   * The analysis of the document's newest version, for a request: a check abandoned because the
   * document changed is followed to the check of the new version. Undefined once it is closed.
   */
  async latest(uri: string, settingsOf: (uri: string) => Settings): Promise<Analysis | undefined> {
    for (;;) {
      const doc = this.open(uri);
      if (!doc) return undefined;
      const a = await this.analysis(doc, settingsOf(uri));
      if (a) return a;
    }
  }

  private async step(doc: TextDocument, run: Omit<Run, 'result'>): Promise<Analysis | undefined> {
    const steps = analysisSteps(doc, run.settings, this.lastReport.get(doc.uri));
    const a = await runInSlices(steps, () => run.cancelled || this.open(doc.uri)?.version !== run.version);
    if (!a) {
      run.cancelled = true;
      this.abandoned(doc.uri, run.version);
      return undefined;
    }
    this.cache.set(doc.uri, a);
    if (a.report) this.lastReport.set(doc.uri, a.report);
    return a;
  }

  delete(uri: string): void {
    const under = this.running.get(uri);
    if (under) under.cancelled = true;
    this.running.delete(uri);
    this.cache.delete(uri);
    this.lastReport.delete(uri);
  }
}

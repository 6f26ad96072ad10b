// The checks across reports in the language server. The reports of the workspace folders that
// are not open are read from disk in time slices and re-read only when their file changed (size,
// modification time, a watched-file event or new settings); with the open documents' newest
// analyses they make one folder (engine/folder.ts). workspace/diagnostic and textDocument/diagnostic
// answer from here, each file with a result id so that an unchanged one is not sent again. An
// open document's diagnostics (its own and its share of the folder's findings) come from the
// server (server.ts): pulled like the rest from a client that can pull, else pushed, and then a
// pull answers [] for it, so that no diagnostic is shown twice.
import { createHash } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { byPosition, checkFolder, checkSteps, folderReport, type CheckOptions, type Diagnostic, type FolderReport, type Report, type Severity } from '../engine';
import { filesBelow, readTextFile } from '../files';
import { reportFacts, type ReportFacts } from '../summary';
import { runInSlices } from './analysis';
import { toLspDiagnostic } from './diagnostics';
import { configFor, documentSettings, isCandidate, type EditorSettings, type Settings } from './settings';

/** A file of a workspace folder as last read: enough to tell whether it changed, and what it said. */
interface DiskFile {
  uri: string;
  mtimeMs: number;
  size: number;
  /** The settings it was checked with (as JSON: its configuration file's included), and their options for the folder rules. */
  settings: string;
  options: CheckOptions;
  /** Its own diagnostics as published: plain data that keeps nothing of the text. */
  own: LspDiagnostic[];
  /** Result id of `own`. */
  ownId: string;
  /** Absent when the file is not an annual report. */
  folder?: FolderReport;
  /** Its items with the folder's findings `found`, once asked for. */
  withFound?: { found: Diagnostic[]; items: LspDiagnostic[]; resultId: string };
  /** For the 年报汇总 view: what the report says of itself, and the severities of its own diagnostics. */
  summary?: { facts: ReportFacts; own: Array<{ severity: Severity }> };
}

/** An open document; once checked, what it contributes (nothing when it is not a report). */
interface OpenDocument { uri: string; checked?: { folder?: FolderReport; options: CheckOptions } }

interface Folder { uri: string; path: string }

const resultId = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('base64');
const EMPTY = resultId([]);

/** One spelling per file: clients and node's URL encode a path's characters differently. */
function canonical(uri: string): string {
  try {
    return uri.startsWith('file:') ? pathToFileURL(fileURLToPath(uri)).href : uri;
  } catch {
    return uri;
  }
}

export class Workspace {
  private folders: Folder[] = [];
  /** By file path. */
  private readonly disk = new Map<string, DiskFile>();
  /** By canonical URI. */
  private readonly open = new Map<string, OpenDocument>();
  /** The folder rules' diagnostics by file (a URI as the folder names it), until something changes. */
  private found?: Map<string, Diagnostic[]>;
  /** What the disk may no longer match: set by events, cleared by a scan. */
  private stale = true;
  private running?: Promise<boolean>;
  /** The URIs the last workspace report named, so that one no longer there is cleared. */
  private reported = new Set<string>();
  /** Watched-file events tell of changes: a refresh without one needs no scan. */
  watching = false;

  /**
   * `openItems` is what a pull says of an open document: its diagnostics when the client pulls
   * them, none when they are pushed (server.ts decides which).
   */
  constructor(
    private readonly userSettingsOf: (folderUri: string) => Promise<Partial<EditorSettings>>,
    private readonly openItems: (uri: string) => LspDiagnostic[],
    private readonly log: (what: string, err: unknown) => void,
  ) {}

  setFolders(uris: string[]): void {
    this.folders = uris.flatMap(uri => {
      try {
        return [{ uri, path: fileURLToPath(uri) }];
      } catch {
        return [];
      }
    });
    this.stale = true;
  }

  /** A file appeared, changed or went (watched-file events, a document closed): read it again. */
  fileChanged(uri: string): void {
    try {
      this.disk.delete(fileURLToPath(uri));
    } catch { /* not a file */ }
    this.stale = true;
  }

  settingsChanged(): void {
    this.stale = true;
  }

  /** A document's path in the workspace folder it is in (the name messages give it); undefined outside them. */
  nameInFolders(uri: string): string | undefined {
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    for (const folder of this.folders) {
      const name = path.relative(folder.path, file);
      if (!name.startsWith('..') && !path.isAbsolute(name)) return name.split(path.sep).join('/');
    }
    return undefined;
  }

  /** A document opened: from now on it stands for its file, and a pull says of it what `openItems` gives. */
  opened(uri: string): void {
    this.open.set(canonical(uri), { uri });
  }

  /**
   * An open document's newest analysis: its report (undefined when it is not one) and settings.
   * Only documents in a workspace folder are compared with others.
   */
  checked(uri: string, report: Report | undefined, settings: Settings): void {
    const name = report && this.nameInFolders(uri);
    this.open.set(canonical(uri), { uri, checked: { folder: name === undefined ? undefined : folderReport(report!, uri, name), options: settings.check } });
    this.found = undefined;
  }

  /** A document closed: what is on disk stands for it again. */
  closed(uri: string): void {
    this.open.delete(canonical(uri));
    this.fileChanged(uri);
    this.found = undefined;
  }

  /**
   * Brings the disk files up to date (one scan at a time, in time slices); true when any changed.
   * Without watched-file events the folders are scanned every time (files are only stat'ed then).
   */
  async refresh(): Promise<boolean> {
    if (!this.watching) this.stale = true;
    this.running ??= this.scanWhileStale().finally(() => { this.running = undefined; });
    return this.running;
  }

  private async scanWhileStale(): Promise<boolean> {
    let changed = false;
    while (this.stale) {
      this.stale = false;
      if (await this.scan()) changed = true;
    }
    if (changed) this.found = undefined;
    return changed;
  }

  private async scan(): Promise<boolean> {
    const folders: Array<{ folder: Folder; user: Partial<EditorSettings> }> = [];
    for (const folder of this.folders) {
      const user = await this.userSettingsOf(folder.uri);
      const { enable, workspaceDiagnostics } = documentSettings(user);
      if (enable && workspaceDiagnostics) folders.push({ folder, user });
    }
    return (await runInSlices(this.scanSteps(folders), () => false)) ?? false;
  }

  private *scanSteps(folders: Array<{ folder: Folder; user: Partial<EditorSettings> }>): Generator<void, boolean> {
    let changed = false;
    const seen = new Set<string>();
    const paths = this.folders.map(f => f.path);
    for (const { folder, user } of folders) {
      // A file's settings: its folder's over its configuration file, looked up once per directory.
      const byDirectory = new Map<string, Settings>();
      const settingsOf = (file: string, uri: string) => {
        const dir = path.dirname(file);
        let s = byDirectory.get(dir);
        if (!s) byDirectory.set(dir, (s = documentSettings(user, configFor(uri, paths))));
        return s;
      };
      let files: string[];
      try {
        files = filesBelow(folder.path);
      } catch (err) {
        this.log(`reading the workspace folder ${folder.path}`, err);
        continue;
      }
      for (const file of files) {
        const uri = pathToFileURL(file).href;
        const settings = settingsOf(file, uri);
        if (seen.has(file) || !isCandidate(uri, '', settings)) continue;
        seen.add(file);
        // An open document stands for its file; the file is read once it closes.
        if (this.open.has(uri)) continue;
        let stats: Stats;
        try {
          stats = statSync(file);
        } catch {
          continue;
        }
        const known = this.disk.get(file);
        const key = JSON.stringify(settings);
        if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size && known.settings === key) continue;
        const name = path.relative(folder.path, file).split(path.sep).join('/');
        this.disk.set(file, yield* this.readSteps(file, uri, name, stats, settings, key));
        changed = true;
        yield;
      }
    }
    for (const file of this.disk.keys()) {
      if (!seen.has(file)) {
        this.disk.delete(file);
        changed = true;
      }
    }
    return changed;
  }

  private *readSteps(file: string, uri: string, name: string, stats: Stats, settings: Settings, key: string): Generator<void, DiskFile> {
    const none: DiskFile = { uri, mtimeMs: stats.mtimeMs, size: stats.size, settings: key, options: settings.check, own: [], ownId: EMPTY };
    let text: string;
    try {
      text = readTextFile(file).text;
    } catch {
      // Not readable as text: nothing to report here (nianbao check says why).
      return none;
    }
    const { report, diagnostics } = yield* checkSteps(text, settings.check);
    if (!report.isReport) return none;
    const own = diagnostics.map(d => toLspDiagnostic(d, uri));
    const summary = { facts: reportFacts(report, file), own: diagnostics.map(d => ({ severity: d.severity })) };
    return { ...none, own, ownId: resultId(own), folder: folderReport(report, uri, name), summary };
  }

  /** The reports on disk that are not open, as last read: for the 年报汇总 view. */
  diskReports(): Array<{ uri: string; name: string; summary: NonNullable<DiskFile['summary']> }> {
    return [...this.disk.values()].flatMap(f => (f.folder && f.summary && !this.open.has(f.uri) ? [{ uri: f.uri, name: f.folder.name, summary: f.summary }] : []));
  }

  /** The folder rules' diagnostics of a file, by the URI the folder names it with (an open document's own). */
  folderDiagnostics(uri: string): Diagnostic[] {
    if (!this.found) {
      const reports: FolderReport[] = [];
      const options = new Map<string, CheckOptions>();
      const add = (f: { folder?: FolderReport; options: CheckOptions }) => {
        if (!f.folder) return;
        reports.push(f.folder);
        options.set(f.folder.file, f.options);
      };
      // A checked open document stands for its file on disk.
      for (const f of this.disk.values()) if (!this.open.get(f.uri)?.checked) add(f);
      for (const doc of this.open.values()) if (doc.checked) add(doc.checked);
      this.found = checkFolder(reports, file => options.get(file) ?? {});
    }
    return this.found.get(uri) ?? [];
  }

  /**
   * What a pull says of a file: an open document's diagnostics as the server gives them, a disk
   * file's with the folder's findings. `key` is the file's canonical URI (a disk file's own).
   */
  private pulled(key: string, disk: DiskFile | undefined): { items: LspDiagnostic[]; resultId: string } {
    const doc = this.open.get(key);
    if (doc) {
      const items = this.openItems(doc.uri);
      return { items, resultId: items.length ? resultId(items) : EMPTY };
    }
    if (!disk) return { items: [], resultId: EMPTY };
    const found = this.folderDiagnostics(disk.uri);
    if (found.length === 0) return { items: disk.own, resultId: disk.ownId };
    // The folder's findings stay the same array until something changes: so do the items.
    if (disk.withFound?.found !== found) {
      const items = [...disk.own, ...found.map(d => toLspDiagnostic(d, disk.uri))].sort(byPosition);
      disk.withFound = { found, items, resultId: resultId(items) };
    }
    return disk.withFound;
  }

  private diskFile(uri: string): DiskFile | undefined {
    try {
      return this.disk.get(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  }

  /** textDocument/diagnostic: what the workspace report says of the file. */
  documentReport(uri: string, previousResultId?: string): { kind: 'full'; resultId: string; items: LspDiagnostic[] } | { kind: 'unchanged'; resultId: string } {
    const r = this.pulled(canonical(uri), this.diskFile(uri));
    return previousResultId === r.resultId ? { kind: 'unchanged', resultId: r.resultId } : { kind: 'full', ...r };
  }

  /**
   * workspace/diagnostic: every report file of the folders and every open document, an unchanged
   * one as such; reports no longer there (deleted, excluded, the setting turned off) as empty.
   */
  workspaceReport(previous: Array<{ uri: string; value: string }>): WorkspaceDocumentDiagnosticReport[] {
    // By the URIs as the client sends them back: they are ours, and spelling them out again for
    // a thousand files was most of a pull's time. One spelled otherwise is sent in full.
    const before = new Map(previous.map(p => [p.uri, p.value]));
    const out: WorkspaceDocumentDiagnosticReport[] = [];
    const named = new Set<string>();
    const add = (uri: string, key: string, disk?: DiskFile) => {
      if (named.has(key)) return;
      named.add(key);
      const r = this.pulled(key, disk);
      out.push(before.get(uri) === r.resultId
        ? { kind: 'unchanged', uri, version: null, resultId: r.resultId }
        : { kind: 'full', uri, version: null, resultId: r.resultId, items: r.items });
    };
    for (const disk of this.disk.values()) if (disk.folder) add(disk.uri, disk.uri, disk);
    for (const [key, doc] of this.open) add(doc.uri, key);
    for (const uri of this.reported) add(uri, uri);
    this.reported = new Set([...this.disk.values()].filter(d => d.folder).map(d => d.uri));
    return out;
  }
}

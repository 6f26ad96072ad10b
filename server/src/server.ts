// The Nianbao language server: wiring only. Documents and settings come in, the engine answers
// (through server/src/lsp/*). `--node-ipc` (VS Code) and `--stdio` (any editor) are picked
// from argv by createConnection.
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ProposedFeatures,
  TextDocuments, TextDocumentSyncKind, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses, isActive, type Analysis, type ReportAnalysis } from './lsp/analysis';
import { codeActions } from './lsp/codeActions';
import { completions } from './lsp/completion';
import { isConfigFile, parseConfig } from './config';
import { configDiagnostic, toLspDiagnostic } from './lsp/diagnostics';
import { hover } from './lsp/hover';
import { inlayHints } from './lsp/inlayHints';
import { exportWord, importWord, reportInfo, templateText } from './lsp/requests';
import { workspaceSummary } from './lsp/summary';
import {
  EXPORT_WORD, FIX_ALL_KIND, IMPORT_WORD, REPORT_INFO, REPORT_INFO_CHANGED, SUMMARY, TEMPLATE_TEXT,
  type ExportWordParams, type ImportWordParams, type SummaryResult, type TemplateTextParams,
} from './protocol';
import { configFor, DEFAULT_SETTINGS, documentSettings, readSettings, uriPath, type EditorSettings, type Settings } from './lsp/settings';
import { documentSymbols, foldingRanges } from './lsp/symbols';
import { Workspace } from './lsp/workspace';
import { byPosition, type Diagnostic } from './engine';

const DEBOUNCE_MS = 200;
/** Watched-file events come in bursts (a checkout, a save that writes twice): the folder is read again once they settle. */
const REFRESH_MS = 300;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyses = new Analyses(
  uri => documents.get(uri),
  (uri, version) => connection.console.log(`nianbao: check of ${uri} version ${version} stopped: the document changed, closed or got new settings`),
);

let pullConfiguration = false;
let registerConfiguration = false;
let refreshInlayHints = false;
let watchFiles = false;
let folderChanges = false;
/** The workspace folders' paths: a configuration file is looked for up to the folder of a document. */
let folders: string[] = [];
/**
 * The client pulls diagnostics and can be told to pull again (VS Code): every document's
 * diagnostics are pulled, none pushed. Two collections for one document (pushed while open, pulled
 * from the workspace report while closed) would show each problem twice while they cross.
 */
let pullDiagnostics = false;
/** Settings pushed by the client (initializationOptions, didChangeConfiguration) when it cannot be asked. */
let pushed: Partial<EditorSettings> = {};
/** The pushed settings for a document whose own are not known yet (one object, so checks are shared). */
let fallback: Settings = DEFAULT_SETTINGS;
/**
 * Settings per document: the client's (pulled with the document's scope, or pushed) over the
 * document's configuration file, until either changes.
 */
const known = new Map<string, Promise<Settings>>();

const log = (what: string, err: unknown) => connection.console.error(`nianbao: ${what} failed: ${err instanceof Error ? err.stack : String(err)}`);

/** No exception escapes a handler: it is logged and the request gets its empty answer. */
function guard<P, R>(what: string, empty: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async params => {
    try {
      return await handler(params);
    } catch (err) {
      log(what, err);
      return empty;
    }
  };
}

function settingsFor(uri: string): Promise<Settings> {
  let s = known.get(uri);
  if (!s) {
    const user = pullConfiguration
      ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'nianbao' }).then(readSettings, err => {
        log('workspace/configuration', err);
        return pushed;
      })
      : Promise.resolve(pushed);
    s = user.then(u => documentSettings(u, configFor(uri, folders)));
    known.set(uri, s);
  }
  return s;
}

/** What the client set for a workspace folder (pulled with its scope, or pushed). */
function userSettingsOf(folderUri: string): Promise<Partial<EditorSettings>> {
  if (!pullConfiguration) return Promise.resolve(pushed);
  return connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'nianbao' }).then(readSettings, err => {
    log('workspace/configuration', err);
    return pushed;
  });
}

const workspace = new Workspace(userSettingsOf, uri => {
  const p = pullDiagnostics ? published.get(uri) : undefined;
  return p ? diagnosticsOf(p.analysis).map(d => toLspDiagnostic(d, uri)) : [];
}, log);

/** Settings already known for a document, for requests that must answer without a round trip. */
const current = new Map<string, Settings>();
const settingsNow = (uri: string) => current.get(uri) ?? fallback;

/**
 * Runs a request against the report of the document's newest version, once its check is done;
 * unknown documents and non-reports get `empty`.
 */
function onReport<P extends { textDocument: { uri: string } }, R>(what: string, empty: R, handler: (a: ReportAnalysis, params: P) => R) {
  return guard<P, R>(what, empty, async params => {
    const a = await analyses.latest(params.textDocument.uri, settingsNow);
    return isActive(a) ? handler(a, params) : empty;
  });
}

// ---------- checking ----------

const timers = new Map<string, NodeJS.Timeout>();
const generations = new Map<string, number>();
const opened = new Set<string>();

function schedule(uri: string, delay: number): void {
  clearTimeout(timers.get(uri));
  timers.set(uri, setTimeout(() => {
    timers.delete(uri);
    void validate(uri);
  }, delay));
}

/**
 * Checks a document and publishes. A newer check (new version, new settings) supersedes this
 * one at every await, and the check itself stops when the document changes: nothing stale is
 * published.
 */
async function validate(uri: string): Promise<void> {
  const generation = (generations.get(uri) ?? 0) + 1;
  generations.set(uri, generation);
  try {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const superseded = () => generations.get(uri) !== generation || documents.get(uri)?.version !== version;
    if (isConfigFile(uriPath(uri))) {
      // A configuration file open in the editor: its mistakes, as they are typed.
      await connection.sendDiagnostics({ uri, version, diagnostics: parseConfig(doc.getText()).problems.map(configDiagnostic) });
      return;
    }
    const settings = await settingsFor(uri);
    if (superseded()) return;
    current.set(uri, settings);
    const a = await analyses.analysis(doc, settings);
    if (!a || superseded()) return;
    workspace.checked(uri, isActive(a) ? a.report : undefined, settings);
    await publish(a);
    // What this document says may change what the folder's checks say of the other open ones.
    await republish(u => u !== uri);
  } catch (err) {
    log(`checking ${uri}`, err);
  }
}

/** What is published for each open document: its analysis and the folder's findings with it. */
const published = new Map<string, { analysis: Analysis; folder: string }>();

/** The document's share of the folder's findings (carry-over). */
const folderFindings = (a: Analysis): Diagnostic[] => (isActive(a) ? workspace.folderDiagnostics(a.uri) : []);

/** The document's own diagnostics and its share of the folder's, in document order. */
function diagnosticsOf(a: Analysis, folder = folderFindings(a)): Diagnostic[] {
  return folder.length ? [...a.diagnostics, ...folder].sort(byPosition) : a.diagnostics;
}

async function publish(a: Analysis): Promise<void> {
  const folder = folderFindings(a);
  const all = diagnosticsOf(a, folder);
  published.set(a.uri, { analysis: a, folder: JSON.stringify(folder) });
  if (pullDiagnostics) askToPull();
  else await connection.sendDiagnostics({ uri: a.uri, version: a.version, diagnostics: all.map(d => toLspDiagnostic(d, a.uri)) });
  await connection.sendNotification(REPORT_INFO_CHANGED, reportInfo(a, all));
}

let pullAsked = false;

/** Asks the client to pull the open documents' diagnostics again, once for all publishes of this turn. */
function askToPull(): void {
  if (pullAsked) return;
  pullAsked = true;
  setImmediate(() => {
    pullAsked = false;
    connection.languages.diagnostics.refresh().catch(err => log('workspace/diagnostic/refresh', err));
  });
}

/** Publishes again the open documents (those `which` takes) whose share of the folder's findings changed. */
async function republish(which: (uri: string) => boolean = () => true): Promise<void> {
  for (const [uri, { analysis, folder }] of published) {
    // A document with a newer version is checked again and published then.
    if (!which(uri) || documents.get(uri)?.version !== analysis.version || !isActive(analysis)) continue;
    if (JSON.stringify(folderFindings(analysis)) !== folder) await publish(analysis);
  }
}

/**
 * Brings the folders' reports up to date and publishes again the open documents whose share of
 * the folder's findings that changed. Every caller republishes: a scan one caller started may be
 * the one a later caller's change was read by (a workspace pull during the wait for events to settle).
 */
async function refreshWorkspace(): Promise<void> {
  if (await workspace.refresh()) await republish();
}

let refreshTimer: NodeJS.Timeout | undefined;

/** Reads the workspace folders again once events settle. */
function scheduleRefresh(delay = REFRESH_MS): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => { refreshWorkspace().catch(err => log('reading the workspace folders', err)); }, delay);
}

documents.onDidChangeContent(({ document }) => {
  // Fired for didOpen too: the first check runs at once, edits wait for a pause in typing.
  if (!opened.has(document.uri)) {
    opened.add(document.uri);
    schedule(document.uri, 0);
  } else if (settingsNow(document.uri).run === 'onType') schedule(document.uri, DEBOUNCE_MS);
});

documents.onDidOpen(({ document }) => workspace.opened(document.uri));

documents.onDidSave(({ document }) => {
  // For clients that watch no files: a configuration file saved in the editor applies at once.
  if (isConfigFile(uriPath(document.uri))) void recheckAll();
  else schedule(document.uri, 0);
});

documents.onDidClose(({ document }) => {
  const uri = document.uri;
  clearTimeout(timers.get(uri));
  for (const m of [timers, generations, known, current, published]) m.delete(uri);
  opened.delete(uri);
  analyses.delete(uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  // The file on disk stands for it again, in the workspace report and in the folder's checks.
  workspace.closed(uri);
  scheduleRefresh(0);
});

// ---------- lifecycle and settings ----------

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  pullConfiguration = caps.workspace?.configuration === true;
  registerConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  refreshInlayHints = caps.workspace?.inlayHint?.refreshSupport === true;
  watchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  folderChanges = caps.workspace?.workspaceFolders === true;
  pullDiagnostics = caps.textDocument?.diagnostic !== undefined && caps.workspace?.diagnostics?.refreshSupport === true;
  setFolders(params.workspaceFolders?.map(f => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
  pushed = readSettings(params.initializationOptions);
  fallback = documentSettings(pushed);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND] },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Nianbao' },
      foldingRangeProvider: true,
      completionProvider: { triggerCharacters: ['#'] },
      inlayHintProvider: true,
      // No identifier: VS Code's client names its pull collection by it, and one named "nianbao"
      // like its push collection overwrites that one.
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'nianbao-language-server' },
  };
});

connection.onInitialized(() => {
  if (registerConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' });
  // Every file: the configuration files, and the reports of the workspace folders that are not open.
  if (watchFiles) {
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] })
      .then(() => { workspace.watching = true; }, err => log('registering file watchers', err));
  }
  if (folderChanges) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      try {
        setFolders((await connection.workspace.getWorkspaceFolders() ?? []).map(f => f.uri));
        scheduleRefresh(0);
      } catch (err) {
        log('workspace folders', err);
      }
    });
  }
  scheduleRefresh(0);
});

function setFolders(uris: string[]): void {
  const files = uris.filter(uri => uri.startsWith('file:'));
  folders = files.map(uriPath);
  workspace.setFolders(files);
}

/** Every open document checked again with its settings and configuration file read afresh, and the folders' reports too. */
async function recheckAll(): Promise<void> {
  try {
    known.clear();
    workspace.settingsChanged();
    scheduleRefresh(0);
    // Hints are asked for again only once the documents have their new settings.
    await Promise.all(documents.all().map(doc => {
      clearTimeout(timers.get(doc.uri));
      return validate(doc.uri);
    }));
    if (refreshInlayHints) await connection.languages.inlayHint.refresh();
  } catch (err) {
    log('re-checking after a settings change', err);
  }
}

connection.onDidChangeConfiguration(params => {
  if (!pullConfiguration) {
    pushed = readSettings(params.settings);
    fallback = documentSettings(pushed);
  }
  return recheckAll();
});

connection.onDidChangeWatchedFiles(params => {
  if (params.changes.some(c => isConfigFile(uriPath(c.uri)))) return recheckAll();
  for (const c of params.changes) workspace.fileChanged(c.uri);
  scheduleRefresh();
});

// ---------- features ----------

connection.onCodeAction(onReport('codeAction', [], (a, p) => codeActions(a, p.range, p.context.only)));
connection.onHover(onReport('hover', null, (a, p) => hover(a, p.position)));
connection.onDocumentSymbol(onReport('documentSymbol', [], a => documentSymbols(a)));
connection.onFoldingRanges(onReport('foldingRange', [], a => foldingRanges(a)));
connection.onCompletion(onReport('completion', [], (a, p) => completions(a, p.position)));
connection.languages.inlayHint.on(onReport('inlayHint', [], (a, p) => inlayHints(a, p.range)));

connection.onRequest(REPORT_INFO, guard('reportInfo', null, async (p: { uri?: string } | undefined) => {
  const a = typeof p?.uri === 'string' ? await analyses.latest(p.uri, settingsNow) : undefined;
  return a ? reportInfo(a, diagnosticsOf(a)) : null;
}));

connection.languages.diagnostics.on(guard('textDocument/diagnostic', { kind: 'full' as const, resultId: 'none', items: [] }, p =>
  workspace.documentReport(p.textDocument.uri, p.previousResultId)));

connection.languages.diagnostics.onWorkspace(guard('workspace/diagnostic', { items: [] }, async p => {
  await refreshWorkspace();
  return { items: workspace.workspaceReport(p.previousResultIds) };
}));

connection.onRequest(TEMPLATE_TEXT, guard('templateText', null, async (p: TemplateTextParams) => {
  const a = typeof p?.uri === 'string' ? await analyses.latest(p.uri, settingsNow) : undefined;
  return templateText(p, a, isActive(a) ? a.report.lines.eol() : '\n', new Date());
}));

// A failure the requests do not foresee still gets an answer the user can read.
const wordFailed = { error: '语言服务器内部错误（详见“输出”面板中的“年报助手”）' };
connection.onRequest(IMPORT_WORD, guard('importWord', wordFailed, (p: ImportWordParams) => importWord(p)));
// With the settings the document's check gets, its configuration file's included, also when the
// export comes before that check (the explorer's export opens the file and asks at once).
connection.onRequest(EXPORT_WORD, guard('exportWord', wordFailed, async (p: ExportWordParams) =>
  exportWord(p, typeof p?.uri === 'string' ? await settingsFor(p.uri) : fallback)));

connection.onRequest(SUMMARY, guard('summary', null, async (): Promise<SummaryResult> => {
  await workspace.refresh();
  const open = await Promise.all(documents.keys().map(uri => analyses.latest(uri, settingsNow)));
  return { rows: workspaceSummary(workspace, open.filter(isActive), diagnosticsOf) };
}));

process.on('uncaughtException', err => log('uncaught exception', err));

documents.listen(connection);
connection.listen();

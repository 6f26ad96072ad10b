// A language-server client over the real protocol (`node dist/server.js --stdio`, JSON-RPC
// through vscode-languageserver's own reader and writer), shared by the protocol tests.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type CodeAction, type Diagnostic, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams,
  type DocumentDiagnosticReport, type TextDocumentContentChangeEvent, type WorkspaceDiagnosticReport,
} from 'vscode-languageserver/node';
import { check, type Diagnostic as EngineDiagnostic } from '../server/src/engine';
import { applyEdits, REPO } from './helpers';

const SERVER = path.join(REPO, 'dist/server.js');
/** The rule pages the bundle links to: the docs/rules copy beside dist/. */
const RULE_DOCS = pathToFileURL(path.resolve(__dirname, '../docs/rules')).href;

let docCount = 0;
/** A fresh document URI per test (percent-encoded like a real client's), so publishes never mix. */
export const reportUri = (name = '2024年度报告.md') => pathToFileURL(`/work/ws/d${++docCount}/${name}`).href;

export class Client {
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly infos: Array<{ uri: string; errors: number }> = [];
  private waiters: Array<() => void> = [];
  configurationRequests = 0;
  /** workspace/diagnostic/refresh requests: the server asking a pulling client to pull again. */
  pullRequests = 0;
  inlayRefreshes = 0;
  /** What the server registered (client/registerCapability), in order. */
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  settings: Record<string, unknown> = {};
  readonly stderr: string[] = [];
  private readonly versions = new Map<string, number>();
  readonly texts = new Map<string, string>();

  private constructor(readonly proc: ChildProcess, readonly conn: ProtocolConnection) {
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, [...(this.published.get(p.uri) ?? []), p]);
      this.wake();
    });
    conn.onNotification('nianbao/reportInfoChanged', (p: { uri: string; errors: number }) => { this.infos.push(p); this.wake(); });
    conn.onNotification('window/logMessage', (p: { message: string }) => { this.stderr.push(p.message); });
    conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => {
      this.configurationRequests++;
      return p.items.map(i => (i.section === 'nianbao' ? this.settings : null));
    });
    conn.onRequest('workspace/inlayHint/refresh', () => { this.inlayRefreshes++; this.wake(); return null; });
    conn.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
      this.registrations.push(...p.registrations.map(({ method, registerOptions }) => ({ method, registerOptions })));
      this.wake();
      return null;
    });
    conn.onRequest('workspace/diagnostic/refresh', () => { this.pullRequests++; this.wake(); return null; });
  }

  /**
   * `folders`: the workspace folders' paths; `watchFiles`: the client takes the server's file
   * watchers; `pull`: it pulls diagnostics and can be told to pull again (all three as VS Code does).
   */
  static async start(options: { configuration: boolean; initializationOptions?: unknown; folders?: string[]; watchFiles?: boolean; pull?: boolean }): Promise<{ client: Client; init: InitializeResult }> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new Client(proc, conn);
    proc.stderr!.on('data', d => client.stderr.push(String(d)));
    conn.listen();
    const init: InitializeResult = await conn.sendRequest('initialize', {
      processId: process.pid, rootUri: null,
      workspaceFolders: options.folders?.map(f => ({ uri: pathToFileURL(f).href, name: path.basename(f) })) ?? null,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: options.configuration, didChangeConfiguration: { dynamicRegistration: true }, inlayHint: { refreshSupport: true },
          didChangeWatchedFiles: { dynamicRegistration: options.watchFiles === true },
          ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        },
      },
    });
    await conn.sendNotification('initialized', {});
    return { client, init };
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    w.forEach(f => f());
  }

  /** Resolves once `ready()` holds, re-testing after every message from the server. */
  async until<T>(what: string, ready: () => T | undefined, ms = 10000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = ready();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.join('').slice(-2000)}`);
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  count(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  /** The first publish for `uri` after the `after`-th one (and for `version`, when given). */
  /**
   * The first diagnostics of `uri` published after the `after`-th (of `version`, if given; that
   * `say` what the test waits for, if given: a server may publish a document again with what it
   * already said, and a test that wants the news waits for it, showing the last said on a timeout).
   */
  async diagnostics(uri: string, opts: { after?: number; version?: number; say?: (ds: Diagnostic[]) => boolean } = {}): Promise<Diagnostic[]> {
    const found = () => this.published.get(uri)?.slice(opts.after ?? 0)
      .find(p => (opts.version === undefined || p.version === opts.version) && (!opts.say || opts.say(p.diagnostics)))?.diagnostics;
    try {
      return await this.until(`diagnostics of ${uri}`, found);
    } catch (e) {
      const last = this.published.get(uri)?.at(-1)?.diagnostics;
      throw opts.say && last ? new Error(`${(e as Error).message}\nlast published: ${JSON.stringify(last.map(d => `${d.code} ${d.message}`))}`) : e;
    }
  }

  /**
   * Changes the settings (answered to workspace/configuration, or pushed in the notification
   * when the client cannot be asked) and returns the diagnostics of `uri` published next.
   */
  async configure(uri: string, settings: Record<string, unknown>, push = false): Promise<Diagnostic[]> {
    this.settings = settings;
    const n = this.count(uri);
    await this.conn.sendNotification('workspace/didChangeConfiguration', { settings: push ? { nianbao: settings } : null });
    return this.diagnostics(uri, { after: n });
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return this.diagnostics(uri, { version: 1 });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[], newText: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, newText);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return this.diagnostics(uri, { version });
  }

  /** Tells the server that watched files changed on disk (1 created, 2 changed, 3 deleted). */
  watched(changes: Array<{ uri: string; type: 1 | 2 | 3 }>): Promise<void> {
    return this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** textDocument/diagnostic, as a pulling client sends it. */
  pullDocument(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  }

  /** workspace/diagnostic with the result ids of the previous report (what VS Code sends). */
  workspaceDiagnostics(previous: Array<{ uri: string; value: string }> = []): Promise<WorkspaceDiagnosticReport> {
    return this.conn.sendRequest('workspace/diagnostic', { previousResultIds: previous });
  }

  save(uri: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  /** Applies a code action's edit the way an editor does, then sends the document's new text. */
  async apply(uri: string, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const edits = action.edit?.changes?.[uri];
    assert.ok(edits && edits.length > 0, `action "${action.title}" has no edit for the document`);
    const text = applyEdits(this.texts.get(uri)!, edits);
    return { text, diagnostics: await this.change(uri, [{ text }], text) };
  }

  codeActions(uri: string, line: number, character = 0, only?: string[]): Promise<CodeAction[]> {
    const p = { line, character };
    return this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: p, end: p }, context: { diagnostics: [], only } });
  }

  async stop() {
    await this.conn.sendRequest('shutdown');
    await this.conn.sendNotification('exit');
    this.conn.dispose();
    if (this.proc.exitCode === null) await new Promise(resolve => this.proc.once('exit', resolve));
  }
}

/** What the engine says about a text, as an LSP client must receive it. */
export function expectedLsp(text: string, uri: string, severities = {}): Diagnostic[] {
  const severity = { error: 1, warning: 2, info: 3 } as const;
  return check(text, { severities: severities as never }).diagnostics.map((d: EngineDiagnostic) => {
    const out: Diagnostic = {
      range: d.range, severity: severity[d.severity], code: d.code,
      codeDescription: { href: `${RULE_DOCS}/${d.code}.md` }, source: 'nianbao', message: d.message,
    };
    if (d.related?.length) out.relatedInformation = d.related.map(r => ({ location: { uri, range: r.range }, message: r.message }));
    return out;
  });
}

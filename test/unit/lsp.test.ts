// The language server over the real protocol: `node dist/server.js --stdio`, JSON-RPC through
// vscode-languageserver's own reader and writer, the seeds as documents. What is asserted is
// what an editor would show or apply.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type CodeAction, type CompletionItem, type Diagnostic, type DocumentSymbol, type FoldingRange, type Hover,
  type InitializeResult, type InlayHint, type ProtocolConnection, type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { repository } from '../../package.json';
import { check, LineIndex, type Diagnostic as EngineDiagnostic } from '../../server/src/engine';
import { applyEdits, at, editLine, REPO, seed } from '../helpers';

const SERVER = path.join(REPO, 'dist/server.js');
const RULE_DOCS = `${repository.url.replace(/\.git$/, '')}/blob/main/docs/rules`;

let docCount = 0;
/** A fresh document URI per test (percent-encoded like a real client's), so publishes never mix. */
const reportUri = (name = '2024年度报告.md') => pathToFileURL(`/work/ws/d${++docCount}/${name}`).href;

class Client {
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly infos: Array<{ uri: string; errors: number }> = [];
  private waiters: Array<() => void> = [];
  configurationRequests = 0;
  inlayRefreshes = 0;
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
    conn.onRequest('client/registerCapability', () => null);
  }

  static async start(options: { configuration: boolean; initializationOptions?: unknown }): Promise<{ client: Client; init: InitializeResult }> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new Client(proc, conn);
    proc.stderr!.on('data', d => client.stderr.push(String(d)));
    conn.listen();
    const init: InitializeResult = await conn.sendRequest('initialize', {
      processId: process.pid, rootUri: null, workspaceFolders: null,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: options.configuration, didChangeConfiguration: { dynamicRegistration: true }, inlayHint: { refreshSupport: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
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
  diagnostics(uri: string, opts: { after?: number; version?: number } = {}): Promise<Diagnostic[]> {
    return this.until(`diagnostics of ${uri}`, () =>
      this.published.get(uri)?.slice(opts.after ?? 0).find(p => opts.version === undefined || p.version === opts.version)?.diagnostics);
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
function expectedLsp(text: string, uri: string, severities = {}): Diagnostic[] {
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

const summary = (ds: Diagnostic[]) => ds.map(d => `${d.code} ${at(d)} ${d.message}`);
const byTitle = (actions: CodeAction[], title: string) => {
  const found = actions.find(a => a.title === title);
  assert.ok(found, `no action "${title}" among ${JSON.stringify(actions.map(a => a.title))}`);
  return found;
};

// Seed 001 (a 2024 report): 表三 starts at line 49; line 52 is 一、本年新收, all zeros.
const T3_NEW_ROW = 52;

let client: Client;
let init: InitializeResult;

before(async () => {
  execFileSync(process.execPath, ['build.mjs', '--only=server'], { cwd: REPO });
  ({ client, init } = await Client.start({ configuration: true }));
});

after(async () => {
  await client?.stop();
});

test('initialize announces incremental sync and every feature', () => {
  const caps = init.capabilities;
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
  assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite', 'source.fixAll.nianbao'] });
  assert.equal(caps.hoverProvider, true);
  assert.ok(caps.documentSymbolProvider);
  assert.equal(caps.foldingRangeProvider, true);
  assert.ok(caps.completionProvider);
  assert.equal(caps.inlayHintProvider, true);
});

test('seed 001 gets the engine diagnostics with code, source and rule page', async () => {
  const uri = reportUri();
  const text = seed('001');
  const got = await client.open(uri, text);
  assert.deepEqual(got, expectedLsp(text, uri));
  // Seed 001 reuses 一、二、 for the sub-items of 总体情况 and 五.
  const numbering = got.filter(d => d.code === 'section-numbering');
  assert.deepEqual(summary(numbering), [
    'section-numbering 10:0-10:8 「一、总体情况」内的子项「一、主动公开情况」使用了一级序号，应为「（一）」',
    'section-numbering 14:0-14:9 「一、总体情况」内的子项「二、依申请公开情况」使用了一级序号，应为「（二）」',
    'section-numbering 18:0-18:10 「一、总体情况」内的子项「三、政府信息管理情况」使用了一级序号，应为「（三）」',
    'section-numbering 22:0-22:14 「一、总体情况」内的子项「四、政府信息公开平台建设情况」使用了一级序号，应为「（四）」',
    'section-numbering 26:0-26:8 「一、总体情况」内的子项「五、监督保障情况」使用了一级序号，应为「（五）」',
    'section-numbering 87:0-87:6 「五、存在的主要问题及改进情况」内的子项「一、主要问题」使用了一级序号，应为「（一）」',
    'section-numbering 91:0-91:6 「五、存在的主要问题及改进情况」内的子项「二、改进措施」使用了一级序号，应为「（二）」',
  ]);
  assert.deepEqual(numbering[0], {
    range: { start: { line: 10, character: 0 }, end: { line: 10, character: 8 } },
    severity: 2,
    code: 'section-numbering',
    codeDescription: { href: 'https://example.invalid/nianbao/blob/main/docs/rules/section-numbering.md' },
    source: 'nianbao',
    message: '「一、总体情况」内的子项「一、主动公开情况」使用了一级序号，应为「（一）」',
  });
  const info = await client.conn.sendRequest('nianbao/reportInfo', { uri });
  assert.deepEqual(info, { uri, isReport: true, year: 2024, format: '2021', expectedFormat: '2021', errors: 0, warnings: got.filter(d => d.severity === 2).length, infos: got.filter(d => d.severity === 3).length });
  assert.ok(client.infos.some(i => i.uri === uri), 'nianbao/reportInfoChanged after the check');
});

describe('seed 002 with 本年新收 总计 changed from 0 to 3', () => {
  // Line 47 is 一、本年新收: its last cell (总计) now says 3 while every applicant column says 0.
  const text = editLine(seed('002'), 47, /0\t\t$/, '3\t\t');
  test('t3-row-total and t3-balance name the cells and point at the others', async () => {
    const uri = reportUri('2021年报.md');
    const got = (await client.open(uri, text)).filter(d => d.code.toString().startsWith('t3-'));
    assert.deepEqual(summary(got), [
      't3-row-total 47:30-47:31 表三「本年新收」行：自然人 0 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 0，但总计为 3（相差 3）',
      't3-balance 71:25-71:26 表三「总计」列：本年新收 3 + 上年结转 0 = 3，但办理结果总计 0 + 结转下年度 0 = 0（相差 3）',
    ]);
    assert.deepEqual(got[0].relatedInformation?.map(r => `${at(r.location)} ${r.message}`), [
      '47:18-47:19 本年新收 × 自然人 = 0', '47:20-47:21 本年新收 × 商业企业 = 0', '47:22-47:23 本年新收 × 科研机构 = 0',
      '47:24-47:25 本年新收 × 社会公益组织 = 0', '47:26-47:27 本年新收 × 法律服务机构 = 0', '47:28-47:29 本年新收 × 其他 = 0',
    ]);
    assert.ok(got[1].relatedInformation!.every(r => r.location.uri === uri));
    assert.deepEqual(got[1].relatedInformation?.map(r => `${at(r.location)} ${r.message}`), [
      '47:30-47:31 本年新收 × 总计 = 3', '48:30-48:31 上年结转 × 总计 = 0', '70:20-70:21 办理结果总计 × 总计 = 0',
    ]);
  });

  test('hover on the total shows the relation with its numbers', async () => {
    const uri = reportUri();
    await client.open(uri, text);
    const h: Hover = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 47, character: 30 } });
    assert.deepEqual(h, {
      contents: {
        kind: 'markdown',
        value: '**表三** 「一、本年新收政府信息公开申请数量」×「总计」\n\n' +
          '总计 = 自然人 0 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 0 （表中为 3，相差 3）',
      },
      range: { start: { line: 47, character: 30 }, end: { line: 47, character: 31 } },
    });
  });
});

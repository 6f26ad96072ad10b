// The VS Code extension: starts the language server (dist/server.js), adds the status bar item,
// the commands and the 年报汇总 view, and gives the built-in Markdown preview the report-table plugin.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { MarkdownIt } from 'markdown-it';
import { configFor, documentSettings, readSettings } from '../../server/src/lsp/settings';
import { registerCommands } from './commands';
import { nianbaoMarkdownIt, type PreviewSettings } from './preview';
import { DOCUMENT_SELECTOR, REPORT_INFO_CHANGED, type ReportInfo } from './protocol';
import { reportInfo, ReportStatus } from './statusBar';

const SECTION = 'nianbao';

let client: LanguageClient | undefined;

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The `nianbao.*` settings the user set for a scope (in user, workspace or folder settings), as a
 * plain object without VS Code's defaults. The server gives these precedence over the document's
 * `.nianbao.jsonc` and takes everything else from the file (server/src/lsp/settings.ts): with the
 * defaults sent too, values nobody chose would override the project's file. An object setting
 * (`rules`) is merged over the levels the way VS Code merges it. The keys are those the manifest
 * contributes (nested ones such as trace.server are the client library's own).
 */
function userSettings(context: vscode.ExtensionContext, scope: vscode.Uri | null): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const properties: Record<string, unknown> = context.extension.packageJSON?.contributes?.configuration?.properties ?? {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(properties)) {
    const name = key.slice(SECTION.length + 1);
    if (!key.startsWith(`${SECTION}.`) || name.includes('.')) continue;
    const levels = config.inspect(name);
    const set = [levels?.globalValue, levels?.workspaceValue, levels?.workspaceFolderValue].filter(v => v !== undefined);
    if (set.length > 0) out[name] = set.every(isObject) ? Object.assign({}, ...set) : set[set.length - 1];
  }
  return out;
}

/**
 * The settings of the document being previewed, merged with its configuration file as the server
 * merges them. A render of bare text (markdown.api.render) names no document: the active
 * editor's applies, else the first folder's settings without a file.
 */
function previewSettings(context: vscode.ExtensionContext, env: Record<string, unknown>): PreviewSettings {
  const doc = env.currentDocument instanceof vscode.Uri ? env.currentDocument : vscode.window.activeTextEditor?.document.uri;
  const scope = doc ?? vscode.workspace.workspaceFolders?.[0]?.uri ?? null;
  const folders = (vscode.workspace.workspaceFolders ?? []).map(f => f.uri.fsPath);
  const s = documentSettings(readSettings(userSettings(context, scope)), doc && configFor(doc.toString(), folders));
  return { enable: s.enable, ...s.check };
}

export async function activate(context: vscode.ExtensionContext) {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: SECTION },
    // Resource-scoped settings: the first folder's stand in for a server that cannot ask per document.
    initializationOptions: userSettings(context, vscode.workspace.workspaceFolders?.[0]?.uri ?? null),
    middleware: {
      workspace: {
        // The server asks per document; it gets what the user set, not VS Code's defaults (see userSettings).
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) => (item.section === SECTION ? userSettings(context, item.scopeUri ? vscode.Uri.parse(item.scopeUri) : null) : answers[i]));
        },
      },
    },
  };
  client = new LanguageClient(SECTION, '年报助手', serverOptions, clientOptions);
  // The client library keeps one handler per notification: the status bar and the 年报汇总 view share it.
  const reportChanged = new vscode.EventEmitter<ReportInfo>();
  context.subscriptions.push(reportChanged, client.onNotification(REPORT_INFO_CHANGED, (info: ReportInfo) => reportChanged.fire(info)));
  registerCommands(context, client, reportChanged.event);
  try {
    await client.start();
    context.subscriptions.push(new ReportStatus(client, reportChanged.event));
  } catch (err) {
    // The preview plugin and the commands' error messages still work without a server.
    void vscode.window.showErrorMessage(`年报助手：语言服务器未能启动（${err instanceof Error ? err.message : String(err)}）。`);
  }
  return {
    extendMarkdownIt: (md: MarkdownIt) => nianbaoMarkdownIt(md, env => previewSettings(context, env)),
    /** What the status bar shows of a document, from the server: for other extensions and the editor tests. */
    reportInfo: (uri: vscode.Uri) => (client ? reportInfo(client, uri.toString()) : Promise.resolve(null)),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

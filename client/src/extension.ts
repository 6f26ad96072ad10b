// The VS Code extension: starts the language server (dist/server.js), adds the status bar item
// and the commands, and gives the built-in Markdown preview the report-table plugin.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { MarkdownIt } from 'markdown-it';
import type { RuleCode, SeveritySetting } from '../../server/src/engine';
import { registerCommands } from './commands';
import { nianbaoMarkdownIt, type PreviewSettings } from './preview';
import { DOCUMENT_SELECTOR } from './protocol';
import { ReportStatus } from './statusBar';

const SECTION = 'nianbao';

let client: LanguageClient | undefined;

/**
 * The `nianbao.*` settings the server reads, as a plain object. The keys are those the manifest
 * contributes (nested ones such as trace.server are the client library's own).
 */
function settingsSnapshot(context: vscode.ExtensionContext): Record<string, unknown> {
  // The settings are resource-scoped: the first folder's values stand in for clients that cannot ask per document.
  const config = vscode.workspace.getConfiguration(SECTION, vscode.workspace.workspaceFolders?.[0]?.uri ?? null);
  const properties: Record<string, unknown> = context.extension.packageJSON?.contributes?.configuration?.properties ?? {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(properties)) {
    const name = key.slice(SECTION.length + 1);
    if (key.startsWith(`${SECTION}.`) && !name.includes('.')) out[name] = config.get(name);
  }
  return out;
}

/**
 * The settings of the document being previewed. A render of bare text (markdown.api.render) names
 * no document: the active editor's, else the first folder's settings apply.
 */
function previewSettings(env: Record<string, unknown>): PreviewSettings {
  const scope = env.currentDocument instanceof vscode.Uri ? env.currentDocument
    : vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri ?? null;
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    enable: config.get<boolean>('enable', true),
    severities: config.get<Partial<Record<RuleCode, SeveritySetting>>>('rules', {}),
    defaultFormat: config.get<'2019' | '2021'>('defaultTemplate', '2021'),
  };
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
    initializationOptions: settingsSnapshot(context),
  };
  client = new LanguageClient(SECTION, '年报助手', serverOptions, clientOptions);
  registerCommands(context, client);
  try {
    await client.start();
    context.subscriptions.push(new ReportStatus(client));
  } catch (err) {
    // The preview plugin and the commands' error messages still work without a server.
    void vscode.window.showErrorMessage(`年报助手：语言服务器未能启动（${err instanceof Error ? err.message : String(err)}）。`);
  }
  return {
    extendMarkdownIt: (md: MarkdownIt) => nianbaoMarkdownIt(md, previewSettings),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

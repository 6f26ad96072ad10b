// The 年报汇总 panel: a webview of the workspace's reports, one row each, asked from the language
// server (nianbao/summary) and asked again when a report changes: an open one re-checked, a file
// changed on disk, new settings.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SUMMARY, type SummaryResult, type SummaryViewRow } from './protocol';
import type { FromView, ToView } from './summaryMessages';

const VIEW_TYPE = 'nianbao.summary';
const TITLE = '年报汇总';
/** Changes come in bursts (typing, a folder copied in): one request after the burst. */
const REFRESH_DELAY_MS = 300;

export class SummaryPanel implements vscode.Disposable {
  private static current: SummaryPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private rows: SummaryViewRow[] | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Requests made: an answer counts only if no newer request was made meanwhile. */
  private requests = 0;
  /** A change came while the panel was hidden: refresh when it is shown. */
  private stale = false;

  /**
   * Opens the panel, or brings it forward and refreshes it, and gives the rows it shows. `changed`
   * fires whenever the server re-checks an open report.
   */
  static async show(context: vscode.ExtensionContext, client: LanguageClient, changed: vscode.Event<unknown>): Promise<SummaryResult | undefined> {
    let panel = SummaryPanel.current;
    if (panel) panel.panel.reveal();
    else {
      const webview = vscode.window.createWebviewPanel(VIEW_TYPE, TITLE, vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist'), vscode.Uri.joinPath(context.extensionUri, 'media')],
      });
      panel = SummaryPanel.current = new SummaryPanel(webview, context, client, changed);
    }
    const rows = await panel.refresh();
    return rows && { rows };
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    changed: vscode.Event<unknown>,
  ) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'images/icon.png');
    panel.webview.html = html(panel.webview, context.extensionUri);
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    const later = () => this.scheduleRefresh();
    this.disposables.push(
      watcher, watcher.onDidChange(later), watcher.onDidCreate(later), watcher.onDidDelete(later),
      changed(later),
      vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('nianbao')) later(); }),
      vscode.workspace.onDidChangeWorkspaceFolders(later),
      panel.onDidChangeViewState(() => { if (panel.visible && this.stale) later(); }),
      panel.webview.onDidReceiveMessage((m: FromView) => this.received(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private received(m: FromView): void {
    // A hidden webview is discarded and loads again when shown: it asks for the rows it lost.
    if (m?.type === 'ready') this.post();
    else if (m?.type === 'open') {
      // Only a report the table lists: the webview is not trusted to name any file.
      const row = this.rows?.find(r => r.uri === m.uri);
      if (row) void vscode.window.showTextDocument(vscode.Uri.parse(row.uri), { viewColumn: vscode.ViewColumn.Beside, preview: false });
    }
  }

  private post(): void {
    if (this.rows) void this.panel.webview.postMessage({ type: 'rows', rows: this.rows } satisfies ToView);
  }

  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    // A hidden panel does not make the server read the folder again and again while one types.
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Asks the server for the rows and shows them, unless a newer request was made meanwhile; gives the rows it got. */
  private async refresh(): Promise<SummaryViewRow[] | undefined> {
    const request = ++this.requests;
    this.stale = false;
    try {
      const rows = (await this.client.sendRequest<SummaryResult | null>(SUMMARY))?.rows ?? [];
      if (request === this.requests) {
        this.rows = rows;
        this.post();
      }
      return rows;
    } catch (err) {
      void vscode.window.showErrorMessage(`年报助手：无法汇总年度报告（${err instanceof Error ? err.message : String(err)}）`);
      return undefined;
    }
  }

  dispose(): void {
    if (SummaryPanel.current === this) SummaryPanel.current = undefined;
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** The page: the stylesheet and the bundled script from the extension, nothing else may load or run. */
function html(webview: vscode.Webview, root: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'dist', 'summaryView.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'media', 'summary.css'));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${webview.cspSource} data:`].join('; ');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${TITLE}</title>
</head>
<body>
<main id="app"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

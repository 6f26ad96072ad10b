// The status bar item: year, template format and problem counts of the report in the active
// editor; hidden for anything that is not a report.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_SELECTOR, REPORT_INFO, type ReportInfo } from './protocol';
import { statusText, statusTooltip } from './statusText';

/** What the server says of a document (uri as a string); null while it does not have the document open. */
export function reportInfo(client: LanguageClient, uri: string): Promise<ReportInfo | null> {
  return client.sendRequest<ReportInfo | null>(REPORT_INFO, { uri });
}

export class ReportStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  /** `changed` fires with each report the server has checked again. */
  constructor(private readonly client: LanguageClient, changed: vscode.Event<ReportInfo>) {
    this.item.name = '年报助手';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      changed(info => {
        if (info?.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.show(info);
      }),
      vscode.window.onDidChangeActiveTextEditor(editor => void this.refresh(editor)),
    );
    void this.refresh(vscode.window.activeTextEditor);
  }

  /** Asks the server about the editor's document; the answer counts only if it is still active. */
  async refresh(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || vscode.languages.match(DOCUMENT_SELECTOR, editor.document) === 0) return this.show(undefined);
    const uri = editor.document.uri.toString();
    let info: ReportInfo | null = null;
    try {
      info = await reportInfo(this.client, uri);
    } catch {
      // The server is starting, stopped or restarting; its next notification brings the state.
    }
    if (vscode.window.activeTextEditor?.document.uri.toString() === uri) this.show(info ?? undefined);
  }

  private show(info: ReportInfo | undefined) {
    if (!info?.isReport) {
      this.item.hide();
      return;
    }
    this.item.text = statusText(info);
    this.item.tooltip = statusTooltip(info, uri => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)));
    this.item.show();
  }

  dispose() {
    for (const d of this.disposables) d.dispose();
  }
}

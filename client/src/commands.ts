// The palette and context-menu commands. Text comes from the server (nianbao/templateText) and
// edits from its code actions, so the commands do what the editor's own menus would.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SECTIONS, standardHeading } from '../../server/src/engine';
import {
  CONVERT_TITLE, EXPORT_WORD, FIX_ALL_KIND, IMPORT_WORD, TEMPLATE_TEXT,
  type ExportWordParams, type ExportWordResult, type ImportWordParams, type ImportWordResult, type ReportInfo, type TemplateTextParams,
} from './protocol';
import { SummaryPanel } from './summaryPanel';

/** The first year of the current national format series (国办公开办函〔2019〕60号). */
const FIRST_YEAR = 2019;

async function templateText(client: LanguageClient, params: TemplateTextParams): Promise<string | undefined> {
  try {
    const text = await client.sendRequest<string | null>(TEMPLATE_TEXT, params);
    if (typeof text === 'string') return text;
  } catch (err) {
    void vscode.window.showErrorMessage(`年报助手：无法取得模板（${err instanceof Error ? err.message : String(err)}）`);
    return undefined;
  }
  void vscode.window.showErrorMessage('年报助手：语言服务器没有返回模板。');
  return undefined;
}

export function validateYear(value: string, thisYear: number): string | undefined {
  const year = Number(value.trim());
  if (!/^\d{4}$/.test(value.trim()) || year < FIRST_YEAR || year > thisYear) {
    return `请填写 ${FIRST_YEAR} 至 ${thisYear} 之间的年份（${FIRST_YEAR} 年以前的年度报告不适用现行格式）`;
  }
  return undefined;
}

async function newReport(client: LanguageClient) {
  const organ = await vscode.window.showInputBox({
    title: '新建年度报告（1/2）',
    prompt: '报告机关的名称，写在标题中',
    placeHolder: '例如：某某市某某区人民政府办公室',
    ignoreFocusOut: true,
    validateInput: v => (v.trim() === '' ? '请填写机关名称' : undefined),
  });
  if (organ === undefined) return;
  const thisYear = new Date().getFullYear();
  const yearText = await vscode.window.showInputBox({
    title: '新建年度报告（2/2）',
    prompt: '报告年度（次年一至三月发布的报告写上一年）',
    value: String(thisYear - 1),
    ignoreFocusOut: true,
    validateInput: v => validateYear(v, thisYear),
  });
  if (yearText === undefined) return;
  const content = await templateText(client, { kind: 'report', organ: organ.trim(), year: Number(yearText.trim()) });
  if (content === undefined) return;
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content }));
  // The cursor goes where writing starts: the empty line under 一、总体情况.
  const first = standardHeading(SECTIONS[0]);
  const heading = content.split(/\r?\n/).findIndex(l => l.includes(first));
  if (heading >= 0) {
    const at = new vscode.Position(Math.min(heading + 2, editor.document.lineCount - 1), 0);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at));
  }
}

async function insertTable(client: LanguageClient, kind: 't2' | 't3' | 't4') {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const doc = editor.document;
  const text = await templateText(client, { kind, uri: doc.uri.toString() });
  if (text === undefined) return;
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const at = editor.selection.active;
  const line = doc.lineAt(at.line).text;
  // The table gets lines of its own; the text around the cursor stays as it was.
  const before = line.slice(0, at.character).trim() === '' ? '' : eol;
  await editor.edit(b => b.insert(at, `${before}${text}${eol}`));
}

type ActionOrCommand = vscode.CodeAction | vscode.Command;

/** Applies a code action the way the light bulb does: its edit, then its command. */
async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showWarningMessage(`年报助手：“${action.title}”未能应用（文档可能已被修改），请重试。`);
    return;
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

async function codeActions(doc: vscode.TextDocument, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  // Resolve them all: the server may fill in edits lazily (codeAction/resolve).
  const found = await vscode.commands.executeCommand<ActionOrCommand[] | undefined>('vscode.executeCodeActionProvider', doc.uri, range, kind, 100);
  const wanted = vscode.CodeActionKind.Empty.append(kind);
  // A bare Command has a string `command`; a CodeAction has a kind.
  return (found ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string' && (a as vscode.CodeAction).kind !== undefined && wanted.contains((a as vscode.CodeAction).kind!));
}

async function convertTable() {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const actions = await codeActions(editor.document, editor.selection, vscode.CodeActionKind.RefactorRewrite.value);
  const action = actions.find(a => a.title === CONVERT_TITLE) ?? (actions.length === 1 ? actions[0] : undefined);
  if (!action) {
    void vscode.window.showInformationMessage('光标处没有需要转换的表格（已是制表符分隔，或不是年报表格）。');
    return;
  }
  await apply(action);
}

async function fixAll() {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const doc = editor.document;
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const [action] = await codeActions(doc, doc.validateRange(whole), FIX_ALL_KIND);
  if (!action) {
    void vscode.window.showInformationMessage('没有可以自动修复的问题。');
    return;
  }
  await apply(action);
}

/** A request to the server; a failure to get an answer is shown and becomes `{ error }`. */
async function ask<P, R>(client: LanguageClient, method: string, params: P): Promise<R | { error: string }> {
  try {
    return (await client.sendRequest<R | null>(method, params)) ?? { error: '语言服务器没有应答' };
  } catch (err) {
    return { error: `语言服务器没有应答（${err instanceof Error ? err.message : String(err)}）` };
  }
}

const baseName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
/** The same file name with another extension, beside it. */
const sibling = (uri: vscode.Uri, ext: string) => uri.with({ path: uri.path.replace(/(\.[^./]*)?$/, ext) });

/**
 * "从 Word 文档导入年报…": the file from the explorer's context menu, else one the user picks,
 * opened as a new Markdown editor (unsaved, named after the file) that the server checks at once.
 */
async function importWord(client: LanguageClient, from?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const file = from instanceof vscode.Uri ? from : (await vscode.window.showOpenDialog({
    title: '从 Word 文档导入年报', openLabel: '导入', canSelectMany: false,
    filters: { 'Word 文档或网页': ['docx', 'html', 'htm'] },
  }))?.[0];
  if (!file) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(file);
  } catch (err) {
    void vscode.window.showErrorMessage(`年报助手：无法读取「${baseName(file)}」（${err instanceof Error ? err.message : String(err)}）`);
    return undefined;
  }
  const result = await ask<ImportWordParams, ImportWordResult>(client, IMPORT_WORD, { name: baseName(file), base64: Buffer.from(bytes).toString('base64') });
  if ('error' in result) {
    void vscode.window.showErrorMessage(`年报助手：无法导入「${baseName(file)}」：${result.error}`);
    return undefined;
  }
  // Named after the Word file, the editor saves beside it; where that name is taken it stays
  // "Untitled", since an untitled editor with a path saves over the path's file unasked.
  const named = sibling(file, '.md');
  const taken = await vscode.workspace.fs.stat(named).then(() => true, () => false);
  const doc = file.scheme === 'file' && !taken
    ? await vscode.workspace.openTextDocument(named.with({ scheme: 'untitled' }))
    : await vscode.workspace.openTextDocument({ language: 'markdown' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.edit(b => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), result.markdown));
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return doc;
}

/**
 * "导出为 Word 文档": the report of the active editor (or the explorer's file) written where the
 * user says (or to `to`). It is written even when the report has errors; the notification says
 * how many and opens the Problems panel.
 */
async function exportWord(client: LanguageClient, from?: vscode.Uri, to?: vscode.Uri): Promise<{ file: vscode.Uri; errors: number; warnings: number } | undefined> {
  const doc = from instanceof vscode.Uri ? await vscode.workspace.openTextDocument(from) : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage('请先打开要导出的年度报告。');
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const suggested = doc.isUntitled ? (folder ? vscode.Uri.joinPath(folder, '年度报告.docx') : undefined) : sibling(doc.uri, '.docx');
  const file = to instanceof vscode.Uri ? to : await vscode.window.showSaveDialog({
    title: '导出为 Word 文档', saveLabel: '导出', defaultUri: suggested, filters: { 'Word 文档': ['docx'] },
  });
  if (!file) return undefined;
  const result = await ask<ExportWordParams, ExportWordResult>(client, EXPORT_WORD, { uri: doc.uri.toString(), text: doc.getText() });
  if ('error' in result) {
    void vscode.window.showErrorMessage(`年报助手：无法导出：${result.error}`);
    return undefined;
  }
  try {
    await vscode.workspace.fs.writeFile(file, Buffer.from(result.base64, 'base64'));
  } catch (err) {
    void vscode.window.showErrorMessage(`年报助手：无法写入「${baseName(file)}」（${err instanceof Error ? err.message : String(err)}）`);
    return undefined;
  }
  if (result.errors > 0) {
    const show = '查看问题';
    void vscode.window.showWarningMessage(`已导出「${baseName(file)}」，但报告中有 ${result.errors} 个错误、${result.warnings} 个警告，提交前请改正。`, show)
      .then(choice => (choice === show ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined));
  } else void vscode.window.showInformationMessage(`已导出「${baseName(file)}」。`);
  return { file, errors: result.errors, warnings: result.warnings };
}

/** `reportChanged` fires with each report the server has checked again (the 年报汇总 view follows it). */
export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, reportChanged: vscode.Event<ReportInfo>) {
  const commands: Record<string, (...args: never[]) => Promise<unknown>> = {
    'nianbao.newReport': () => newReport(client),
    'nianbao.insertTable2': () => insertTable(client, 't2'),
    'nianbao.insertTable3': () => insertTable(client, 't3'),
    'nianbao.insertTable4': () => insertTable(client, 't4'),
    'nianbao.convertTable': convertTable,
    'nianbao.fixAll': fixAll,
    'nianbao.importWord': (from?: vscode.Uri) => importWord(client, from),
    'nianbao.exportWord': (from?: vscode.Uri, to?: vscode.Uri) => exportWord(client, from, to),
    // Gives the rows it shows, for whoever runs the command programmatically (the editor tests).
    'nianbao.summary': () => SummaryPanel.show(context, client, reportChanged),
  };
  for (const [id, run] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(id, run));
}

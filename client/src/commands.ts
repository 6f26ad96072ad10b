// The palette and context-menu commands. Text comes from the server (nianbao/templateText) and
// edits from its code actions, so the commands do what the editor's own menus would.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SECTIONS, standardHeading } from '../../server/src/engine/template';
import { CONVERT_TITLE, FIX_ALL_KIND, TEMPLATE_TEXT, type TemplateTextParams } from './protocol';

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

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient) {
  const commands: Record<string, () => Promise<void>> = {
    'nianbao.newReport': () => newReport(client),
    'nianbao.insertTable2': () => insertTable(client, 't2'),
    'nianbao.insertTable3': () => insertTable(client, 't3'),
    'nianbao.insertTable4': () => insertTable(client, 't4'),
    'nianbao.convertTable': convertTable,
    'nianbao.fixAll': fixAll,
  };
  for (const [id, run] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(id, run));
}

// Quick fixes, "fix all of a rule", source.fixAll (safe fixes only), table conversion and the
// two disable comments. Every action carries its WorkspaceEdit: the client applies it itself.
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver';
import {
  applySafeFixes, compatibleFixes, convertRegion, replacementEdit, type Diagnostic, type TableRegion,
} from '../engine';
import type { ReportAnalysis } from './analysis';
import { toLspDiagnostic } from './diagnostics';
import { CONVERT_TITLE, FIX_ALL_KIND } from '../protocol';

const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
  a.line < b.line || (a.line === b.line && a.character <= b.character);
const touches = (a: Range, b: Range) => before(a.start, b.end) && before(b.start, a.end);

/** Whether a requested `only` list admits an action kind (a kind admits its sub-kinds). */
function wanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.some(o => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(a: ReportAnalysis, range: Range, only?: string[]): CodeAction[] {
  const here = a.diagnostics.filter(d => touches(d.range, range));
  const actions: CodeAction[] = [];
  const edit = (edits: TextEdit[]) => ({ changes: { [a.uri]: edits } });
  if (wanted(CodeActionKind.QuickFix, only)) {
    for (const d of here) {
      if (!d.fix) continue;
      actions.push({
        title: d.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [toLspDiagnostic(d, a.uri)],
        isPreferred: true, edit: edit(d.fix.edits),
      });
    }
    actions.push(...fixAllOfRule(a, here), ...disableActions(a, here));
  }
  if (wanted(CodeActionKind.RefactorRewrite, only)) {
    const region = a.report.regions.find(r => r.layout !== 'tab' && r.firstLine <= range.start.line && range.start.line <= r.lastLine);
    if (region) actions.push(convertAction(a, region));
  }
  // Only when asked for by kind (codeActionsOnSave, 修复全部, the Source Action menu): it re-checks
  // the document until stable, and the unfiltered requests sent on every cursor move never show it.
  if (only && wanted(FIX_ALL_KIND, only) && a.diagnostics.some(d => d.fix?.safe)) {
    const fixed = applySafeFixes(a.report.text, a.settings.check);
    const e = replacementEdit(a.report.text, fixed.text);
    if (e) actions.push({ title: `修复所有可自动修复的问题（${fixed.applied} 处）`, kind: FIX_ALL_KIND, edit: edit([e]) });
  }
  return actions;
}

function fixAllOfRule(a: ReportAnalysis, here: Diagnostic[]): CodeAction[] {
  const codes = [...new Set(here.filter(d => d.fix).map(d => d.code))];
  return codes.flatMap(code => {
    const fixable = a.diagnostics.filter(d => d.code === code && d.fix);
    if (fixable.length < 2) return [];
    return [{
      title: `修复此文档中所有「${code}」问题`,
      kind: CodeActionKind.QuickFix,
      diagnostics: here.filter(d => d.code === code).map(d => toLspDiagnostic(d, a.uri)),
      edit: { changes: { [a.uri]: compatibleFixes(fixable).flatMap(f => f.edits) } },
    }];
  });
}

function convertAction(a: ReportAnalysis, region: TableRegion): CodeAction {
  return {
    title: CONVERT_TITLE,
    kind: CodeActionKind.RefactorRewrite,
    edit: { changes: { [a.uri]: [convertRegion(a.report.lines, region)] } },
  };
}

function disableActions(a: ReportAnalysis, here: Diagnostic[]): CodeAction[] {
  const { lines, title } = a.report;
  const eol = lines.eol();
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const d of here) {
    const line = d.range.start.line;
    const diagnostics = [toLspDiagnostic(d, a.uri)];
    const once = (key: string) => !seen.has(key) && seen.add(key) !== undefined;
    if (once(`${d.code}@${line}`)) {
      // Indented like its line; the table reader reads a comment line as neither a row nor a cell.
      const indent = /^\s*/.exec(lines.line(line))![0];
      const at = { line, character: 0 };
      out.push({
        title: `在此行禁用 ${d.code}`, kind: CodeActionKind.QuickFix, diagnostics,
        edit: { changes: { [a.uri]: [{ range: { start: at, end: at }, newText: `${indent}<!-- nianbao-disable-next-line ${d.code} -->${eol}` }] } },
      });
    }
    if (once(d.code)) out.push({ title: `在此文件中禁用 ${d.code}`, kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [a.uri]: [fileDirective(a, d.code, eol, title?.line)] } } });
  }
  return out;
}

function fileDirective(a: ReportAnalysis, code: string, eol: string, titleLine: number | undefined): TextEdit {
  const comment = `<!-- nianbao-disable ${code} -->`;
  const lines = a.report.lines;
  if (titleLine === undefined) return { range: lines.range(0, 0), newText: `${comment}${eol}` };
  if (titleLine + 1 < lines.lineCount) {
    const at = { line: titleLine + 1, character: 0 };
    return { range: { start: at, end: at }, newText: `${comment}${eol}` };
  }
  const end = lines.position(lines.text.length);
  return { range: { start: end, end }, newText: `${eol}${comment}` };
}

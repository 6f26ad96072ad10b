// Shared by the extension-host tests (not a *.test.js file, so the runner does not load it as one).
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const EXT_ID = 'nianbao.nianbao';

async function waitFor(what, fn, ms = 30000, step = 100) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise(r => setTimeout(r, step));
  }
}

function workspaceFile(name) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Text the fixture script (test/e2e/workspace.ts) wrote beside the workspace, in ../expect. */
function expected(name) {
  return fs.readFileSync(path.join(workspaceFile('..').fsPath, 'expect', name), 'utf8');
}

async function open(name) {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  const editor = await vscode.window.showTextDocument(doc);
  return { doc, editor };
}

/** Back to the file on disk, so the next test sees the fixture as written. */
async function revert(doc) {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.ok(!doc.isDirty, `${doc.fileName} reverted`);
}

/** Text without any whitespace: what a layout-only edit must leave unchanged. */
const strip = s => s.replace(/\s+/g, '');

const nianbao = uri => vscode.languages.getDiagnostics(uri).filter(d => d.source === 'nianbao');
const codeOf = d => (typeof d.code === 'object' && d.code ? d.code.value : d.code);
/** "line:col-line:col", 0-based as in the API. */
const at = r => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** Waits until the document's nianbao diagnostics satisfy `ok` (they arrive and change asynchronously). */
function diagnosticsWhere(uri, what, ok, ms) {
  return waitFor(what, () => { const d = nianbao(uri); return ok(d) ? d : undefined; }, ms);
}

module.exports = { EXT_ID, waitFor, workspaceFile, expected, open, revert, strip, nianbao, codeOf, at, diagnosticsWhere };

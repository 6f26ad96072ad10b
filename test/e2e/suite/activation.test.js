// Smoke test: the Nianbao extension is installed in the extension host and activates
// when a Markdown file from the workspace is opened.
'use strict';
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const { EXT_ID, waitFor, workspaceFile } = require('./util');

const REPORT = process.env.E2E_REPORT_NAME || '2021年度报告.md';

suite('activation', () => {
  test(`extension ${EXT_ID} is present`, () => {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `${EXT_ID} not found; loaded: ${vscode.extensions.all.map(e => e.id).filter(id => !id.startsWith('vscode.')).join(', ')}`);
    assert.strictEqual(ext.packageJSON.name, 'nianbao');
  });

  test('becomes active after opening a Markdown report from the workspace', async () => {
    const uri = workspaceFile(REPORT);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'markdown');
    assert.strictEqual(path.basename(doc.uri.fsPath), REPORT);
    const ext = vscode.extensions.getExtension(EXT_ID);
    await waitFor(`${EXT_ID} to activate`, () => ext.isActive, 30000);
    // activate() must not have thrown: exports are whatever it returned, but activation resolved.
    await ext.activate();
  });
});

// Word in, Word out in the real editor: the import command on a .docx as the explorer's context
// menu passes it, and the export command on a report with errors.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { expected, open, revert, workspaceFile, nianbao, codeOf, at, diagnosticsWhere } = require('./util');

const withCode = (ds, code) => ds.filter(d => codeOf(d) === code);

/** Closes the active editor without saving: the imported reports are never written. */
const discard = () => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

suite('Word', () => {
  const opened = [];
  suiteTeardown(async () => { for (const doc of opened) await revert(doc); });

  test('nianbao.importWord on a .docx opens the report as unsaved Markdown named after it, already checked', async () => {
    const doc = await vscode.commands.executeCommand('nianbao.importWord', workspaceFile('去年的年度报告.docx'));
    assert.ok(doc, 'the command returns the new document');
    assert.strictEqual(vscode.window.activeTextEditor.document, doc);
    assert.strictEqual(doc.languageId, 'markdown');
    assert.strictEqual(doc.uri.scheme, 'untitled');
    assert.ok(doc.uri.path.endsWith('/去年的年度报告.md'), doc.uri.toString());
    const text = doc.getText();
    assert.strictEqual(text, expected('import-去年的年度报告.md'));
    assert.ok(text.startsWith('# 夹河子乡政府信息公开工作2023年度报告\n'));
    assert.ok(!text.includes('[bookmark:'), 'the Word bookmarks are not carried over');
    const line = text.split('\n').indexOf('## 5、 存在的主要问题及改进情况');
    assert.ok(line > 0, 'the drifted heading kept as written');
    const found = await diagnosticsWhere(doc.uri, 'section-heading', ds => withCode(ds, 'section-heading').length === 1);
    assert.deepStrictEqual(withCode(found, 'section-heading').map(d => `${at(d.range)} ${d.message}`),
      [`${line}:3-${line}:18 标题应为「五、存在的主要问题及改进情况」，而不是「5、 存在的主要问题及改进情况」`]);
    assert.deepStrictEqual(nianbao(doc.uri).map(codeOf), ['section-heading'], 'nothing else: tables in tab rows, no debris');
    await discard();
  });

  test('nianbao.exportWord writes a report with errors all the same and says how many', async () => {
    const { doc } = await open('2024年度报告-总计有误.md');
    opened.push(doc);
    const ds = await diagnosticsWhere(doc.uri, 'the one error of the slip in 表三', d => d.filter(x => x.severity === vscode.DiagnosticSeverity.Error).length === 1);
    const target = workspaceFile('导出的年度报告.docx');
    const result = await vscode.commands.executeCommand('nianbao.exportWord', undefined, target);
    assert.deepStrictEqual(result, {
      file: target, errors: 1, warnings: ds.filter(x => x.severity === vscode.DiagnosticSeverity.Warning).length,
    });
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.deepStrictEqual([...bytes.slice(0, 2)], [0x50, 0x4b], 'a .docx (zip) file');
    // Read back, it is the same report: 表三 with the slip the checker found.
    const back = await vscode.commands.executeCommand('nianbao.importWord', target);
    assert.ok(back.getText().includes('一、本年新收政府信息公开申请数量\t\t\t3\t0\t0\t0\t0\t0\t2\n'), back.getText());
    await diagnosticsWhere(back.uri, 'the same one error', d => d.filter(x => x.severity === vscode.DiagnosticSeverity.Error).length === 1);
    await discard();
  });
});

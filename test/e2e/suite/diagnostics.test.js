// Diagnostics as VS Code shows them, and the quick fix the light bulb offers, on seed 001 with
// one slip in 表三 (test/e2e/workspace.ts: 本年新收 自然人 3, 总计 typed as 2, 结转下年度 3).
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { EXT_ID, open, revert, waitFor, nianbao, codeOf, at, diagnosticsWhere } = require('./util');

const BROKEN = '2024年度报告-总计有误.md';
const SLIP = '表三「本年新收 × 总计」为 2，按本行各项合计和本列勾稽关系应为 3';

const slips = ds => ds.filter(d => codeOf(d) === 't3-cell');
const errors = ds => ds.filter(d => d.severity === vscode.DiagnosticSeverity.Error);

suite('diagnostics', () => {
  let doc;
  suiteSetup(async () => { ({ doc } = await open(BROKEN)); });
  suiteTeardown(async () => { if (doc) await revert(doc); });

  test('a mistyped 表三 total is the one error, on its cell, with the cells of its row and column as related information', async () => {
    const shown = await diagnosticsWhere(doc.uri, 't3-cell', ds => slips(ds).length > 0);
    assert.deepStrictEqual(errors(shown).map(codeOf), ['t3-cell'], 'one slip, one error: no t3-row-total or t3-balance beside it');
    const [d] = slips(shown);
    assert.strictEqual(d.source, 'nianbao');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(at(d.range), '52:30-52:31');
    assert.strictEqual(doc.getText(d.range), '2');
    assert.strictEqual(d.message, SLIP);
    assert.deepStrictEqual((d.relatedInformation || []).map(r => `${at(r.location.range)} ${r.message}`), [
      '52:18-52:19 本年新收 × 自然人 = 3', '52:20-52:21 本年新收 × 商业企业 = 0', '52:22-52:23 本年新收 × 科研机构 = 0',
      '52:24-52:25 本年新收 × 社会公益组织 = 0', '52:26-52:27 本年新收 × 法律服务机构 = 0', '52:28-52:29 本年新收 × 其他 = 0',
      '53:30-53:31 上年结转 × 总计 = 0', '75:20-75:21 办理结果总计 × 总计 = 0', '76:25-76:26 结转下年度 × 总计 = 3',
    ]);
  });

  test('its quick fix writes back the value its row and column agree on, and the table adds up', async () => {
    const [d] = slips(await diagnosticsWhere(doc.uri, 't3-cell', ds => slips(ds).length > 0));
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = (actions || []).find(a => a.title === '将本年新收 × 总计改为 3');
    assert.ok(fix, `no "将本年新收 × 总计改为 3" among: ${(actions || []).map(a => a.title).join(' | ')}`);
    assert.ok(vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind && fix.kind.value}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit');
    assert.strictEqual(doc.lineAt(52).text, '一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\t');
    await diagnosticsWhere(doc.uri, 'the errors to clear', ds => ds.length > 0 && errors(ds).length === 0);
    assert.deepStrictEqual(slips(nianbao(doc.uri)), []);
  });
});

suite('plain Markdown', () => {
  test('README.md gets no diagnostics while a report opened with it does', async () => {
    const { doc: report } = await open('2023年度报告.md');
    const { doc: readme } = await open('README.md');
    await diagnosticsWhere(report.uri, 'the report\'s diagnostics', ds => ds.length > 0);
    // The server's answer for the README as it is now (the status bar's request, which waits for
    // its check), with the counts of what the server publishes for it; null until it has the file.
    const { reportInfo } = vscode.extensions.getExtension(EXT_ID).exports;
    const info = await waitFor('the server\'s answer for README.md', () => reportInfo(readme.uri));
    assert.deepStrictEqual({ isReport: info.isReport, errors: info.errors, warnings: info.warnings, infos: info.infos },
      { isReport: false, errors: 0, warnings: 0, infos: 0 });
    assert.deepStrictEqual(nianbao(readme.uri).map(d => `${codeOf(d)} ${d.message}`), []);
    assert.ok(nianbao(report.uri).length > 0);
  });
});

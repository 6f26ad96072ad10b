// Diagnostics as VS Code shows them, and the quick fix the light bulb offers, on seed 001 with
// one broken 表三 total (test/e2e/workspace.ts: 本年新收 自然人 3, 总计 typed as 2).
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { open, revert, nianbao, codeOf, at, diagnosticsWhere } = require('./util');

const BROKEN = '2024年度报告-总计有误.md';
const ROW_TOTAL = '表三「本年新收」行：自然人 3 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 3，但总计为 2（相差 1）';

const rowTotals = ds => ds.filter(d => codeOf(d) === 't3-row-total');

suite('diagnostics', () => {
  let doc;
  suiteSetup(async () => { ({ doc } = await open(BROKEN)); });
  suiteTeardown(async () => { if (doc) await revert(doc); });

  test('a broken 表三 total is an error on its cell, with the addends as related information', async () => {
    const [d, ...more] = rowTotals(await diagnosticsWhere(doc.uri, 't3-row-total', ds => rowTotals(ds).length > 0));
    assert.strictEqual(more.length, 0);
    assert.strictEqual(d.source, 'nianbao');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(at(d.range), '52:30-52:31');
    assert.strictEqual(doc.getText(d.range), '2');
    assert.strictEqual(d.message, ROW_TOTAL);
    assert.deepStrictEqual((d.relatedInformation || []).map(r => `${at(r.location.range)} ${r.message}`), [
      '52:18-52:19 本年新收 × 自然人 = 3', '52:20-52:21 本年新收 × 商业企业 = 0', '52:22-52:23 本年新收 × 科研机构 = 0',
      '52:24-52:25 本年新收 × 社会公益组织 = 0', '52:26-52:27 本年新收 × 法律服务机构 = 0', '52:28-52:29 本年新收 × 其他 = 0',
    ]);
  });

  test('its quick fix writes the sum into the total and the errors go away', async () => {
    const [d] = rowTotals(await diagnosticsWhere(doc.uri, 't3-row-total', ds => rowTotals(ds).length > 0));
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = (actions || []).find(a => a.title === '将本年新收 × 总计改为 3');
    assert.ok(fix, `no "将本年新收 × 总计改为 3" among: ${(actions || []).map(a => a.title).join(' | ')}`);
    assert.ok(vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind && fix.kind.value}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit');
    assert.strictEqual(doc.lineAt(52).text, '一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\t');
    // The 总计 column's t3-balance error was the same slip: nothing is left at error level.
    await diagnosticsWhere(doc.uri, 'the errors to clear', ds => ds.length > 0 && !ds.some(x => x.severity === vscode.DiagnosticSeverity.Error));
    assert.deepStrictEqual(rowTotals(nianbao(doc.uri)), []);
  });
});

suite('plain Markdown', () => {
  test('README.md gets no diagnostics while a report opened with it does', async () => {
    const t0 = Date.now();
    const { doc: report } = await open('2023年度报告.md');
    const { doc: readme } = await open('README.md');
    await diagnosticsWhere(report.uri, 'the report\'s diagnostics', ds => ds.length > 0);
    // Give the README as long again as the report needed, and a second more.
    const waited = Date.now() - t0 + 1000;
    await new Promise(r => setTimeout(r, waited));
    assert.deepStrictEqual(nianbao(readme.uri).map(d => `${codeOf(d)} ${d.message}`), [], `after ${waited} ms`);
    assert.ok(nianbao(report.uri).length > 0);
  });
});

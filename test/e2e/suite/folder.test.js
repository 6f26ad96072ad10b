// Checks across reports as VS Code shows them, on the fixture folder in 跨年度/ (two organs over
// three years; test/fixtures/folder/README.md): the Problems panel lists reports that are not
// open (workspace diagnostics), an open report shows each problem once, and a change to last
// year's report, on disk or in the editor, reaches this year's.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { workspaceFile, expected, open, revert, nianbao, codeOf, at, diagnosticsWhere } = require('./util');

const THIS_YEAR = '跨年度/胡集乡2024年报.md';
const LAST_YEAR = '跨年度/胡集乡2023年报.md';
const CONTRADICTION = '跨年度/车排子镇2022年报.md';
const CARRY_OVER = '表三「上年结转 × 自然人」为 2，但上一年度报告「跨年度/胡集乡2023年报.md」的「结转下年度 × 自然人」为 1（相差 1）';

const carryOver = ds => ds.filter(d => codeOf(d) === 'carry-over');
const describe = d => `${codeOf(d)} ${at(d.range)} ${d.message} ${(d.relatedInformation || []).map(r => `→ ${vscode.workspace.asRelativePath(r.location.uri)} ${at(r.location.range)}`).join(' ')}`;

suite('checks across reports', () => {
  let lastYearText;
  suiteSetup(async () => { lastYearText = (await vscode.workspace.fs.readFile(workspaceFile(LAST_YEAR))).toString(); });
  suiteTeardown(async () => { await vscode.workspace.fs.writeFile(workspaceFile(LAST_YEAR), Buffer.from(lastYearText)); });

  test('reports that are not open are in the Problems panel: the carry-over break and the prose/table contradiction', async () => {
    const thisYear = workspaceFile(THIS_YEAR);
    const [d] = carryOver(await diagnosticsWhere(thisYear, 'the carry-over warning of a report not opened', ds => carryOver(ds).length > 0));
    assert.strictEqual(describe(d), `carry-over 51:18-51:19 ${CARRY_OVER} → ${LAST_YEAR} 74:13-74:14`);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(!vscode.workspace.textDocuments.some(doc => doc.uri.toString() === thisYear.toString()), 'it was never opened');
    const contradiction = await diagnosticsWhere(workspaceFile(CONTRADICTION), 'the text-vs-table warning', ds => ds.some(x => codeOf(x) === 'text-vs-table'));
    assert.deepStrictEqual(contradiction.map(describe), [
      `text-vs-table 44:19-44:20 正文写「收到政府信息公开申请3件」，但表三「本年新收 × 总计」为 2 → ${CONTRADICTION} 49:30-49:31`,
    ]);
  });

  test('opened, this year\'s report shows each problem once; last year\'s put right on disk clears it, broken in the editor brings it back', async () => {
    const { doc } = await open(THIS_YEAR);
    // From the moment it opens, through its check and two workspace pulls (every 2 s): never two.
    for (const end = Date.now() + 5000; Date.now() < end; await new Promise(r => setTimeout(r, 50))) {
      const shown = nianbao(doc.uri).map(describe);
      assert.ok(shown.length <= 1, `shown twice: ${shown.join(' | ')}`);
    }
    assert.deepStrictEqual(nianbao(doc.uri).map(describe), [`carry-over 51:18-51:19 ${CARRY_OVER} → ${LAST_YEAR} 74:13-74:14`]);

    await vscode.workspace.fs.writeFile(workspaceFile(LAST_YEAR), Buffer.from(expected('胡集乡2023年报-更正.md')));
    await diagnosticsWhere(doc.uri, 'the warning to go once last year\'s file is put right', ds => carryOver(ds).length === 0);

    const { doc: last, editor } = await open(LAST_YEAR);
    const row = last.lineAt(74);
    assert.strictEqual(row.text, '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2\t');
    await editor.edit(e => e.replace(row.range, '四、结转下年度继续办理\t\t3\t0\t0\t0\t0\t0\t3\t'));
    const [back] = carryOver(await diagnosticsWhere(doc.uri, 'the warning with the value typed in last year\'s report', ds => carryOver(ds).some(d => d.message.includes('为 3'))));
    assert.strictEqual(back.message, '表三「上年结转 × 自然人」为 2，但上一年度报告「跨年度/胡集乡2023年报.md」的「结转下年度 × 自然人」为 3（相差 1）');
    await revert(last);
    await diagnosticsWhere(doc.uri, 'the warning to go again once the edit is reverted', ds => carryOver(ds).length === 0);
  });
});

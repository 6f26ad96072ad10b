// The 年报汇总 command in the real editor: it opens the webview panel and gives the rows it shows,
// those of every report in the workspace; an unsaved edit to a report shows in the next rows.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { expected, open, revert, waitFor, workspaceFile } = require('./util');

/** The 年报汇总 panel's tab, if open (VS Code prefixes the view type of an extension's webview). */
const summaryTab = () => vscode.window.tabGroups.all.flatMap(g => g.tabs)
  .find(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('nianbao.summary'));

const withoutUri = rows => rows.map(({ uri, ...row }) => row);

suite('年报汇总', () => {
  const opened = [];
  suiteTeardown(async () => {
    for (const doc of opened) await revert(doc);
    const tab = summaryTab();
    if (tab) await vscode.window.tabGroups.close(tab);
  });

  test('nianbao.summary opens the 年报汇总 panel with a row per report of the workspace', async () => {
    // A suite before this one put a fixture file back on disk: the server reads it again once the
    // file watcher tells it, so the rows may take a moment to be those of the files as written.
    const want = JSON.parse(expected('summary.json'));
    const fixture = rows => withoutUri(rows.filter(r => r.path.startsWith('跨年度/')));
    let rows = [];
    await waitFor('the rows of the fixture folder as written', async () => {
      ({ rows } = await vscode.commands.executeCommand('nianbao.summary'));
      return JSON.stringify(fixture(rows)) === JSON.stringify(want);
    }, 15000).catch(() => {});
    // The tab model reaches the extension host a moment after the panel is created.
    const tab = await waitFor('a webview tab of view type nianbao.summary', summaryTab, 10000);
    assert.strictEqual(tab.label, '年报汇总');
    // Every report of the fixture workspace (test/e2e/workspace.ts), not its READMEs or configuration files.
    assert.deepStrictEqual(rows.map(r => r.path), [
      '2021年度报告.md', '2022年度报告.md', '2023年度报告.md', '2024年度报告-总计有误.md', '空白年度报告.md',
      '跨年度/胡集乡2022年报.md', '跨年度/胡集乡2023年报.md', '跨年度/胡集乡2024年报.md',
      '跨年度/车排子镇2020年报.md', '跨年度/车排子镇2021年报.md', '跨年度/车排子镇2022年报.md',
      // 配置/'s configuration file includes *.txt.
      '配置/2024年度报告.md', '配置/2024年度报告.txt',
    ]);
    assert.deepStrictEqual(fixture(rows), want);
    for (const r of rows) assert.strictEqual(r.uri, workspaceFile(r.path).toString(), r.path);
    const broken = rows.find(r => r.path === '2024年度报告-总计有误.md');
    assert.deepStrictEqual([broken.organ, broken.year, broken.received, broken.errors], ['胡集镇', 2024, 2, 1]);
  });

  test('an unsaved edit to a report shows in the rows: its figure and its new error', async () => {
    const name = '跨年度/车排子镇2022年报.md';
    const { doc, editor } = await open(name);
    opened.push(doc);
    const line = doc.getText().split('\n').findIndex(l => l.startsWith('一、本年新收政府信息公开申请数量\t'));
    const row = doc.lineAt(line).text;
    assert.strictEqual(row, '一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2\t\t');
    const total = row.lastIndexOf('\t2\t') + 1;
    await editor.edit(b => b.replace(new vscode.Range(line, total, line, total + 1), '7'));
    assert.ok(doc.isDirty);
    const { rows } = await vscode.commands.executeCommand('nianbao.summary');
    const before = JSON.parse(expected('summary.json')).find(r => r.path === name);
    const after = rows.find(r => r.path === name);
    assert.deepStrictEqual([after.received, after.errors], [7, before.errors + 1], 'one slip, one error: t3-cell on the total');
    assert.strictEqual(after.uri, doc.uri.toString());
  });
});

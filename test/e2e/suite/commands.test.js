// The palette commands run in the real editor: insert 表三, convert a table, fix all.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { expected, open, revert, strip, nianbao, codeOf, at, diagnosticsWhere } = require('./util');

const withCode = (ds, code) => ds.filter(d => codeOf(d) === code);
const described = ds => ds.map(d => `${at(d.range)} ${d.message}`);

suite('commands', () => {
  const opened = [];
  async function openReport(name) {
    const o = await open(name);
    opened.push(o.doc);
    return o;
  }
  suiteTeardown(async () => { for (const doc of opened) await revert(doc); });

  test('nianbao.insertTable3 under 三 of a report without tables writes the 2021 表三 template', async () => {
    const { doc, editor } = await openReport('空白年度报告.md');
    const missing = await diagnosticsWhere(doc.uri, 'table-missing', ds => withCode(ds, 'table-missing').length === 3);
    assert.deepStrictEqual(described(withCode(missing, 'table-missing')), [
      '6:3-6:15 「二、主动公开政府信息情况」缺少表二（主动公开政府信息情况）',
      '9:3-9:20 「三、收到和处理政府信息公开申请情况」缺少表三（收到和处理政府信息公开申请情况）',
      '12:3-12:22 「四、政府信息公开行政复议、行政诉讼情况」缺少表四（政府信息公开行政复议、行政诉讼情况）',
    ]);
    const before = doc.getText();
    const under = new vscode.Position(10, 0); // the empty line under "## 三、…"
    editor.selection = new vscode.Selection(under, under);
    await vscode.commands.executeCommand('nianbao.insertTable3');
    const offset = doc.offsetAt(under);
    assert.strictEqual(doc.getText(), before.slice(0, offset) + expected('t3-2021.txt') + '\n' + before.slice(offset));
    const left = await diagnosticsWhere(doc.uri, 'the 表三 table-missing to go',
      ds => withCode(ds, 'table-missing').length === 2);
    assert.deepStrictEqual(withCode(left, 'table-missing').map(d => d.message), [
      '「二、主动公开政府信息情况」缺少表二（主动公开政府信息情况）',
      '「四、政府信息公开行政复议、行政诉讼情况」缺少表四（政府信息公开行政复议、行政诉讼情况）',
    ]);
  });

  test('nianbao.convertTable on seed 000\'s one-cell-per-line 表二 writes tab rows with the same cells', async () => {
    const { doc, editor } = await openReport('2022年度报告.md');
    const layout = await diagnosticsWhere(doc.uri, 'table-layout', ds => withCode(ds, 'table-layout').length === 3);
    assert.deepStrictEqual(described(withCode(layout, 'table-layout'))[0], '12:0-12:12 表二为「每个单元格占一行」格式，可转换为制表符分隔的表格');
    const before = doc.getText().split('\n');
    editor.selection = new vscode.Selection(12, 0, 12, 0);
    await vscode.commands.executeCommand('nianbao.convertTable');
    const after = doc.getText().split('\n');
    // 43 lines (12–54) became the 14 rows of 表二; the text around the table is as it was.
    assert.deepStrictEqual(after.slice(0, 12), before.slice(0, 12));
    assert.deepStrictEqual(after.slice(26), before.slice(55));
    const rows = after.slice(12, 26);
    assert.deepStrictEqual(rows.filter(l => !l.includes('\t')), [], 'every row tab-separated');
    assert.deepStrictEqual(rows.slice(0, 3), ['第二十条第（一）项\t', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t0\t0\t0']);
    assert.strictEqual(strip(rows.join('\n')), strip(before.slice(12, 55).join('\n')), 'cells and numbers unchanged');
    const left = await diagnosticsWhere(doc.uri, 'the 表二 table-layout to go', ds => withCode(ds, 'table-layout').length === 2);
    assert.deepStrictEqual(described(withCode(left, 'table-layout')).map(s => s.replace(/^\S+ /, '')), [
      '表三为「每个单元格占一行」格式，可转换为制表符分隔的表格', '表四为「每个单元格占一行」格式，可转换为制表符分隔的表格',
    ]);
  });

  test('nianbao.fixAll on seed 004 restores the heading "五、", removes the bookmarks and leaves no finding', async () => {
    const { doc } = await openReport('2023年度报告.md');
    const found = await diagnosticsWhere(doc.uri, 'section-heading', ds => withCode(ds, 'section-heading').length > 0);
    assert.deepStrictEqual(described(withCode(found, 'section-heading')), ['399:0-399:15 标题应为「五、存在的主要问题及改进情况」，而不是「5、 存在的主要问题及改进情况」']);
    const before = doc.getText();
    await vscode.commands.executeCommand('nianbao.fixAll');
    const after = doc.getText();
    assert.ok(after.split('\n').includes('五、存在的主要问题及改进情况'), 'standard heading line');
    assert.ok(!after.includes('5、 存在'), 'old heading gone');
    assert.ok(!after.includes('[bookmark:'), 'bookmarks gone');
    // Everything else is layout (the tables become tab rows): the words are the same.
    assert.strictEqual(strip(after), strip(before.replace(/\[bookmark: [^\]]*\]/g, '').replace('5、 存在', '五、存在')));
    await diagnosticsWhere(doc.uri, 'no finding left', ds => ds.length === 0);
    assert.deepStrictEqual(nianbao(doc.uri), []);
  });
});

// The language server over the real protocol: `node dist/server.js --stdio`, JSON-RPC through
// vscode-languageserver's own reader and writer, the seeds as documents. What is asserted is
// what an editor would show or apply.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, InitializeResult, InlayHint,
} from 'vscode-languageserver/node';
import { check } from '../../server/src/engine';
import { applyEdits, at, editLine, REPO, seed } from '../helpers';
import { Client, expectedLsp, reportUri } from '../lspClient';

/** A warning on one line as the server publishes it, with the link to its rule page. */
const published = (code: string, line: number, start: number, end: number, message: string): Diagnostic => ({
  range: { start: { line, character: start }, end: { line, character: end } },
  severity: 2,
  code,
  codeDescription: { href: pathToFileURL(path.join(REPO, `docs/rules/${code}.md`)).href },
  source: 'nianbao',
  message,
});
const summary = (ds: Diagnostic[]) => ds.map(d => `${d.code} ${at(d)} ${d.message}`);
const rangesOf = (ds: Diagnostic[], code: string) => ds.filter(d => d.code === code).map(at);
const byTitle = (actions: CodeAction[], title: string) => {
  const found = actions.find(a => a.title === title);
  assert.ok(found, `no action "${title}" among ${JSON.stringify(actions.map(a => a.title))}`);
  return found;
};

// Seed 001 (a 2024 report): 表三 starts at line 49; line 52 is 一、本年新收, all zeros.
const T3_NEW_ROW = 52;

let client: Client;
let init: InitializeResult;

before(async () => {
  execFileSync(process.execPath, ['build.mjs', '--only=server'], { cwd: REPO });
  ({ client, init } = await Client.start({ configuration: true }));
});

after(async () => {
  await client?.stop();
});

test('initialize announces incremental sync and every feature', () => {
  const caps = init.capabilities;
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
  assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite', 'source.fixAll.nianbao'] });
  assert.equal(caps.hoverProvider, true);
  assert.ok(caps.documentSymbolProvider);
  assert.equal(caps.foldingRangeProvider, true);
  assert.ok(caps.completionProvider);
  assert.equal(caps.inlayHintProvider, true);
});

test('seed 001 gets the engine diagnostics with code, source and rule page', async () => {
  const uri = reportUri();
  const text = seed('001');
  const got = await client.open(uri, text);
  assert.deepEqual(got, expectedLsp(text, uri));
  // Seed 001 reuses 一、二、 for the sub-items of 总体情况 and 五.
  const numbering = got.filter(d => d.code === 'section-numbering');
  assert.deepEqual(numbering.map(d => d.range.start.line), [10, 14, 18, 22, 26, 87, 91]);
  assert.deepEqual(numbering[0], published('section-numbering', 10, 0, 8, '「一、总体情况」内的子项「一、主动公开情况」使用了一级序号，应为「（一）」'));
  const info = await client.conn.sendRequest('nianbao/reportInfo', { uri });
  assert.deepEqual(info, { uri, isReport: true, year: 2024, format: '2021', expectedFormat: '2021', errors: 0, warnings: got.filter(d => d.severity === 2).length, infos: got.filter(d => d.severity === 3).length, config: null });
  assert.ok(client.infos.some(i => i.uri === uri), 'nianbao/reportInfoChanged after the check');
});

describe('seed 002 with 本年新收 总计 changed from 0 to 3', () => {
  // Line 47 is 一、本年新收: its last cell (总计) now says 3 while every applicant column says 0.
  const text = editLine(seed('002'), 47, /0\t\t$/, '3\t\t');
  test('t3-cell is one error on the mistyped total, pointing at the cells of its row and its column', async () => {
    const uri = reportUri('2021年报.md');
    const got = (await client.open(uri, text)).filter(d => String(d.code).startsWith('t3-'));
    assert.deepEqual(summary(got), ['t3-cell 47:30-47:31 表三「本年新收 × 总计」为 3，按本行各项合计和本列勾稽关系应为 0']);
    assert.ok(got[0].relatedInformation!.every(r => r.location.uri === uri));
    assert.deepEqual(got[0].relatedInformation?.map(r => `${at(r.location)} ${r.message}`), [
      '47:18-47:19 本年新收 × 自然人 = 0', '47:20-47:21 本年新收 × 商业企业 = 0', '47:22-47:23 本年新收 × 科研机构 = 0',
      '47:24-47:25 本年新收 × 社会公益组织 = 0', '47:26-47:27 本年新收 × 法律服务机构 = 0', '47:28-47:29 本年新收 × 其他 = 0',
      '48:30-48:31 上年结转 × 总计 = 0', '70:20-70:21 办理结果总计 × 总计 = 0', '71:25-71:26 结转下年度 × 总计 = 0',
    ]);
  });

  test('t3-balance, where the row agrees with the slip, sits on 结转下年度 and points at the others', async () => {
    const uri = reportUri('2021年报.md');
    // 自然人 3 as well: the row adds up around the slip, the 自然人 and 总计 columns do not.
    const got = (await client.open(uri, editLine(text, 47, /\t\t0/, '\t\t3'))).filter(d => String(d.code).startsWith('t3-'));
    assert.deepEqual(summary(got), [
      't3-balance 71:13-71:14 表三「自然人」列：本年新收 3 + 上年结转 0 = 3，但办理结果总计 0 + 结转下年度 0 = 0（相差 3）',
      't3-balance 71:25-71:26 表三「总计」列：本年新收 3 + 上年结转 0 = 3，但办理结果总计 0 + 结转下年度 0 = 0（相差 3）',
    ]);
    assert.deepEqual(got[1].relatedInformation?.map(r => `${at(r.location)} ${r.message}`), [
      '47:30-47:31 本年新收 × 总计 = 3', '48:30-48:31 上年结转 × 总计 = 0', '70:20-70:21 办理结果总计 × 总计 = 0',
    ]);
  });

  test('hover on the total shows every relation it is in, with the numbers, and the value they agree on', async () => {
    const uri = reportUri();
    await client.open(uri, text);
    const h: Hover = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 47, character: 30 } });
    assert.deepEqual(h, {
      contents: {
        kind: 'markdown',
        value: '**表三** 「一、本年新收政府信息公开申请数量」×「总计」\n\n' +
          '**本行合计**：自然人 0 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 0，总计 3 ✗（相差 3）\n\n' +
          '**本列勾稽关系**：本年新收 3 + 上年结转 0 = 3，办理结果总计 0 + 结转下年度 0 = 0 ✗（相差 3）\n\n' +
          '按所在行、列的勾稽关系，这一格应为 **0**',
      },
      range: { start: { line: 47, character: 30 }, end: { line: 47, character: 31 } },
    });
  });
});

describe('code actions', () => {
  test('quick fix: its edit applied, the diagnostic is gone after didChange', async () => {
    const uri = reportUri();
    await client.open(uri, seed('001'));
    const actions = await client.codeActions(uri, 10, 3);
    const fix = byTitle(actions, '改为「（一）主动公开情况」');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics?.map(d => `${d.code} ${at(d)}`), ['section-numbering 10:0-10:8']);
    const { text, diagnostics } = await client.apply(uri, fix);
    assert.equal(text.split('\n')[10], '（一）主动公开情况。');
    assert.deepEqual(rangesOf(diagnostics, 'section-numbering'), ['14:0-14:9', '18:0-18:10', '22:0-22:14', '26:0-26:8', '87:0-87:6', '91:0-91:6']);
  });

  test('fix all of a rule renumbers every sub-item', async () => {
    const uri = reportUri();
    await client.open(uri, seed('001'));
    const fixAll = byTitle(await client.codeActions(uri, 87), '修复此文档中所有「section-numbering」问题');
    assert.equal(fixAll.kind, 'quickfix');
    const { text, diagnostics } = await client.apply(uri, fixAll);
    assert.deepEqual([10, 14, 18, 22, 26, 87, 91].map(n => text.split('\n')[n]), [
      '（一）主动公开情况。', '（二）依申请公开情况', '（三）政府信息管理情况', '（四）政府信息公开平台建设情况', '（五）监督保障情况',
      '（一）主要问题', '（二）改进措施',
    ]);
    assert.deepEqual(diagnostics.filter(d => d.code === 'section-numbering'), []);
    // Only one fixable section-heading-like problem of another rule is not offered as "fix all".
    assert.ok(!(await client.codeActions(uri, 6)).some(a => a.title.startsWith('修复此文档中所有「report-title」')));
  });

  test('section-empty: seed 003\'s 五 written as "无" gets a warning with its rule page and a quick fix that fix-all leaves alone', async () => {
    const uri = reportUri('2020年度报告.md');
    const lines = seed('003').split('\n');
    assert.deepEqual([lines[398], lines[404]], ['五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    lines.splice(399, 5, '无', '');
    const got = (await client.open(uri, lines.join('\n'))).filter(d => d.code === 'section-empty');
    assert.deepEqual(got, [published('section-empty', 398, 0, 14, '「五、存在的主要问题及改进情况」只写了「无」，应写明存在的主要问题和改进情况')]);
    const fixAll = await client.codeActions(uri, 0, 0, ['source.fixAll']);
    assert.ok(!JSON.stringify(fixAll).includes('（待填写）'), 'not a safe fix');
    const fix = byTitle(await client.codeActions(uri, 398, 3), '插入子标题：存在的主要问题、改进情况');
    assert.equal(fix.kind, 'quickfix');
    const { text, diagnostics } = await client.apply(uri, fix);
    assert.deepEqual(text.split('\n').slice(398, 405), ['五、存在的主要问题及改进情况', '（一）存在的主要问题', '（待填写）', '（二）改进情况', '（待填写）', '', '六、其他需要报告的事项']);
    assert.deepEqual(summary(diagnostics.filter(d => d.code === 'section-empty')), [
      'section-empty 398:0-398:14 「五、存在的主要问题及改进情况」只有子标题而没有内容，应写明存在的主要问题和改进情况',
    ]);
  });

  test('source.fixAll on seed 004 applies every safe fix', async () => {
    const uri = reportUri('2023年度报告.md');
    const before = await client.open(uri, seed('004'));
    assert.ok(before.some(d => d.code === 'table-layout') && before.some(d => d.code === 'section-heading'));
    const actions = await client.codeActions(uri, 0, 0, ['source.fixAll']);
    assert.deepEqual(actions.map(a => a.kind), ['source.fixAll.nianbao']);
    const { text, diagnostics } = await client.apply(uri, actions[0]);
    // Tables tab-separated, the drifted heading standard, Word bookmarks gone: nothing safe is left.
    assert.deepEqual(diagnostics.filter(d => ['table-layout', 'section-heading', 'conversion-artifact', 'table-label', 'cell-fullwidth'].includes(String(d.code))), []);
    assert.ok(text.split('\n').includes('五、存在的主要问题及改进情况'));
    assert.ok(!text.includes('[bookmark:'));
    // The fixes changed no number: the same cells read the same.
    const cells = (t: string) => check(t).report.tables.flatMap(tb => [...tb.values.values()].map(c => `${tb.def.id}:${c.row.id}|${c.col.id}=${c.text}`));
    assert.deepEqual(cells(text), cells(seed('004')));
    assert.deepEqual(await client.codeActions(uri, 0, 0, ['source.fixAll']), []);
  });

  test('convert a one-cell-per-line table to tab rows', async () => {
    const uri = reportUri('2022年度报告.md');
    await client.open(uri, seed('000'));
    assert.deepEqual(await client.codeActions(uri, 40, 0, ['refactor.rewrite']).then(a => a.map(x => x.title)), ['将表格转换为制表符分隔']);
    const [convert] = await client.codeActions(uri, 20, 0, ['refactor.rewrite']);
    assert.equal(convert.kind, 'refactor.rewrite');
    const { text, diagnostics } = await client.apply(uri, convert);
    const lines = text.split('\n');
    // (Trailing empty cells of merged Word cells are the engine's business, not the action's.)
    assert.deepEqual(lines.slice(12, 16).map(l => l.replace(/\t+$/, '')), ['第二十条第（一）项', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t0\t0\t0', '行政规范性文件\t0\t0\t0']);
    assert.deepEqual(summary(diagnostics.filter(d => d.code === 'table-layout')).map(s => s.split(' ')[2]), ['表三为「每个单元格占一行」格式，可转换为制表符分隔的表格', '表四为「每个单元格占一行」格式，可转换为制表符分隔的表格']);
    assert.deepEqual(diagnostics.filter(d => ['table-shape', 'cell-empty', 'cell-invalid', 'table-label'].includes(String(d.code))), []);
    assert.deepEqual(await client.codeActions(uri, 12, 0, ['refactor.rewrite']), [], 'a tab table is not offered the conversion');
  });

  test('disable on this line inserts the comment above, with the indentation, and is honoured', async () => {
    const uri = reportUri();
    const indented = editLine(seed('001'), 14, /^/, '  ');
    const opened = await client.open(uri, indented);
    assert.ok(opened.some(d => d.code === 'section-numbering' && d.range.start.line === 14));
    const disable = byTitle(await client.codeActions(uri, 14, 4), '在此行禁用 section-numbering');
    const { text, diagnostics } = await client.apply(uri, disable);
    assert.equal(text.split('\n')[14], '  <!-- nianbao-disable-next-line section-numbering -->');
    assert.equal(text.split('\n')[15], '  二、依申请公开情况');
    assert.deepEqual(rangesOf(diagnostics, 'section-numbering'), ['10:0-10:8', '19:0-19:10', '23:0-23:14', '27:0-27:8', '88:0-88:6', '92:0-92:6']);
  });

  test('disable on this line works on a value cell inside a one-cell-per-line row', async () => {
    // Seed 000, 表三 rows 一 and 四: 自然人 (lines 78 and 335) becomes 1 in both, so the 自然人 column
    // adds up and each row's 总计 (line 84, mid-row, and line 341) is reported.
    const uri = reportUri('2022年度报告.md');
    const opened = await client.open(uri, editLine(editLine(seed('000'), 78, /^\t0$/, '\t1'), 335, /^\t0$/, '\t1'));
    assert.deepEqual(rangesOf(opened, 't3-row-total'), ['84:1-84:2', '341:1-341:2']);
    const { text, diagnostics } = await client.apply(uri, byTitle(await client.codeActions(uri, 84, 1), '在此行禁用 t3-row-total'));
    assert.deepEqual(text.split('\n').slice(83, 86), ['\t0', '\t<!-- nianbao-disable-next-line t3-row-total -->', '\t0']);
    assert.deepEqual(rangesOf(diagnostics, 't3-row-total'), ['342:1-342:2']);
    assert.deepEqual(diagnostics.filter(d => d.code === 'table-shape'), [], 'the row keeps its seven values');
  });

  test('disable in this file inserts the comment after the title and silences the rule everywhere', async () => {
    const uri = reportUri();
    await client.open(uri, seed('001'));
    const actions = await client.codeActions(uri, 10, 0);
    assert.equal(actions.filter(a => a.title === '在此文件中禁用 section-numbering').length, 1);
    const { text, diagnostics } = await client.apply(uri, byTitle(actions, '在此文件中禁用 section-numbering'));
    assert.deepEqual(text.split('\n').slice(2, 5), ['胡集乡 2024 年政府信息公开工作年度报告', '<!-- nianbao-disable section-numbering -->', '']);
    assert.deepEqual(diagnostics.filter(d => d.code === 'section-numbering'), []);
    assert.ok(diagnostics.length > 0, 'other rules still report');
  });
});

describe('navigation on seed 001', () => {
  const uri = reportUri();
  before(() => client.open(uri, seed('001')));
  const doc = { textDocument: { uri } };

  test('document symbols: six sections, their tables, the blocks of 表二', async () => {
    const symbols: DocumentSymbol[] = await client.conn.sendRequest('textDocument/documentSymbol', doc);
    const tree = (s: DocumentSymbol): unknown => (s.children?.length ? { [`${s.name} ${s.range.start.line}-${s.range.end.line}`]: s.children.map(tree) } : `${s.name} ${s.range.start.line}-${s.range.end.line}`);
    assert.deepEqual(symbols.map(tree), [
      '一、总体情况 4-28',
      { '二、主动公开政府信息情况 30-45': [{ '表二 32-45': ['表二 第二十条第（一）项 32-35', '表二 第二十条第（五）项 36-38', '表二 第二十条第（六）项 39-42', '表二 第二十条第（八）项 43-45'] }] },
      { '三、收到和处理政府信息公开申请情况 47-76': ['表三 49-76'] },
      { '四、政府信息公开行政复议、行政诉讼情况 78-83': ['表四 80-83'] },
      '五、存在的主要问题及改进情况 85-97',
      '六、其他需要报告的事项 99-101',
    ]);
    assert.deepEqual(symbols[1].selectionRange, { start: { line: 30, character: 0 }, end: { line: 30, character: 12 } });
  });

  test('folding ranges: each section and each table', async () => {
    const ranges: FoldingRange[] = await client.conn.sendRequest('textDocument/foldingRange', doc);
    assert.deepEqual(ranges.map(r => [r.startLine, r.endLine]), [[4, 28], [30, 45], [32, 45], [47, 76], [49, 76], [78, 83], [80, 83], [85, 97], [99, 101]]);
  });

  test('completion at the start of a 表三 row offers the template row labels', async () => {
    const items: CompletionItem[] = await client.conn.sendRequest('textDocument/completion', { ...doc, position: { line: T3_NEW_ROW, character: 0 } });
    assert.equal(items.length, 25);
    assert.deepEqual(items.slice(0, 3).map(i => i.label), ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开']);
    assert.ok(items.some(i => i.label === '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'));
    assert.deepEqual(items[0].textEdit, { range: { start: { line: T3_NEW_ROW, character: 0 }, end: { line: T3_NEW_ROW, character: 0 } }, newText: '一、本年新收政府信息公开申请数量' });
  });

  test('completion on a prose line in section 五 offers the next heading', async () => {
    const items: CompletionItem[] = await client.conn.sendRequest('textDocument/completion', { ...doc, position: { line: 96, character: 0 } });
    assert.deepEqual(items.map(i => [i.label, i.preselect]), [['六、其他需要报告的事项', true]]);
  });

  test('inlay hints name the columns of a 表三 row', async () => {
    const hints: InlayHint[] = await client.conn.sendRequest('textDocument/inlayHint', { ...doc, range: { start: { line: T3_NEW_ROW, character: 0 }, end: { line: T3_NEW_ROW + 1, character: 0 } } });
    assert.deepEqual(hints.filter(h => h.position.line === T3_NEW_ROW).map(h => `${h.position.character} ${h.label}`),
      ['18 自然人', '20 商业', '22 科研', '24 公益', '26 法律', '28 其他', '30 总计']);
  });

  test('inlay hints stay inside the requested range, even within one line', async () => {
    // Only the cells from 商业 (character 20) to 法律 (26) of the same 表三 row.
    const hints: InlayHint[] = await client.conn.sendRequest('textDocument/inlayHint', { ...doc, range: { start: { line: T3_NEW_ROW, character: 20 }, end: { line: T3_NEW_ROW, character: 26 } } });
    assert.deepEqual(hints.map(h => `${h.position.character} ${h.label}`), ['20 商业', '22 科研', '24 公益', '26 法律']);
  });

  test('hover on a section heading names its template section and table', async () => {
    const h: Hover = await client.conn.sendRequest('textDocument/hover', { ...doc, position: { line: 47, character: 3 } });
    assert.deepEqual(h.contents, { kind: 'markdown', value: '**第三部分**（共六部分）\n\n标准标题：三、收到和处理政府信息公开申请情况\n\n本部分的统计表：表三（收到和处理政府信息公开申请情况，2021 版）' });
  });

  test('hover on a cell that is no total names it only', async () => {
    const h: Hover = await client.conn.sendRequest('textDocument/hover', { ...doc, position: { line: 34, character: 3 } });
    assert.deepEqual(h.contents, { kind: 'markdown', value: '**表二** 第二十条第（一）项 「规章」×「本年制发件数」' });
  });
});

test('completion offers a missing section heading', async () => {
  const uri = reportUri();
  const text = editLine(seed('001'), 99, '六、其他需要报告的事项', '');
  await client.open(uri, text);
  const items: CompletionItem[] = await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 99, character: 0 } });
  assert.deepEqual(items.map(i => [i.label, i.detail]), [['六、其他需要报告的事项', '第六部分（缺少）']]);
});

test('rule severity from workspace/configuration: re-published on change, removed when off', async () => {
  const uri = reportUri();
  const text = seed('001');
  await client.open(uri, text);
  const numbering = (ds: Diagnostic[]) => ds.filter(d => d.code === 'section-numbering').map(d => d.severity);
  try {
    const refreshes = client.inlayRefreshes;
    const raised = await client.configure(uri, { rules: { 'section-numbering': 'error' } });
    assert.deepEqual(numbering(raised), [1, 1, 1, 1, 1, 1, 1]);
    assert.deepEqual(raised, expectedLsp(text, uri, { 'section-numbering': 'error' }));
    await client.until('inlay hint refresh', () => (client.inlayRefreshes > refreshes ? true : undefined));

    assert.deepEqual(numbering(await client.configure(uri, { rules: { 'section-numbering': 'off' } })), []);

    await client.configure(uri, { inlayHints: false });
    const hints: InlayHint[] = await client.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } });
    assert.deepEqual(hints, []);
  } finally {
    await client.configure(uri, {});
  }
});

test('a plain Markdown file gets an empty list, and requests on it answer empty', async () => {
  const uri = reportUri('README.md');
  const text = '# 项目说明\n\n本仓库收集各部门的材料。\n\n## 使用方法\n\n运行 `npm install`。\n';
  assert.deepEqual(await client.open(uri, text), []);
  assert.deepEqual(await client.conn.sendRequest('nianbao/reportInfo', { uri }), { uri, isReport: false, year: null, format: null, expectedFormat: null, errors: 0, warnings: 0, infos: 0, config: null });
  assert.deepEqual(await client.codeActions(uri, 0), []);
  assert.equal(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }), null);
});

test('requests on an unknown document answer empty', async () => {
  const uri = reportUri('never-opened.md');
  assert.deepEqual(await client.codeActions(uri, 0), []);
  assert.deepEqual(await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), []);
  assert.equal(await client.conn.sendRequest('nianbao/reportInfo', { uri }), null);
  assert.equal(await client.conn.sendRequest('nianbao/reportInfo', null), null);
});

test('a seed as .txt is checked only when nianbao.include names it', async () => {
  const uri = reportUri('2024年度报告.txt');
  assert.deepEqual(await client.open(uri, seed('001'), 'plaintext'), []);
  try {
    assert.deepEqual(await client.configure(uri, { include: ['**/*.txt'], exclude: ['**/draft/**'] }), expectedLsp(seed('001'), uri));
    const draft = pathToFileURL('/work/ws/draft/2024年度报告.txt').href;
    assert.deepEqual(await client.open(draft, seed('001'), 'plaintext'), []);
  } finally {
    await client.configure(uri, {});
  }
});

test('typing in a report: each version, re-checked from the one before, publishes what opening that text fresh does', async () => {
  const uri = reportUri();
  let text = seed('001');
  await client.open(uri, text);
  const at = (line: number, character: number) => ({ line, character });
  // In the coordinates of the text before each: a 表三 total retyped, a line typed at the top,
  // a code fence opened there (every table below becomes quoted code), then closed.
  const steps = [
    { range: { start: at(52, 30), end: at(52, 31) }, text: '3' },
    { range: { start: at(0, 0), end: at(0, 0) }, text: '草稿\n' },
    { range: { start: at(0, 0), end: at(0, 2) }, text: '```' },
    { range: { start: at(1, 0), end: at(1, 0) }, text: '```\n' },
  ];
  const published: Array<Array<string | number>> = [];
  for (const step of steps) {
    text = applyEdits(text, [{ range: step.range, newText: step.text }]);
    const incremental = await client.change(uri, [step], text);
    const fresh = reportUri();
    const strip = (ds: typeof incremental) => ds.map(d => ({ ...d, relatedInformation: d.relatedInformation?.map(r => ({ ...r, location: { ...r.location, uri: '' } })) }));
    assert.deepEqual(strip(incremental), strip(await client.open(fresh, text)), JSON.stringify(step));
    published.push(incremental.filter(d => d.code === 't3-cell').map(d => d.range.start.line));
  }
  // The broken total, then one line down, then gone inside the fence, then back.
  assert.deepEqual(published, [[52], [53], [], [54]]);
});

test('incremental range edits give the same diagnostics as the full text', async () => {
  const uri = reportUri();
  const original = seed('002');
  await client.open(uri, original);
  // Three edits in one didChange, each in the coordinates left by the one before: a 表三 total,
  // a new first line, then the two blank lines above the title (now lines 1–2) deleted.
  const changes = [
    { range: { start: { line: 47, character: 30 }, end: { line: 47, character: 31 } }, text: '5' },
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '草稿\n' },
    { range: { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } }, text: '' },
  ];
  let expected = original;
  for (const c of changes) expected = applyEdits(expected, [{ range: c.range, newText: c.text }]);
  const incremental = await client.change(uri, changes, expected);
  const full = reportUri();
  assert.deepEqual(incremental.map(d => ({ ...d, relatedInformation: d.relatedInformation?.map(r => ({ ...r, location: { ...r.location, uri: full } })) })),
    await client.open(full, expected));
  assert.deepEqual(expected.split('\n').slice(0, 2), ['草稿', '# 雁鸣湖镇2021年政府信息公开工作年度报告']);
  assert.ok(incremental.some(d => d.code === 't3-cell' && d.range.start.line === 46 && String(d.message).includes('「本年新收 × 总计」为 5')), 'the total, two lines up');
});

test('a burst of edits publishes for the last version only', async () => {
  const uri = reportUri();
  let text = seed('002');
  await client.open(uri, text);
  const before = client.count(uri);
  for (const value of ['1', '2', '3']) {
    text = editLine(text, 47, /\d(\t\t)$/, `${value}$1`);
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 + Number(value) }, contentChanges: [{ text }] });
  }
  const last = await client.diagnostics(uri, { version: 4 });
  assert.deepEqual(client.published.get(uri)!.slice(before).map(p => p.version), [4]);
  assert.ok(last.some(d => String(d.message).includes('「本年新收 × 总计」为 3')));
});

test('templateText: a table in the document\'s format, a new report skeleton', async () => {
  const uri = reportUri('2020年度报告.md');
  await client.open(uri, seed('003'));
  const t2: string = await client.conn.sendRequest('nianbao/templateText', { kind: 't2', uri });
  assert.ok(t2.includes('本年新制作数量'), '2020 report → 2019 表二');
  const report: string = await client.conn.sendRequest('nianbao/templateText', { kind: 'report', year: 2024, organ: '胡集乡人民政府' });
  assert.equal(report.split('\n')[0], '# 胡集乡人民政府2024年政府信息公开工作年度报告');
  assert.ok(report.includes('本年制发件数'), '2024 → 2021 format');
  assert.equal(await client.conn.sendRequest('nianbao/templateText', { kind: 't9' }), null);
});

test('settings from initializationOptions and didChangeConfiguration when the client cannot be asked', async () => {
  const { client: pushClient } = await Client.start({ configuration: false, initializationOptions: { nianbao: { rules: { 'section-numbering': 'info' } } } });
  try {
    const uri = reportUri();
    const got = await pushClient.open(uri, seed('001'));
    assert.deepEqual([...new Set(got.filter(d => d.code === 'section-numbering').map(d => d.severity))], [3]);
    assert.deepEqual(await pushClient.configure(uri, { enable: false }, true), []);
    assert.equal(pushClient.configurationRequests, 0);
  } finally {
    await pushClient.stop();
  }
});

// What the status bar says, from the server's own nianbao/reportInfo answer on real reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/lsp/analysis';
import { reportInfo } from '../../server/src/lsp/requests';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { statusText, statusTooltip } from '../../client/src/statusText';
import { editLine, seed } from '../helpers';

const info = (text: string, uri = 'file:///w/report.md') =>
  reportInfo(analyse(TextDocument.create(uri, 'markdown', 1, text), DEFAULT_SETTINGS));

test('a 2024 report in the 2021 format: year, format and the counts of the Problems panel', () => {
  const i = info(seed('001'));
  assert.equal(statusText(i), `年报 2024 · 2021版 · ✖ ${i.errors} ⚠ ${i.warnings}`);
  assert.ok(i.errors + i.warnings > 0, 'seed 001 has problems (its repeated title at least)');
  assert.equal(statusTooltip(i), `2024年政府信息公开工作年度报告\n表格格式：2021 版\n错误 ${i.errors} 个，警告 ${i.warnings} 个，提示 ${i.infos} 个\n单击打开“问题”面板`);
});

test('one more broken total is one more error in the status bar', () => {
  const before = info(seed('001'));
  // 一、本年新收 row: 总计 0 → 3 breaks A2 (row total) and A1 (the 总计 column's balance): one slip, one error on it.
  const after = info(editLine(seed('001'), 52, /0\t$/, '3\t'));
  assert.equal(after.errors, before.errors + 1);
  assert.equal(statusText(after), `年报 2024 · 2021版 · ✖ ${before.errors + 1} ⚠ ${before.warnings}`);
});

test('a report whose year nothing tells says so; a document that is not a report has no status', () => {
  // A title without its year still has one: the text speaks of 2024.
  assert.equal(info(seed('001').replace(/2024 年政府信息公开工作年度报告/g, '政府信息公开工作年度报告')).year, 2024);
  const noYear = info(seed('001').replace(/20\d\d ?年/g, ''));
  assert.equal(noYear.year, null);
  assert.match(statusText(noYear), /^年报 年份未知 · 2021版 · /);
  assert.equal(info('# 会议纪要\n\n今天开会。\n').isReport, false);
});

// What the status bar says, from the server's own nianbao/reportInfo answer on real reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadConfig } from '../../server/src/config';
import { analyse } from '../../server/src/lsp/analysis';
import { reportInfo } from '../../server/src/lsp/requests';
import { DEFAULT_SETTINGS, documentSettings, type Settings } from '../../server/src/lsp/settings';
import { statusText, statusTooltip } from '../../client/src/statusText';
import { editLine, seed } from '../helpers';

const info = (text: string, uri = 'file:///w/report.md', settings: Settings = DEFAULT_SETTINGS) =>
  reportInfo(analyse(TextDocument.create(uri, 'markdown', 1, text), settings));

test('a 2024 report in the 2021 format: year, format and the counts of the Problems panel', () => {
  const i = info(seed('001'));
  assert.equal(statusText(i), `年报 2024 · 2021版 · ✖ ${i.errors} ⚠ ${i.warnings}`);
  assert.ok(i.errors + i.warnings > 0, 'seed 001 has problems (its repeated title at least)');
  assert.equal(statusTooltip(i), `2024年政府信息公开工作年度报告\n表格格式：2021 版\n错误 ${i.errors} 个，警告 ${i.warnings} 个，提示 ${i.infos} 个\n未使用配置文件（.nianbao.jsonc）\n单击打开“问题”面板`);
});

test('one more broken total is one more error in the status bar', () => {
  const before = info(seed('001'));
  // 二、上年结转 row: 总计 0 → 3 breaks A2 (row total) and A1 (the 总计 column's balance): one slip, one error on it.
  const after = info(editLine(seed('001'), 53, /0\t$/, '3\t'));
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

test('the tooltip names the configuration file that applied, and how many of its entries were left out', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-status-'));
  try {
    const file = path.join(dir, '.nianbao.jsonc');
    writeFileSync(file, '{\n  "rules": { "report-title": "off", "section-numbering": "warn" }\n}\n');
    const plain = info(seed('001'));
    const i = info(seed('001'), pathToFileURL(path.join(dir, '2024年度报告.md')).href, documentSettings({}, loadConfig(file)));
    assert.deepEqual(i.config, { uri: pathToFileURL(file).href, problems: 1 });
    // report-title (one warning) is off; the misspelt level leaves section-numbering at its default.
    assert.equal(i.warnings, plain.warnings - 1);
    assert.deepEqual(statusTooltip(i, uri => path.relative(dir, fileURLToPath(uri))).split('\n').slice(-2), [
      '配置文件：.nianbao.jsonc（其中 1 处有误，未采用）', '单击打开“问题”面板',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

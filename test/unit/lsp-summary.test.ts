// nianbao/summary (the 年报汇总 view's request) over the real protocol: `node dist/server.js
// --stdio` with a copy of the fixture folder as its workspace folder. The problem counts must be
// those `nianbao check` gives for the whole folder, the checks across reports included.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, countBySeverity } from '../../server/src/engine';
import type { SummaryResult, SummaryViewRow } from '../../server/src/protocol';
import { FOLDER_DIR, FOLDER_TABLES } from '../folderFixture';
import { REPO } from '../helpers';
import { Client } from '../lspClient';

let client: Client;
let ws: string;

before(async () => {
  execFileSync(process.execPath, ['build.mjs', '--only=server,cli'], { cwd: REPO });
  ws = path.join(mkdtempSync(path.join(os.tmpdir(), 'nianbao-lsp-summary-')), '年报');
  cpSync(FOLDER_DIR, ws, { recursive: true });
  ({ client } = await Client.start({ configuration: true, folders: [ws] }));
});

after(async () => {
  await client?.stop();
  rmSync(path.dirname(ws), { recursive: true, force: true });
});

const summary = async () => ((await client.conn.sendRequest('nianbao/summary')) as SummaryResult).rows;

/** Errors and warnings per file name as `nianbao check --format json` reports them for the folder. */
function checked(): Map<string, { errors: number; warnings: number }> {
  const out = JSON.parse(execFileSync(process.execPath, [path.join(REPO, 'bin/nianbao.js'), 'check', '--format', 'json', '.'], { cwd: ws, encoding: 'utf8' }).replace(/^[^{]*/, ''));
  return new Map(out.files.map((f: { path: string; diagnostics: Array<{ severity: string }> }) => [f.path, countBySeverity(f.diagnostics as never)]));
}

/** A fixture report's row as on disk: the tables' figures, the command line's counts. */
function onDisk(name: string): SummaryViewRow {
  const { errors, warnings } = checked().get(name)!;
  return { path: name, ...FOLDER_TABLES[name], errors, warnings, uri: pathToFileURL(path.join(ws, name)).href };
}

const NAME = '胡集乡2023年报.md';
const NEW_ROW = '一、本年新收政府信息公开申请数量\t\t4\t0\t0\t0\t1\t0\t5\t';

test('one row per report below the folder (its README is not one), the tables\' figures, a link to the file', async () => {
  const rows = await summary();
  assert.deepEqual(rows, Object.keys(FOLDER_TABLES).map(onDisk));
  // The planted carry-over break (test/fixtures/folder/README.md) is one of 胡集乡2024's warnings.
  assert.deepEqual(rows.map(r => r.warnings), [0, 0, 1, 0, 0, 1]);
});

test('an open report counts as the editor has it, unsaved, under the URI the editor spells it with', async () => {
  const text = readFileSync(path.join(ws, NAME), 'utf8');
  assert.ok(text.includes(`\n${NEW_ROW}\n`));
  const edited = text.replace(NEW_ROW, NEW_ROW.replace('\t5\t', '\t9\t'));
  // Percent-encoded in lower case: the same file as Node's upper-case spelling.
  const uri = pathToFileURL(path.join(ws, NAME)).href.replace(/%[0-9A-F]{2}/g, s => s.toLowerCase());
  const diagnostics = await client.open(uri, edited);
  assert.deepEqual(diagnostics.filter(d => d.severity === 1).map(d => d.code), ['t3-cell']);
  const rows = await summary();
  const { errors, warnings } = countBySeverity(check(edited).diagnostics);
  assert.deepEqual(rows.find(r => r.path === NAME), { ...onDisk(NAME), received: 9, errors, warnings, uri });
  assert.deepEqual(rows.filter(r => r.path !== NAME), Object.keys(FOLDER_TABLES).filter(n => n !== NAME).map(onDisk));

  // An open report keeps its share of the folder's findings: 胡集乡2024's carry-over warning.
  const uri2024 = pathToFileURL(path.join(ws, '胡集乡2024年报.md')).href;
  await client.open(uri2024, readFileSync(path.join(ws, '胡集乡2024年报.md'), 'utf8'));
  assert.deepEqual((await summary()).find(r => r.path === '胡集乡2024年报.md'), onDisk('胡集乡2024年报.md'));

  for (const u of [uri, uri2024]) await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
  assert.deepEqual((await summary()).find(r => r.path === NAME), onDisk(NAME));
});

test('the folder\'s nianbao.exclude leaves files out, its rules settings change the counts', async () => {
  client.settings = { exclude: ['车排子镇*.md'], rules: { 'table-layout': 'warning' } };
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const rows = await summary();
  assert.deepEqual(rows.map(r => r.path), ['胡集乡2022年报.md', '胡集乡2023年报.md', '胡集乡2024年报.md']);
  // Only 车排子镇2020 (one cell per line) has table-layout findings: the others are unchanged.
  assert.deepEqual(rows, ['胡集乡2022年报.md', '胡集乡2023年报.md', '胡集乡2024年报.md'].map(onDisk));
  client.settings = { rules: { 'table-layout': 'warning' } };
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const layout = (await summary()).find(r => r.path === '车排子镇2020年报.md')!;
  assert.equal(layout.warnings, onDisk('车排子镇2020年报.md').warnings + 3);
  client.settings = {};
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
});

test('with two workspace folders, each file is named within its own', async () => {
  const other = path.join(path.dirname(ws), '其他');
  cpSync(path.join(ws, '胡集乡2022年报.md'), path.join(other, '子目录', '胡集乡2022年报.md'), { recursive: true });
  const { client: two } = await Client.start({ configuration: true, folders: [ws, other] });
  try {
    const rows = ((await two.conn.sendRequest('nianbao/summary')) as SummaryResult).rows;
    assert.deepEqual(rows.map(r => r.path), ['子目录/胡集乡2022年报.md', ...Object.keys(FOLDER_TABLES)]);
    // A copy of one report is no second report of its organ and year (carry-over says nothing).
    const uri = pathToFileURL(path.join(other, '子目录', '胡集乡2022年报.md')).href;
    assert.deepEqual(rows[0], { ...onDisk('胡集乡2022年报.md'), path: '子目录/胡集乡2022年报.md', uri });
    assert.deepEqual(rows[1], onDisk('胡集乡2022年报.md'));
  } finally {
    await two.stop();
  }
});

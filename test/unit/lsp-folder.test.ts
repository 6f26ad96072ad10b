// The checks across reports over the real protocol: a workspace folder holding the fixture
// folder (two organs over three years), reports not open listed by workspace/diagnostic, an open
// report's carry-over pushed with its own diagnostics, and a change to last year's report, on
// disk or in the editor, reaching this year's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { at, REPO } from '../helpers';
import { fixedHuji2023, FOLDER_DIR, folderText } from '../folderFixture';
import { Client } from '../lspClient';

let dir: string;
let client: Client;
const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
const nameOf = (uri: string) => decodeURIComponent(uri.slice(pathToFileURL(dir).href.length + 1));

/** "name kind: code line:col message → name line:col" per item, by file name, unchanged ones as such. */
function summary(report: WorkspaceDiagnosticReport): string[] {
  return report.items.map((item: WorkspaceDocumentDiagnosticReport) => `${nameOf(item.uri)} ${item.kind === 'full' ? describe(item.items).join(' | ') || '[]' : 'unchanged'}`).sort();
}

function describe(ds: Diagnostic[]): string[] {
  return ds.map(d => [`${d.code} ${at(d)} ${d.message}`, ...(d.relatedInformation ?? []).map(r => `→ ${nameOf(r.location.uri)} ${at(r.location)}`)].join(' '));
}

const previousIds = (report: WorkspaceDiagnosticReport) => report.items.map(i => ({ uri: i.uri, value: i.resultId! }));

const CARRY_OVER = 'carry-over 51:18-51:19 表三「上年结转 × 自然人」为 2，但上一年度报告「胡集乡2023年报.md」的「结转下年度 × 自然人」为 1（相差 1） → 胡集乡2023年报.md 74:13-74:14';
const TEXT_VS_TABLE = 'text-vs-table 44:19-44:20 正文写「收到政府信息公开申请3件」，但表三「本年新收 × 总计」为 2 → 车排子镇2022年报.md 49:30-49:31';
const LAYOUT_2020 = [
  'table-layout 16:0-16:10 表二为「每个单元格占一行」格式，可转换为制表符分隔的表格',
  'table-layout 91:0-91:35 表三为「每个单元格占一行」格式，可转换为制表符分隔的表格',
  'table-layout 354:0-354:5 表四为「每个单元格占一行」格式，可转换为制表符分隔的表格',
].join(' | ');

before(async () => {
  execFileSync(process.execPath, ['build.mjs', '--only=server'], { cwd: REPO });
  dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-folder-'));
  cpSync(FOLDER_DIR, dir, { recursive: true });
  ({ client } = await Client.start({ configuration: true, folders: [dir], watchFiles: true }));
  await client.until('the file watcher registration', () => (client.registrations.some(r => r.method === 'workspace/didChangeWatchedFiles') ? true : undefined));
});

after(async () => {
  await client?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('initialize announces workspace diagnostics', async () => {
  const { client: other, init } = await Client.start({ configuration: false });
  try {
    assert.deepEqual(init.capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: true });
  } finally {
    await other.stop();
  }
});

test('workspace/diagnostic lists the reports that are not open, with the folder\'s findings; unchanged ones are not sent again; opening, editing, closing', async () => {
  const first = await client.workspaceDiagnostics();
  assert.deepEqual(summary(first), [
    '胡集乡2022年报.md []',
    '胡集乡2023年报.md []',
    `胡集乡2024年报.md ${CARRY_OVER}`,
    `车排子镇2020年报.md ${LAYOUT_2020}`,
    '车排子镇2021年报.md []',
    `车排子镇2022年报.md ${TEXT_VS_TABLE}`,
  ]);
  const second = await client.workspaceDiagnostics(previousIds(first));
  assert.deepEqual(second.items.map(i => i.kind), Array(6).fill('unchanged'), 'nothing changed: nothing is sent again');

  // This year's report opened: its diagnostics are pushed (carry-over related to last year's file on disk), the pull answers [] for it.
  const thisYear = uriOf('胡集乡2024年报.md'), lastYear = uriOf('胡集乡2023年报.md');
  const opened = await client.open(thisYear, folderText('胡集乡2024年报.md'));
  assert.deepEqual(describe(opened), [CARRY_OVER]);
  assert.equal(opened[0].relatedInformation![0].location.uri, lastYear);
  const third = await client.workspaceDiagnostics(previousIds(second));
  assert.deepEqual(summary(third).filter(s => !s.endsWith('unchanged')), ['胡集乡2024年报.md []']);

  // Last year's report put right on disk (not open): this year's warning goes, from the push and from the folder.
  let n = client.count(thisYear);
  writeFileSync(path.join(dir, '胡集乡2023年报.md'), fixedHuji2023(folderText('胡集乡2023年报.md')));
  await client.watched([{ uri: lastYear, type: 2 }]);
  assert.deepEqual(describe(await client.diagnostics(thisYear, { after: n })), []);

  // Last year's report opened and broken again in the editor (not saved): the warning is back, naming the value typed.
  n = client.count(thisYear);
  const fixed = fixedHuji2023(folderText('胡集乡2023年报.md'));
  await client.open(lastYear, fixed);
  const broken = fixed.replace('四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2', '四、结转下年度继续办理\t\t3\t0\t0\t0\t0\t0\t3');
  await client.change(lastYear, [{ text: broken }], broken);
  await client.until('this year\'s warning about the edited value', () =>
    client.published.get(thisYear)?.slice(n).find(p => p.diagnostics.some(d => String(d.message).includes('为 3')))?.diagnostics);

  // Closed without saving: the file on disk (put right) stands for it again.
  n = client.count(thisYear);
  await client.close(lastYear);
  assert.deepEqual(describe(await client.diagnostics(thisYear, { after: n })), []);
  const fourth = await client.workspaceDiagnostics();
  assert.deepEqual(summary(fourth).filter(s => s.startsWith('胡集乡')), ['胡集乡2022年报.md []', '胡集乡2023年报.md []', '胡集乡2024年报.md []']);
  await client.close(thisYear);
});

test('nianbao.workspaceDiagnostics off: the reports that are not open are cleared and no longer read or compared; on again, they are', async () => {
  writeFileSync(path.join(dir, '胡集乡2023年报.md'), folderText('胡集乡2023年报.md'));
  await client.watched([{ uri: uriOf('胡集乡2023年报.md'), type: 2 }]);
  const thisYear = uriOf('胡集乡2024年报.md');
  assert.deepEqual(describe(await client.open(thisYear, folderText('胡集乡2024年报.md'))).length, 1, 'the fixture\'s break is back');
  const on = await client.workspaceDiagnostics();

  const published = (carryOver: boolean) => client.until(`a publish ${carryOver ? 'with' : 'without'} carry-over`, () => {
    const last = client.published.get(thisYear)?.at(-1);
    return last && last.diagnostics.some(d => d.code === 'carry-over') === carryOver ? true : undefined;
  });
  await client.configure(thisYear, { workspaceDiagnostics: false });
  await published(false);
  const off = await client.workspaceDiagnostics(previousIds(on));
  // Each report listed before is cleared once; those that had nothing to say are unchanged (the open one too).
  assert.deepEqual(summary(off), [
    '胡集乡2022年报.md unchanged', '胡集乡2023年报.md unchanged', '胡集乡2024年报.md unchanged',
    '车排子镇2020年报.md []', '车排子镇2021年报.md unchanged', '车排子镇2022年报.md []',
  ]);
  assert.deepEqual(summary(await client.workspaceDiagnostics(previousIds(off))), ['胡集乡2024年报.md unchanged']);

  await client.configure(thisYear, {});
  await published(true);
  assert.equal(summary(await client.workspaceDiagnostics()).length, 6);
  await client.close(thisYear);
});

test('a workspace pull that reads a change before the server itself does still updates the open reports', async () => {
  const thisYear = uriOf('胡集乡2024年报.md'), lastYear = uriOf('胡集乡2023年报.md');
  assert.equal((await client.open(thisYear, folderText('胡集乡2024年报.md'))).filter(d => d.code === 'carry-over').length, 1);
  try {
    // The pull comes while the server waits for the watcher's events to settle.
    let n = client.count(thisYear);
    writeFileSync(path.join(dir, '胡集乡2023年报.md'), fixedHuji2023(folderText('胡集乡2023年报.md')));
    await client.watched([{ uri: lastYear, type: 2 }]);
    await client.workspaceDiagnostics();
    // The pull and the watcher's settling may each publish the report: the news is awaited.
    const carryOver = (ds: Diagnostic[]) => ds.some(d => d.code === 'carry-over');
    assert.deepEqual(describe(await client.diagnostics(thisYear, { after: n, say: ds => !carryOver(ds) })), []);
    n = client.count(thisYear);
    writeFileSync(path.join(dir, '胡集乡2023年报.md'), folderText('胡集乡2023年报.md'));
    await client.watched([{ uri: lastYear, type: 2 }]);
    await client.workspaceDiagnostics();
    assert.deepEqual(describe(await client.diagnostics(thisYear, { after: n, say: carryOver })), [CARRY_OVER]);
  } finally {
    await client.close(thisYear);
  }
});

test('a client that cannot watch files: each workspace pull looks at the files again, and sends only what changed', async () => {
  const other = mkdtempSync(path.join(os.tmpdir(), 'nianbao-folder-'));
  cpSync(FOLDER_DIR, other, { recursive: true });
  const { client: plain } = await Client.start({ configuration: false, folders: [other] });
  try {
    const first = await plain.workspaceDiagnostics();
    assert.equal(first.items.filter(i => i.kind === 'full' && i.items.some(d => d.code === 'carry-over')).length, 1);
    writeFileSync(path.join(other, '胡集乡2023年报.md'), fixedHuji2023(folderText('胡集乡2023年报.md')));
    const second = await plain.workspaceDiagnostics(previousIds(first));
    // Only 2024 changed what it says (its warning went); 2023's own diagnostics are still none.
    assert.deepEqual(second.items.filter(i => i.kind === 'full').map(i => [decodeURIComponent(path.basename(i.uri)), i.kind === 'full' ? i.items.length : -1]), [['胡集乡2024年报.md', 0]]);
  } finally {
    await plain.stop();
    rmSync(other, { recursive: true, force: true });
  }
});

test('a client that pulls (as VS Code does): nothing is pushed, open documents are pulled like the rest, and the server asks for a pull when they change', async () => {
  const other = mkdtempSync(path.join(os.tmpdir(), 'nianbao-folder-'));
  cpSync(FOLDER_DIR, other, { recursive: true });
  const { client: puller } = await Client.start({ configuration: true, folders: [other], watchFiles: true, pull: true });
  const uri = (name: string) => pathToFileURL(path.join(other, name)).href;
  try {
    const thisYear = uri('胡集乡2024年报.md');
    let asked = puller.pullRequests;
    await puller.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: thisYear, languageId: 'markdown', version: 1, text: folderText('胡集乡2024年报.md') } });
    await puller.until('a request to pull', () => (puller.pullRequests > asked ? true : undefined));
    const pulled = await puller.pullDocument(thisYear);
    assert.equal(pulled.kind, 'full');
    const items = pulled.kind === 'full' ? pulled.items : [];
    assert.deepEqual(items.map(d => `${d.code} ${at(d)} → ${decodeURIComponent(path.basename(d.relatedInformation![0].location.uri))}`), ['carry-over 51:18-51:19 → 胡集乡2023年报.md']);
    assert.deepEqual(await puller.pullDocument(thisYear, pulled.resultId), { kind: 'unchanged', resultId: pulled.resultId });
    // The workspace report says the same of it (a client applies it to an open document it does not pull itself).
    const report = await puller.workspaceDiagnostics();
    const item = report.items.find(i => i.uri === thisYear);
    assert.deepEqual(item && item.kind === 'full' ? item.items : undefined, items);

    asked = puller.pullRequests;
    writeFileSync(path.join(other, '胡集乡2023年报.md'), fixedHuji2023(folderText('胡集乡2023年报.md')));
    await puller.watched([{ uri: uri('胡集乡2023年报.md'), type: 2 }]);
    await puller.until('a request to pull after last year\'s file changed', () => (puller.pullRequests > asked ? true : undefined));
    assert.deepEqual(await puller.pullDocument(thisYear, pulled.resultId), { kind: 'full', resultId: (await puller.pullDocument(thisYear)).resultId, items: [] });
    assert.equal(puller.published.size, 0, 'nothing was pushed');
  } finally {
    await puller.stop();
    rmSync(other, { recursive: true, force: true });
  }
});

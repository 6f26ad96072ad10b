// The configuration file through the language server, over the real protocol: the nearest
// `.nianbao.jsonc` applies to each open report, what the client sends wins over it, a change to
// it on disk re-checks what is open, and a configuration file open in the editor gets its
// mistakes as diagnostics.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { check, countBySeverity } from '../../server/src/engine';
import { at, REPO, seed, tempDirs } from '../helpers';
import { Client, expectedLsp } from '../lspClient';

// Seed 001 (2024): the title repeated in the text (report-title, a warning on line 6) and seven
// sub-items numbered 一、二、 (section-numbering, warnings).
const REPORT = seed('001');
const numbering = (ds: Diagnostic[]) => [...new Set(ds.filter(d => d.code === 'section-numbering').map(d => d.severity))];

//   root/.nianbao.jsonc            above every folder: applies only to files outside them
//   root/ws/                       workspace folder
//   root/ws/.nianbao.jsonc         section-numbering error, report-title off
//   root/ws/乡镇/.nianbao.json      section-numbering off, *.txt included, 草稿/ excluded
//   root/ws2/                      workspace folder without a configuration file
const workdir = tempDirs('nianbao-lsp-config-');
let root: string;
let client: Client;
const file = (name: string) => path.join(root, name);
const uri = (name: string) => pathToFileURL(file(name)).href;
const WS = '{\n  // 全县的约定\n  "rules": { "section-numbering": "error", "report-title": "off" },\n}\n';

function write(name: string, text: string) {
  mkdirSync(path.dirname(file(name)), { recursive: true });
  writeFileSync(file(name), text);
}

before(async () => {
  execFileSync(process.execPath, ['build.mjs', '--only=server'], { cwd: REPO });
  root = workdir({
    '.nianbao.jsonc': '{ "rules": { "section-numbering": "off" } }',
    'ws/.nianbao.jsonc': WS,
    'ws/乡镇/.nianbao.json': '{ "rules": { "section-numbering": "off" }, "include": ["*.txt"], "exclude": ["草稿/**"] }',
  });
  mkdirSync(file('ws2'));
  ({ client } = await Client.start({ configuration: true, folders: [file('ws'), file('ws2')], watchFiles: true }));
});

after(async () => {
  await client?.stop();
});

test('the server watches every file, the configuration files among them (and the reports that are not open)', async () => {
  const watchers = await client.until('the watcher registration', () => client.registrations.find(r => r.method === 'workspace/didChangeWatchedFiles'));
  assert.deepEqual(watchers.registerOptions, { watchers: [{ globPattern: '**/*' }] });
});

describe('which configuration file applies', () => {
  test('the nearest one, whole: its rules, its include and exclude relative to its directory', async () => {
    const top = uri('ws/2024年度报告.md');
    assert.deepEqual(await client.open(top, REPORT), expectedLsp(REPORT, top, { 'section-numbering': 'error', 'report-title': 'off' }));
    const town = uri('ws/乡镇/胡集/2024年度报告.md');
    // 乡镇's file says nothing about report-title: its default applies, not ws's "off".
    assert.deepEqual(await client.open(town, REPORT), expectedLsp(REPORT, town, { 'section-numbering': 'off' }));
    const txt = uri('ws/乡镇/2024年度报告.txt');
    assert.deepEqual(await client.open(txt, REPORT, 'plaintext'), expectedLsp(REPORT, txt, { 'section-numbering': 'off' }));
    assert.deepEqual(await client.open(uri('ws/乡镇/草稿/2024年度报告.md'), REPORT), []);
    const info = await client.conn.sendRequest('nianbao/reportInfo', { uri: town }) as { config: unknown };
    assert.deepEqual(info.config, { uri: uri('ws/乡镇/.nianbao.json'), problems: 0 });
  });

  test('the search stops at the workspace folder; a file outside every folder searches up to the root', async () => {
    const inFolder = uri('ws2/2024年度报告.md');
    assert.deepEqual(await client.open(inFolder, REPORT), expectedLsp(REPORT, inFolder));
    const outside = uri('2024年度报告.md');
    assert.deepEqual(numbering(await client.open(outside, REPORT)), []);
    assert.deepEqual((await client.conn.sendRequest('nianbao/reportInfo', { uri: inFolder }) as { config: unknown }).config, null);
  });
});

test('what the client sends wins over the file for that rule; the file still sets the others', async () => {
  const report = uri('ws/设置/2024年度报告.md');
  assert.deepEqual(numbering(await client.open(report, REPORT)), [1]);
  try {
    const got = await client.configure(report, { rules: { 'section-numbering': 'info' } });
    assert.deepEqual(got, expectedLsp(REPORT, report, { 'section-numbering': 'info', 'report-title': 'off' }));
    // A value the client leaves out is not a choice: defaultTemplate unset leaves the file's rules alone.
    assert.deepEqual(numbering(await client.configure(report, { inlayHints: false })), [1]);
  } finally {
    await client.configure(report, {});
  }
});

test('the Word export counts errors and warnings with the document\'s configuration file, before any check of it', async () => {
  // Never opened: the explorer's export asks as soon as it has opened the file.
  const report = uri('ws/导出/2024年度报告.md');
  const got = await client.conn.sendRequest('nianbao/exportWord', { uri: report, text: REPORT }) as { errors: number; warnings: number };
  const { errors, warnings } = countBySeverity(check(REPORT, { severities: { 'section-numbering': 'error', 'report-title': 'off' } }).diagnostics);
  assert.ok(errors > 0);
  assert.deepEqual({ errors: got.errors, warnings: got.warnings }, { errors, warnings });
});

describe('a change to a configuration file', () => {
  test('on disk, reported by the client\'s watcher, re-checks the open reports it applies to', async () => {
    const report = uri('ws/改动/2024年度报告.md');
    assert.deepEqual(numbering(await client.open(report, REPORT)), [1]);
    try {
      write('ws/.nianbao.jsonc', '{ "rules": { "section-numbering": "info" } }');
      let n = client.count(report);
      await client.watched([{ uri: uri('ws/.nianbao.jsonc'), type: 2 }]);
      assert.deepEqual(await client.diagnostics(report, { after: n }), expectedLsp(REPORT, report, { 'section-numbering': 'info' }));

      // A file created nearer the report takes over.
      write('ws/改动/.nianbao.json', '{ "rules": { "report-title": "error" } }');
      n = client.count(report);
      await client.watched([{ uri: uri('ws/改动/.nianbao.json'), type: 1 }]);
      assert.deepEqual(await client.diagnostics(report, { after: n }), expectedLsp(REPORT, report, { 'report-title': 'error' }));
      rmSync(file('ws/改动/.nianbao.json'));
      n = client.count(report);
      await client.watched([{ uri: uri('ws/改动/.nianbao.json'), type: 3 }]);
      assert.deepEqual(numbering(await client.diagnostics(report, { after: n })), [3]);
    } finally {
      write('ws/.nianbao.jsonc', WS);
      const n = client.count(report);
      await client.watched([{ uri: uri('ws/.nianbao.jsonc'), type: 2 }]);
      assert.deepEqual(numbering(await client.diagnostics(report, { after: n })), [1]);
    }
  });

  test('saved in the editor re-checks the open reports, for clients that watch no files', async () => {
    const report = uri('ws/保存/2024年度报告.md');
    const config = uri('ws/保存/.nianbao.jsonc');
    assert.deepEqual(numbering(await client.open(report, REPORT)), [1]);
    const text = '{ "rules": { "section-numbering": "warning" } }';
    await client.open(config, text, 'jsonc');
    write('ws/保存/.nianbao.jsonc', text);
    const n = client.count(report);
    await client.save(config);
    assert.deepEqual(await client.diagnostics(report, { after: n }), expectedLsp(REPORT, report, { 'section-numbering': 'warning' }));
  });
});

describe('a configuration file with mistakes', () => {
  const BAD = '{\n  "rules": {\n    "cell-emtpy": "off",\n    "section-numbering": "eror",\n    "report-title": "off"\n  },\n  "defaultTemplate": "2020"\n}\n';

  test('open in the editor, each mistake is an error on its range, as it is typed', async () => {
    const config = uri('ws/有误/.nianbao.jsonc');
    const got = await client.open(config, BAD, 'jsonc');
    assert.deepEqual(got.map(d => `${at(d)} ${d.severity} ${d.source} ${d.code} ${d.message}`), [
      '2:4-2:16 1 nianbao undefined 未知的规则代码「cell-emtpy」',
      '3:25-3:31 1 nianbao undefined 规则 section-numbering 的级别应为 off、info、warning 或 error，而不是「eror」',
      '6:21-6:27 1 nianbao undefined defaultTemplate 应为 "2021" 或 "2019"，而不是「2020」',
    ]);
    const fixed = BAD.replace('emtpy', 'empty').replace('"eror"', '"error"');
    const after = await client.change(config, [{ text: fixed }], fixed);
    assert.deepEqual(after.map(d => d.message), ['defaultTemplate 应为 "2021" 或 "2019"，而不是「2020」']);
  });

  test('on disk, its good entries apply and the status bar hears how many were left out', async () => {
    write('ws/有误/.nianbao.jsonc', BAD);
    const report = uri('ws/有误/2024年度报告.md');
    assert.deepEqual(await client.open(report, REPORT), expectedLsp(REPORT, report, { 'report-title': 'off' }));
    const info = await client.conn.sendRequest('nianbao/reportInfo', { uri: report }) as { config: unknown };
    assert.deepEqual(info.config, { uri: uri('ws/有误/.nianbao.jsonc'), problems: 3 });
  });
});

// The configuration file in the real editor: the report in 配置/ takes 配置/.nianbao.jsonc
// (test/e2e/workspace.ts), a user setting wins over it for its rule, a change to it on disk
// re-checks the report, and VS Code completes and checks the file itself through the schema the
// extension contributes.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { EXT_ID, open, revert, waitFor, workspaceFile, nianbao, codeOf, at, diagnosticsWhere } = require('./util');

const REPORT = '配置/2024年度报告.md';
const CONFIG = '配置/.nianbao.jsonc';
const { Error: ERROR, Warning: WARNING, Information: INFO } = vscode.DiagnosticSeverity;

/** The report's section-numbering severities, once there are seven of them, and whether report-title is there. */
const state = ds => {
  const numbering = ds.filter(d => codeOf(d) === 'section-numbering');
  return { numbering: numbering.length === 7 ? [...new Set(numbering.map(d => d.severity))] : numbering.length, title: ds.some(d => codeOf(d) === 'report-title') };
};
const reaches = (uri, what, expected) => diagnosticsWhere(uri, what, ds => JSON.stringify(state(ds)) === JSON.stringify(expected));

/** Completion labels at a position, once the JSON language server answers with some. */
async function completions(uri, position, some) {
  const list = await waitFor(`completions at ${position.line}:${position.character}`, async () => {
    const l = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, position);
    return l && l.items.some(i => some(label(i))) ? l : undefined;
  });
  return list.items.map(label);
}
const label = i => (typeof i.label === 'string' ? i.label : i.label.label).replace(/^"|"$/g, '');

suite('configuration file', () => {
  let report;
  suiteSetup(async () => { ({ doc: report } = await open(REPORT)); });

  test('a report takes the rules of its folder\'s .nianbao.jsonc', async () => {
    await reaches(report.uri, 'section-numbering as errors and no report-title', { numbering: [ERROR], title: false });
  });

  test('the file\'s include applies: VS Code\'s default for nianbao.include is nobody\'s choice', async () => {
    const { doc } = await open('配置/2024年度报告.txt');
    assert.strictEqual(doc.languageId, 'plaintext');
    await reaches(doc.uri, 'the plain-text report checked with the file\'s rules', { numbering: [ERROR], title: false });
    await revert(doc);
  });

  test('a rule in the user settings wins over the file; the file still sets the other rules', async () => {
    const settings = vscode.workspace.getConfiguration('nianbao');
    try {
      await settings.update('rules', { 'section-numbering': 'info' }, vscode.ConfigurationTarget.Global);
      await reaches(report.uri, 'section-numbering as information, report-title still off', { numbering: [INFO], title: false });
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await reaches(report.uri, 'the file\'s rules again', { numbering: [ERROR], title: false });
  });

  test('a change to the file on disk re-checks the open report', async () => {
    const uri = workspaceFile(CONFIG);
    const original = await vscode.workspace.fs.readFile(uri);
    try {
      await vscode.workspace.fs.writeFile(uri, Buffer.from('{ "rules": { "section-numbering": "warning" } }\n'));
      await reaches(report.uri, 'section-numbering as warnings and report-title back', { numbering: [WARNING], title: true });
    } finally {
      await vscode.workspace.fs.writeFile(uri, original);
    }
    await reaches(report.uri, 'the file\'s rules again', { numbering: [ERROR], title: false });
  });

  test('in .nianbao.jsonc the editor completes rule codes and levels from the extension\'s schema', async () => {
    const { doc } = await open(CONFIG);
    try {
      const line = doc.lineAt(2).text;
      assert.strictEqual(line, '  "rules": { "section-numbering": "error", "report-title": "off" },');
      const codes = Object.keys(vscode.extensions.getExtension(EXT_ID).packageJSON.contributes.configuration.properties['nianbao.rules'].properties);
      // On the first key: every code but report-title, written already (the key under the cursor is its own replacement).
      const keys = await completions(doc.uri, new vscode.Position(2, line.indexOf('{') + 2), l => l === 'cell-empty');
      assert.deepStrictEqual(keys.filter(k => codes.includes(k)).sort(), codes.filter(c => c !== 'report-title').sort());
      // Inside the value of section-numbering: the four levels.
      const levels = await completions(doc.uri, new vscode.Position(2, line.indexOf('"error"') + 1), l => l === 'off');
      assert.deepStrictEqual(levels.sort(), ['error', 'info', 'off', 'warning']);
    } finally {
      await revert(doc);
    }
  });

  test('in a wrong .nianbao.jsonc each mistake is flagged once, in Chinese', async () => {
    const { doc } = await open('配置/有误/.nianbao.jsonc');
    try {
      await waitFor('the schema\'s diagnostics', () => vscode.languages.getDiagnostics(doc.uri).length >= 3);
      // Give a second copy from anywhere else the time to arrive.
      await new Promise(r => setTimeout(r, 2000));
      const shown = vscode.languages.getDiagnostics(doc.uri).sort((a, b) => a.range.start.compareTo(b.range.start));
      assert.deepStrictEqual(shown.map(d => `${at(d.range)} ${d.severity} ${d.message}`), [
        '2:4-2:16 1 未知的规则代码',
        '3:20-3:24 1 级别应为 off、info、warning 或 error',
        '5:2-5:8 1 未知的配置项，可用的配置项：rules、defaultTemplate、include、exclude',
      ]);
      assert.deepStrictEqual(nianbao(doc.uri), []);
    } finally {
      await revert(doc);
    }
  });

  suiteTeardown(async () => { if (report) await revert(report); });
});

// The built command line (`node bin/nianbao.js`) on copies of the seeds in temporary directories:
// what a user or a CI script sees on stdout, stderr, in the exit status and in the files after --fix.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { check } from '../../server/src/engine';
import { convertedPdf001, REPO, seed, tempDirs } from '../helpers';
import { FOLDER_FILES, folderText } from '../folderFixture';
import { version } from '../../package.json';
import { importReport } from '../../server/src/word';
import { keptFindings, reportPage } from '../word/pages';

const CLI = path.join(REPO, 'bin/nianbao.js');
const workdir = tempDirs('nianbao-cli-');

before(() => { execFileSync(process.execPath, ['build.mjs', '--only=cli'], { cwd: REPO }); });

function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = (stdout: string) => JSON.parse(stdout) as {
  files: Array<{ path: string; year: number | null; template: string | null; diagnostics: Array<{ code: string; severity: string; message: string; range: unknown; related: unknown[] }> }>;
  summary: { files: number; errors: number; warnings: number; infos: number };
};

/** What the engine reports for a text, in the command line's JSON shape. */
const engineDiagnostics = (text: string) => check(text).diagnostics.map(d => ({
  code: d.code, severity: d.severity, message: d.message, range: d.range, related: d.related ?? [],
}));

const HEADING_004 = '004.md:400:1 warning section-heading 标题应为「五、存在的主要问题及改进情况」，而不是「5、 存在的主要问题及改进情况」';

/** Seed 004 with 本年新收 × 自然人 changed from 0 to 3 while its 总计 stays 0: an arithmetic error --fix must not touch. */
function seed004WithWrongTotal(): string {
  const lines = seed('004').split('\n');
  const row = lines.indexOf('\t一、本年新收政府信息公开申请数量');
  assert.equal(lines[row + 1], '\t0');
  lines[row + 1] = '\t3';
  return lines.join('\n');
}

describe('nianbao check: output', () => {
  it('prints one line per diagnostic and a summary whose counts match the lines', () => {
    const dir = workdir({ '004.md': seed('004') });
    const r = run(dir, ['check', '004.md']);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.includes(HEADING_004), r.stdout);
    const body = lines.slice(0, -1);
    assert.ok(body.every(l => /^004\.md:\d+:\d+ (error|warning|info) [a-z0-9-]+ \S/.test(l)), r.stdout);
    const n = (s: string) => body.filter(l => l.split(' ')[1] === s).length;
    assert.equal(lines.at(-1), `检查了 1 个文件：${n('error')} 个错误，${n('warning')} 个警告，${n('info')} 个提示`);
    assert.equal(body.length, engineDiagnostics(seed('004')).length);
    assert.ok(!r.stdout.includes('\x1b['), 'no colour when stdout is not a terminal');
    assert.equal(r.code, 0);
  });

  it('--format json: exactly the documented shape, the engine\'s diagnostics, nothing else on stdout', () => {
    const dir = workdir({ '004.md': seed('004'), '002.txt': seed('002') });
    const r = run(dir, ['check', '--format', 'json', '004.md', '002.txt']);
    const out = json(r.stdout);
    assert.deepEqual(Object.keys(out), ['files', 'summary']);
    assert.deepEqual(out.files.map(f => [f.path, f.year, f.template]), [['002.txt', 2021, '2021'], ['004.md', 2023, '2021']]);
    for (const f of out.files) assert.deepEqual(Object.keys(f), ['path', 'year', 'template', 'diagnostics']);
    assert.deepEqual(out.files[1].diagnostics, engineDiagnostics(seed('004')));
    const heading = out.files[1].diagnostics.find(d => d.code === 'section-heading')!;
    assert.deepEqual(heading, {
      code: 'section-heading', severity: 'warning',
      message: '标题应为「五、存在的主要问题及改进情况」，而不是「5、 存在的主要问题及改进情况」',
      range: { start: { line: 399, character: 0 }, end: { line: 399, character: '5、 存在的主要问题及改进情况'.length } },
      related: [],
    });
    const all = out.files.flatMap(f => f.diagnostics);
    assert.deepEqual(out.summary, {
      files: 2,
      errors: all.filter(d => d.severity === 'error').length,
      warnings: all.filter(d => d.severity === 'warning').length,
      infos: all.filter(d => d.severity === 'info').length,
    });
  });

  it('--help shows the usage, --version the package version', () => {
    const dir = workdir({});
    const help = run(dir, ['--help']);
    assert.match(help.stdout, /^用法 \/ Usage:\n {2}nianbao check \[选项\] 路径\.\.\./);
    assert.match(help.stdout, /--severity 代码=级别/);
    assert.match(help.stdout, /--config 文件 .*\n {2}--no-config /);
    assert.equal(help.code, 0);
    assert.deepEqual(run(dir, ['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('nianbao check: exit status', () => {
  it('is 1 when an error-severity diagnostic is reported', () => {
    const dir = workdir({ '004.md': seed004WithWrongTotal() });
    const r = run(dir, ['check', '004.md']);
    assert.ok(r.stdout.includes('004.md:78:2 error t3-cell 表三「本年新收 × 自然人」为 3，按本行总计和本列勾稽关系应为 0\n'), r.stdout);
    assert.equal(r.code, 1);
  });

  it('is 2 for a missing file, and the other files are still checked', () => {
    const dir = workdir({ '004.md': seed('004') });
    const r = run(dir, ['check', 'missing.md', '004.md']);
    assert.equal(r.stderr, 'nianbao: missing.md: 找不到该文件或目录\n');
    assert.ok(r.stdout.includes(HEADING_004));
    assert.match(r.stdout, /；1 个文件无法处理\n$/);
    assert.equal(r.code, 2);
  });

  it('--format json lists every path given: a missing or binary file carries its error there, and the status is 2', () => {
    const dir = workdir({ '004.md': seed('004'), 'scan.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]) });
    const r = run(dir, ['check', '--format', 'json', 'missing.md', '004.md', 'scan.md']);
    const files = json(r.stdout).files as Array<{ path: string; year: number | null; error?: string; diagnostics: unknown[] }>;
    assert.deepEqual(files.map(f => [f.path, f.error ?? null]), [
      ['004.md', null], ['missing.md', '找不到该文件或目录'], ['scan.md', '不是文本文件（字节偏移 4 处为 NUL 字节）'],
    ]);
    assert.deepEqual(files[1].diagnostics, []);
    assert.equal(files[1].year, null);
    assert.equal(json(r.stdout).summary.files, 1);
    assert.equal(r.code, 2);
  });

  it('is 2 for bad usage, with the reason on stderr', () => {
    const dir = workdir({ '004.md': seed('004') });
    for (const [args, reason] of [
      [['check'], '没有指定要检查的文件或目录 / no file or directory given'],
      [['lint', '004.md'], '未知命令 / unknown command: lint'],
      [['check', '--format', 'xml', '004.md'], '--format 只能是 text 或 json / --format must be text or json: xml'],
      [['check', '--severity', 'section-heading=loud', '004.md'], '--severity 应写作 代码=off|info|warning|error / expected CODE=off|info|warning|error: section-heading=loud'],
      [['check', '--fixx', '004.md'], '未知选项 / unknown option: --fixx'],
      [['check', '--config', 'ci.jsonc', '--no-config', '004.md'], '--config 和 --no-config 不能同时使用 / --config and --no-config exclude each other'],
    ] as const) {
      const r = run(dir, [...args]);
      assert.equal(r.stderr.split('\n')[0], `nianbao: ${reason}`);
      assert.equal(r.stdout, '');
      assert.equal(r.code, 2, args.join(' '));
    }
    assert.match(run(dir, ['check', '--severity', 'no-such-rule=off', '004.md']).stderr, /^nianbao: 未知的规则代码 \/ unknown rule code: no-such-rule（可用：section-missing, /);
  });

  it('--severity changes a rule\'s level or switches it off', () => {
    const dir = workdir({ '004.md': seed('004') });
    const raised = run(dir, ['check', '--severity', 'section-heading=error', '004.md']);
    assert.ok(raised.stdout.includes(HEADING_004.replace(' warning ', ' error ')), raised.stdout);
    assert.equal(raised.code, 1);
    const off = run(dir, ['check', '--severity=section-heading=off', '004.md']);
    assert.ok(!off.stdout.includes('section-heading'), off.stdout);
    assert.equal(off.code, 0);
  });
});

describe('nianbao check DIR', () => {
  it('checks *.md recursively, skips node_modules, dot-directories and Markdown that is not a report, in path order', () => {
    const dir = workdir({
      'reports/b.md': seed('001'),
      'reports/sub/a.md': seed('000'),
      'reports/notes.md': '# 会议记录\n\n下周二讨论年报。\n',
      'reports/c.txt': seed('002'),
      'reports/node_modules/x.md': seed('003'),
      'reports/.git/y.md': seed('003'),
    });
    const r = run(dir, ['check', '--format', 'json', 'reports']);
    assert.deepEqual(json(r.stdout).files.map(f => f.path), ['reports/b.md', 'reports/sub/a.md']);
    assert.equal(json(r.stdout).summary.files, 2);
    assert.equal(r.stderr, '');
    const text = run(dir, ['check', 'reports']);
    assert.match(text.stdout, /\n检查了 2 个文件：.*；跳过 1 个不是年度报告的 Markdown 文件\n$/);
  });

  it('an explicitly named file that is not a report is named on stderr, not silently passed', () => {
    const dir = workdir({ 'notes.md': '# 会议记录\n\n下周二讨论年报。\n' });
    const r = run(dir, ['check', 'notes.md']);
    assert.equal(r.stderr, 'nianbao: notes.md: 未识别为政府信息公开工作年度报告（没有标题、章节标题或统计表），未检查\n');
    assert.equal(r.code, 0);
  });
});

describe('nianbao check DIR: across reports', () => {
  /** The fixture folder (two organs over three years) copied into a work directory as reports/. */
  const folder = () => workdir(Object.fromEntries(FOLDER_FILES.map(f => [`reports/${f}`, folderText(f)])));

  it('reports the carry-over break and the prose/table contradiction of the fixture folder, in text and in JSON with the related file', () => {
    const dir = folder();
    const r = run(dir, ['check', 'reports']);
    assert.deepEqual(r.stdout.split('\n').filter(l => / (carry-over|text-vs-table) /.test(l)), [
      'reports/胡集乡2024年报.md:52:19 warning carry-over 表三「上年结转 × 自然人」为 2，但上一年度报告「reports/胡集乡2023年报.md」的「结转下年度 × 自然人」为 1（相差 1）',
      'reports/车排子镇2022年报.md:45:20 warning text-vs-table 正文写「收到政府信息公开申请3件」，但表三「本年新收 × 总计」为 2',
    ]);
    assert.match(r.stdout, /\n检查了 6 个文件：0 个错误，2 个警告，3 个提示\n$/);
    assert.equal(r.code, 0);
    const files = json(run(dir, ['check', '--format', 'json', 'reports']).stdout).files;
    const [d] = files.find(f => f.path === 'reports/胡集乡2024年报.md')!.diagnostics;
    assert.deepEqual(d.related, [{
      range: { start: { line: 74, character: 13 }, end: { line: 74, character: 14 } },
      message: '「reports/胡集乡2023年报.md」结转下年度 × 自然人 = 1',
      path: 'reports/胡集乡2023年报.md',
    }]);
  });

  it('compares only what it was given: this year alone has nothing to compare with; files named one by one are compared', () => {
    const dir = folder();
    const alone = run(dir, ['check', 'reports/胡集乡2024年报.md']);
    assert.doesNotMatch(alone.stdout, /carry-over/);
    const both = run(dir, ['check', 'reports/胡集乡2024年报.md', 'reports/胡集乡2023年报.md']);
    assert.match(both.stdout, /^reports\/胡集乡2024年报\.md:52:19 warning carry-over /m);
    assert.doesNotMatch(run(dir, ['check', '--severity', 'carry-over=off', 'reports']).stdout, /carry-over/);
  });
});

describe('nianbao check --fix', () => {
  it('fixes the heading, removes bookmarks and converts the tables of seed 004, leaving totals alone', () => {
    const dir = workdir({ '004.md': seed004WithWrongTotal() });
    const r = run(dir, ['check', '--fix', '004.md']);
    const after = readFileSync(path.join(dir, '004.md'), 'utf8');
    const lines = after.split('\n');
    assert.equal(lines[0], '夹河子乡政府信息公开工作2023年度报告');
    assert.ok(lines.includes('五、存在的主要问题及改进情况'));
    assert.ok(!after.includes('5、 存在的主要问题'));
    assert.ok(!after.includes('[bookmark:'));
    // 表二 as tab rows (the caption row given a tab so it stays in the table), 表三's wrong row as it was.
    assert.ok(lines.includes('第二十条第（一）项\t'), after);
    assert.ok(lines.includes('规章\t0\t0\t0'));
    assert.ok(lines.includes('一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t0'));
    // What is left is reported against the fixed file: the arithmetic, which is not --fix's business.
    assert.deepEqual([...new Set(r.stdout.trimEnd().split('\n').slice(0, -1).map(l => l.split(' ')[2]))], ['t3-cell']);
    assert.deepEqual(json(run(dir, ['check', '--format', 'json', '004.md']).stdout).files[0].diagnostics, engineDiagnostics(after));
    assert.match(r.stdout, /；已修复 \d+ 处（1 个文件）\n$/);
    assert.equal(r.code, 1);
  });

  it('prints an empty section and leaves it to the author: its sub-headings are not a safe fix', () => {
    // Seed 002 (tab tables, no safe fix to make) with 总体情况 reduced to a bare "无".
    const lines = seed('002').split('\n');
    assert.deepEqual([lines[4], lines[24]], ['## 一、总体情况', '## 二、主动公开政府信息情况']);
    lines.splice(5, 19, '', '无', '');
    const text = lines.join('\n');
    const dir = workdir({ '002.md': text });
    const r = run(dir, ['check', '--fix', '002.md']);
    assert.equal(r.stdout, '002.md:5:4 warning section-empty 「一、总体情况」只写了「无」，应概述本年度主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等情况\n'
      + '检查了 1 个文件：0 个错误，1 个警告，0 个提示\n');
    assert.equal(readFileSync(path.join(dir, '002.md'), 'utf8'), text);
    assert.equal(r.code, 0);
  });

  it('keeps the values a PDF conversion left alone on their lines under 表二\'s caption', () => {
    const dir = workdir({ 'pdf.md': convertedPdf001() });
    const r = run(dir, ['check', '--fix', 'pdf.md']);
    const lines = readFileSync(path.join(dir, 'pdf.md'), 'utf8').split('\n');
    assert.deepEqual(lines.slice(32, 36), ['第二十条第（一）项', '22', '（其中修订 16 件）', '55']);
    // The safe fixes around them were applied: 总体情况's sub-items are renumbered.
    assert.equal(lines[10], '（一）主动公开情况。');
    assert.match(r.stdout, /；已修复 \d+ 处（1 个文件）\n$/);
  });

  it('a second --fix changes nothing and does not touch the file', () => {
    const dir = workdir({ '000.md': seed('000') });
    const file = path.join(dir, '000.md');
    run(dir, ['check', '--fix', '000.md']);
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, past, past);
    const fixed = readFileSync(file);
    const second = run(dir, ['check', '--fix', '000.md']);
    assert.deepEqual(readFileSync(file), fixed);
    assert.equal(statSync(file).mtime.getTime(), past.getTime());
    assert.doesNotMatch(second.stdout, /已修复/);
  });

  it('keeps the file mode and leaves no temporary file behind', () => {
    const dir = workdir({ '004.md': seed('004') });
    chmodSync(path.join(dir, '004.md'), 0o664);
    // Group write is what a common umask (022) would strip from a newly created file.
    const umask = process.umask(0o022);
    try {
      run(dir, ['check', '--fix', '004.md']);
    } finally {
      process.umask(umask);
    }
    assert.equal(statSync(path.join(dir, '004.md')).mode & 0o777, 0o664);
    assert.deepEqual(readdirSync(dir), ['004.md']);
  });

  it('does not write a read-only file and says so (exit 2, file unchanged)', () => {
    const dir = workdir({ '004.md': seed('004') });
    chmodSync(path.join(dir, '004.md'), 0o444);
    const r = run(dir, ['check', '--fix', '004.md']);
    assert.equal(r.stderr, 'nianbao: 004.md: 未能写入修复，文件保持原样：文件是只读的\n');
    assert.equal(readFileSync(path.join(dir, '004.md'), 'utf8'), seed('004'));
    assert.ok(r.stdout.includes(HEADING_004), 'the diagnostics of the file as it is');
    assert.equal(r.code, 2);
  });

  it('keeps CRLF line breaks', () => {
    const dir = workdir({ 'lf.md': seed('004'), 'crlf.md': seed('004').replace(/\n/g, '\r\n') });
    run(dir, ['check', '--fix', 'lf.md', 'crlf.md']);
    const crlf = readFileSync(path.join(dir, 'crlf.md'), 'utf8');
    assert.doesNotMatch(crlf, /[^\r]\n/);
    assert.equal(crlf, readFileSync(path.join(dir, 'lf.md'), 'utf8').replace(/\n/g, '\r\n'));
  });

  it('keeps a UTF-8 BOM, which does not shift positions', () => {
    const dir = workdir({ 'plain.md': seed('004'), 'bom.md': '\ufeff' + seed('004') });
    const checked = json(run(dir, ['check', '--format', 'json', 'plain.md', 'bom.md']).stdout).files;
    assert.deepEqual(checked[0].diagnostics, checked[1].diagnostics);
    run(dir, ['check', '--fix', 'plain.md', 'bom.md']);
    const bytes = readFileSync(path.join(dir, 'bom.md'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString('utf8'), readFileSync(path.join(dir, 'plain.md'), 'utf8'));
  });
});

describe('nianbao check: encodings', () => {
  it('reads a GBK file with the same diagnostics, says so on stderr, and --fix writes GBK back', () => {
    // Seed 000 uses only characters GBK has (004 has a no-break space, which GBK lacks).
    const dir = workdir({ 'utf8.md': seed('000'), 'gbk.md': iconv.encode(seed('000'), 'gbk') });
    const r = run(dir, ['check', '--format', 'json', 'gbk.md', 'utf8.md']);
    assert.equal(r.stderr, 'nianbao: gbk.md: 按 GB18030（GBK） 编码读取\n');
    const [gbk, utf8] = json(r.stdout).files;
    assert.ok(gbk.diagnostics.length > 0);
    assert.deepEqual(gbk.diagnostics, utf8.diagnostics);
    run(dir, ['check', '--fix', 'gbk.md', 'utf8.md']);
    const fixed = readFileSync(path.join(dir, 'utf8.md'), 'utf8');
    assert.notEqual(fixed, seed('000'));
    assert.deepEqual(readFileSync(path.join(dir, 'gbk.md')), iconv.encode(fixed, 'gbk'));
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed('004'), 'utf16le')]);
    const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(seed('004'), 'utf16le').swap16()]);
    const dir = workdir({ 'le.md': utf16le, 'be.md': utf16be });
    const r = run(dir, ['check', '--format', 'json', 'le.md', 'be.md']);
    assert.equal(r.stderr, 'nianbao: be.md: 按 UTF-16 BE 编码读取\nnianbao: le.md: 按 UTF-16 LE 编码读取\n');
    for (const f of json(r.stdout).files) assert.deepEqual(f.diagnostics, engineDiagnostics(seed('004')));
  });

  it('reports bytes that are neither UTF-8 nor GB18030 with their offset, never replacing them', () => {
    const bytes = Buffer.from(seed('004'), 'utf8');
    assert.equal(bytes[5000] & 0xc0, 0x80, 'a continuation byte inside a Chinese character');
    bytes[5000] = 0xff; // neither encoding has 0xFF anywhere
    const dir = workdir({ 'bad.md': bytes, '004.md': seed('004') });
    const r = run(dir, ['check', '--format', 'json', 'bad.md', '004.md', '--fix']);
    assert.match(r.stderr, /^nianbao: bad\.md: 无法解码：既不是有效的 UTF-8（字节偏移 5000 处的 0xFF 无效），也不是有效的 GB18030\/GBK（字节偏移 \d+ 处的 0x[0-9A-F]{2} 无效）\n$/);
    const [good, bad] = json(r.stdout).files as Array<{ path: string; error?: string; diagnostics: unknown[] }>;
    assert.deepEqual([bad.path, bad.diagnostics, good.path, good.error], ['bad.md', [], '004.md', undefined]);
    assert.match(bad.error!, /^无法解码：既不是有效的 UTF-8（字节偏移 5000 处的 0xFF 无效）/);
    assert.deepEqual(readFileSync(path.join(dir, 'bad.md')), bytes);
    assert.equal(r.code, 2);
  });

  it('says a binary file is not a text file', () => {
    const dir = workdir({ 'scan.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]) });
    const r = run(dir, ['check', 'scan.md']);
    assert.equal(r.stderr, 'nianbao: scan.md: 不是文本文件（字节偏移 8 处为 NUL 字节）\n');
    assert.equal(r.code, 2);
  });
});

describe('nianbao check: configuration files', () => {
  /** Each file's diagnostics as "code severity", for the files the JSON output lists. */
  const codes = (stdout: string) => Object.fromEntries(json(stdout).files.map(f => [f.path, f.diagnostics.map(d => `${d.code} ${d.severity}`)]));
  const DEFAULT_004 = engineDiagnostics(seed('004')).map(d => `${d.code} ${d.severity}`);
  const without = (list: string[], code: string) => list.filter(c => !c.startsWith(`${code} `));

  it('the nearest file applies to each report, with include and exclude relative to its own directory', () => {
    const dir = workdir({
      '.nianbao.jsonc': '{\n  // 全县的约定\n  "rules": { "section-heading": "off" },\n  "include": ["**/*.txt"],\n}\n',
      '乡镇/.nianbao.json': '{ "rules": { "section-heading": "error" }, "exclude": ["草稿/**"] }',
      '004.md': seed('004'),
      '002.txt': seed('002'),
      '乡镇/胡集/004.md': seed('004'),
      '乡镇/草稿/004.md': seed('004'),
      // The nearest file wins whole: 乡镇's has no include, so a .txt there is not looked at.
      '乡镇/001.txt': seed('001'),
    });
    const r = run(dir, ['check', '--format', 'json', '.']);
    assert.deepEqual(codes(r.stdout), {
      '002.txt': [],
      '004.md': without(DEFAULT_004, 'section-heading'),
      '乡镇/胡集/004.md': DEFAULT_004.map(c => c.replace('section-heading warning', 'section-heading error')),
    });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1);
    // Named on the command line, an excluded file is still left out, and the user is told why.
    const named = run(dir, ['check', '乡镇/草稿/004.md']);
    assert.deepEqual([named.stderr, named.stdout, named.code], ['nianbao: 乡镇/草稿/004.md: 配置文件 乡镇/.nianbao.json 的 exclude 排除了该文件，未检查\n', '检查了 0 个文件：0 个错误，0 个警告，0 个提示\n', 0]);
  });

  it('--severity wins over the file for its rule, the file still sets the others', () => {
    const dir = workdir({ '.nianbao.jsonc': '{ "rules": { "section-heading": "off", "table-layout": "off" } }', '004.md': seed('004') });
    const r = run(dir, ['check', '--format', 'json', '--severity', 'section-heading=error', '004.md']);
    assert.deepEqual(codes(r.stdout)['004.md'], without(DEFAULT_004, 'table-layout').map(c => c.replace('section-heading warning', 'section-heading error')));
    assert.equal(r.code, 1);
  });

  it('--config names the file for every report instead of the nearest; --no-config reads none', () => {
    const dir = workdir({
      'ci/nianbao.jsonc': '{ "rules": { "table-layout": "off" } }',
      'reports/.nianbao.jsonc': '{ "rules": { "conversion-artifact": "off" } }',
      'reports/004.md': seed('004'),
    });
    const named = run(dir, ['check', '--format', 'json', '--config', 'ci/nianbao.jsonc', 'reports']);
    assert.deepEqual(codes(named.stdout), { 'reports/004.md': without(DEFAULT_004, 'table-layout') });
    const none = run(dir, ['check', '--format', 'json', '--no-config', 'reports']);
    assert.deepEqual(codes(none.stdout), { 'reports/004.md': DEFAULT_004 });
    const nearest = run(dir, ['check', '--format', 'json', 'reports']);
    assert.deepEqual(codes(nearest.stdout), { 'reports/004.md': without(DEFAULT_004, 'conversion-artifact') });
  });

  it('a wrong configuration file: each mistake with its line and column, nothing checked, exit 2', () => {
    const dir = workdir({
      'reports/.nianbao.jsonc': '{\n  "rules": {\n    "cell-emtpy": "off",\n    "table-layout": "of"\n  },\n  "defaultTemplate": 2021\n}\n',
      'reports/004.md': seed('004'),
      'other/004.md': seed('004'),
    });
    for (const format of ['text', 'json']) {
      const r = run(dir, ['check', '--format', format, 'other', 'reports']);
      assert.equal(r.stderr, [
        'nianbao: reports/.nianbao.jsonc:3:5: 未知的规则代码「cell-emtpy」',
        'nianbao: reports/.nianbao.jsonc:4:21: 规则 table-layout 的级别应为 off、info、warning 或 error，而不是「of」',
        'nianbao: reports/.nianbao.jsonc:6:22: defaultTemplate 应为 "2021" 或 "2019"',
        'nianbao: 配置文件有误，未检查任何文件 / invalid configuration file, nothing checked',
        '',
      ].join('\n'));
      assert.equal(r.stdout, '');
      assert.equal(r.code, 2);
    }
    const syntax = workdir({ '.nianbao.json': '{ "rules": { "cell-empty": "off" }', '004.md': seed('004') });
    assert.equal(run(syntax, ['check', '004.md']).stderr.split('\n')[0], 'nianbao: .nianbao.json:1:35: JSON 格式错误：缺少右花括号 }');
    const missing = run(syntax, ['check', '--config', 'ci.jsonc', '004.md']);
    assert.deepEqual([missing.stderr.split('\n')[0], missing.code], ['nianbao: ci.jsonc: 无法读取配置文件：找不到该文件或目录', 2]);
  });
});

describe('nianbao check: many files', () => {
  it('worker threads produce byte-identical output to one thread', () => {
    const seeds = ['000', '001', '002', '003', '004'].map(seed);
    const files: Record<string, string | Uint8Array> = {};
    for (let i = 0; i < 60; i++) {
      // Each seed with one value changed a different way, so the files differ in their diagnostics.
      files[`batch/d${i % 4}/r${i}.md`] = seeds[i % 5].replace(/^\t?0$/m, m => m.replace('0', String(i % 7)));
    }
    files['batch/d1/notes.md'] = '# 会议记录\n';
    // The workers get each file's own options.
    files['batch/d3/.nianbao.jsonc'] = '{ "rules": { "table-layout": "off" } }';
    files['batch/d2/broken.md'] = Buffer.from([0x23, 0x20, 0xff, 0x0a]);
    const dir = workdir(files);
    const single = run(dir, ['check', '--format', 'json', 'batch'], { NIANBAO_THREADS: '1' });
    const workers = run(dir, ['check', '--format', 'json', 'batch'], { NIANBAO_THREADS: '3' });
    // The 60 reports and broken.md with its error; notes.md is not a report and is skipped.
    assert.equal(json(single.stdout).files.length, 61);
    const layout = json(single.stdout).files.filter(f => f.diagnostics.some(d => d.code === 'table-layout')).map(f => f.path.split('/')[1]);
    assert.deepEqual([...new Set(layout)].sort(), ['d0', 'd1', 'd2']);
    assert.equal(workers.stdout, single.stdout);
    assert.equal(workers.stderr, single.stderr);
    assert.equal(workers.code, single.code);
    assert.equal(run(dir, ['check', '--format', 'json', 'batch']).stdout, single.stdout, 'the automatic choice');
  });
});

describe('nianbao import and export', () => {
  const page = (text: string) => reportPage(text, 'bold');

  it('import writes FILE.md beside the page, refuses to overwrite it (exit 2) unless --force', async () => {
    const dir = workdir({ '2023年度报告.html': page(seed('004')) });
    const first = run(dir, ['import', '2023年度报告.html']);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, '');
    assert.equal(first.stderr, '已导入 2023年度报告.md：检查发现 0 个错误，1 个警告\n');
    const written = readFileSync(path.join(dir, '2023年度报告.md'), 'utf8');
    assert.equal(written, await importReport(Buffer.from(page(seed('004'))), 'x.html'));
    writeFileSync(path.join(dir, '2023年度报告.md'), '我改过的文字\n');
    const again = run(dir, ['import', '2023年度报告.html']);
    assert.equal(again.code, 2);
    assert.equal(again.stderr, 'nianbao: 2023年度报告.md 已存在，未覆盖；要覆盖请加 --force\n');
    assert.equal(readFileSync(path.join(dir, '2023年度报告.md'), 'utf8'), '我改过的文字\n', 'the user\'s text untouched');
    assert.equal(run(dir, ['import', '2023年度报告.html', '--force']).code, 0);
    assert.equal(readFileSync(path.join(dir, '2023年度报告.md'), 'utf8'), written);
  });

  it('import -o names the output; a wrong file is a clear message and exit 2', () => {
    const dir = workdir({ 'a.htm': page(seed('002')), 'old.doc': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]) });
    assert.equal(run(dir, ['import', 'a.htm', '-o', 'out/b.md']).code, 2, 'no such directory');
    mkdirSync(path.join(dir, 'out'));
    const r = run(dir, ['import', 'a.htm', '-o', 'out/b.md']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(path.join(dir, 'out/b.md'), 'utf8'), /^# 雁鸣湖镇2021年政府信息公开工作年度报告\n/);
    assert.deepEqual(run(dir, ['import', 'old.doc']), { code: 2, stdout: '', stderr: 'nianbao: old.doc: 只能导入 .docx、.html 或 .htm 文件，不能导入「old.doc」\n' });
    assert.deepEqual(run(dir, ['import', 'none.docx']), { code: 2, stdout: '', stderr: 'nianbao: none.docx: 找不到该文件或目录\n' });
    const usage = run(dir, ['import']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /^nianbao: import 需要且只需要一个输入文件/);
  });

  it('export writes FILE.docx beside the report; with errors it still does, and says how many on stderr', async () => {
    const dir = workdir({ 'ok.md': seed('002'), 'wrong.md': seed004WithWrongTotal() });
    const ok = run(dir, ['export', 'ok.md', '--to', 'docx']);
    assert.deepEqual(ok, { code: 0, stdout: '', stderr: '已导出 ok.docx\n' });
    const wrong = run(dir, ['export', 'wrong.md', '--to', 'docx']);
    assert.equal(wrong.code, 0);
    assert.equal(wrong.stderr, '已导出 wrong.docx\nnianbao: wrong.md: 报告有 1 个错误，5 个警告，仍已导出；运行 nianbao check wrong.md 查看\n');
    const back = await importReport(readFileSync(path.join(dir, 'wrong.docx')), 'wrong.docx');
    assert.deepEqual(keptFindings(back), keptFindings(seed004WithWrongTotal()));
    assert.equal(run(dir, ['export', 'ok.md', '--to', 'docx']).code, 2, 'ok.docx exists');
    assert.equal(run(dir, ['export', 'ok.md', '--to', 'docx', '--force']).code, 0);
    assert.match(run(dir, ['export', 'ok.md', '--to', 'pdf']).stderr, /^nianbao: --to 目前只能是 docx/);
  });

  it('count with the configuration file nearest the report, as check does; a wrong one stops them (exit 2, nothing written)', () => {
    const dir = workdir({
      '2023年度报告.html': page(seed('004')),
      'reports/.nianbao.jsonc': '{ "rules": { "section-heading": "error" } }',
      'reports/004.md': seed('004'),
      'bad/.nianbao.jsonc': '{ "rules": { "cell-emtpy": "off" } }',
      'bad/004.md': seed('004'),
    });
    // The Markdown is checked where it is written: the configuration in reports/, not the page's directory.
    const imported = run(dir, ['import', '2023年度报告.html', '-o', 'reports/2023年度报告.md']);
    assert.deepEqual(imported, { code: 0, stdout: '', stderr: '已导入 reports/2023年度报告.md：检查发现 1 个错误，0 个警告\n' });
    const exported = run(dir, ['export', 'reports/004.md', '--to', 'docx']);
    assert.deepEqual(exported, {
      code: 0, stdout: '',
      stderr: '已导出 reports/004.docx\nnianbao: reports/004.md: 报告有 1 个错误，4 个警告，仍已导出；运行 nianbao check reports/004.md 查看\n',
    });
    assert.match(run(dir, ['check', 'reports/004.md']).stdout, /：1 个错误，4 个警告，/, 'the counts check gives');
    for (const [args, what] of [[['export', 'bad/004.md', '--to', 'docx'], '导出'], [['import', '2023年度报告.html', '-o', 'bad/2023年度报告.md'], '导入']] as const) {
      assert.deepEqual(run(dir, [...args]), {
        code: 2, stdout: '',
        stderr: `nianbao: bad/.nianbao.jsonc:1:14: 未知的规则代码「cell-emtpy」\nnianbao: 配置文件有误，未${what} / invalid configuration file, nothing written\n`,
      });
    }
    assert.deepEqual(readdirSync(path.join(dir, 'bad')).sort(), ['.nianbao.jsonc', '004.md']);
  });
});

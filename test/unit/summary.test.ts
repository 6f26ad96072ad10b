// `nianbao summary` on the fixture folder (test/fixtures/folder: 胡集乡 2022–2024, 车排子镇
// 2020–2022): the figures in all three formats are those the reports' tables show, the problem
// counts those `nianbao check` reports for the same files, and a figure that cannot be read is
// empty, never 0.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { SUMMARY_COLUMNS, type SummaryRow } from '../../server/src/protocol';
import { FOLDER_DIR, FOLDER_TABLES } from '../folderFixture';
import { REPO } from '../helpers';

const CLI = path.join(REPO, 'bin/nianbao.js');

let dir: string;
before(() => {
  execFileSync(process.execPath, ['build.mjs', '--only=cli'], { cwd: REPO });
  dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-summary-'));
  cpSync(FOLDER_DIR, path.join(dir, 'folder'), { recursive: true });
});
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Errors and warnings per file, as `nianbao check --format json` reports them for the same paths. */
function checkCounts(paths: string[]): Map<string, { errors: number; warnings: number }> {
  const out = JSON.parse(run(['check', '--format', 'json', ...paths]).stdout) as { files: Array<{ path: string; diagnostics: Array<{ severity: string }> }> };
  return new Map(out.files.map(f => [f.path, {
    errors: f.diagnostics.filter(d => d.severity === 'error').length,
    warnings: f.diagnostics.filter(d => d.severity === 'warning').length,
  }]));
}

/** The rows the fixture folder must give: its tables' figures, check's counts. */
function expectedRows(): SummaryRow[] {
  const counts = checkCounts(['folder']);
  return Object.entries(FOLDER_TABLES).map(([name, figures]) => {
    const p = `folder/${name}`;
    const c = counts.get(p);
    assert.ok(c, `check reported ${p}`);
    return { path: p, ...figures, ...c };
  });
}

const KEYS = SUMMARY_COLUMNS.map(c => c.key);

describe('nianbao summary on the fixture folder', () => {
  it('--format json: the documented shape, the tables\' figures, check\'s counts', () => {
    const r = run(['summary', '--format', 'json', 'folder']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['reports']);
    for (const row of out.reports) {
      assert.deepEqual(Object.keys(row), ['path', 'organ', 'year', 'template', 'received', 'carriedIn', 'handled', 'carriedOut', 'reviews', 'lawsuits', 'errors', 'warnings']);
    }
    assert.deepEqual(out.reports, expectedRows());
  });

  it('--format csv: UTF-8 BOM, CRLF, one header row, and reading it back gives the same rows', () => {
    const r = run(['summary', '--format', 'csv', 'folder']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.startsWith('\uFEFF文件,机关,年度,表格格式,本年新收,上年结转,办理结果总计,结转下年度,行政复议,行政诉讼,错误,警告\r\n'), JSON.stringify(r.stdout.slice(0, 80)));
    assert.ok(!/[^\r]\n/.test(r.stdout), 'every line ends in CRLF');
    const records: string[][] = parse(r.stdout, { bom: true });
    assert.deepEqual(records[0], SUMMARY_COLUMNS.map(c => c.title));
    assert.deepEqual(records.slice(1), expectedRows().map(row => KEYS.map(k => String(row[k]))));
  });

  it('--format md (the default): a table with the same figures, numbers right-aligned', () => {
    const r = run(['summary', 'folder']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    const cells = (line: string) => line.replace(/^\|\s*|\s*\|$/g, '').split(/\s*\|\s*/);
    assert.deepEqual(cells(lines[0]), SUMMARY_COLUMNS.map(c => c.title));
    assert.deepEqual(cells(lines[1]).map(d => d.replace(/-+/, '-')), SUMMARY_COLUMNS.map(c => (c.numeric ? '-:' : ':-')));
    assert.deepEqual(lines.slice(2).map(cells), expectedRows().map(row => KEYS.map(k => String(row[k]))));
    // Aligned for a terminal: every line has the same display width (a Chinese character is two columns).
    const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    assert.equal(new Set(lines.map(width)).size, 1, r.stdout);
  });

  it('counts the problems of the checks across the reports given: 胡集乡2024\'s carry-over break needs its 2023', () => {
    const rows = (args: string[]) => JSON.parse(run(['summary', '--format', 'json', ...args]).stdout).reports as SummaryRow[];
    const alone = rows(['folder/胡集乡2024年报.md'])[0];
    const together = rows(['folder/胡集乡2023年报.md', 'folder/胡集乡2024年报.md'])[1];
    assert.equal(together.path, 'folder/胡集乡2024年报.md');
    assert.deepEqual([alone.warnings, together.warnings], [0, 1]);
  });

  it('-o writes the file, byte for byte what stdout would get; an existing file only with --force', () => {
    const r = run(['summary', '--format', 'csv', '-o', '汇总.csv', 'folder']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const csv = run(['summary', '--format', 'csv', 'folder']).stdout;
    assert.equal(readFileSync(path.join(dir, '汇总.csv'), 'utf8'), csv);
    writeFileSync(path.join(dir, '汇总.csv'), '别人的表格');
    assert.deepEqual(run(['summary', '--format', 'csv', '-o', '汇总.csv', 'folder']), { code: 2, stdout: '', stderr: 'nianbao: 汇总.csv 已存在，未覆盖；要覆盖请加 --force\n' });
    assert.equal(readFileSync(path.join(dir, '汇总.csv'), 'utf8'), '别人的表格');
    assert.equal(run(['summary', '--format', 'csv', '-o', '汇总.csv', '--force', 'folder']).code, 0);
    assert.equal(readFileSync(path.join(dir, '汇总.csv'), 'utf8'), csv);
  });
});

describe('nianbao summary: figures that cannot be read, names that need quoting, exit status', () => {
  // 胡集乡2023年报.md with "/" for 本年新收 × 总计 and without 表四, under a name with a comma and quotes.
  const ODD = 'odd/胡集乡,"2023"年报.md';
  before(() => {
    const lines = readFileSync(path.join(FOLDER_DIR, '胡集乡2023年报.md'), 'utf8').split('\n');
    const row = lines.findIndex(l => l.startsWith('一、本年新收政府信息公开申请数量\t'));
    assert.equal(lines[row], '一、本年新收政府信息公开申请数量\t\t4\t0\t0\t0\t1\t0\t5\t');
    lines[row] = '一、本年新收政府信息公开申请数量\t\t4\t0\t0\t0\t1\t0\t/\t';
    const t4 = lines.findIndex(l => l.startsWith('四、政府信息公开行政复议、行政诉讼情况'));
    const t5 = lines.findIndex(l => l.startsWith('五、存在的主要问题及改进情况'));
    assert.ok(t4 > row && t5 > t4);
    const text = [...lines.slice(0, t4 + 1), '', '本年度未发生政府信息公开行政复议、行政诉讼。', '', ...lines.slice(t5)].join('\n');
    mkdirSync(path.join(dir, 'odd'));
    writeFileSync(path.join(dir, ODD), text);
  });

  const unreadable = { received: null, reviews: null, lawsuits: null };

  it('json: null for the unreadable 本年新收 总计 and for 表四\'s figures; the other figures as the tables say', () => {
    const r = run(['summary', '--format', 'json', ODD]);
    assert.equal(r.code, 0, r.stderr);
    const [row] = JSON.parse(r.stdout).reports;
    const counts = checkCounts([ODD]).get(ODD)!;
    assert.ok(counts.errors >= 2, 'the placeholder and the missing 表四 are errors');
    assert.deepEqual(row, { path: ODD, ...FOLDER_TABLES['胡集乡2023年报.md'], ...unreadable, ...counts });
  });

  it('csv: empty cells for them, and the name with a comma and quotes reads back whole', () => {
    const records: string[][] = parse(run(['summary', '--format', 'csv', ODD]).stdout, { bom: true });
    const row = Object.fromEntries(KEYS.map((k, i) => [k, records[1][i]]));
    assert.equal(row.path, ODD);
    assert.deepEqual([row.received, row.reviews, row.lawsuits, row.carriedIn, row.handled], ['', '', '', '1', '5']);
    assert.match(run(['summary', '--format', 'csv', ODD]).stdout, /\r\n"odd\/胡集乡,""2023""年报\.md",/);
  });

  it('md: a dash for them', () => {
    const line = run(['summary', ODD]).stdout.trimEnd().split('\n')[2];
    const cells = line.replace(/^\|\s*|\s*\|$/g, '').split(/\s*\|\s*/);
    const row = Object.fromEntries(KEYS.map((k, i) => [k, cells[i]]));
    assert.deepEqual([row.received, row.reviews, row.lawsuits, row.carriedIn, row.handled], ['—', '—', '—', '1', '5']);
  });

  it('is 0 although a report has errors, 2 when a file cannot be read (the others are still summed up) or the usage is wrong', () => {
    assert.equal(run(['summary', ODD]).code, 0);
    const r = run(['summary', '--format', 'json', 'missing.md', 'folder/胡集乡2022年报.md']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'nianbao: missing.md: 找不到该文件或目录\n');
    assert.deepEqual(JSON.parse(r.stdout).reports.map((x: SummaryRow) => x.path), ['folder/胡集乡2022年报.md']);
    for (const [args, reason] of [
      [['summary', '--format', 'text', 'folder'], '--format 只能是 md、csv 或 json / --format must be md, csv or json: text'],
      [['summary', '--fix', 'folder'], '未知选项 / unknown option: --fix'],
      [['check', '-o', 'x.csv', 'folder'], '未知选项 / unknown option: -o'],
    ] as const) {
      const u = run([...args]);
      assert.equal(u.stderr.split('\n')[0], `nianbao: ${reason}`);
      assert.equal(u.code, 2);
    }
  });
});

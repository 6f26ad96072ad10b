// The fixture workspace of the real-editor tests, written fresh for every run so the seeds stay
// untouched:  node --import tsx test/e2e/workspace.ts WS_DIR
//
//   2021年度报告.md            seed 002 verbatim: the checker finds nothing wrong in it
//   2022年度报告.md            seed 000 verbatim: one-cell-per-line tables (convert-table test)
//   2023年度报告.md            seed 004 verbatim: "5、 存在的主要问题…" heading and Word bookmarks
//   2024年度报告-总计有误.md    seed 001 with one slip in 表三, its organ renamed (see brokenTotal)
//   空白年度报告.md             title and the six standard headings, no tables (insert-table test)
//   README.md                  plain Markdown, not a report
//   去年的年度报告.docx          seed 004 as a Word document (the export's), for the import command
//   配置/.nianbao.jsonc         the folder's configuration: section-numbering error, report-title off,
//                              *.txt checked too
//   配置/2024年度报告.md         seed 001 verbatim: a repeated title and seven sub-items numbered 一、
//   配置/2024年度报告.txt        the same as plain text
//   配置/有误/.nianbao.jsonc    a configuration with an unknown rule code, a misspelt level and an unknown key
//   跨年度/                     the fixture folder test/fixtures/folder (two organs over three years;
//                              its README says which file holds the carry-over break and which the
//                              prose/table contradiction), 胡集乡 called 胡集街道 in the texts:
//                              配置/ holds seed 001, a 胡集乡 2024 report of its own
// Beside the workspace, WS_DIR/../expect/t3-2021.txt holds the 2021 表三 template the
// insert-table command must write, and import-去年的年度报告.md the Markdown the import command
// must open, both taken from the engine rather than typed again, and 胡集乡2023年报-更正.md
// 跨年度/'s 2023 report put right (test/folderFixture.ts), and summary.json the 年报汇总 rows of
// 跨年度/: the figures its tables show, the engine's counts.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { reportSkeleton, templateTable } from '../../server/src/engine/blocks';
import { exportReport, importReport } from '../../server/src/word';
import { check, checkFolder, countBySeverity, folderReport } from '../../server/src/engine';
import { FOLDER_TABLES, fixedHuji2023, FOLDER_FILES, folderText } from '../folderFixture';

const seedsDir = process.env.NIANBAO_SEEDS || path.resolve(__dirname, '../../../shared/reports/seeds');

function seed(prefix: string): string {
  const name = readdirSync(seedsDir).find(f => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  if (!name) throw new Error(`seed ${prefix} not found in ${seedsDir}`);
  return readFileSync(path.join(seedsDir, name), 'utf8');
}

/** Replaces 0-based line `n` exactly; a seed that changed under us is an error, not a silent no-op. */
function replaceLine(text: string, n: number, from: string, to: string): string {
  const lines = text.split('\n');
  if (lines[n] !== from) throw new Error(`line ${n} is ${JSON.stringify(lines[n])}, expected ${JSON.stringify(from)}`);
  lines[n] = to;
  return lines.join('\n');
}

/**
 * Seed 001 (all zeros) with three applications from 自然人 carried over to next year, and the
 * 本年新收 总计 mistyped as 2: t3-row-total on line 52 (总计 2 instead of 3) and t3-balance on the
 * 总计 column; setting the total to 3 leaves no error. Its organ is called 胡集镇 (one character
 * for one, so nothing moves): as 胡集乡 it would be a second 胡集乡 2024 report beside 配置/'s,
 * with other numbers, which carry-over reports.
 */
function brokenTotal(): string {
  let text = seed('001').replace(/胡集乡/g, '胡集镇');
  text = replaceLine(text, 52, '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t', '一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t2\t');
  text = replaceLine(text, 76, '四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\t', '四、结转下年度继续办理\t\t3\t0\t0\t0\t0\t0\t3\t');
  return text;
}

/** A new report's skeleton without its tables: every template table line has tabs, no heading does. */
function emptyReport(): string {
  return reportSkeleton(2023, '示例县人民政府办公室', '2021').split('\n').filter(l => !l.includes('\t')).join('\n');
}

/** A report of the fixture folder as 跨年度/ holds it. */
const cross = (text: string) => text.replace(/胡集乡/g, '胡集街道');

const CONFIG = '{\n  // 本目录的约定\n  "rules": { "section-numbering": "error", "report-title": "off" },\n  "include": ["*.txt"]\n}\n';

const ws = process.argv[2];
if (!ws) {
  console.error('usage: node --import tsx test/e2e/workspace.ts WS_DIR');
  process.exit(2);
}
const files: Record<string, string> = {
  '2021年度报告.md': seed('002'),
  '2022年度报告.md': seed('000'),
  '2023年度报告.md': seed('004'),
  '2024年度报告-总计有误.md': brokenTotal(),
  '空白年度报告.md': emptyReport(),
  'README.md': '# 说明\n\n这是一个普通的 Markdown 文件，不是政府信息公开工作年度报告。\n\n- 第一项\n- 第二项\n',
  '配置/.nianbao.jsonc': CONFIG,
  '配置/2024年度报告.md': seed('001'),
  '配置/2024年度报告.txt': seed('001'),
  ...Object.fromEntries(FOLDER_FILES.map(f => [`跨年度/${f}`, cross(folderText(f))])),
  '配置/有误/.nianbao.jsonc': '{\n  "rules": {\n    "cell-emtpy": "off",\n    "table-layout": "of"\n  },\n  "rule": {}\n}\n',
};
const expect = path.join(ws, '..', 'expect');
mkdirSync(ws, { recursive: true });
mkdirSync(expect, { recursive: true });
for (const [name, text] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
  writeFileSync(path.join(ws, name), text);
}
writeFileSync(path.join(expect, 't3-2021.txt'), templateTable('t3', '2021'));
writeFileSync(path.join(expect, '胡集乡2023年报-更正.md'), cross(fixedHuji2023(folderText('胡集乡2023年报.md'))));
// Their 年报汇总 rows: each report's own problems and those of the checks across the folder.
const reports = FOLDER_FILES.map(name => ({ name, ...check(cross(folderText(name))) }));
const across = checkFolder(reports.map(r => folderReport(r.report, r.name, r.name)));
const summary = reports.map(({ name, diagnostics }) => {
  const { errors, warnings } = countBySeverity([...diagnostics, ...(across.get(name) ?? [])]);
  return { path: `跨年度/${name}`, ...FOLDER_TABLES[name], organ: cross(FOLDER_TABLES[name].organ!), errors, warnings };
});
writeFileSync(path.join(expect, 'summary.json'), JSON.stringify(summary, null, 2));
void (async () => {
  const docx = (await exportReport(seed('004'))).bytes;
  writeFileSync(path.join(ws, '去年的年度报告.docx'), docx);
  writeFileSync(path.join(expect, 'import-去年的年度报告.md'), await importReport(docx, '去年的年度报告.docx'));
})().catch(err => {
  console.error(err);
  process.exitCode = 1;
});

// `npm run bench`: how fast Nianbao checks, against baselines measured in the same run on the same
// text (remark parse alone, markdownlint, a plain line/tab/number scan). Medians after warm-up;
// in-process figures are CPU time of this process (user + system), so other load on the machine
// moves them less than wall time; batch figures are wall time (threads are the point there).
// Not a test: nothing here fails on a number.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { lint as markdownlint } from 'markdownlint/sync';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, checkFolder, clearCaches, folderReport, LineIndex, type Range, type Report } from '../server/src/engine';
import { bigTableReport, concatenatedReports, folderReports, generateReport, LAYOUTS, SEEDS_DIR, writeReports } from './generate';

const REPO = path.resolve(__dirname, '..');
const remark = unified().use(remarkParse).use(remarkGfm);

// ---------- measuring ----------

interface Sample { cpu: number; wall: number }

function once(f: () => unknown): Sample {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  f();
  const wall = performance.now() - w0;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs the contenders in turn, `reps` rounds after `warmup` rounds, so load that comes and goes
 * hits all of them alike. Returns each one's median sample.
 */
function race(contenders: Record<string, () => unknown>, reps: number, warmup = 3): Record<string, Sample> {
  const samples: Record<string, Sample[]> = {};
  for (let round = 0; round < warmup + reps; round++) {
    for (const [name, f] of Object.entries(contenders)) {
      const s = once(f);
      if (round >= warmup) (samples[name] ??= []).push(s);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, { cpu: median(v.map(s => s.cpu)), wall: median(v.map(s => s.wall)) }]));
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const kb = (s: string) => `${(Buffer.byteLength(s) / 1024).toFixed(1)} KB`;
const row = (cells: Array<string | number>) => console.log(`| ${cells.join(' | ')} |`);
const header = (cells: string[]) => { row(cells); row(cells.map(() => '---')); };

/** The floor: split lines, split tabs, read every number. */
function plainScan(text: string): number {
  let sum = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    for (const cell of line.split('\t')) {
      const n = Number(cell);
      if (cell !== '' && !Number.isNaN(n)) sum += n;
    }
  }
  return sum;
}

const coldCheck = (text: string) => () => { clearCaches(); return check(text); };

// ---------- 1. one report ----------

function oneReport() {
  console.log('\n## 1. One report (cold check: every engine cache cleared before each run)\n');
  const texts: Array<[string, string]> = readdirSync(SEEDS_DIR).filter(f => f.endsWith('.txt')).sort()
    .map(f => [`seed ${f.slice(0, 3)}`, readFileSync(path.join(SEEDS_DIR, f), 'utf8')]);
  LAYOUTS.forEach((layout, i) => texts.push([`generated, ${layout}`, generateReport(i + 3, { layout })]));
  header(['text', 'size', 'nianbao check ms', 'remark parse ms', 'markdownlint ms', 'plain scan ms', 'check / remark (≤ 1.3)', 'check / markdownlint (≤ 1.0)', 'check / scan']);
  for (const [name, text] of texts) {
    const r = race({
      check: coldCheck(text),
      remark: () => remark.parse(text),
      markdownlint: () => markdownlint({ strings: { report: text } }),
      scan: () => plainScan(text),
    }, 30, 5);
    row([name, kb(text), ms(r.check.cpu), ms(r.remark.cpu), ms(r.markdownlint.cpu), ms(r.scan.cpu),
      ratio(r.check.cpu, r.remark.cpu), ratio(r.check.cpu, r.markdownlint.cpu), ratio(r.check.cpu, r.scan.cpu)]);
  }
}

// ---------- 2. large documents, each in its own process ----------

interface ChildResult { times: number[]; maxRssMB: number }

/** Child mode: `bench.ts --child check|remark FILE REPS` prints its median CPU time and peak RSS. */
function child(kind: string, file: string, reps: number) {
  const text = readFileSync(file, 'utf8');
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    times.push(once(kind === 'check' ? coldCheck(text) : () => remark.parse(text)).cpu);
  }
  const result: ChildResult = { times, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(result));
}

// A baseline that runs past this is stopped, so the whole benchmark stays within minutes; its
// ratio is then an upper bound. Nianbao's own check is never stopped: its time is the measurement.
const CHILD_LIMIT_MS = 30_000;

function inChild(kind: 'check' | 'remark', file: string, reps: number): ChildResult | number | string {
  // The same script (the bundle, or the source under tsx) with the same loader.
  const r = spawnSync(process.execPath, [...process.execArgv, '--max-old-space-size=4096', __filename, '--child', kind, file, String(reps)], {
    cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 20, timeout: kind === 'remark' ? CHILD_LIMIT_MS : undefined,
  });
  if (r.error && 'code' in r.error && r.error.code === 'ETIMEDOUT') return CHILD_LIMIT_MS;
  if (r.status !== 0) return `failed (${r.signal ?? `exit ${r.status}`}): ${r.stderr.trim().split('\n').pop()}`;
  return JSON.parse(r.stdout) as ChildResult;
}

/** Median ms and peak RSS cells of a child's result, and the median for the ratio (a lower bound when stopped). */
function childCells(r: ChildResult | number | string): { cells: [string, string]; time?: number; stopped: boolean } {
  if (typeof r === 'string') return { cells: [r, ''], stopped: false };
  if (typeof r === 'number') return { cells: [`> ${ms(r)} (stopped, wall)`, ''], time: r, stopped: true };
  const time = median(r.times);
  return { cells: [ms(time), r.maxRssMB.toFixed(0)], time, stopped: false };
}

function largeDocuments(tmp: string) {
  console.log('\n## 2. Large documents (one process each: cold check; peak RSS of that process)\n');
  console.log(`Repetitions: 100 KB 5, 1 MB 3, 10 MB and the 100,000-row table 2 for the check and 1 for remark (a 10 MB remark parse alone takes minutes and gigabytes); a run past ${CHILD_LIMIT_MS / 1000} s is stopped and its ratio is an upper bound.\n`);
  const docs: Array<[string, () => string, number, number]> = [
    ['100 KB, reports concatenated', () => concatenatedReports(100 * 1024), 5, 5],
    ['1 MB, reports concatenated', () => concatenatedReports(1024 * 1024), 3, 3],
    ['10 MB, reports concatenated', () => concatenatedReports(10 * 1024 * 1024), 2, 1],
    ['one report, 100,000-row tab table', () => bigTableReport(100_000), 2, 1],
  ];
  header(['document', 'size', 'nianbao check ms', 'check peak RSS MB', 'remark parse ms', 'remark peak RSS MB', 'check / remark (10 MB: ≤ 0.5)']);
  for (const [name, make, checkReps, remarkReps] of docs) {
    const text = make();
    const file = path.join(tmp, 'doc.md');
    writeFileSync(file, text);
    const c = childCells(inChild('check', file, checkReps));
    const r = childCells(inChild('remark', file, remarkReps));
    const bound = r.stopped ? '< ' : '';
    row([name, `${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB`, ...c.cells, ...r.cells,
      c.time !== undefined && r.time !== undefined ? bound + ratio(c.time, r.time) : 'n/a']);
  }
}

// ---------- 3. editing ----------

async function editing() {
  console.log('\n## 3. Editing a 1 MB document in the language server (in process)\n');
  const text = concatenatedReports(1024 * 1024);
  // The server's own analysis of each document version (its steps run to the end at once),
  // re-checking from the previous version's report as the server does.
  const { analyse } = await import('../server/src/lsp/analysis');
  const { DEFAULT_SETTINGS } = await import('../server/src/lsp/settings');
  const { toLspDiagnostic } = await import('../server/src/lsp/diagnostics');
  const uri = 'file:///bench/report.md';
  let doc = TextDocument.create(uri, 'markdown', 1, text);
  let previous: Report | undefined;
  const publish = () => {
    const analysis = analyse(doc, DEFAULT_SETTINGS, previous);
    previous = analysis.report;
    return analysis.diagnostics.map(d => toLspDiagnostic(d, uri));
  };
  publish();

  // Cells to edit: numbers in tab rows spread over the document.
  const lines = new LineIndex(text);
  const cells: Array<{ line: number; character: number }> = [];
  for (let n = 0; n < lines.lineCount && cells.length < 200; n += 97) {
    for (let m = n; m < Math.min(n + 97, lines.lineCount); m++) {
      const s = lines.line(m);
      const at = s.search(/\t[1-9]\d*$/);
      if (s.includes('\t') && at >= 0) { cells.push({ line: m, character: at + 1 }); break; }
    }
  }
  const change = (range: Range, newText: string) => {
    doc = TextDocument.update(doc, [{ range, text: newText }], doc.version + 1);
    return publish();
  };
  let k = 0;
  const edit = () => {
    const pos = cells[k++ % cells.length];
    const range = { start: pos, end: { line: pos.line, character: pos.character + 1 } };
    const current = doc.getText(range);
    return change(range, current === '9' ? '8' : String(Number(current) + 1));
  };
  // Not a target, but what typing prose costs: a character typed into the first paragraph, then
  // taken out again, moves every table and heading below it by one character.
  const paragraph = lines.position(text.indexOf('。')).line;
  let typed = false;
  const type = () => {
    const at = { line: paragraph, character: 0 };
    typed = !typed;
    return change({ start: at, end: { line: at.line, character: typed ? 0 : 1 } }, typed ? '另' : '');
  };
  const full = () => { clearCaches(); return check(doc.getText()); };
  // Ten rounds of warm-up: an edit runs once a round, and a server that has seen ten keystrokes
  // has compiled its re-check path; a cold check warms itself, running every part many times.
  const r = race({ edit, type, full }, 25, 10);
  header(['document', 'edit → new diagnostics ms', 'full cold check ms', 'edit / full (≤ 0.1 for a cell)']);
  row([`1 MB, one cell changed (${cells.length} cells in turn)`, ms(r.edit.cpu), ms(r.full.cpu), ratio(r.edit.cpu, r.full.cpu)]);
  row(['1 MB, one character typed into the first paragraph', ms(r.type.cpu), ms(r.full.cpu), ratio(r.type.cpu, r.full.cpu)]);
}

// ---------- 4. batch ----------

function wall(cmd: string, args: string[], cwd: string): number | string {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 << 20 });
  const t = performance.now() - t0;
  // Both tools exit 1 when they find problems; anything else is a failure.
  if (r.status !== 0 && r.status !== 1) return `failed (${r.signal ?? `exit ${r.status}`}): ${(r.stderr || '').trim().split('\n').pop()}`;
  return t;
}

// Two runs of each: a third added a minute to the benchmark and moved the medians by a few percent.
const BATCH_RUNS = 2;

function batch(tmp: string) {
  console.log(`\n## 4. Batch: 1,000 generated reports (wall time, ${BATCH_RUNS} runs each, alternating)\n`);
  const dir = path.join(tmp, 'reports');
  writeReports(dir, 1000);
  const cli = path.join(REPO, 'bin/nianbao.js');
  const lint = path.join(REPO, 'node_modules/.bin/markdownlint-cli2');
  header(['files', 'nianbao check --format json ms', 'markdownlint-cli2 ms', 'nianbao / markdownlint-cli2 (≤ 1.0)']);
  if (!existsSync(path.join(REPO, 'dist/cli.js'))) {
    row(['1,000', 'n/a (cli not built)', '', '']);
    return;
  }
  const ours: Array<number | string> = [], theirs: Array<number | string> = [];
  for (let i = 0; i < BATCH_RUNS; i++) {
    ours.push(wall(process.execPath, [cli, 'check', '--format', 'json', dir], tmp));
    theirs.push(wall(lint, [`${dir}/**/*.md`], tmp));
  }
  const failed = [...ours, ...theirs].find(x => typeof x === 'string');
  if (failed !== undefined) { row(['1,000', String(failed), '', '']); return; }
  const a = median(ours as number[]), b = median(theirs as number[]);
  row(['1,000', ms(a), ms(b), ratio(a, b)]);
}

// ---------- 5. a folder: checks across reports ----------

async function folder(tmp: string) {
  const n = 1000;
  console.log(`\n## 5. A folder of ${n.toLocaleString('en')} reports (${n / 6 | 0} organs × 6 years): checks across reports\n`);
  const reports = folderReports(n);
  // One by one: each report's own check. The checks across reports add, once each report is
  // checked, what it contributes (its identity and a few cells) and the folder rules over all of
  // them: that extra work is timed on its own, against the checks it comes after.
  const checked = reports.map(r => ({ name: r.name, report: check(r.text).report }));
  const oneByOne = () => reports.map(r => check(r.text).diagnostics.length);
  const across = () => checkFolder(checked.map(c => folderReport(c.report, c.name, c.name)));
  const r = race({ oneByOne, across }, 7, 2);
  const findings = [...across().values()].reduce((k, ds) => k + ds.length, 0);
  header(['reports', 'one by one ms', 'checks across reports ms', 'cross-report findings', 'extra (≤ 20%)']);
  row([n.toLocaleString('en'), ms(r.oneByOne.cpu), ms(r.across.cpu), findings, `${(r.across.cpu / r.oneByOne.cpu * 100).toFixed(1)}%`]);

  // The language server's side: the folder read from disk, then read again as a workspace pull
  // does when nothing or one file changed (no file watcher: every file is stat'ed).
  const dir = path.join(tmp, 'folder');
  for (const x of reports) {
    mkdirSync(path.dirname(path.join(dir, x.name)), { recursive: true });
    writeFileSync(path.join(dir, x.name), x.text);
  }
  const { Workspace } = await import('../server/src/lsp/workspace');
  // The client set nothing (defaults), and pushes its diagnostics of open documents (none here).
  const workspace = new Workspace(async () => ({}), () => [], (what, err) => console.error(what, err));
  workspace.setFolders([pathToFileURL(dir).href]);
  const timed = async (f: () => Promise<unknown>) => {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    await f();
    const c = process.cpuUsage(c0);
    return { cpu: (c.user + c.system) / 1000, wall: performance.now() - w0 };
  };
  let previous: Array<{ uri: string; value: string }> = [];
  const pull = async () => {
    await workspace.refresh();
    const items = workspace.workspaceReport(previous);
    previous = items.map(i => ({ uri: i.uri, value: i.resultId! }));
    return items.filter(i => i.kind === 'full').length;
  };
  const debris = (k: number) => async () => {
    const file = path.join(dir, reports[k].name);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n窗体顶端\n`);
    workspace.fileChanged(pathToFileURL(file).href);
    return pull();
  };
  const rows: Array<[string, () => Promise<unknown>]> = [
    ['first workspace pull: every report read and checked', pull],
    ['next pull, nothing changed (no file watcher: every file stat\'ed)', pull],
    ['next pull, one report changed (a line of Word debris added)', debris(7)],
    ['next pull, nothing changed (file watcher: no scan)', async () => { workspace.watching = true; return pull(); }],
    ['next pull, one report changed (file watcher: that file read)', debris(8)],
  ];
  console.log('');
  header(['language server (in process)', 'CPU ms', 'wall ms', 'reports sent in full']);
  for (const [name, f] of rows) {
    let sent: unknown;
    const t = await timed(async () => { sent = await f(); });
    row([name, ms(t.cpu), ms(t.wall), String(sent)]);
  }
}

// ---------- main ----------

function build(): string {
  try {
    execFileSync(process.execPath, ['build.mjs'], { cwd: REPO, stdio: 'pipe' });
    return 'npm run build: ok';
  } catch (err) {
    const msg = err instanceof Error && 'stderr' in err ? String((err as { stderr: unknown }).stderr).trim().split('\n')[0] : String(err);
    return `npm run build failed (${msg}); the batch row uses whatever dist/cli.js there is`;
  }
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, node ${process.version}, load average ${os.loadavg().map(l => l.toFixed(1)).join(' ')}`;
}

async function main() {
  if (process.argv[2] === '--child') return child(process.argv[3], process.argv[4], Number(process.argv[5]));
  const started = performance.now();
  console.log('# Nianbao benchmark\n');
  console.log(`Machine: ${machine()}`);
  console.log(build());
  console.log('Times are medians of CPU time in ms (sections 1–3, 5) and of wall time (section 4); ratios are to baselines measured in the same run on the same text.');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
  // `npm run bench -- 1 3` runs sections 1 and 3 only; the table in docs/performance.md is from a whole run.
  const chosen = process.argv.slice(2).filter(a => /^[1-5]$/.test(a));
  const run = (n: string) => chosen.length === 0 || chosen.includes(n);
  try {
    if (run('1')) oneReport();
    if (run('2')) largeDocuments(tmp);
    if (run('3')) await editing();
    if (run('4')) batch(tmp);
    if (run('5')) await folder(tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\nLoad average at the end: ${os.loadavg().map(l => l.toFixed(1)).join(' ')}; whole run ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch(err => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});

// `nianbao check`, `summary`, `import` and `export`: the command line over the engine. Output is
// sorted by path whatever the number of threads, JSON output is the only thing on stdout, and the
// exit status tells CI whether there are errors (1) or files that could not be read (2).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { ALL_RULES, byPosition, check, checkFolder, countBySeverity, isSeveritySetting, type CheckOptions, type RuleCode, type SeveritySetting } from './engine';
import { checkFiles, runWorker } from './batch';
import { readError } from './fileErrors';
import { output, type FileOptions, type FileResult, type FileTask } from './checkFile';
import { decode, filesBelow } from './files';
import { findConfigFile, loadConfig, resolveConfig, type LoadedConfig } from './config';
import { selects } from './globs';
import { summaryRow } from './summary';
import { formatSummary, SUMMARY_FORMATS, type SummaryFormat } from './summaryOutput';
import { version } from '../../package.json';

export const USAGE = `用法 / Usage:
  nianbao check [选项] 路径...
  nianbao summary [--format md|csv|json] [-o 文件] [--force] [选项] 路径...
  nianbao import 文件.docx|.html|.htm [-o 输出.md] [--force]
  nianbao export 报告.md --to docx [-o 输出.docx] [--force]
  nianbao --help | --version

检查政府信息公开工作年度报告（Markdown 或文本）：六个部分的标题与顺序、表二/表三/表四的
结构与勾稽关系、Word 转换残留等。明确指定的文件不论扩展名都会检查；指定目录时递归检查其中的
*.md 文件（以及配置文件 include 指定的文件），跳过 node_modules、以“.”开头的目录以及不是
年度报告的 Markdown 文件。配置文件 exclude 指定的文件不检查，即使明确指定。
给出的全部文件一起做跨报告核对：同一机关相邻两年的上年结转与结转下年度（carry-over）。

summary 对同样的文件列出汇总表，每份报告一行：机关、年度、表格格式、本年新收、上年结转、
办理结果总计、结转下年度、行政复议、行政诉讼（两项起诉合计）以及错误、警告个数（含跨报告核对）；
无法读取的数字为空。

import 把 Word 文档（.docx）或保存的网页（.html/.htm）转换为年报 Markdown：标题写作“#”，
六个部分的标题写作“##”，统计表按“插入表三”的格式写成制表符分隔的行（合并单元格按行名列名还原），
书签、“窗体顶端”、页码等转换残留不带入。export 把年报写成 Word 文档：A4，公文格式（GB/T 9704），
统计表按国家模板画出合并的表头。报告有错误时照常导出，并在标准错误输出说明错误个数。
不指定 -o 时写到输入文件旁（同名，扩展名改为 .md 或 .docx）；目标文件已存在时不覆盖，除非加 --force。

选项 / Options:
  --format 格式            check：text（默认）或 json。text 每个问题一行：路径:行:列 级别 代码 说明；
                           json 只向 stdout 输出一个 JSON 对象（行、列从 0 开始，按 UTF-16 计）
                           summary：md（默认，Markdown 表格）、csv（UTF-8 带 BOM，可直接用 Excel、
                           WPS 打开）或 json：{"reports":[{"path","organ","year","template",…}]}
  --fix                    check：应用安全修复并原地改写文件（章节标题、转换残留、全角数字、表格格式与
                           标签、子项序号），然后报告剩余问题；合计、年份、重复词等内容不会改动
  --severity 代码=级别     调整某条规则的级别：off|info|warning|error，可重复，
                           例如 --severity cell-empty=off；优先于配置文件
  --config 文件            使用这个配置文件，不再查找 .nianbao.jsonc / .nianbao.json
  --no-config              不使用任何配置文件
  -o, --output 路径        summary/import/export：输出文件（Windows 下保存 CSV 请用此项）；“-”表示标准输出
  --force                  summary/import/export：覆盖已存在的输出文件
  --to docx                export：输出格式（目前只有 docx）
  -h, --help               显示本帮助
  -v, --version            显示版本号

配置文件 / Configuration file:
  从每个被检查文件所在的目录向上查找 .nianbao.jsonc（或 .nianbao.json），直到文件系统根目录，
  最近的一个生效。JSON 格式（UTF-8），可写注释：
    {
      "rules": { "cell-empty": "off", "duplicate-word": "warning" },  // 规则代码 → 级别
      "defaultTemplate": "2021",       // 无法判断时采用的表格格式：2021 或 2019
      "include": ["**/*.txt"],         // 也要检查的文件（glob，相对于配置文件所在目录）
      "exclude": ["草稿/**"]           // 不检查的文件
    }
  配置文件有误（JSON 格式、未知的规则代码或配置项、无效的级别）时列出每处错误的位置，
  不检查任何文件，退出码为 2。import 和 export 同样采用报告（import 为输出文件）所在目录
  最近的配置文件：错误个数按它计算，export 无法判断格式时按它的 defaultTemplate 画表；
  配置文件有误时不写出文件，退出码为 2。

编码 / Encodings:
  UTF-8（可带 BOM）、带 BOM 的 UTF-16 LE/BE、GBK/GB18030 自动识别；--fix 按原编码、BOM 和换行符写回。

环境变量 / Environment:
  NIANBAO_THREADS=n        检查线程数；默认在文件不少于 32 个时使用全部 CPU 核心
  NO_COLOR                 终端输出不使用颜色

退出码 / Exit status:
  0  没有错误级别的问题（summary：汇总完成，报告中有错误也是 0；import/export：已写出文件）
  1  至少有一个错误级别的问题（只用于 check）
  2  用法错误，配置文件有误，或有文件无法读取、解码或写回（其他文件照常检查）；summary/import/export 的目标已存在
`;

class UsageError extends Error {}

interface Args {
  /** `nianbao summary` rather than `check`. */
  summary: boolean;
  format: 'text' | 'json' | SummaryFormat;
  fix: boolean;
  severities: Partial<Record<RuleCode, SeveritySetting>>;
  /** The configuration file named by --config, null for --no-config, undefined to look for each file's. */
  config: string | null | undefined;
  paths: string[];
  /** summary: the file to write instead of stdout, and whether it may replace one. */
  output?: string;
  force: boolean;
}

const FORMATS = { check: ['text', 'json'], summary: SUMMARY_FORMATS } as const;

interface Option { arg: string; name: string; inline: boolean; value: () => string }

/**
 * The arguments after the command, one at a time: an option with its name (before any "=") and
 * a reader of its value (after the "=", else the next argument), or a path; after "--", paths only.
 */
function* options(argv: string[]): Generator<Option | { path: string }> {
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { for (const path of argv.slice(i + 1)) yield { path }; return; }
    if (!arg.startsWith('-') || arg === '-') { yield { path: arg }; continue; }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    yield {
      arg, name, inline: eq > 0,
      value: () => {
        if (eq > 0) return arg.slice(eq + 1);
        if (i + 1 >= argv.length) throw new UsageError(`${name} 缺少参数 / ${name} needs a value`);
        return argv[++i];
      },
    };
  }
}

function parseArgs(argv: string[]): Args | WordArgs | 'help' | 'version' {
  if (argv.length === 0) throw new UsageError('缺少命令 / missing command');
  if (argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return 'help';
  if (argv[0] === '-v' || argv[0] === '--version') return 'version';
  if (argv[0] === 'import' || argv[0] === 'export') return parseWordArgs(argv[0], argv);
  if (argv[0] !== 'check' && argv[0] !== 'summary') throw new UsageError(`未知命令 / unknown command: ${argv[0]}`);
  const summary = argv[0] === 'summary';
  const formats: readonly string[] = FORMATS[argv[0]];
  const args: Args = { summary, format: summary ? 'md' : 'text', fix: false, severities: {}, config: undefined, paths: [], force: false };
  const codes = new Set<string>(ALL_RULES.map(r => r.id));
  const setConfig = (to: string | null) => {
    if (args.config !== undefined && (args.config === null) !== (to === null)) {
      throw new UsageError('--config 和 --no-config 不能同时使用 / --config and --no-config exclude each other');
    }
    args.config = to;
  };
  for (const o of options(argv)) {
    if ('path' in o) { args.paths.push(o.path); continue; }
    const { name, inline, value } = o;
    if (name === '-h' || name === '--help') return 'help';
    if (name === '-v' || name === '--version') return 'version';
    if (name === '--fix' && !inline && !summary) args.fix = true;
    else if ((name === '-o' || name === '--output') && summary) args.output = value();
    else if (name === '--force' && !inline && summary) args.force = true;
    else if (name === '--no-config' && !inline) setConfig(null);
    else if (name === '--config') setConfig(value());
    else if (name === '--format') {
      const f = value();
      if (!formats.includes(f)) {
        const list = (comma: string, or: string) => `${formats.slice(0, -1).join(comma)} ${or} ${formats.at(-1)}`;
        throw new UsageError(`--format 只能是 ${list('、', '或')} / --format must be ${list(', ', 'or')}: ${f}`);
      }
      args.format = f as Args['format'];
    } else if (name === '--severity') {
      const v = value();
      const [code, level] = v.split('=');
      if (!codes.has(code)) throw new UsageError(`未知的规则代码 / unknown rule code: ${code}（可用：${[...codes].join(', ')}）`);
      if (!isSeveritySetting(level)) throw new UsageError(`--severity 应写作 代码=off|info|warning|error / expected CODE=off|info|warning|error: ${v}`);
      args.severities[code as RuleCode] = level as SeveritySetting;
    } else throw new UsageError(`未知选项 / unknown option: ${o.arg}`);
  }
  if (args.paths.length === 0) throw new UsageError('没有指定要检查的文件或目录 / no file or directory given');
  return args;
}

interface WordArgs { command: 'import' | 'export'; input: string; output?: string; force: boolean }

function parseWordArgs(command: WordArgs['command'], argv: string[]): WordArgs | 'help' {
  const inputs: string[] = [];
  let output: string | undefined;
  let force = false;
  let to: string | undefined;
  for (const o of options(argv)) {
    if ('path' in o) { inputs.push(o.path); continue; }
    const { name, inline, value } = o;
    if (name === '-h' || name === '--help') return 'help';
    if (name === '-o' || name === '--output') output = value();
    else if (name === '--force' && !inline) force = true;
    else if (name === '--to' && command === 'export') to = value();
    else throw new UsageError(`未知选项 / unknown option: ${o.arg}`);
  }
  if (to !== undefined && to !== 'docx') throw new UsageError(`--to 目前只能是 docx / --to must be docx: ${to}`);
  if (inputs.length !== 1) throw new UsageError(`${command} 需要且只需要一个输入文件 / ${command} takes exactly one file`);
  return { command, input: inputs[0], output, force };
}

/** Writes a new file (or standard output for "-"); an existing file only with --force. */
function writeOutput(file: string, data: string | Uint8Array, force: boolean): string | undefined {
  if (file === '-') { process.stdout.write(data); return undefined; }
  try {
    writeFileSync(file, data, { flag: force ? 'w' : 'wx' });
    return undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return `${file} 已存在，未覆盖；要覆盖请加 --force`;
    return `${file}: 无法写入：${err instanceof Error ? err.message : String(err)}`;
  }
}

const counted = (c: { errors: number; warnings: number }) => `${c.errors} 个错误，${c.warnings} 个警告`;

/** `nianbao import` and `nianbao export`: one file in, one file out, what happened on stderr. */
async function runWord(args: WordArgs): Promise<number> {
  // Loaded here: `nianbao check` does without the Word libraries.
  const { exportReport, importReport, ImportError } = await import('./word');
  const fail = (message: string) => { process.stderr.write(`nianbao: ${message}\n`); return 2; };
  const { input } = args;
  const ext = path.extname(input);
  const output = args.output ?? path.join(path.dirname(input), `${path.basename(input, ext)}${args.command === 'import' ? '.md' : '.docx'}`);
  if (path.resolve(output) === path.resolve(input)) return fail(`输出文件不能是输入文件本身：${output}`);
  // The counts on stderr are the ones `nianbao check` gives the report where it is (export) or
  // will be (import), and the export lays out the tables in the format the file's defaultTemplate sets.
  const at = args.command === 'export' || output === '-' ? input : output;
  const nearest = findConfigFile(path.dirname(path.resolve(at)));
  const config = nearest === undefined ? undefined : loadConfig(nearest);
  const problems = config ? configProblems(config) : [];
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`nianbao: ${p}\n`);
    return fail(`配置文件有误，未${args.command === 'import' ? '导入' : '导出'} / invalid configuration file, nothing written`);
  }
  const options = resolveConfig(config).check;
  let bytes: Buffer;
  try {
    bytes = readFileSync(input);
  } catch (err) {
    return fail(`${input}: ${readError(err)}`);
  }
  if (args.command === 'import') {
    let markdown: string;
    try {
      markdown = await importReport(bytes, input);
    } catch (err) {
      if (err instanceof ImportError) return fail(`${input}: ${err.message}`);
      throw err;
    }
    const problem = writeOutput(output, markdown, args.force);
    if (problem) return fail(problem);
    const { report, diagnostics } = check(markdown, options);
    const found = report.isReport ? `检查发现 ${counted(countBySeverity(diagnostics))}` : '未识别为年度报告（没有标题、章节标题或统计表）';
    process.stderr.write(`已导入 ${output === '-' ? '（标准输出）' : output}：${found}\n`);
    return 0;
  }
  let text: string;
  try {
    text = decode(bytes).text;
  } catch (err) {
    return fail(`${input}: ${readError(err)}`);
  }
  const result = await exportReport(text, options);
  const problem = writeOutput(output, result.bytes, args.force);
  if (problem) return fail(problem);
  process.stderr.write(`已导出 ${output === '-' ? '（标准输出）' : output}\n`);
  if (!result.isReport) process.stderr.write(`nianbao: ${input}: 未识别为年度报告，按原文导出\n`);
  else if (result.errors > 0) process.stderr.write(`nianbao: ${input}: 报告有 ${counted(result)}，仍已导出；运行 nianbao check ${input} 查看\n`);
  return 0;
}

interface Found { path: string; fromDirectory: boolean }

interface PathError { path: string; error: string }

/** The files named and found, sorted by path; problems with the paths themselves go to `errors`. */
function collect(paths: string[], errors: PathError[]): Found[] {
  const tasks = new Map<string, Found>();
  for (const given of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(given).isDirectory();
    } catch {
      // A missing file is reported by the check itself, in path order with the others.
      tasks.set(path.resolve(given), { path: given, fromDirectory: false });
      continue;
    }
    if (!isDir) { tasks.set(path.resolve(given), { path: given, fromDirectory: false }); continue; }
    const found: Found[] = [];
    try {
      for (const file of filesBelow(given)) found.push({ path: file, fromDirectory: true });
    } catch (err) {
      errors.push({ path: given, error: `无法读取目录：${err instanceof Error ? err.message : String(err)}` });
    }
    for (const t of found) if (!tasks.has(path.resolve(t.path))) tasks.set(path.resolve(t.path), t);
  }
  return [...tasks.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A path as the user is shown it: relative to the working directory when below it. */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/**
 * Each file with its options: its configuration file (the one --config names, none with
 * --no-config, else the nearest) under the flags. Files the configuration leaves out are dropped,
 * with a note for those named on the command line. Undefined, with `problems` filled, when a
 * configuration file is wrong: nothing is checked then, since CI must not pass on a rule that a
 * mistyped entry failed to set.
 */
function configure(found: Found[], args: Args, notes: string[], problems: string[]): FileTask[] | undefined {
  const loaded = new Map<string, LoadedConfig>();
  const load = (file: string) => {
    let c = loaded.get(file);
    if (!c) loaded.set(file, (c = loadConfig(file)));
    return c;
  };
  // Looked up once per directory: a directory walk also lists the files that are not reports, and
  // a run over 10 000 images six folders down took 2.5 s with each file looking for itself, 0.5 s so.
  const nearestIn = new Map<string, string | undefined>();
  const nearestTo = (dir: string) => {
    if (!nearestIn.has(dir)) nearestIn.set(dir, findConfigFile(dir));
    return nearestIn.get(dir);
  };
  const named = typeof args.config === 'string' ? load(path.resolve(args.config)) : undefined;
  const tasks: FileTask[] = [];
  for (const f of found) {
    const absolute = path.resolve(f.path);
    const nearest = args.config === undefined ? nearestTo(path.dirname(absolute)) : undefined;
    const config = named ?? (nearest === undefined ? undefined : load(nearest));
    const resolved = resolveConfig(config, { rules: args.severities });
    if (selects(absolute, resolved, !f.fromDirectory || /\.md$/i.test(f.path))) tasks.push({ ...f, check: resolved.check });
    else if (!f.fromDirectory) notes.push(`${f.path}: 配置文件 ${shown(config?.file ?? '')} 的 exclude 排除了该文件，未检查`);
  }
  for (const c of loaded.values()) problems.push(...configProblems(c));
  return problems.length > 0 ? undefined : tasks;
}

/** A configuration file's mistakes as the command line lists them, each with its `path:line:column`. */
function configProblems(c: LoadedConfig): string[] {
  const problems = c.problems.map(p => `${shown(c.file)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`);
  return c.unreadable ? [`${shown(c.file)}: ${c.unreadable}`, ...problems] : problems;
}

/**
 * The checks across reports, over every report given, added to each file's own diagnostics;
 * `options` are each file's (its configuration file's under the flags).
 */
function acrossFiles(checked: FileResult[], options: (path: string) => CheckOptions): void {
  const found = checkFolder(checked.flatMap(r => (r.folder ? [r.folder] : [])), options);
  for (const r of checked) {
    const more = found.get(r.path);
    if (more) r.diagnostics = [...r.diagnostics, ...more.map(output)].sort(byPosition);
  }
}

interface Counts { files: number; errors: number; warnings: number; infos: number }

function count(results: FileResult[]): Counts {
  return { files: results.length, ...countBySeverity(results.flatMap(r => r.diagnostics)) };
}

const colours = (on: boolean) => {
  const wrap = (code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { dim: wrap('2'), bold: wrap('1'), error: wrap('31'), warning: wrap('33'), info: wrap('36') };
};

function textOutput(checked: FileResult[], counts: Counts, extra: { skipped: number; failed: number; fixed: number; fixedFiles: number }, colour: boolean): string {
  const c = colours(colour);
  const lines: string[] = [];
  for (const r of checked) {
    for (const d of r.diagnostics) {
      lines.push(`${c.bold(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`)} ${c[d.severity](d.severity)} ${c.dim(d.code)} ${d.message}`);
    }
  }
  let summary = `检查了 ${counts.files} 个文件：${counts.errors} 个错误，${counts.warnings} 个警告，${counts.infos} 个提示`;
  if (extra.fixed > 0) summary += `；已修复 ${extra.fixed} 处（${extra.fixedFiles} 个文件）`;
  if (extra.skipped > 0) summary += `；跳过 ${extra.skipped} 个不是年度报告的 Markdown 文件`;
  if (extra.failed > 0) summary += `；${extra.failed} 个文件无法处理`;
  lines.push(summary);
  return lines.join('\n') + '\n';
}

/** Every path given is in `files`: one that could not be read carries its error (and the exit status is 2). */
function jsonOutput(results: FileResult[], errors: PathError[], counts: Counts): string {
  const files = [
    ...results.filter(r => r.outcome !== 'skipped').map(r => ({ path: r.path, year: r.year, template: r.template, diagnostics: r.diagnostics, ...(r.error ? { error: r.error } : {}) })),
    ...errors.map(e => ({ path: e.path, year: null, template: null, diagnostics: [], error: e.error })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return JSON.stringify({ files, summary: counts }) + '\n';
}

/** "已检查 350/1000" on an interactive stderr, for runs long enough to wonder about. */
function progressLine(): { update: (done: number, total: number) => void; clear: () => void } {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      // Not for quick runs, and never first shown at the very end.
      if (!tty || now - started < 1000 || (!shown && done === total) || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      process.stderr.write(`\r已检查 ${done}/${total}`);
    },
    clear() { if (shown) process.stderr.write('\r\x1b[K'); },
  };
}

export async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`nianbao: ${err.message}\n${USAGE.split('\n').slice(0, 3).join('\n')}\n运行 nianbao --help 查看全部选项 / run nianbao --help for all options\n`);
    return 2;
  }
  if (args === 'help') { process.stdout.write(USAGE); return 0; }
  if (args === 'version') { process.stdout.write(`${version}\n`); return 0; }
  if ('command' in args) return runWord(args);
  const threads = process.env.NIANBAO_THREADS;
  if (threads !== undefined && !/^[1-9]\d*$/.test(threads)) {
    process.stderr.write(`nianbao: NIANBAO_THREADS 应为正整数 / must be a positive integer: ${threads}\n`);
    return 2;
  }

  const errors: PathError[] = [];
  const notes: string[] = [];
  const problems: string[] = [];
  const tasks = configure(collect(args.paths, errors), args, notes, problems);
  if (!tasks) {
    for (const p of problems) process.stderr.write(`nianbao: ${p}\n`);
    process.stderr.write('nianbao: 配置文件有误，未检查任何文件 / invalid configuration file, nothing checked\n');
    return 2;
  }
  const options: FileOptions = { fix: args.fix, summary: args.summary };
  const progress = progressLine();
  const results = await checkFiles(tasks, options, __filename, progress.update, threads === undefined ? undefined : Number(threads));
  progress.clear();

  for (const message of [...errors.map(e => `${e.path}: ${e.error}`), ...notes]) process.stderr.write(`nianbao: ${message}\n`);
  for (const r of results) for (const note of r.notes) process.stderr.write(`nianbao: ${note}\n`);
  const failed = errors.length + results.filter(r => r.failed).length;
  const checked = results.filter(r => r.outcome === 'checked');
  const optionsOf = new Map(tasks.map(t => [t.path, t.check]));
  acrossFiles(checked, file => optionsOf.get(file) ?? {});
  if (args.summary) {
    const text = formatSummary(checked.map(r => summaryRow(r.path, r.facts!, r.diagnostics)), args.format as SummaryFormat);
    const problem = writeOutput(args.output ?? '-', text, args.force);
    if (problem) process.stderr.write(`nianbao: ${problem}\n`);
    return failed > 0 || problem ? 2 : 0;
  }
  const counts = count(checked);
  if (args.format === 'json') process.stdout.write(jsonOutput(results, errors, counts));
  else {
    const fixedFiles = results.filter(r => r.fixed > 0);
    const extra = { skipped: results.filter(r => r.outcome === 'skipped').length, failed, fixed: fixedFiles.reduce((n, r) => n + r.fixed, 0), fixedFiles: fixedFiles.length };
    process.stdout.write(textOutput(checked, counts, extra, process.stdout.isTTY === true && !process.env.NO_COLOR));
  }
  return failed > 0 ? 2 : counts.errors > 0 ? 1 : 0;
}

// A reader that stops early (`nianbao check … | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw err; });

if (!isMainThread) runWorker();
else {
  main(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    err => {
      process.stderr.write(`nianbao: 内部错误 / internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}

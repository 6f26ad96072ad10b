// Realistic generated reports for the benchmark: the six standard sections, the three template
// tables with non-zero values that satisfy relations A1–A6, prose paragraphs taken from the real
// seeds, in every table layout users write (tab rows, one cell per line, GFM pipe tables).
// Everything structural comes from the engine's template data, so the generator follows it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildReport, relationsFor, SECTIONS, standardHeading, TABLES, templateTable,
  type FormatId, type RelationDef, type TableDef, type TableId,
} from '../server/src/engine';

export const SEEDS_DIR = path.resolve(__dirname, '../../shared/reports/seeds');

export type Layout = 'tab' | 'cell-per-line' | 'pipe';
export const LAYOUTS: Layout[] = ['tab', 'cell-per-line', 'pipe'];

/** Deterministic PRNG (mulberry32): the same index always yields the same report. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

let paragraphs: string[] | undefined;
// A seed line that opens with its own ordinal ("（三）…", "二是…", "- 3、…") belongs to its list.
const ITEM_START = /^[-*\s]*([（(][一二三四五六七八九十]|[一二三四五六七八九十]+[、是]|\d)/;

/** Prose lines of the seeds long enough to be paragraphs (not headings, titles or dates). */
export function seedParagraphs(): string[] {
  if (paragraphs) return paragraphs;
  paragraphs = [];
  for (const f of readdirSync(SEEDS_DIR).filter(n => n.endsWith('.txt')).sort()) {
    const report = buildReport(readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
    const headingLines = new Set(report.headings.map(h => h.line));
    for (const n of report.proseLines) {
      const s = report.lines.line(n).replace(/\[bookmark:[^\]]*\]/g, '').trim();
      if (s.length >= 40 && s.includes('。') && !headingLines.has(n) && !ITEM_START.test(s)) paragraphs.push(s);
    }
  }
  return paragraphs;
}

// ---------- values that add up ----------

const key = (row: string, col: string) => `${row}|${col}`;

function randomValue(r: Rand, kind: 'count' | 'delta' | 'amount', col: string): string {
  if (kind === 'amount') return r() < 0.5 ? '0' : `${int(r, 0, 99)}.${String(int(r, 0, 9999)).padStart(4, '0')}`;
  if (kind === 'delta') return String(int(r, -5, 5));
  // Most applications come from natural persons; most other cells of a small organ are 0.
  return col === 'natural' ? (r() < 0.4 ? String(int(r, 1, 10)) : '0') : r() < 0.06 ? String(int(r, 1, 5)) : '0';
}

/**
 * Makes every relation of the format hold by rewriting its target cell, repeating until nothing
 * changes (the relations share cells). A target that would go negative moves the difference
 * to the other side instead, as a real report's counts do.
 */
function satisfy(values: Map<string, bigint>, def: TableDef, relations: RelationDef[]) {
  const cols = def.blocks[0].columns.map(c => c.id);
  const rows = def.blocks[0].rows.map(r => r.id);
  for (let changed = true, passes = 0; changed && passes < 20; passes++) {
    changed = false;
    for (const rel of relations.filter(x => x.table === def.id)) {
      const lines = rel.over === 'column' ? cols : rows;
      for (const along of lines.filter(l => !rel.only || rel.only.includes(l))) {
        const k = (id: string) => (rel.over === 'column' ? key(id, along) : key(along, id));
        const total = (ids: string[]) => ids.reduce((s, id) => s + (values.get(k(id)) ?? 0n), 0n);
        const targetRight = rel.right.includes(rel.target);
        const same = targetRight ? rel.right : rel.left, other = targetRight ? rel.left : rel.right;
        const current = values.get(k(rel.target)) ?? 0n;
        let needed = total(other) - (total(same) - current);
        if (needed < 0n) {
          const bump = k(other[0]);
          values.set(bump, (values.get(bump) ?? 0n) - needed);
          needed = 0n;
        }
        if (needed !== current) { values.set(k(rel.target), needed); changed = true; }
      }
    }
  }
}

/** The values of one template table, in the order `templateTable` prints its zero cells. */
function tableValues(r: Rand, id: TableId, format: FormatId): string[] {
  const def = TABLES[format][id];
  if (id === 't2') {
    return def.blocks.flatMap(b => b.rows.flatMap(() => b.columns.map(c => randomValue(r, c.kind, c.id))));
  }
  const values = new Map<string, bigint>();
  const block = def.blocks[0];
  for (const row of block.rows) for (const c of block.columns) values.set(key(row.id, c.id), BigInt(randomValue(r, 'count', c.id)));
  satisfy(values, def, relationsFor(format));
  return block.rows.flatMap(row => block.columns.map(c => String(values.get(key(row.id, c.id)))));
}

/** The template table with its zero cells replaced by `values`, as rows of cells. */
function filledRows(r: Rand, id: TableId, format: FormatId): string[][] {
  const values = tableValues(r, id, format);
  let next = 0;
  return templateTable(id, format).split('\n').map(line => line.split('\t').map(c => (c === '0' ? values[next++] : c)));
}

function renderTable(rows: string[][], layout: Layout): string {
  const trimmed = rows.map(cells => {
    const out = [...cells];
    while (out.length > 1 && out[out.length - 1] === '') out.pop();
    return out;
  });
  if (layout === 'tab') return rows.map(c => c.join('\t')).join('\n');
  // A Word table pasted as text: each cell on its own tab-indented line, a blank line between rows.
  if (layout === 'cell-per-line') return trimmed.map(cells => cells.map(c => `\t${c}`).join('\n')).join('\n\n');
  const width = Math.max(...rows.map(c => c.length));
  const pipeRow = (cells: string[]) => `| ${[...cells, ...Array(width - cells.length).fill('')].join(' | ')} |`;
  return [pipeRow(rows[0]), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(pipeRow)].join('\n');
}

// ---------- whole reports ----------

const PLACES = ['桦川', '胡集', '雁鸣湖', '车排子', '夹河子', '青山', '东河', '北塘', '南湖', '西岭', '石门', '柳河'];
const ORGANS = ['乡人民政府', '镇人民政府', '街道办事处', '区人民政府', '县自然资源局', '市生态环境局', '县教育局'];
const SUB_ITEMS = ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障'];

export interface ReportOptions { layout?: Layout; year?: number; organ?: string }

/** Report number `index`: deterministic, adds up, only the layout and the prose vary. */
export function generateReport(index: number, options: ReportOptions = {}): string {
  const r = rng(index * 7919 + 17);
  const prose = seedParagraphs();
  const layout = options.layout ?? LAYOUTS[index % LAYOUTS.length];
  const year = options.year ?? 2019 + (index % 6);
  const format: FormatId = year >= 2021 ? '2021' : '2019';
  const markdown = index % 2 === 0;
  const heading = (level: number, s: string) => (markdown ? `${'#'.repeat(level)} ${s}` : s);
  const paras = (n: number) => Array.from({ length: n }, () => pick(r, prose));
  const organ = options.organ ?? `${pick(r, PLACES)}${pick(r, ORGANS)}`;
  const out: string[] = [heading(1, `${organ}${year}年政府信息公开工作年度报告`), ''];
  for (const s of SECTIONS) {
    out.push(heading(2, standardHeading(s)), '');
    if (s.index === 1) {
      out.push(...paras(2), '');
      SUB_ITEMS.forEach((item, i) => out.push(heading(3, `（${['一', '二', '三', '四', '五'][i]}）${item}`), ...paras(int(r, 1, 2)), ''));
    }
    if (s.table) out.push(renderTable(filledRows(r, s.table, format), layout), '');
    if (s.index === 5) out.push(...paras(int(r, 2, 3)), '');
    if (s.index === 6) out.push('本机关本年度未收取信息处理费。', '');
  }
  out.push(`${year + 1}年${int(r, 1, 3)}月${int(r, 1, 28)}日`, '');
  return out.join('\n');
}

/** Generated reports concatenated until the text reaches `bytes` (UTF-8), as one document. */
export function concatenatedReports(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const report = generateReport(i);
    parts.push(report);
    size += Buffer.byteLength(report) + 1;
  }
  return parts.join('\n');
}

/**
 * One report whose section 三 carries, after 表三, an application ledger of `rows` tab rows
 * (one line per application): a table the reader and the matcher must get through row by row.
 */
export function bigTableReport(rows: number): string {
  const report = generateReport(0, { layout: 'tab', year: 2022 });
  const r = rng(rows);
  const results = ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理'];
  const applicants = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
  const ledger = ['附：依申请公开登记台账', '', '序号\t申请人类型\t申请内容\t办理结果\t办理天数\t是否收费'];
  for (let i = 1; i <= rows; i++) {
    ledger.push(`${i}\t${pick(r, applicants)}\t关于${pick(r, PLACES)}项目第${int(r, 1, 999)}号文件的公开申请\t${pick(r, results)}\t${int(r, 1, 20)}\t否`);
  }
  const at = report.indexOf(standardHeading(SECTIONS[3]));
  const lineStart = report.lastIndexOf('\n', at) + 1;
  return `${report.slice(0, lineStart)}${ledger.join('\n')}\n\n${report.slice(lineStart)}`;
}

/** Writes `n` generated reports as .md files into `dir` (created if needed). */
export function writeReports(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `report-${String(i).padStart(4, '0')}.md`), generateReport(i));
}

/**
 * A folder of `n` reports as one county collects them: organs of six years each (2019–2024), each
 * organ its own name. Their numbers are drawn like any generated report's, so most years do not
 * carry over to the next: the checks across reports have findings to make.
 */
export function folderReports(n: number): Array<{ name: string; text: string }> {
  return Array.from({ length: n }, (_, i) => {
    const k = Math.floor(i / 6), year = 2019 + (i % 6);
    const organ = `${PLACES[k % PLACES.length]}第${k + 1}${ORGANS[k % ORGANS.length]}`;
    return { name: `${organ}/${year}.md`, text: generateReport(i, { year, organ }) };
  });
}

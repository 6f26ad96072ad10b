// Numbers the prose states about this year's applications, reviews and lawsuits, against the
// tables. Only phrasings that can mean one thing are read: a verb or noun the template names,
// then the count and 件, with nothing but "共/共计/为" between. A count about another year (the
// nearest year before it in its sentence is not the report's, or its clause speaks of 上年,
// 去年, 累计, 以来…), a subset (其中…, 按时…) or an approximation (…件以上, …件次) is not read.
import type { Report } from '../report';
import type { ProseChunk } from '../prose';
import { cellKey, type ValueCell } from '../match';
import { figureCells, figureValue, firstTable } from '../figures';
import { doubtfulCells, valueOf } from '../relations';
import { chineseNumeral } from '../text';
import { T4_GROUPS } from '../template';
import { defineRule, type Finding } from '../types';
import { excerpt } from './prose-text';
import { cellName, cellRange } from './util';

/** What a count in the prose is about. */
type Subject = 'received' | 'handled' | 'carriedOut' | 'reviews' | 'lawsuits' | 'natural' | 'organisations';

/** A count the prose states: its document offsets. */
interface Claim { subject: Subject; value: bigint; start: number; end: number; quote: string }

const NUMBER = '([0-9０-９]+|[零〇一二两三四五六七八九十]{1,3})';
const COUNT = `(?:共|共计|合计|总计)?(?:为)?\\s*${NUMBER}\\s*件`;

const PHRASES: Array<{ subject: Subject; pattern: RegExp }> = [
  // "共收到政府信息公开申请5件", "受理依申请公开申请4件", "收到依申请公开事项 0 条".
  { subject: 'received', pattern: new RegExp(`(?:收到|受理|接收|新收)了?(?:政府信息公开|依申请公开(?:政府信息)?|信息公开)?(?:申请|事项)(?:共|共计|合计|总计)?(?:为)?\\s*${NUMBER}\\s*[件条]`, 'g') },
  // "办结5件", "答复5件（含上年结转1件）", "办结政府信息公开申请4件".
  { subject: 'handled', pattern: new RegExp(`(?:办结|答复)了?(?:政府信息公开|依申请公开)?(?:申请)?${COUNT}`, 'g') },
  // "结转下年度继续办理1件", "结转至下一年度办理2件".
  { subject: 'carriedOut', pattern: new RegExp(`结转[至到]?下一?年度?(?:继续)?(?:办理)?的?(?:申请)?${COUNT}`, 'g') },
  // "行政复议1件", "被申请行政复议案件0件"; "行政诉讼1件（尚未审结）".
  { subject: 'reviews', pattern: new RegExp(`行政复议(?:案件)?(?:共|共计|合计)?\\s*${NUMBER}\\s*[件起]`, 'g') },
  { subject: 'lawsuits', pattern: new RegExp(`行政诉讼(?:案件)?(?:共|共计|合计)?\\s*${NUMBER}\\s*[件起]`, 'g') },
];

const PHRASE_WORDS = /收到|受理|接收|新收|办结|答复|结转|行政复议|行政诉讼/;

/** Right after a count of applications received: "，其中自然人4件、法人或其他组织1件". */
const APPLICANTS = new RegExp(`^[，,]?\\s*其中[，,]?\\s*自然人(?:申请|提出)?\\s*${NUMBER}\\s*件(?:[、，,]\\s*法人(?:或|和|或者)其他组织(?:申请|提出)?\\s*${NUMBER}\\s*件)?`);

const SENTENCE_END = /[。；;！？!?\n]/;
const CLAUSE_END = /[。；;！？!?\n，,]/;
/** The clause before the count speaks of another year, a total over years, or a part. */
const OTHER_TIME = /上年|去年|上一年|往年|同期|累计|历年|以来|近[一二三四五两0-9]+年|多年|其中|按时|按期|逾期|当场|未|没有/;
/** "行政复议、行政诉讼共2件": one count for two subjects. */
const LISTED = /[、和及与]$/;
/** "5件以上", "5件次": not an exact count. */
const INEXACT = /^(以上|以下|左右|之多|次)/;
const YEAR = /((?:19|20)[0-9]{2})\s*年/g;

function numberValue(s: string): bigint | undefined {
  if (/^[零〇]$/.test(s)) return 0n;
  const n = /^[0-9０-９]+$/.test(s) ? Number(s.normalize('NFKC')) : chineseNumeral(s.replace(/两/g, '二'));
  return n === undefined || Number.isNaN(n) ? undefined : BigInt(n);
}

/** The text of `s` before `at` back to the last of `ends`. */
function back(s: string, at: number, ends: RegExp): string {
  let i = at;
  while (i > 0 && !ends.test(s[i - 1])) i--;
  return s.slice(i, at);
}

/** The year the sentence names last before `at`, if any. */
function lastYear(sentence: string): number | undefined {
  let year: number | undefined;
  for (const m of sentence.normalize('NFKC').matchAll(YEAR)) year = Number(m[1]);
  return year;
}

function claimsOf(chunk: ProseChunk, year: number | null): Claim[] {
  const out: Claim[] = [];
  for (const seg of chunk.segments) {
    const base = chunk.start + seg.start;
    const text = seg.text;
    // Every phrase holds one of these words, and most prose holds none: the phrases are not tried there.
    if (!PHRASE_WORDS.test(text)) continue;
    for (const { subject, pattern } of PHRASES) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const end = m.index + m[0].length;
        const said = lastYear(back(text, m.index, SENTENCE_END));
        if (said !== undefined && said !== year) continue;
        if (OTHER_TIME.test(back(text, m.index, CLAUSE_END)) || LISTED.test(text.slice(0, m.index)) || INEXACT.test(text.slice(end))) continue;
        const value = numberValue(m[1]);
        if (value === undefined) continue;
        const at = base + m.index + m[0].lastIndexOf(m[1], m[0].length - 1);
        out.push({ subject, value, start: at, end: at + m[1].length, quote: excerpt(m[0]) });
        if (subject !== 'received') continue;
        // The applicants of these applications, when named right after them.
        const a = APPLICANTS.exec(text.slice(end));
        if (!a || INEXACT.test(text.slice(end + a[0].length))) continue;
        for (const [k, sub] of [[1, 'natural'], [2, 'organisations']] as const) {
          const v = a[k] === undefined ? undefined : numberValue(a[k]);
          if (v === undefined) continue;
          const from = base + end + a[0].indexOf(a[k], k === 1 ? a[0].indexOf('自然人') : a[0].indexOf('法人'));
          out.push({ subject: sub, value: v, start: from, end: from + a[k].length, quote: excerpt(a[0].replace(/^[，,]\s*/, '')) });
        }
      }
    }
  }
  return out;
}

const ORGANISATIONS = ['business', 'research', 'publicWelfare', 'legal', 'otherOrg'];

/** How messages name what a subject is compared with. */
const NAMES: Record<Subject, string> = {
  received: '表三「本年新收 × 总计」',
  handled: '表三「（七）总计 × 总计」',
  carriedOut: '表三「结转下年度 × 总计」',
  reviews: '表四「行政复议 总计」',
  lawsuits: '表四「行政诉讼」两组总计之和',
  natural: '表三「本年新收 × 自然人」',
  organisations: '表三「本年新收」五类法人或其他组织之和',
};

/** The cells a subject is compared with. */
function cellsFor(report: Report, subject: Subject): ValueCell[] | undefined {
  if (subject !== 'natural' && subject !== 'organisations') return figureCells(report, subject);
  const t3 = firstTable(report, 't3');
  const cells = (subject === 'natural' ? ['natural'] : ORGANISATIONS).map(col => t3?.values.get(cellKey('new', col)));
  return cells.every(c => c !== undefined) ? (cells as ValueCell[]) : undefined;
}

/** A term of a sum in messages: the column, or 表四's group. */
function termName(c: ValueCell): string {
  const group = T4_GROUPS.find(g => c.col.id === `${g.id}.total`);
  return group ? group.label : c.col.label;
}

function finding(report: Report, claim: Claim, doubtful: () => Set<ValueCell>): Finding | undefined {
  const cells = cellsFor(report, claim.subject);
  const value = figureValue(cells);
  // A cell the table's own arithmetic doubts (a slip, a total that does not add up) is its
  // findings' business: when unsure which number is wrong, the prose is not said to be.
  if (!cells || value === null || value === claim.value || cells.some(c => doubtful().has(c))) return undefined;
  const terms = cells.length > 1 ? `（${cells.map(c => `${termName(c)} ${valueOf(c)}`).join(' + ')}）` : '';
  return {
    range: report.lines.range(claim.start, claim.end),
    message: `正文写「${claim.quote}」，但${NAMES[claim.subject]}为 ${value}${terms}`,
    related: cells.map(c => ({ range: cellRange(report, c), message: `${cellName(c)} = ${valueOf(c)}` })),
  };
}

export const textVsTable = defineRule({
  id: 'text-vs-table',
  severity: 'warning',
  description: '正文中的数字与统计表矛盾（如正文「共收到申请5件」而表三本年新收总计为 4）',
  scope: 'report',
  check(report) {
    if (!report.tables.length) return [];
    const out: Finding[] = [];
    // Worked out only when a count disagrees, which is seldom.
    let doubtful: Set<ValueCell> | undefined;
    const doubtfulSet = () => (doubtful ??= new Set(report.tables.flatMap(doubtfulCells)));
    for (const chunk of report.prose) {
      for (const claim of claimsOf(chunk, report.year)) {
        const f = finding(report, claim, doubtfulSet);
        if (f) out.push(f);
      }
    }
    return out;
  },
});

import { isDirectiveLine } from '../directives';
import { defineRule, type Finding } from '../types';
import { sectionAt, type Report } from '../report';
import { textScore } from '../labels';
import { TEMPLATE_LABELS } from '../template';

/** Adjacent bookmarks are one piece of debris: Word writes them in runs. */
const BOOKMARK_RUN = /\[bookmark:[^\]\n]*\](?:[ \t]*\[bookmark:[^\]\n]*\])*/g;
const FORM_MARK = /^(窗体顶端|窗体底端)$/;
const DASH = '[-—–─―‒]';
const PAGE = '([1-9]\\d{0,2})';
/** Page numbers in forms no table value takes: "— 3 —", "- 3 -", "第 3 页", "第3页 共12页", "3/12". */
const PAGE_FORM = new RegExp(`^(?:${DASH}{1,2}\\s*${PAGE}\\s*${DASH}{1,2}|第\\s*${PAGE}\\s*页(?:\\s*[，,/]?\\s*共\\s*${PAGE}\\s*页)?|${PAGE}\\s*/\\s*${PAGE})$`);
const BARE_NUMBER = /^[1-9]\d{0,2}$/;
const SHORT_NUMBER = /^\s*[0-9０-９]{1,4}\s*$/;
/** How many non-blank lines around a lone number a table, caption or label can claim it from. */
const NEAR = 5;
/** labelScore from which a text names a template label, drifted (as the matcher reads labels). */
const NAMES_LABEL = 0.6;

/** Lines anywhere with a bookmark or a form mark, found by searching the text: most lines hold neither. */
function markedLines(report: Report): Set<number> {
  const { text, lines } = report;
  const marked = new Set<number>();
  for (const marker of ['[bookmark:', '窗体']) {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length)) marked.add(lines.position(at).line);
  }
  return marked;
}

function nonBlankNeighbour(report: Report, line: number, step: 1 | -1): string | undefined {
  for (let n = line + step; n >= 0 && n < report.lines.lineCount; n += step) {
    const s = report.lines.line(n);
    if (s.trim() !== '') return s;
  }
  return undefined;
}

// Unified ideographs are left alone by NFKC, and a page number holds none but 第, 页 and 共:
// a line with any other is not one, whatever normalising would make of the rest of it.
const isOtherIdeograph = (c: number) => c >= 0x4e00 && c <= 0x9fff && c !== 0x5171 && c !== 0x7b2c && c !== 0x9875;

/**
 * Whether line n can be a page number: it holds something but spaces and tabs, and no ideograph a
 * page number cannot hold. Read in place, since nearly every prose line is blank or has such an
 * ideograph.
 */
function mayBePageNumber(report: Report, n: number): boolean {
  let filled = false;
  for (let i = report.lines.starts[n], end = report.lines.lineEnd(n); i < end; i++) {
    const c = report.text.charCodeAt(i);
    if (isOtherIdeograph(c)) return false;
    if (c !== 32 && c !== 9) filled = true;
  }
  return filled;
}

const ROW_MARK = /[\t|]/;

/**
 * Short lines inside table regions that are neither tab nor pipe rows and may be page numbers: a
 * page footer between a table's rows is read as the rest of the cell above it (a Word cell split
 * over two lines). There are rarely any: the rest of a cell is words.
 */
function caughtLines(report: Report): Set<number> {
  const { lines, text } = report;
  const out = new Set<number>();
  for (const r of report.regions) {
    for (let n = r.firstLine + 1; n <= r.lastLine; n++) {
      // Most table lines start with their tab, or are too long for a footer: known without reading them.
      const start = lines.starts[n], end = lines.lineEnd(n);
      if (end > start && end - start <= 24 && text.charCodeAt(start) !== 9 && mayBePageNumber(report, n) && !ROW_MARK.test(lines.line(n))) out.add(n);
    }
  }
  return out;
}

/** Whether a line names a template label or caption, alone or glued to numbers ("规章22", "第二十条第（一）项 22"). */
function namesLabel(line: string): boolean {
  const words = line.replace(/^[\s0-9０-９]+|[\s0-9０-９]+$/g, '');
  if (words === '') return false;
  return TEMPLATE_LABELS.some(label => textScore(words, label, NAMES_LABEL) >= NAMES_LABEL);
}

/** Whether line n is in a table region (regions are in line order). */
function inRegion(report: Report, n: number): boolean {
  const { regions } = report;
  let lo = 0, hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid].firstLine <= n) lo = mid + 1; else hi = mid;
  }
  return lo > 0 && n <= regions[lo - 1].lastLine;
}

/**
 * Whether a table could claim the lone number on line n: it is in a table or in section 二, 三 or
 * 四, next to other bare numbers (data not read as a table), or a few lines from a table, a caption
 * or a template label (a table a conversion took the tabs from, its values on lines of their own).
 */
function mayBeData(report: Report, n: number): boolean {
  if (inRegion(report, n) || sectionAt(report.sections, n)?.heading.section.table) return true;
  if ([nonBlankNeighbour(report, n, -1), nonBlankNeighbour(report, n, 1)].some(s => s !== undefined && SHORT_NUMBER.test(s))) return true;
  const { lines } = report;
  for (const step of [-1, 1]) {
    for (let k = n + step, seen = 0; k >= 0 && k < lines.lineCount && seen < NEAR; k += step) {
      if (inRegion(report, k)) return true;
      const s = lines.line(k).trim();
      if (s === '') continue;
      seen++;
      if (namesLabel(s)) return true;
    }
  }
  return false;
}

/**
 * A page number is debris only when nothing can make it data: a form no table value takes, on a
 * line of prose or caught between a table's rows, or a lone number no table can claim. A lone
 * number that may be a table's value is left alone: deleting it would delete the report's data.
 */
function isPageNumber(report: Report, n: number, written: string): boolean {
  const rest = written.normalize('NFKC');
  const form = PAGE_FORM.exec(rest);
  if (form) {
    // Page 3 of 12, never of 2.
    const [page, of] = form[2] !== undefined ? [form[2], form[3]] : [form[4], form[5]];
    return of === undefined || Number(page) <= Number(of);
  }
  return BARE_NUMBER.test(rest) && !mayBeData(report, n);
}

/**
 * What line n is when the whole of it is debris, given `rest`, the line without its bookmarks and
 * trimmed: a form mark, or, unless it is a table row (`inTable`), a page number. A line of
 * bookmarks alone leaves `rest` empty, which the caller sees.
 */
export function debrisLine(report: Report, n: number, rest: string, inTable: boolean): string | undefined {
  if (FORM_MARK.test(rest)) return `网页表单标记「${rest}」`;
  if (!inTable && isPageNumber(report, n, rest)) return `页码「${rest}」（单独成行，不属于任何表格）`;
  return undefined;
}

const bookmark = (text: string) => ` Word 书签「${text}」`;

export const conversionArtifact = defineRule({
  id: 'conversion-artifact',
  severity: 'warning',
  description: 'Word/网页转换残留：书签、「窗体顶端」、单独成行的页码',
  scope: 'report',
  check(report) {
    const out: Finding[] = [];
    const { lines } = report;
    const inTable = new Uint8Array(lines.lineCount).fill(1);
    for (const n of report.proseLines) inTable[n] = 0;
    const marked = markedLines(report);
    const caught = caughtLines(report);
    // Debris sits outside tables (a page number), or anywhere with a mark, or is a footer caught
    // in a table; a line outside tables without a mark can only be a page number.
    const candidates = marked.size === 0 && caught.size === 0 ? report.proseLines
      : [...new Set([...report.proseLines, ...marked, ...caught])].sort((a, b) => a - b);
    for (const n of candidates) {
      if (!marked.has(n) && !mayBePageNumber(report, n)) continue;
      const raw = lines.line(n);
      // A comment is not the report's text: what it quotes is no debris of it.
      if (isDirectiveLine(raw)) continue;
      const base = lines.starts[n];
      // Most lines hold no bookmark.
      const runs = raw.includes('[bookmark:') ? [...raw.matchAll(BOOKMARK_RUN)] : [];
      const rest = (runs.length > 0 ? raw.replace(BOOKMARK_RUN, '') : raw).trim();
      let what = debrisLine(report, n, rest, inTable[n] === 1 && !caught.has(n));
      if (!what && !inTable[n] && rest === '' && runs.length > 0) what = bookmark(runs.map(m => m[0]).join(''));
      if (what) {
        // The whole line is debris: remove it with its line break, so no blank line is left behind.
        const lead = raw.length - raw.trimStart().length;
        out.push({
          range: lines.range(base + lead, base + raw.trimEnd().length),
          message: `转换残留的${what}`,
          fix: { title: '删除这一行', safe: true, edits: [{ range: lines.wholeLinesRange(n, n), newText: '' }] },
        });
        continue;
      }
      // A bookmark in a table cell, or before text: only the bookmark goes. In a one-cell-per-line
      // table a bookmark-only line is an empty cell, so the line itself must stay.
      for (const m of runs) {
        const range = lines.range(base + m.index!, base + m.index! + m[0].length);
        out.push({
          range,
          message: `转换残留的${bookmark(m[0])}`,
          fix: { title: `删除「${m[0]}」`, safe: true, edits: [{ range, newText: '' }] },
        });
      }
    }
    return out;
  },
});

import type { Finding, Rule } from '../types';
import type { Report } from '../report';

/** Adjacent bookmarks are one piece of debris: Word writes them in runs. */
const BOOKMARK_RUN = /\[bookmark:[^\]\n]*\](?:[ \t]*\[bookmark:[^\]\n]*\])*/g;
const FORM_MARK = /^(窗体顶端|窗体底端)$/;
const DASH = '[-—–─―‒]';
const PAGE_NUMBER = new RegExp(`^(?:[1-9]\\d{0,2}|${DASH}{1,2}\\s*[1-9]\\d{0,2}\\s*${DASH}{1,2}|第\\s*[1-9]\\d{0,2}\\s*页(?:\\s*[，,/]?\\s*共\\s*[1-9]\\d{0,2}\\s*页)?)$`);
const SHORT_NUMBER = /^\s*[0-9０-９]{1,4}\s*$/;

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

/** A page number stands alone: a number next to other bare numbers is data that was not read as a table. */
function isPageNumber(report: Report, line: number, written: string): boolean {
  const rest = written.normalize('NFKC');
  if (!PAGE_NUMBER.test(rest)) return false;
  if (!/^\d+$/.test(rest)) return true;
  return [nonBlankNeighbour(report, line, -1), nonBlankNeighbour(report, line, 1)].every(s => s === undefined || !SHORT_NUMBER.test(s));
}

/**
 * What line n is when the whole of it is debris, given `rest`, the line without its bookmarks and
 * trimmed: a form mark, or outside tables a lone page number. A line of bookmarks alone leaves
 * `rest` empty, which the caller sees.
 */
export function debrisLine(report: Report, n: number, rest: string, inTable: boolean): string | undefined {
  if (FORM_MARK.test(rest)) return `网页表单标记「${rest}」`;
  if (!inTable && isPageNumber(report, n, rest)) return `页码「${rest}」（单独成行，不属于任何表格）`;
  return undefined;
}

const bookmark = (text: string) => ` Word 书签「${text}」`;

export const conversionArtifact: Rule = {
  id: 'conversion-artifact',
  severity: 'warning',
  description: 'Word/网页转换残留：书签、「窗体顶端」、单独成行的页码',
  check(report) {
    const out: Finding[] = [];
    const { lines } = report;
    const inTable = new Uint8Array(lines.lineCount).fill(1);
    for (const n of report.proseLines) inTable[n] = 0;
    const marked = markedLines(report);
    // Debris sits outside tables (a page number), or anywhere with a mark; a line outside tables
    // without a mark can only be a page number.
    const candidates = marked.size === 0 ? report.proseLines : [...new Set([...report.proseLines, ...marked])].sort((a, b) => a - b);
    for (const n of candidates) {
      if (!marked.has(n) && !mayBePageNumber(report, n)) continue;
      const raw = lines.line(n);
      const base = lines.starts[n];
      // Most lines hold no bookmark, and only lines outside tables can be page numbers.
      const runs = raw.includes('[bookmark:') ? [...raw.matchAll(BOOKMARK_RUN)] : [];
      const rest = (runs.length > 0 ? raw.replace(BOOKMARK_RUN, '') : raw).trim();
      let what = debrisLine(report, n, rest, inTable[n] === 1);
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
};

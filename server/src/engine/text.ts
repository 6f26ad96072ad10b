// Positions follow LSP conventions: 0-based lines, UTF-16 code-unit characters.
import { BoundedCache } from './caches';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }

/** Line starts of a text, for offset <-> position conversion. CR, LF and CRLF all end a line. */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number { return this.starts.length; }

  /** The line's text without its line break. */
  line(n: number): string {
    return this.text.slice(this.starts[n], this.lineEnd(n));
  }

  /** Offset just before the line break of line n. */
  lineEnd(n: number): number {
    let end = n + 1 < this.starts.length ? this.starts[n + 1] : this.text.length;
    if (end > this.starts[n] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[n] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[pos.line] + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  lineRange(n: number): Range {
    return this.range(this.starts[n], this.lineEnd(n));
  }

  /** Range covering whole lines first..last including the break after last (for deletion). */
  wholeLinesRange(first: number, last: number): Range {
    const end = last + 1 < this.starts.length ? this.starts[last + 1] : this.text.length;
    return this.range(this.starts[first], end);
  }

  /** The document's dominant line break, for text a fix inserts. */
  eol(): string {
    // Kept: every table-layout fix asks, and each answer scans the whole text.
    return (this.lineBreak ??= this.text.includes('\r\n') ? '\r\n' : this.text.includes('\n') || !this.text.includes('\r') ? '\n' : '\r');
  }

  private lineBreak?: string;
}

const QUOTES = /[“”„‟＂〝〞「」『』"]/g;
const SINGLE_QUOTES = /[‘’‚‛＇']/g;

// The matcher compares every cell with many template labels: the same few hundred strings are
// normalised millions of times in a large document, and NFKC plus five regexes dominated a check.
const normalized = new BoundedCache<string, string>(50000);

/**
 * Canonical form for comparing labels: full-width ASCII to half-width (NFKC), no white space,
 * one quote style, no Word bookmark debris, ASCII case folded.
 */
export function normalizeLabel(s: string): string {
  return normalized.memo(s, normalizeUncached);
}

function normalizeUncached(s: string): string {
  return s
    .replace(BOOKMARK, '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(/[．]/g, '.')
    .toLowerCase();
}

export const BOOKMARK = /\[bookmark:[^\]\n]*\]/g;

/** Sørensen–Dice similarity of character bigrams, 0..1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const ga = bigramCounts(a), gb = bigramCounts(b);
  let shared = 0;
  for (const [g, n] of gb) {
    const m = ga.get(g);
    if (m) shared += Math.min(m, n);
  }
  return (2 * shared) / (a.length + b.length - 2);
}

// Labels are compared with every template label, so each string's bigram counts are kept.
const bigrams = new BoundedCache<string, Map<string, number>>(20000);

function bigramCounts(s: string): Map<string, number> {
  return bigrams.memo(s, () => {
    const grams = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) {
      const g = s.slice(i, i + 2);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
    return grams;
  });
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function chineseNumeral(s: string): number | undefined {
  if (s === '十') return 10;
  if (s.length === 1) return CN_DIGITS[s];
  if (s.length === 2 && s[0] === '十') return 10 + (CN_DIGITS[s[1]] ?? NaN);
  if (s.length === 2 && s[1] === '十') return (CN_DIGITS[s[0]] ?? NaN) * 10;
  if (s.length === 3 && s[1] === '十') return (CN_DIGITS[s[0]] ?? NaN) * 10 + (CN_DIGITS[s[2]] ?? NaN);
  return undefined;
}

export const CN_ORDINALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

export const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** The code fence still open after `line`, given the one open before it (undefined outside fences). */
export function fenceAfter(open: string | undefined, line: string): string | undefined {
  const f = FENCE.exec(line);
  if (!f) return open;
  if (open === undefined) return f[1][0];
  return f[1][0] === open ? undefined : open;
}

// Positions follow LSP conventions: 0-based lines, UTF-16 code-unit characters.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }

/** How far unchanged lines moved between two versions: by lines, and by characters. */
export interface Move { lines: number; chars: number }

/**
 * How a new version of a text relates to the old one, by line. Lines before `first` are the same
 * in both, text and offsets. Old lines from `oldEnd` on are the new lines from `newEnd` on, with
 * the same text, moved by `after`. Lines in between changed.
 */
export interface LineChange { first: number; oldEnd: number; newEnd: number; after: Move }

const STILL: Move = { lines: 0, chars: 0 };

/**
 * How new lines first..last moved since the old version, if none of them changed; undefined if
 * any did. Everything a re-check carries over is decided by this.
 */
export function unchangedMove(change: LineChange, first: number, last: number): Move | undefined {
  if (last < change.first) return STILL;
  return first >= change.newEnd ? change.after : undefined;
}

function lineStarts(text: string): Uint32Array {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return Uint32Array.from(starts);
}

/** Line starts of a text, for offset <-> position conversion. CR, LF and CRLF all end a line. */
export class LineIndex {
  // A typed array: a re-check copies every line start after an edit, and a plain array of a big
  // document's starts is a large object for V8 to allocate and grow (1.7 ms against 0.3 ms a copy
  // for 23,000 lines, the 1 MB benchmark document).
  readonly starts: Uint32Array;
  constructor(readonly text: string, starts?: Uint32Array) {
    this.starts = starts ?? lineStarts(text);
  }

  /**
   * The line index of `text`, a new version of this one's text, and where they differ: found by
   * comparing the texts from both ends, so it needs no record of the edits. Lines outside the
   * change keep their starts (moved by the change's length after it) without being scanned.
   */
  edited(text: string): { lines: LineIndex; change: LineChange } {
    const old = this.text;
    const prefix = commonPrefix(old, text);
    const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
    const delta = text.length - old.length;
    // From the line before the first difference: it may end in a lone CR that the new text
    // turns into CRLF.
    const first = Math.max(0, this.position(prefix).line - 1);
    const suffixStart = text.length - suffix;
    // New line starts are scanned until one is made by a line break that ends inside the common
    // suffix: the same break starts the same line in the old text, and every later start follows.
    const scanned: number[] = [];
    let oldEnd = this.starts.length, newEnd = -1;
    for (let i = this.starts[first]; i < text.length && newEnd < 0; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      scanned.push(i + 1);
      if (i < suffixStart) continue;
      const k = this.lineStartingAt(i + 1 - delta);
      if (k < 0) continue;
      oldEnd = k;
      newEnd = first + scanned.length;
    }
    const rest = newEnd < 0 ? 0 : this.starts.length - oldEnd - 1;
    if (newEnd < 0) newEnd = first + 1 + scanned.length;
    const starts = new Uint32Array(first + 1 + scanned.length + rest);
    starts.set(this.starts.subarray(0, first + 1));
    starts.set(scanned, first + 1);
    for (let n = 0, at = first + 1 + scanned.length; n < rest; n++) starts[at + n] = this.starts[oldEnd + 1 + n] + delta;
    return { lines: new LineIndex(text, starts), change: { first, oldEnd, newEnd, after: { lines: newEnd - oldEnd, chars: delta } } };
  }

  /** The line starting exactly at `offset`, or -1. */
  private lineStartingAt(offset: number): number {
    const line = this.position(offset).line;
    return this.starts[line] === offset ? line : -1;
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

// Compared in blocks first: a string comparison runs at memory speed, a loop over characters does not.
const BLOCK = 4096;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n + BLOCK <= max && a.slice(n, n + BLOCK) === b.slice(n, n + BLOCK)) n += BLOCK;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Length of the common end of a and b, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (n + BLOCK <= max && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

const QUOTES = /[“”„‟＂〝〞「」『』"]/g;
const SINGLE_QUOTES = /[‘’‚‛＇']/g;

// The template's own labels are normalised for every comparison too; their number is the
// template's, so their forms are kept for the life of the process, not emptied with the caches.
const templateForms = new Map<string, string>();

/** normalizeLabel for a string of the template (a label, variant, anchor or marker), never a document's. */
export function normalizeTemplateLabel(s: string): string {
  let form = templateForms.get(s);
  if (form === undefined) templateForms.set(s, (form = normalizeLabel(s)));
  return form;
}

/**
 * Canonical form for comparing labels: full-width ASCII to half-width (NFKC), no white space or
 * invisible characters, one quote style, no Word bookmark debris, ASCII case folded. The matcher keeps each cell text's
 * form with the rest it works out from that text (labels.ts `wordsOf`).
 */
export function normalizeLabel(s: string): string {
  return normalizePlain(s) ?? s
    .replace(BOOKMARK, '')
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(/[．]/g, '.')
    .toLowerCase();
}

/**
 * The normal form of a label made only of characters that the steps of normalizeLabel each
 * turn into one character or none, whatever stands around them: Chinese words, ASCII and
 * full-width punctuation, white space and quotes, as nearly every table cell is. Such a string is
 * read once instead of seven times (NFKC and six replaces were most of a cold match); any other
 * is undefined and takes the steps.
 */
function normalizePlain(s: string): string | undefined {
  // Runs of characters kept as they are are copied as slices between the changed ones.
  let form = '', from = 0, changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const to = plainForm(c);
    if (to === c) continue;
    if (to === NOT_PLAIN) return undefined;
    form += s.slice(from, i);
    if (to !== DROPPED) form += String.fromCharCode(to);
    from = i + 1;
    changed = true;
  }
  return changed ? form + s.slice(from) : s;
}

const DROPPED = -1, NOT_PLAIN = -2;

/** What normalizeLabel makes of one character of a plain label: a character, DROPPED, or NOT_PLAIN. */
function plainForm(c: number): number {
  // CJK unified ideographs: NFKC maps none of them.
  if (c >= 0x4e00 && c <= 0x9fff) return c;
  // "[" may open Word bookmark debris, which is removed before NFKC.
  if (c === 0x5b) return NOT_PLAIN;
  // Full-width ASCII: NFKC gives the ASCII character, which the later steps then see.
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c > 0x20 && c < 0x7f) return c;
  // White space, and the ideographic space that NFKC makes a space.
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3000) return DROPPED;
  // 、。
  if (c === 0x3001 || c === 0x3002) return c;
  // The QUOTES and SINGLE_QUOTES that NFKC keeps.
  if ((c >= 0x201c && c <= 0x201f) || (c >= 0x300c && c <= 0x300f) || c === 0x301d || c === 0x301e) return 0x22;
  if (c >= 0x2018 && c <= 0x201b) return 0x27;
  return NOT_PLAIN;
}

export const BOOKMARK = /\[bookmark:[^\]\n]*\]/g;

/** Characters a web page or Word leaves in text that show nothing: zero-width spaces and joiners, soft hyphens, a stray BOM. */
export const INVISIBLE_CHARS = '\\u00ad\\u200b-\\u200d\\u2060\\ufeff';
export const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');

/** Sørensen–Dice similarity of character bigrams, 0..1. */
export function similarity(a: string, b: string): number {
  return similarityOf(a, b, countBigrams, countBigrams);
}

/** How often each two-character sequence occurs in a string. */
export type BigramCounts = Map<string, number>;

/**
 * `similarity`, with the bigram counts of each string given by the caller: one that compares the
 * same strings again and again keeps their counts (the matcher, per cell text and template label).
 * Counts are asked for only when both strings are long enough to have any.
 */
export function similarityOf(a: string, b: string, countsOfA: (a: string) => BigramCounts, countsOfB: (b: string) => BigramCounts): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const ga = countsOfA(a), gb = countsOfB(b);
  let shared = 0;
  for (const [g, n] of gb) {
    const m = ga.get(g);
    if (m) shared += Math.min(m, n);
  }
  return (2 * shared) / (a.length + b.length - 2);
}

/** The bigram counts of `s`, counted afresh. */
export function countBigrams(s: string): BigramCounts {
  const grams: BigramCounts = new Map();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
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

/** A year written in Chinese digits, as some titles write it ("二〇二四"): a pattern to build regular expressions with. */
export const CHINESE_YEAR = '[一二〇零○][〇零○一二三四五六七八九]{3}';

/** The year a CHINESE_YEAR match names. */
export function chineseYear(digits: string): number {
  return Number([...digits].map(d => (CN_DIGITS[d] ?? 0) % 10).join(''));
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

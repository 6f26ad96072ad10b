// Prose is read one chunk at a time: plain chunks directly (plainSegments), the others with
// unified + remark-parse + remark-gfm. Chunks end before heading-like lines, so they do not
// depend on distant text, and what each yields is cached by its content: an edit re-reads only
// the chunk it touches.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes } from 'mdast';
import { fenceAfter, type LineIndex } from './text';
import { BoundedCache, ownString } from './caches';

/** Literal prose text with its document offset; the source slice at `start` equals `text`. */
export interface ProseSegment { start: number; text: string }

const processor = unified().use(remarkParse).use(remarkGfm);
const SKIPPED = new Set(['code', 'inlineCode', 'html', 'definition', 'math', 'inlineMath', 'yaml']);
const cache = new BoundedCache<string, ProseSegment[]>(20000);

/**
 * A text node's value as source segments. In a paragraph, remark drops the indentation of
 * continuation lines and trailing spaces, which Word conversions are full of, so a value that
 * differs from its source is matched line by line. Escapes and entities make a line differ from
 * its source; such a line is not pointed at.
 */
function sourceSegments(chunk: string, s: number, e: number, value: string): ProseSegment[] {
  if (chunk.slice(s, e) === value) return [{ start: s, text: value }];
  const out: ProseSegment[] = [];
  let cursor = s;
  const lineBreak = /\r\n?|\n/g;
  for (const line of value.split(/\r\n?|\n/)) {
    let at = cursor;
    if (!chunk.startsWith(line, at)) while (at < e && (chunk[at] === ' ' || chunk[at] === '\t')) at++;
    if (line !== '' && chunk.startsWith(line, at) && at + line.length <= e) out.push({ start: at, text: line });
    lineBreak.lastIndex = at;
    const br = lineBreak.exec(chunk);
    if (!br || br.index >= e) break;
    cursor = br.index + br[0].length;
  }
  return out;
}

/** The literal text under `node`, offsets made relative to `base` (where its chunk starts in `source`). */
function collect(node: Nodes, source: string, base: number, out: ProseSegment[]): void {
  if (SKIPPED.has(node.type)) return;
  if (node.type === 'text') {
    const s = node.position?.start.offset, e = node.position?.end.offset;
    if (s !== undefined && e !== undefined) for (const seg of sourceSegments(source, s, e, node.value)) out.push({ start: seg.start - base, text: seg.text });
    return;
  }
  if ('children' in node) for (const child of node.children) collect(child as Nodes, source, base, out);
}

// Report prose is nearly always plain paragraphs under a heading, for which remark's output
// follows from the characters alone: such a chunk is read here without micromark (whose parse
// was about half of a report's check), anything else goes to remark. A chunk is plain only if
// nothing in it can start a CommonMark or GFM construct other than a paragraph or an ATX
// heading, or an inline node other than text. Rejected:
// - anywhere: the ASCII characters that open syntax (escape, entity, emphasis, strikethrough,
//   code, link, image, footnote, table, setext underline, "*" list item); ":", "@" and "www" in
//   any case, without which GFM finds no autolink literal (www., http://, https://, mailto:,
//   xmpp:, e-mail); "<" unless a non-ASCII character follows (HTML and autolinks need an ASCII
//   letter, "/", "!" or "?" there); tab, whose columns count as indentation, and the other C0
//   controls (micromark reads NUL as U+FFFD); a byte-order mark; "#" past a heading's opener;
// - as a line's first non-space character: ">" (block quote), digits followed by "." or ")"
//   (ordered list), and "-" or "+" unless they open a bullet item as below (else a thematic
//   break or setext underline);
// - a paragraph's first line indented by four spaces (indented code; later lines are lazy
//   continuations), a heading opener indented by four, of more than six "#" or not followed by
//   a space, and two spaces before a soft break (a hard break, which splits the text node).
// What remark yields for the rest: paragraphs split at blank lines (spaces only: micromark's
// white space is space and tab, so U+3000 and NBSP are text), each one text node whose value
// drops the spaces opening each line, ending a line before its soft break and ending the
// paragraph, and keeps the line endings as written; a heading line ends the paragraph before it
// and is a text node of its own without its "#"s and the spaces around its text. A bullet item
// ("-" or "+", indented at most three spaces, then one to four spaces and text that opens no
// further container) ends the paragraph before it and opens one at its text: what holds a
// paragraph changes none of its text, and the item's lazy or indented continuation lines are
// that paragraph's, as in any other.
const PLAIN_REJECT = /[\0-\x09\x0B\x0C\x0E-\x1F!&*:=@[\\\]_`|~\x7F\uFEFF]|<(?![^\0-\x7F])|www/i;

const LF = 10, CR = 13, SPACE = 32, HASH = 35, RIGHT_PAREN = 41, PLUS = 43, DASH = 45, DOT = 46, GT = 62;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Digits then "." or ")" at `at`: an ordered list item. */
function opensOrderedItem(chunk: string, at: number): boolean {
  let k = at;
  while (isDigit(chunk.charCodeAt(k))) k++;
  return k > at && (chunk.charCodeAt(k) === DOT || chunk.charCodeAt(k) === RIGHT_PAREN);
}

/**
 * The segments remark's path yields for `chunk` (see remarkSegments), computed without remark
 * when the chunk is plain prose as described above; undefined when remark has to read it.
 */
export function plainSegments(chunk: string): ProseSegment[] | undefined {
  if (PLAIN_REJECT.test(chunk)) return undefined;
  const out: ProseSegment[] = [];
  const n = chunk.length;
  const push = (s: number, e: number, value: string) => { for (const seg of sourceSegments(chunk, s, e, value)) out.push(seg); };
  // The open paragraph: where its text starts, where its last line's text and that line end, and
  // its value once it differs from the source between start and end.
  let start = -1, end = -1, eol = -1;
  let value: string | undefined;
  const close = () => {
    if (start >= 0) push(start, end, value ?? chunk.slice(start, end));
    start = -1;
    value = undefined;
  };
  let hash = chunk.indexOf('#');
  if (hash < 0) hash = n;
  for (let lineStart = 0; ; ) {
    let lineEnd = lineStart;
    while (lineEnd < n && chunk.charCodeAt(lineEnd) !== LF && chunk.charCodeAt(lineEnd) !== CR) lineEnd++;
    let textStart = lineStart;
    while (textStart < lineEnd && chunk.charCodeAt(textStart) === SPACE) textStart++;
    let textEnd = lineEnd;
    while (textEnd > textStart && chunk.charCodeAt(textEnd - 1) === SPACE) textEnd--;
    const indent = textStart - lineStart;
    const first = chunk.charCodeAt(textStart);
    if (textStart === lineEnd) {
      close();
    } else if (first === HASH) {
      let k = textStart;
      while (chunk.charCodeAt(k) === HASH) k++;
      if (indent > 3 || k - textStart > 6 || (k < lineEnd && chunk.charCodeAt(k) !== SPACE)) return undefined;
      hash = chunk.indexOf('#', k);
      if (hash < 0) hash = n;
      if (hash < lineEnd) return undefined;
      close();
      while (k < textEnd && chunk.charCodeAt(k) === SPACE) k++;
      if (k < textEnd) push(k, textEnd, chunk.slice(k, textEnd));
    } else {
      if (hash < lineEnd || first === GT || opensOrderedItem(chunk, textStart)) return undefined;
      if (first === DASH || first === PLUS) {
        let k = textStart + 1;
        while (chunk.charCodeAt(k) === SPACE) k++;
        const c = chunk.charCodeAt(k);
        if (indent > 3 || k === textStart + 1 || k - textStart > 5 || k >= textEnd || c === DASH || c === PLUS || c === GT || opensOrderedItem(chunk, k)) return undefined;
        close();
        start = k;
      } else if (start < 0) {
        if (indent >= 4) return undefined;
        start = textStart;
      } else {
        if (eol - end >= 2) return undefined;
        if (value !== undefined || eol !== end || indent > 0) {
          value = (value ?? chunk.slice(start, end)) + chunk.slice(eol, lineStart) + chunk.slice(textStart, textEnd);
        }
      }
      end = textEnd;
      eol = lineEnd;
    }
    if (lineEnd === n) break;
    lineStart = lineEnd + (chunk.charCodeAt(lineEnd) === CR && chunk.charCodeAt(lineEnd + 1) === LF ? 2 : 1);
  }
  close();
  return out;
}

/** What remark's path yields for `chunk` parsed alone, uncached. */
export function remarkSegments(chunk: string): ProseSegment[] {
  const segments: ProseSegment[] = [];
  collect(processor.parse(chunk), chunk, 0, segments);
  return segments;
}

/**
 * `read(chunk)`, cached when it is defined. Segment texts are slices of what was read: a copy, so
 * the cache does not pin the document.
 */
function readCached<T extends ProseSegment[] | undefined>(chunk: string, read: (source: string) => T): T {
  const source = ownString(chunk);
  const segments = read(source);
  if (segments) cache.set(source, segments);
  return segments;
}

function parseChunk(chunk: string): ProseSegment[] {
  return cache.get(chunk) ?? readCached(chunk, remarkSegments);
}

// One remark call costs 0.5–1 ms before it reads a character (micromark combines its syntax
// extensions and mdast-util-from-markdown its handlers on every call): more than a typical chunk
// takes to parse, so a report's dozens of chunks cost several times one parse of the whole text.
// Chunks missing from the cache are parsed together instead, joined by an HTML comment block
// after a blank line, which closes whatever a chunk leaves open (paragraph, list, quote, code).
// The joined parse is used only if every separator came out as its own top-level html node at
// its place; otherwise each chunk is parsed alone. A chunk with a definition ("]:", also
// footnotes) is always parsed alone, since its definition would resolve references in the
// other chunks, and so is one with a byte-order mark. Batches stay small because micromark's
// time per character grows with the document.
const SEPARATOR = '\n\n<!-- -->\n\n';
const SEPARATOR_HTML = '<!-- -->';
const BATCH_CHARS = 32768;

function parseMissing(chunks: string[]): void {
  let batch: string[] = [];
  let size = 0;
  const queued = new Set<string>();
  for (const chunk of chunks) {
    if (queued.has(chunk) || cache.get(chunk) || chunk.includes(']:') || chunk.includes('\uFEFF')) continue;
    queued.add(chunk);
    batch.push(chunk);
    size += chunk.length;
    if (size >= BATCH_CHARS) {
      parseTogether(batch);
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 1) parseTogether(batch);
}

function parseTogether(chunks: string[]): void {
  const joined = chunks.join(SEPARATOR);
  const starts: number[] = [];
  for (let k = 0, at = 0; k < chunks.length; at += chunks[k].length + SEPARATOR.length, k++) starts.push(at);
  const perChunk: Nodes[][] = chunks.map(() => []);
  let k = 0;
  for (const node of processor.parse(joined).children) {
    const s = node.position?.start.offset ?? -1, e = node.position?.end.offset ?? -1;
    const chunkEnd = starts[k] + chunks[k].length;
    if (s >= starts[k] && e <= chunkEnd) { perChunk[k].push(node); continue; }
    const separator = node.type === 'html' && node.value === SEPARATOR_HTML && s === chunkEnd + 2 && k + 1 < chunks.length;
    if (!separator) return;
    k++;
  }
  if (k !== chunks.length - 1) return;
  chunks.forEach((chunk, i) => {
    const segments: ProseSegment[] = [];
    for (const node of perChunk[i]) collect(node, joined, starts[i], segments);
    cache.set(chunk, segments);
  });
}

const CHUNK_START = /^\s*(#{1,6}\s|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.．]\s*\S)/;

/** Groups prose lines into chunks: runs of consecutive lines, cut before heading-like lines outside fences. */
export function proseChunks(lines: LineIndex, proseLines: Uint32Array): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let fence: string | undefined;
  for (const n of proseLines) {
    const s = lines.line(n);
    const last = chunks[chunks.length - 1];
    const contiguous = last !== undefined && last[1] === n - 1;
    const cut = fence === undefined && CHUNK_START.test(s);
    if (contiguous && !cut) last[1] = n; else chunks.push([n, n]);
    fence = fenceAfter(fence, s);
  }
  return chunks;
}

// micromark's time grows faster than linearly with container nesting (2,000 nested list
// levels take ~17 s); no report nests this deep, so such chunks are read as plain lines.
const MAX_NESTING = 32;
const CONTAINER_PREFIX = /^(?:[ \t]*(?:[>*+-]|\d{1,9}[.)])(?=[ \t]|$))+/;

function nestingDepth(line: string): number {
  const m = CONTAINER_PREFIX.exec(line);
  return m ? (m[0].match(/[>*+-]|\d{1,9}[.)]/g) ?? []).length : 0;
}

/**
 * A chunk of prose as read: its lines, the offset it starts at, and its segments with offsets
 * from there. Chunks of the same text share one segments array (the cache's), which is what lets
 * rules keep their findings per chunk.
 */
export interface ProseChunk { first: number; last: number; start: number; segments: ProseSegment[] }

export function readProse(lines: LineIndex, proseLines: Uint32Array): ProseSegment[] {
  return flatProse(readChunks(lines, proseChunks(lines, proseLines)));
}

/** The segments of `chunks` with document offsets, in order. */
export function flatProse(chunks: ProseChunk[]): ProseSegment[] {
  return chunks.flatMap(c => c.segments.map(seg => ({ start: c.start + seg.start, text: seg.text })));
}

/**
 * The prose of `chunks` (as proseChunks cuts them), in order; blank chunks are left out. `known`
 * gives the segments of a chunk whose text is known not to have changed since they were read.
 */
export function readChunks(lines: LineIndex, chunks: Array<[number, number]>, known?: (first: number, last: number) => ProseSegment[] | undefined): ProseChunk[] {
  const out: ProseChunk[] = [];
  const toParse: string[] = [];
  const parsed: Array<ProseChunk | { first: number; last: number; start: number; chunk: string }> = [];
  for (const [first, last] of chunks) {
    const start = lines.starts[first];
    const kept = known?.(first, last);
    if (kept) {
      parsed.push({ first, last, start, segments: kept });
      continue;
    }
    const chunk = lines.text.slice(start, lines.lineEnd(last));
    if (chunk.trim() === '') continue;
    // Neither a hit nor a plain chunk needs the nesting test: deep chunks are never cached, and
    // a plain chunk has no container at all.
    const segments = cache.get(chunk) ?? readCached(chunk, plainSegments);
    if (segments) {
      parsed.push({ first, last, start, segments });
      continue;
    }
    let deep = false;
    for (let n = first; n <= last && !deep; n++) deep = nestingDepth(lines.line(n)) > MAX_NESTING;
    if (deep) {
      // Copies: the segments may be kept for the document's next version.
      const segments = [];
      for (let n = first; n <= last; n++) segments.push({ start: lines.starts[n] - start, text: ownString(lines.line(n)) });
      parsed.push({ first, last, start, segments });
      continue;
    }
    parsed.push({ first, last, start, chunk });
    toParse.push(chunk);
  }
  parseMissing(toParse);
  for (const p of parsed) out.push('chunk' in p ? { first: p.first, last: p.last, start: p.start, segments: parseChunk(p.chunk) } : p);
  return out;
}

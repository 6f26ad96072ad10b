// Prose goes through unified + remark-parse + remark-gfm, one chunk at a time. Chunks end
// before heading-like lines, so they do not depend on distant text, and the parse of each is
// cached by its content: an edit re-parses only the chunk it touches.
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

function parseChunk(chunk: string): ProseSegment[] {
  const hit = cache.get(chunk);
  if (hit) return hit;
  // Segment texts are slices of what was parsed: a copy, so the cache does not pin the document.
  const source = ownString(chunk);
  const segments: ProseSegment[] = [];
  collect(processor.parse(source), source, 0, segments);
  cache.set(source, segments);
  return segments;
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
export function proseChunks(lines: LineIndex, proseLines: number[]): Array<[number, number]> {
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

export function readProse(lines: LineIndex, proseLines: number[]): ProseSegment[] {
  const out: ProseSegment[] = [];
  const parsed: Array<{ start: number; chunk: string } | { first: number; last: number }> = [];
  for (const [first, last] of proseChunks(lines, proseLines)) {
    const start = lines.starts[first];
    const chunk = lines.text.slice(start, lines.lineEnd(last));
    if (chunk.trim() === '') continue;
    let deep = false;
    for (let n = first; n <= last && !deep; n++) deep = nestingDepth(lines.line(n)) > MAX_NESTING;
    parsed.push(deep ? { first, last } : { start, chunk });
  }
  parseMissing(parsed.flatMap(p => ('chunk' in p ? [p.chunk] : [])));
  for (const p of parsed) {
    if ('chunk' in p) {
      for (const seg of parseChunk(p.chunk)) out.push({ start: p.start + seg.start, text: seg.text });
    } else {
      for (let n = p.first; n <= p.last; n++) out.push({ start: lines.starts[n], text: lines.line(n) });
    }
  }
  return out;
}

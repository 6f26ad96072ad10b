// Prose goes through unified + remark-parse + remark-gfm, one chunk at a time. Chunks end
// before heading-like lines, so they do not depend on distant text, and the parse of each is
// cached by its content: an edit re-parses only the chunk it touches.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes } from 'mdast';
import type { LineIndex } from './text';
import { BoundedCache } from './caches';

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

function parseChunk(chunk: string): ProseSegment[] {
  const hit = cache.get(chunk);
  if (hit) return hit;
  const segments: ProseSegment[] = [];
  const visit = (node: Nodes) => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'text') {
      const s = node.position?.start.offset, e = node.position?.end.offset;
      if (s !== undefined && e !== undefined) segments.push(...sourceSegments(chunk, s, e, node.value));
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(processor.parse(chunk));
  cache.set(chunk, segments);
  return segments;
}

const CHUNK_START = /^\s*(#{1,6}\s|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.．]\s*\S)/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

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
    const f = FENCE.exec(s);
    if (f) fence = fence === undefined ? f[1][0] : (f[1][0] === fence ? undefined : fence);
  }
  return chunks;
}

export function readProse(lines: LineIndex, proseLines: number[]): ProseSegment[] {
  const out: ProseSegment[] = [];
  for (const [first, last] of proseChunks(lines, proseLines)) {
    const start = lines.starts[first];
    const chunk = lines.text.slice(start, lines.lineEnd(last));
    if (chunk.trim() === '') continue;
    for (const seg of parseChunk(chunk)) out.push({ start: start + seg.start, text: seg.text });
  }
  return out;
}

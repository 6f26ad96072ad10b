import type { Report } from '../report';
import type { ProseChunk } from '../prose';

export interface ProseMatch {
  /** Document offset of the match. */
  start: number;
  end: number;
  match: RegExpExecArray;
}

/** Matches of a global pattern in a prose chunk's text (code and HTML excluded), with document offsets. */
export function chunkMatches(chunk: ProseChunk, pattern: RegExp, accept: (m: ProseMatch) => boolean = () => true): ProseMatch[] {
  // The loop moves lastIndex itself, which a pattern without the g flag would ignore for ever.
  if (!pattern.global) throw new Error(`chunkMatches needs a global pattern: ${pattern}`);
  const out: ProseMatch[] = [];
  pattern.lastIndex = 0;
  for (const seg of chunk.segments) {
    const base = chunk.start + seg.start;
    for (let m = pattern.exec(seg.text); m; m = pattern.exec(seg.text)) {
      const found = { start: base + m.index, end: base + m.index + m[0].length, match: m };
      if (accept(found)) {
        out.push(found);
        pattern.lastIndex = m.index + Math.max(1, m[0].length);
      } else pattern.lastIndex = m.index + 1;
    }
  }
  return out;
}

/** The text of a match's line before and after it. */
export function lineContext(report: Report, start: number, end: number): { before: string; after: string } {
  const line = report.lines.position(start).line;
  return {
    before: report.text.slice(report.lines.starts[line], start),
    after: report.text.slice(end, report.lines.lineEnd(report.lines.position(end).line)),
  };
}

/** A short quotation of prose for messages. */
export function excerpt(s: string, max = 24): string {
  const t = s.trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

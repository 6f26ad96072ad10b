import type { Report } from '../report';
import { ownString, type BoundedCache } from '../caches';

export interface ProseMatch {
  /** Document offset of the match. */
  start: number;
  end: number;
  match: RegExpExecArray;
}

/** Matches of a global pattern in the report's prose text (code and HTML excluded), with document offsets. */
export function proseMatches(report: Report, pattern: RegExp, accept: (m: ProseMatch) => boolean = () => true): ProseMatch[] {
  const re = globalCopy(pattern);
  return report.prose.flatMap(seg => segmentMatches(re, seg.text, seg.start, accept));
}

/**
 * proseMatches for an `accept` that looks at the match alone: each segment's matches are kept by
 * its text, so re-checking an edited document runs the pattern only on the segments that changed.
 */
export function cachedProseMatches(report: Report, cache: BoundedCache<string, ProseMatch[]>, pattern: RegExp, accept: (m: ProseMatch) => boolean): ProseMatch[] {
  const re = globalCopy(pattern);
  return report.prose.flatMap(seg => {
    let found = cache.get(seg.text);
    if (!found) {
      const own = ownString(seg.text);
      cache.set(own, (found = segmentMatches(re, own, 0, accept)));
    }
    return seg.start === 0 ? found : found.map(m => ({ start: m.start + seg.start, end: m.end + seg.start, match: m.match }));
  });
}

const globalCopy = (pattern: RegExp) => new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');

function segmentMatches(re: RegExp, text: string, base: number, accept: (m: ProseMatch) => boolean): ProseMatch[] {
  const out: ProseMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const found = { start: base + m.index, end: base + m.index + m[0].length, match: m };
    if (accept(found)) {
      out.push(found);
      re.lastIndex = m.index + Math.max(1, m[0].length);
    } else re.lastIndex = m.index + 1;
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

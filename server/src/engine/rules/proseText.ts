import type { Report } from '../report';
import type { ProseChunk, ProseSegment } from '../prose';
import type { Finding, RuleCode } from '../types';
import { movedFinding } from './util';

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

// A re-check reads unchanged prose chunks into the very segments arrays it read before, and
// chunks of the same text share one: findings kept per array are found again without a scan.
const byChunk = new WeakMap<ProseSegment[], Map<string, { first: number; findings: Finding[] }>>();

/**
 * The findings `find` makes of each prose chunk, for a rule whose findings depend on the chunk's
 * text alone, and on `variant` (the report year, say). Findings are kept per chunk text and moved
 * to the lines of each chunk with that text; their strings must be copies, not slices of the
 * document, since they outlive its version.
 */
export function chunkFindings(report: Report, rule: RuleCode, variant: string, find: (chunk: ProseChunk) => Finding[]): Finding[] {
  const key = `${rule}|${variant}`;
  const out: Finding[] = [];
  for (const chunk of report.prose) {
    let known = byChunk.get(chunk.segments);
    if (!known) byChunk.set(chunk.segments, (known = new Map()));
    let kept = known.get(key);
    if (!kept) known.set(key, (kept = { first: chunk.first, findings: find(chunk) }));
    const shift = chunk.first - kept.first;
    for (const f of kept.findings) out.push(shift === 0 ? f : movedFinding(f, shift));
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

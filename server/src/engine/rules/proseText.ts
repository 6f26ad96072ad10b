import type { Report } from '../report';

export interface ProseMatch {
  /** Document offset of the match. */
  start: number;
  end: number;
  match: RegExpExecArray;
}

/** Matches of a global pattern in the report's prose text (code and HTML excluded), with document offsets. */
export function proseMatches(report: Report, pattern: RegExp, accept: (m: ProseMatch) => boolean = () => true): ProseMatch[] {
  const out: ProseMatch[] = [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  for (const seg of report.prose) {
    re.lastIndex = 0;
    for (let m = re.exec(seg.text); m; m = re.exec(seg.text)) {
      const found = { start: seg.start + m.index, end: seg.start + m.index + m[0].length, match: m };
      if (accept(found)) {
        out.push(found);
        re.lastIndex = m.index + Math.max(1, m[0].length);
      } else re.lastIndex = m.index + 1;
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

// Fixtures of real report text with the findings expected of them written beside it, in the manner
// of markdownlint's test files and rust-analyzer's check_diagnostics. In a fixture:
//
//   <!-- expect CODE: message -->       a finding of CODE with this message, its range starting
//                                       on the next line that is not a whole-line comment
//   <!-- expect CODE@TEXT: message -->  the same, its range exactly the first TEXT on that line
//                                       after the place the mark before it on that line names
//                                       (TEXT holds no space and no ":"): for a line with several
//                                       places it could be, such as the cells of a tab row (on a
//                                       line, the marks of one code all give TEXT or none does)
//   <!-- report: what it shows -->      the lines below it, up to the next such line, are a report
//                                       of their own, checked alone: marks count lines from the
//                                       top of the file, the engine's messages from the report's
//                                       first line. Without one, the whole file is one report.
//
// Whole-line comments are comment lines to the engine, so marks may sit between the rows of tab,
// one-cell-per-line and pipe tables; `unmarked` lets a test show that they change nothing.
import type { Diagnostic, Range } from '../server/src/engine';

const EXPECT = /^\s*<!--\s*expect\s+([a-z0-9-]+)(?:@([^\s:]+))?:\s*(.*?)\s*-->\s*$/;
const REPORT = /^\s*<!--\s*report\b.*-->\s*$/;
const COMMENT = /^\s*<!--.*-->\s*$/;

export interface Mark {
  /** 0-based line the finding starts on. */
  line: number;
  code: string;
  message: string;
  /** Columns of TEXT on that line, when given. */
  span?: [number, number];
}

/** What a finding is compared by: where it is, its code and message. */
export type Found = Pick<Diagnostic, 'code' | 'message' | 'range'>;

/** The expectations written in a fixture. */
export function marks(text: string): Mark[] {
  const lines = text.split('\n');
  /** By line, where the last TEXT found on it ends. */
  const searched = new Map<number, number>();
  return lines.flatMap((l, i) => {
    const m = EXPECT.exec(l);
    if (!m) return [];
    let line = i + 1;
    while (line < lines.length && COMMENT.test(lines[line])) line++;
    const [, code, at, message] = m;
    if (at === undefined) return [{ line, code, message }];
    const column = lines[line]?.indexOf(at, searched.get(line) ?? 0) ?? -1;
    if (column < 0) throw new Error(`line ${i + 1}: expects ${code} at «${at}», which line ${line + 1} does not hold there`);
    searched.set(line, column + at.length);
    return [{ line, code, message, span: [column, column + at.length] as [number, number] }];
  });
}

/** The reports of a fixture: each one's text and the 0-based line of the file it starts on. */
export function reports(text: string): Array<{ first: number; text: string }> {
  const lines = text.split('\n');
  const cuts = lines.flatMap((l, i) => (REPORT.test(l) ? [i] : []));
  if (cuts.length === 0) return [{ first: 0, text }];
  return cuts.map((cut, k) => ({ first: cut + 1, text: lines.slice(cut + 1, cuts[k + 1] ?? lines.length).join('\n') }));
}

/** The text without its expect marks, and for each of its lines the line it was in `text`. */
export function unmarked(text: string): { text: string; lineOf: number[] } {
  const kept = text.split('\n').map((l, i) => ({ l, i })).filter(({ l }) => !EXPECT.test(l));
  return { text: kept.map(k => k.l).join('\n'), lineOf: kept.map(k => k.i) };
}

/** The finding with its lines renumbered by `lines`. */
export function shifted<T extends Found>(d: T, lines: (line: number) => number): T {
  const at = (p: Range['start']) => ({ line: lines(p.line), character: p.character });
  return { ...d, range: { start: at(d.range.start), end: at(d.range.end) } };
}

/** "line" or "line:column-column" (1-based, as the command line prints them). */
function place(start: Range['start'], end?: Range['end']): string {
  if (!end) return `${start.line + 1}`;
  return `${start.line + 1}:${start.character + 1}-${end.line === start.line ? '' : `${end.line + 1}:`}${end.character + 1}`;
}

const inOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * The findings and the marks as lines "place code message" in line order, comparable: a finding's
 * place has its columns where a mark of its code on its line gives them.
 */
export function compared(found: Found[], expected: Mark[]): { found: string[]; expected: string[] } {
  const spanned = new Set(expected.filter(m => m.span).map(m => `${m.line} ${m.code}`));
  return {
    found: found.map(({ code, message, range: { start, end } }) =>
      `${place(start, spanned.has(`${start.line} ${code}`) ? end : undefined)} ${code} ${message}`).sort(inOrder),
    expected: expected.map(({ line, code, message, span }) =>
      `${place({ line, character: span?.[0] ?? 0 }, span && { line, character: span[1] })} ${code} ${message}`).sort(inOrder),
  };
}

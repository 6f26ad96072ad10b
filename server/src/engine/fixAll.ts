// Applying many fixes at once ("fix all", `--fix`, source.fixAll): fixes are taken whole or not
// at all, never overlapping, and the text is re-checked after each round because one fix can
// move or reveal another (a converted table gets new ranges for its label fixes).
import { check } from './check';
import { LineIndex, type TextEdit } from './text';
import type { CheckOptions, Diagnostic, Fix } from './types';

const MAX_ROUNDS = 10;

/** Fixes that can be applied together: in document order, skipping any that overlaps one already taken. */
export function compatibleFixes(diagnostics: Diagnostic[]): Fix[] {
  const taken: Array<{ s: number; e: number; line: number }> = [];
  const key = (p: { line: number; character: number }) => p.line * 1e7 + p.character;
  const overlaps = (e: TextEdit) => taken.some(t => {
    const s = key(e.range.start), end = key(e.range.end);
    // Two insertions at the same point would interleave unpredictably; a touching edit is fine.
    return (s < t.e && t.s < end) || (s === end && t.s === t.e && s === t.s);
  });
  const out: Fix[] = [];
  for (const d of diagnostics) {
    const fix = d.fix;
    if (!fix || fix.edits.length === 0 || fix.edits.some(overlaps)) continue;
    for (const e of fix.edits) taken.push({ s: key(e.range.start), e: key(e.range.end), line: e.range.start.line });
    out.push(fix);
  }
  return out;
}

/** Applies non-overlapping edits to a text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits.map(e => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/** One edit turning `before` into `after`: only the changed middle is replaced, so the cursor and folds outside it stay put. */
export function replacementEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a CRLF or a surrogate pair between the kept and the replaced part.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start - 1] === '\r' && before[start] === '\n'))) start--;
  while (end > 0 && (isLowSurrogate(before.charCodeAt(before.length - end)) || (before[before.length - end - 1] === '\r' && before[before.length - end] === '\n'))) end--;
  const lines = new LineIndex(before);
  return { range: lines.range(start, before.length - end), newText: after.slice(start, after.length - end) };
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

interface FixAllResult {
  text: string;
  /** Number of fixes applied over all rounds. */
  applied: number;
}

const linesSpanned = (fix: Fix) => fix.edits.reduce((n, e) => n + e.range.end.line - e.range.start.line, 0);

/** Applies every safe fix until none is left (or the rounds run out on fixes that keep reappearing). */
export function applySafeFixes(text: string, options: CheckOptions = {}): FixAllResult {
  let current = text;
  let applied = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // Fixes over fewer lines first: converting a table rewrites all its lines, and would glue a
    // page footer between its rows into a cell; it waits a round, for the debris in it to go.
    const safe = check(current, options).diagnostics.filter(d => d.fix?.safe).sort((a, b) => linesSpanned(a.fix!) - linesSpanned(b.fix!));
    const fixes = compatibleFixes(safe);
    const next = applyTextEdits(current, fixes.flatMap(f => f.edits));
    if (next === current) break;
    current = next;
    applied += fixes.length;
  }
  return { text: current, applied };
}

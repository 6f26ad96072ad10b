// Shared by the unit and protocol tests: the real seed reports and edit application.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { check, type Diagnostic, type TextEdit, LineIndex } from '../server/src/engine';

export const REPO = path.resolve(__dirname, '..');
export const SEEDS_DIR = path.resolve(REPO, '../shared/reports/seeds');

export const SEEDS = readdirSync(SEEDS_DIR).filter(f => f.endsWith('.txt')).sort();

/** A seed by its number prefix ('000'…'004'). */
export function seed(prefix: string): string {
  const name = SEEDS.find(f => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(path.join(SEEDS_DIR, name), 'utf8');
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits.map(e => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/** Replaces the `occurrence`-th match of `find` on 0-based line `line`. */
export function editLine(text: string, line: number, find: string | RegExp, replacement: string): string {
  const lines = text.split('\n');
  if (!(line in lines)) throw new Error(`no line ${line}`);
  const before = lines[line];
  lines[line] = before.replace(find, replacement);
  if (lines[line] === before) throw new Error(`line ${line} has no ${String(find)}: ${JSON.stringify(before)}`);
  return lines.join('\n');
}

export function diagnostics(text: string, code?: string): Diagnostic[] {
  return check(text).diagnostics.filter(d => code === undefined || d.code === code);
}

/** "line:col-line:col" (0-based), compact for assertions. */
export function at(d: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}

// Shared by the unit and protocol tests: the real seed reports and edit application.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { ALL_RULES, applyTextEdits, check, LineIndex, type Diagnostic } from '../server/src/engine';

export const REPO = path.resolve(__dirname, '..');
export const SEEDS_DIR = path.resolve(REPO, '../shared/reports/seeds');

export const SEEDS = readdirSync(SEEDS_DIR).filter(f => f.endsWith('.txt')).sort();

/** A seed by its number prefix ('000'…'004'). */
export function seed(prefix: string): string {
  const name = SEEDS.find(f => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(path.join(SEEDS_DIR, name), 'utf8');
}

/**
 * A maker of temporary directories holding `files` (paths may have sub-directories), writable
 * like a user's files; those it made are removed once the calling test file is done.
 */
export function tempDirs(prefix: string): (files: Record<string, string | Uint8Array>) => string {
  const dirs: string[] = [];
  after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
  return files => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content, { mode: 0o644 });
    }
    return dir;
  };
}

/** Applies LSP text edits (non-overlapping) to a text, as the editor would. */
export const applyEdits = applyTextEdits;

/** Replaces the first match of `find` on 0-based line `line` (every match for a global RegExp). */
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

/**
 * Replaces the value written at 0-based `line`:`character` (the run up to the next tab, "|" or
 * space) with `value`: one cell, whatever the table layout.
 */
export function putAt(text: string, line: number, character: number, value: string): string {
  const lines = text.split('\n');
  const s = lines[line];
  if (s === undefined || character > s.length) throw new Error(`no position ${line}:${character}`);
  const end = character + (/^[^\t| ]*/.exec(s.slice(character))?.[0].length ?? 0);
  lines[line] = s.slice(0, character) + value + s.slice(end);
  return lines.join('\n');
}

/**
 * The report with every tab row written as a pipe row ("| a | b |"); with `delimiter`, a GFM
 * delimiter row follows each table's first row.
 */
export function toPipeRows(text: string, delimiter: boolean): string {
  const out: string[] = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    if (!line.includes('\t')) { out.push(line); inTable = false; continue; }
    const cells = line.split('\t');
    out.push(`| ${cells.join(' | ')} |`);
    if (delimiter && !inTable) out.push(`|${cells.map(() => ' --- ').join('|')}|`);
    inTable = true;
  }
  return out.join('\n');
}

/**
 * Seed 001 as a report converted from PDF (issue 13): in section 二, right under the caption
 * 第二十条第（一）项, the values of 本年制发件数 and 本年废止件数 stand alone on their lines (22, a
 * note, 55), and the row they came from keeps only its 现行有效件数. Lines 32–35 are the caption,
 * 22, the note and 55.
 */
export function convertedPdf001(): string {
  const lines = seed('001').split('\n');
  lines.splice(lines.indexOf('第二十条第（一）项\t\t\t'), 1, '第二十条第（一）项', '22', '（其中修订 16 件）', '55');
  lines[lines.indexOf('行政规范性文件\t0\t0\t0')] = '行政规范性文件\t\t\t120';
  return lines.join('\n');
}

/** The codes of the rules on prose and across reports, which have tests of their own. */
const PROSE_CODES: readonly string[] = ['report-title', 'conversion-artifact', 'year-mismatch', 'duplicate-word', 'text-vs-table', 'fee-statement', 'carry-over'];

/** The codes the table and structure rules report: every other rule's, a new one included. */
export const STRUCTURE_CODES: readonly string[] = ALL_RULES.map(r => r.id).filter(code => !PROSE_CODES.includes(code));

/** "code line:col-line:col message" for each structure/table diagnostic: one string per finding, easy to diff. */
export function structureFindings(text: string): string[] {
  return diagnostics(text).filter(d => STRUCTURE_CODES.includes(d.code)).map(d => `${d.code} ${at(d)} ${d.message}`);
}

/** The text of a range (for asserting that a range points at the right cell). */
export function textAt(text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offset(r.start), lines.offset(r.end));
}

/**
 * Applies a diagnostic's fix and checks the result again: `gone` and `added` are the findings
 * ("code message") that disappeared and appeared, so a test can assert the fix did exactly one thing.
 */
export function afterFix(text: string, d: Diagnostic): { text: string; gone: string[]; added: string[] } {
  if (!d.fix) throw new Error(`${d.code} at ${at(d)} has no fix`);
  const fixed = applyEdits(text, d.fix.edits);
  const key = (x: Diagnostic) => `${x.code} ${x.message}`;
  const before = diagnostics(text).map(key);
  const after = diagnostics(fixed).map(key);
  const minus = (a: string[], b: string[]) => {
    const rest = [...b];
    return a.filter(x => { const i = rest.indexOf(x); if (i < 0) return true; rest.splice(i, 1); return false; });
  };
  return { text: fixed, gone: minus(before, after), added: minus(after, before) };
}


// A report as the blocks of a Word document, in reading order: the title, the section headings,
// other headings, paragraphs (one a line, as reports are written) and the tables, each as the
// national form when it was read completely (tables.ts).
import { buildReport, check, applyTextEdits, isDirectiveLine, RULES, type CheckOptions, type FormatId, type FormGrid, type Report, type Row, type RuleCode, type SeveritySetting, type TableRegion } from '../engine';
import { filledForm, plainGrid } from './tables';

export type TextKind = 'title' | 'heading' | 'subheading' | 'paragraph' | 'date';

export type WordBlock =
  | { kind: TextKind; text: string }
  | { kind: 'table'; grid: FormGrid; form: boolean };

// Only the debris rule runs: its fixes are what "not carried over" means.
const DEBRIS_ONLY = Object.fromEntries(RULES.map(r => [r.id, r.id === 'conversion-artifact' ? r.severity : 'off'])) as Record<RuleCode, SeveritySetting>;

/**
 * The text without the Word debris (bookmarks, 窗体顶端, page numbers) that the
 * conversion-artifact rule finds, by applying its own fixes.
 */
export function withoutDebris(text: string, options: CheckOptions = {}): string {
  const { diagnostics } = check(text, { ...options, severities: DEBRIS_ONLY });
  const edits = diagnostics.flatMap(d => d.fix?.edits ?? []);
  return edits.length > 0 ? applyTextEdits(text, edits) : text;
}

/** A line as Word shows it: without Markdown's heading, quote and bullet marks, bold marks, escapes and comments. */
export function plainLine(line: string): string {
  let s = line.replace(/<!--.*?-->/g, '').replace(/^\s*(?:>\s?)+/, '');
  const atx = /^\s{0,3}#{1,6}(?:\s+|$)/.exec(s);
  if (atx) s = s.slice(atx[0].length).replace(/\s+#+\s*$/, '');
  return s
    .replace(/^\s*[-*+]\s+/, '')
    .replace(/\*\*/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .trim();
}

const DATE_LINE = /^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

function textKind(report: Report, sections: Set<number>, n: number, raw: string, text: string): TextKind {
  if (n === report.title?.line) return 'title';
  if (sections.has(n)) return 'heading';
  if (/^\s{0,3}#{1,6}(?:\s|$)/.test(raw)) return 'subheading';
  return DATE_LINE.test(text.normalize('NFKC')) ? 'date' : 'paragraph';
}

/** The tables of a region: each matched table as its form when it has one, the other rows as written. */
function regionTables(report: Report, region: TableRegion): WordBlock[] {
  const out: WordBlock[] = [];
  const forms = new Map<Row, FormGrid>();
  const covered = new Set<Row>();
  for (const t of report.tables) {
    if (!t.regions.includes(region)) continue;
    const form = filledForm(t);
    if (!form) continue;
    forms.set(t.rows[0], form);
    for (const r of t.rows) covered.add(r);
  }
  let plain: string[][] = [];
  const flush = () => {
    if (plain.length > 0) out.push({ kind: 'table', grid: plainGrid(plain), form: false });
    plain = [];
  };
  for (const row of region.rows) {
    const form = forms.get(row);
    if (form) {
      flush();
      out.push({ kind: 'table', grid: form, form: true });
    } else if (!covered.has(row)) {
      const cells = row.cells.map(c => c.text.trim());
      while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
      plain.push(cells);
    }
  }
  flush();
  return out;
}

/** The report in reading order: each table region, and each line outside the regions. */
export function* readingOrder(report: Report): Generator<{ region: TableRegion; line?: undefined } | { line: number; region?: undefined }> {
  const regions = new Map(report.regions.map(r => [r.firstLine, r]));
  for (let n = 0; n < report.lines.lineCount; n++) {
    const region = regions.get(n);
    if (region) {
      yield { region };
      n = region.lastLine;
    } else yield { line: n };
  }
}

/** The report's blocks. Blank lines and disable comments are not carried over. */
export function reportBlocks(report: Report): WordBlock[] {
  const out: WordBlock[] = [];
  const sections = new Set(report.headings.map(h => h.line));
  for (const { region, line } of readingOrder(report)) {
    if (region) {
      out.push(...regionTables(report, region));
      continue;
    }
    const raw = report.lines.line(line);
    if (isDirectiveLine(raw)) continue;
    const text = plainLine(raw);
    if (text !== '') out.push({ kind: textKind(report, sections, line, raw, text), text });
  }
  return out;
}

/** The blocks of a report's text, its debris removed. */
export function documentBlocks(text: string, defaultFormat?: FormatId): WordBlock[] {
  return reportBlocks(buildReport(withoutDebris(text, { defaultFormat }), { defaultFormat }));
}

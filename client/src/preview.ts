// markdown-it plugin for the built-in Markdown preview: tab-separated report tables become HTML
// tables, and a cell that breaks an arithmetic relation carries the diagnostic's message.
// CommonMark reads tab rows as indented code, so the engine finds the tables and this plugin
// claims their lines before markdown-it's own block rules see them. No VS Code API here.
import type { MarkdownIt, StateBlock, StateCore } from 'markdown-it';
import { buildReport, checkReport, type CheckOptions, type Report, type TableRegion, type Cell } from '../../server/src/engine';

export interface PreviewSettings extends CheckOptions {
  /** `nianbao.enable`: when false the preview is plain markdown-it. */
  enable?: boolean;
}

export const FAIL_CLASS = 'nianbao-fail';
export const VALUE_CLASS = 'nianbao-value';

interface CellPlan { text: string; value: boolean; failures: string[] }
interface RowPlan { cells: CellPlan[]; header: boolean; firstLine: number; lastLine: number }
interface TablePlan { firstLine: number; lastLine: number; rows: RowPlan[] }
interface Plan { src: string; byFirstLine: Map<number, TablePlan> }

const PLAN = Symbol('nianbao.previewPlan');

/** Where a cell's value starts, as the matcher records it (trimmed; the cell start when blank). */
function valueStart(cell: Cell): number {
  const trimmed = cell.text.trimStart();
  return trimmed.trim() === '' ? cell.start : cell.start + cell.text.length - trimmed.length;
}

/** The codes whose diagnostics sit on a value cell the arithmetic says is wrong. */
const ARITHMETIC = new Set<string>(['t3-row-total', 't3-results-total', 't3-balance', 't4-group-total', 't3-cell']);

/** The arithmetic diagnostics the Problems panel shows (severity not off, not disabled), by the offset of their cell. */
function failureMessages(report: Report, settings: PreviewSettings): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const d of checkReport(report, settings)) {
    if (!ARITHMETIC.has(d.code)) continue;
    const at = report.lines.offset(d.range.start);
    const list = out.get(at) ?? [];
    if (!list.includes(d.message)) list.push(d.message);
    out.set(at, list);
  }
  return out;
}

function tablePlan(report: Report, region: TableRegion, failures: Map<number, string[]>): TablePlan {
  const valueStarts = new Set<number>();
  for (const t of report.tables) if (t.regions.includes(region)) for (const v of t.values.values()) valueStarts.add(v.start);
  return {
    firstLine: region.firstLine,
    lastLine: region.lastLine,
    rows: region.rows.map(row => ({
      firstLine: row.firstLine,
      lastLine: row.lastLine,
      header: !row.cells.some(c => valueStarts.has(valueStart(c))),
      cells: row.cells.map(c => ({ text: c.text.trim(), value: valueStarts.has(valueStart(c)), failures: failures.get(valueStart(c)) ?? [] })),
    })),
  };
}

function plan(src: string, settings: PreviewSettings): Plan {
  const byFirstLine = new Map<number, TablePlan>();
  if (settings.enable === false) return { src, byFirstLine };
  const report = buildReport(src, { defaultFormat: settings.defaultFormat });
  if (!report.isReport) return { src, byFirstLine };
  const failures = failureMessages(report, settings);
  for (const region of report.regions) {
    if (region.layout !== 'tab') continue;
    // markdown-it skips white-space-only lines (a row of empty cells), so it would never call
    // the block rule on such a first line.
    let first = region.firstLine;
    while (first < region.lastLine && report.lines.line(first).trim() === '') first++;
    byFirstLine.set(first, tablePlan(report, region, failures));
  }
  return { src, byFirstLine };
}

function emitTable(state: StateBlock, table: TablePlan) {
  const open = state.push('table_open', 'table', 1);
  open.map = [table.firstLine, table.lastLine + 1];
  open.attrSet('class', 'nianbao-table');
  const firstData = table.rows.findIndex(r => !r.header);
  const headRows = firstData < 0 ? table.rows.length : firstData;
  const section = (tag: 'thead' | 'tbody', rows: RowPlan[]) => {
    if (rows.length === 0) return;
    state.push(`${tag}_open`, tag, 1).map = [rows[0].firstLine, rows[rows.length - 1].lastLine + 1];
    for (const row of rows) {
      state.push('tr_open', 'tr', 1).map = [row.firstLine, row.lastLine + 1];
      const tag = row.header ? 'th' : 'td';
      for (const cell of row.cells) {
        const cellOpen = state.push(`${tag}_open`, tag, 1);
        const classes = [cell.value ? VALUE_CLASS : '', cell.failures.length > 0 ? FAIL_CLASS : ''].filter(Boolean);
        if (classes.length > 0) cellOpen.attrSet('class', classes.join(' '));
        if (cell.failures.length > 0) cellOpen.attrSet('title', cell.failures.join('\n'));
        const inline = state.push('inline', '', 0);
        inline.content = cell.text;
        inline.map = [row.firstLine, row.lastLine + 1];
        inline.children = [];
        state.push(`${tag}_close`, tag, -1);
      }
      state.push('tr_close', 'tr', -1);
    }
    state.push(`${tag}_close`, tag, -1);
  };
  section('thead', table.rows.slice(0, headRows));
  section('tbody', table.rows.slice(headRows));
  state.push('table_close', 'table', -1);
}

/**
 * The plugin. `settings` is read on every render with markdown-it's env (VS Code's preview puts
 * the rendered document's URI in `env.currentDocument`), so the preview follows the `nianbao.*`
 * settings of that document's folder (the extension passes the configuration; tests pass nothing).
 */
export function nianbaoMarkdownIt(md: MarkdownIt, settings: (env: Record<string, unknown>) => PreviewSettings = () => ({})): MarkdownIt {
  // After normalize, so line numbers are those of the text markdown-it splits into lines.
  md.core.ruler.after('normalize', 'nianbao_plan', (state: StateCore) => {
    state.env ??= {};
    state.env[PLAN] = plan(state.src, settings(state.env));
  });
  const rule = (state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean => {
    const current: Plan | undefined = state.env[PLAN];
    // A nested parse with the same env has another source: its lines are not ours.
    if (!current || current.src !== state.src) return false;
    const table = current.byFirstLine.get(startLine);
    if (table && table.lastLine < endLine) {
      if (silent) return true;
      emitTable(state, table);
      state.line = table.lastLine + 1;
      return true;
    }
    if (silent) return false;
    // A paragraph takes a tab-indented line as its lazy continuation, without asking the
    // terminator rules: when a table starts inside this run of lines, the other rules stop at it.
    let next = startLine + 1;
    while (next < endLine && !state.isEmpty(next) && !current.byFirstLine.has(next)) next++;
    if (next >= endLine || !current.byFirstLine.has(next)) return false;
    return state.md.block.ruler.getRules('').some(other => other !== rule && other(state, startLine, next, false));
  };
  md.block.ruler.before('table', 'nianbao_table', rule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  return md;
}

// The 年报汇总 webview (bundled by build.mjs into dist/summaryView.js): the table of the workspace's
// reports, sortable, each file a link to its report, and per organ with several years a chart of
// the applications received and handled. Rows arrive from the extension (client/src/summaryPanel.ts)
// as messages; everything is drawn with DOM calls and text nodes, never HTML from the data.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { SUMMARY_COLUMNS, type SummaryRow, type SummaryViewRow } from '../../server/src/protocol';
import type { FromView, ToView } from '../src/summaryMessages';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

interface VsCodeApi<S> { postMessage(message: FromView): void; getState(): S | undefined; setState(state: S): void }
declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

type Key = keyof SummaryRow;
interface State { sort: Key; descending: boolean }

const vscode = acquireVsCodeApi<State>();
let state: State = vscode.getState() ?? { sort: 'organ', descending: false };
let rows: SummaryViewRow[] | undefined;
/** The charts drawn, with what they show, to draw them again in a new theme. */
const charts: Array<{ chart: Chart; canvas: HTMLCanvasElement; byYear: SummaryViewRow[] }> = [];

const NO_VALUE = '—';
const NO_VALUE_TITLE = '无法读取：表格缺失或该单元格不是数字';
const collator = new Intl.Collator('zh-CN', { numeric: true });

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** Ascending by the column, unknown values last whatever the direction; ties by organ, year, path. */
function compare(a: SummaryViewRow, b: SummaryViewRow, key: Key, descending: boolean): number {
  const x = a[key], y = b[key];
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
  return descending ? -order : order;
}

function sorted(list: SummaryViewRow[]): SummaryViewRow[] {
  const ties: Key[] = ['organ', 'year', 'path'];
  return [...list].sort((a, b) => {
    for (const [key, descending] of [[state.sort, state.descending] as const, ...ties.map(k => [k, false] as const)]) {
      const c = compare(a, b, key, descending);
      if (c !== 0) return c;
    }
    return 0;
  });
}

function cell(row: SummaryViewRow, key: Key): HTMLTableCellElement {
  const value = row[key];
  const column = SUMMARY_COLUMNS.find(c => c.key === key)!;
  const td = el('td', { className: column.numeric ? 'num' : '' });
  if (key === 'path') {
    const a = el('a', { href: '#', title: `打开 ${row.path}` }, row.path);
    a.addEventListener('click', e => { e.preventDefault(); vscode.postMessage({ type: 'open', uri: row.uri }); });
    td.append(a);
  } else if (key === 'errors' || key === 'warnings') {
    const n = value as number;
    td.append(el('span', { className: `count ${n === 0 ? 'zero' : key === 'errors' ? 'error' : 'warning'}`, title: `${n} 个${key === 'errors' ? '错误' : '警告'}` }, String(n)));
  } else if (value === null) {
    td.append(el('span', { className: 'none', title: NO_VALUE_TITLE }, NO_VALUE));
  } else td.append(key === 'template' ? `${value}版` : String(value));
  return td;
}

function table(list: SummaryViewRow[]): HTMLTableElement {
  const head = el('tr');
  for (const c of SUMMARY_COLUMNS) {
    const active = state.sort === c.key;
    const button = el('button', { type: 'button', title: `按“${c.title}”排序` }, c.title, el('span', { className: 'arrow' }, active ? (state.descending ? '▼' : '▲') : ''));
    button.addEventListener('click', () => {
      state = { sort: c.key, descending: active ? !state.descending : c.key === 'errors' || c.key === 'warnings' };
      vscode.setState(state);
      render();
    });
    const th = el('th', { className: c.numeric ? 'num' : '' }, button);
    th.setAttribute('aria-sort', active ? (state.descending ? 'descending' : 'ascending') : 'none');
    head.append(th);
  }
  const body = el('tbody');
  for (const row of sorted(list)) {
    const tr = el('tr', { className: row.errors > 0 ? 'has-errors' : '' });
    tr.dataset.uri = row.uri;
    for (const c of SUMMARY_COLUMNS) tr.append(cell(row, c.key));
    body.append(tr);
  }
  return el('table', { className: 'summary' }, el('thead', {}, head), body);
}

/** Organs with reports of at least two years, each with its rows by year (the first report of a year, by path, when one is duplicated). */
function organsOverYears(list: SummaryViewRow[]): Array<{ organ: string; byYear: SummaryViewRow[] }> {
  const groups = new Map<string, Map<number, SummaryViewRow>>();
  for (const row of [...list].sort((a, b) => collator.compare(a.path, b.path))) {
    if (row.organ === null || row.year === null) continue;
    const years = groups.get(row.organ) ?? new Map<number, SummaryViewRow>();
    groups.set(row.organ, years);
    if (!years.has(row.year)) years.set(row.year, row);
  }
  return [...groups].filter(([, years]) => years.size >= 2)
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([organ, years]) => ({ organ, byYear: [...years.values()].sort((a, b) => a.year! - b.year!) }));
}

/** A theme colour (the --vscode-* variables on <html>), so the charts follow the editor's theme. */
function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function drawChart(canvas: HTMLCanvasElement, byYear: SummaryViewRow[]): Chart {
  const foreground = themeColour('--vscode-foreground', '#616161');
  const grid = themeColour('--vscode-editorWidget-border', 'rgba(128, 128, 128, 0.35)');
  const font = { family: themeColour('--vscode-font-family', 'sans-serif'), size: 12 };
  const series = (label: string, key: 'received' | 'handled', colour: string) =>
    ({ label, data: byYear.map(r => r[key]), backgroundColor: colour, borderColor: colour, borderRadius: 3, maxBarThickness: 36 });
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: byYear.map(r => `${r.year}年`),
      datasets: [
        series('本年新收申请', 'received', themeColour('--vscode-charts-blue', '#3794ff')),
        series('办理结果总计', 'handled', themeColour('--vscode-charts-green', '#89d185')),
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      color: foreground,
      font,
      scales: {
        x: { ticks: { color: foreground, font }, grid: { display: false }, border: { color: grid } },
        y: { beginAtZero: true, ticks: { color: foreground, font, precision: 0 }, grid: { color: grid }, border: { display: false } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: foreground, font, boxWidth: 12, boxHeight: 12 } },
        tooltip: { callbacks: { label: c => `${c.dataset.label}：${c.raw === null ? '无法读取' : `${c.raw} 件`}` } },
      },
    },
  });
}

function chartsSection(list: SummaryViewRow[]): HTMLElement | undefined {
  const organs = organsOverYears(list);
  if (organs.length === 0) return undefined;
  const grid = el('div', { className: 'charts' });
  const pending: Array<() => void> = [];
  for (const { organ, byYear } of organs) {
    const canvas = el('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${organ}：${byYear.map(r => `${r.year}年新收 ${r.received ?? NO_VALUE} 件、办结 ${r.handled ?? NO_VALUE} 件`).join('；')}`);
    grid.append(el('figure', { className: 'chart' }, el('figcaption', {}, organ), el('div', { className: 'canvas' }, canvas)));
    pending.push(() => charts.push({ chart: drawChart(canvas, byYear), canvas, byYear }));
  }
  // Charts size themselves from their container: draw once the section is in the document.
  queueMicrotask(() => pending.forEach(draw => draw()));
  return el('section', {}, el('h2', {}, '各机关历年政府信息公开申请'), grid);
}

function render(): void {
  for (const c of charts.splice(0)) c.chart.destroy();
  const app = document.getElementById('app')!;
  if (rows === undefined) {
    app.replaceChildren(el('p', { className: 'note' }, '正在汇总工作区中的年度报告…'));
    return;
  }
  const organs = new Set(rows.map(r => r.organ ?? ''));
  const errors = rows.reduce((n, r) => n + r.errors, 0), warnings = rows.reduce((n, r) => n + r.warnings, 0);
  const header = el('header', {}, el('h1', {}, '年报汇总'),
    el('p', { className: 'note' }, `${rows.length} 份报告 · ${organs.size} 个机关 · 错误 ${errors} 个 · 警告 ${warnings} 个`));
  if (rows.length === 0) {
    app.replaceChildren(header, el('p', { className: 'note' }, '工作区中没有找到政府信息公开工作年度报告（*.md）。'));
    return;
  }
  const perOrgan = chartsSection(rows);
  app.replaceChildren(header, el('div', { className: 'table-wrap' }, table(rows)), ...(perOrgan ? [perOrgan] : []));
}

window.addEventListener('message', (event: MessageEvent<ToView>) => {
  if (event.data?.type !== 'rows') return;
  rows = event.data.rows;
  render();
});

// VS Code switches the body's theme class (vscode-light, vscode-dark, vscode-high-contrast…): the
// table follows through CSS, the charts are drawn again with the new colours.
new MutationObserver(() => {
  for (const c of charts) {
    c.chart.destroy();
    c.chart = drawChart(c.canvas, c.byYear);
  }
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

render();
vscode.postMessage({ type: 'ready' });

// Rewrites of a report that change no number: what an editor's "trim trailing whitespace", a
// retyped caption, a converter's layout or a Windows editor does to real text. Each is a plain
// text transform that does not use the engine's reading (only the template's labels), so a test
// can hold the engine to "the same findings before and after".

import { T4_GROUPS, TABLES } from '../server/src/engine/template';

export type Rewrite = (text: string) => string;

const lines = (text: string) => text.split('\n');
const CAPTION = /^第二十条第[（(][一二三四五六七八九十]+[）)]项$/;
const GROUP_HEADERS = new Set(['申请人情况', '法人或其他组织', '行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉']);

/** The non-empty cells of a tab or pipe line, trimmed. */
const filledCells = (line: string) => line.split(/\t|\|/).map(c => c.trim()).filter(c => c !== '');

/** A 表二 block caption standing alone on its line, in any layout. */
const captionOf = (line: string) => {
  const cells = filledCells(line);
  return cells.length === 1 && CAPTION.test(cells[0]) ? cells[0] : undefined;
};

export const REWRITES: Record<string, Rewrite> = {
  /** VS Code's files.trimTrailingWhitespace on save. */
  'trailing whitespace trimmed': text => lines(text).map(l => l.replace(/[ \t]+$/, '')).join('\n'),
  'captions as plain lines': text => lines(text).map(l => captionOf(l) ?? l).join('\n'),
  'captions as Markdown headings': text => lines(text).map(l => { const c = captionOf(l); return c ? `#### ${c}` : l; }).join('\n'),
  'captions between blank lines': text => lines(text).flatMap(l => { const c = captionOf(l); return c ? ['', c, ''] : [l]; }).join('\n'),
  'no blank lines at all': text => lines(text).filter(l => l !== '').join('\n'),
  /** A converter that writes every line, each cell of a one-cell-a-line table too, as a paragraph of its own. */
  'a blank line after every line': text => lines(text).flatMap(l => (l === '' ? [] : [l, ''])).join('\n'),
  /** The group cells above the leaf columns of 表三 and 表四 left out; a header row left empty goes. */
  'group headers left out': text => lines(text).flatMap(l => {
    if (!l.includes('\t') && !l.includes('|')) return [l];
    const sep = l.includes('\t') ? '\t' : '|';
    const cells = l.split(sep);
    if (!cells.some(c => GROUP_HEADERS.has(c.trim()))) return [l];
    const kept = cells.map(c => (GROUP_HEADERS.has(c.trim()) ? '' : c));
    return filledCells(kept.join(sep)).length === 0 ? [] : [kept.join(sep)];
  }).join('\n'),
  'CRLF line breaks': text => text.replace(/\r?\n/g, '\r\n'),
  /** Zero-width spaces a web page leaves in a copied table: inside a label, after a number. */
  'zero-width spaces in table cells': text => lines(text).map(l => (/[\t|]/.test(l) ? l.replace(/([\u4e00-\u9fff])([\u4e00-\u9fff])/, '$1\u200b$2').replace(/(\d)(?=[\t|]|$)/g, '$1\u200b') : l)).join('\n'),
  /** An editor's "convert tabs to spaces": every tab, the leading ones of one-cell-a-line tables too. */
  'tabs turned into spaces': text => text.replace(/\t/g, '    '),
};

// ---------- tab tables rewritten in the layouts converters write ----------

/** Each run of tab-separated lines (a table, blank lines inside it dropped), replaced by `render` of its rows. */
function eachTabTable(text: string, render: (rows: string[][]) => string[]): string {
  const out: string[] = [];
  let rows: string[][] = [];
  const flush = () => { if (rows.length) out.push(...render(rows)); rows = []; };
  for (const line of lines(text)) {
    if (line.includes('\t')) { rows.push(line.split('\t')); continue; }
    if (line === '' && rows.length) continue;
    flush();
    out.push(line);
  }
  flush();
  return out.join('\n');
}

const isNumber = (c: string) => /^-?[0-9０-９][0-9０-９.,]*$/.test(c.trim());
const hasNumber = (row: string[]) => row.some(isNumber);
const trimRow = (row: string[]) => { const r = [...row]; while (r.length > 1 && r[r.length - 1].trim() === '') r.pop(); return r; };
const pipe = (row: string[], width: number) => `| ${[...row, ...Array(Math.max(0, width - row.length)).fill('')].join(' | ')} |`;

/** Rows as one GFM pipe table with its own delimiter row. */
function pipeTable(rows: string[][]): string[] {
  const width = Math.max(...rows.map(r => trimRow(r).length));
  return [pipe(trimRow(rows[0]), width), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(r => pipe(trimRow(r), width)), ''];
}

/**
 * 表二 as one pipe table per block under a "### 第二十条第（X）项" heading; 表三 as one pipe table per
 * row group (一 and 二, the 办理结果, 四), each under its own copy of the header rows.
 */
function perBlock(rows: string[][]): string[] {
  const captionAt = rows.map(r => captionOf(r.join('\t')));
  if (captionAt.some(Boolean)) {
    const out: string[] = [];
    let block: string[][] = [];
    const flush = () => { if (block.length) out.push(...pipeTable(block)); block = []; };
    rows.forEach((r, i) => { if (captionAt[i]) { flush(); out.push(`### ${captionAt[i]}`, ''); } else block.push(r); });
    flush();
    return out;
  }
  const header = rows.filter((r, i) => i < rows.findIndex(hasNumber) && !hasNumber(r));
  const body = rows.slice(header.length);
  const starts = body.map((r, i) => i === 0 || /^(三、|四、)/.test(r.find(c => c.trim() !== '')?.trim() ?? ''));
  if (header.length === 0 || !starts.some((s, i) => s && i > 0)) return pipeTable(rows);
  const out: string[] = [];
  let group: string[][] = [];
  body.forEach((r, i) => { if (starts[i] && group.length) { out.push(...pipeTable([...header, ...group])); group = []; } group.push(r); });
  out.push(...pipeTable([...header, ...group]));
  return out;
}

/**
 * The header rows above the first row of numbers written as one row of column labels over the
 * value columns, as a web page that drops merged header cells does: 表三's seven columns, 表四's
 * fifteen with their group's name joined on ("行政复议结果维持").
 */
function flatHeader(rows: string[][]): string[][] {
  const first = rows.findIndex(hasNumber);
  const head = rows.slice(0, first).flat().map(c => c.trim());
  if (first < 2) return rows;
  const start = rows[first].findIndex(isNumber);
  let leaves: string[];
  if (head.includes('自然人')) leaves = TABLES['2021'].t3.blocks[0].columns.map(c => c.label);
  else if (head.includes('复议后起诉')) leaves = TABLES['2021'].t4.blocks[0].columns.map(c => `${T4_GROUPS.find(g => c.id.startsWith(`${g.id}.`))!.label}${c.label}`);
  else return rows;
  return [[...Array(start).fill(''), ...leaves], ...rows.slice(first)];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * An HTML table as a web page writes it: a header word over empty cells to its right spans them
 * (colspan), a row label over empty cells below it spans them (rowspan).
 */
function htmlTable(rows: string[][]): string[] {
  const width = Math.max(...rows.map(r => r.length));
  const grid = rows.map(r => [...r, ...Array(width - r.length).fill('')].map(c => c.trim()));
  const covered = grid.map(r => r.map(() => false));
  const out = ['<table border="1">'];
  grid.forEach((row, r) => {
    const cells: string[] = [];
    const firstValue = row.findIndex(isNumber);
    row.forEach((text, c) => {
      if (covered[r][c]) return;
      let colspan = 1, rowspan = 1;
      if (text !== '' && firstValue < 0) while (c + colspan < width && grid[r][c + colspan] === '' && !covered[r][c + colspan]) colspan++;
      if (text !== '' && !isNumber(text) && firstValue >= 0 && c < firstValue) {
        while (r + rowspan < grid.length && grid[r + rowspan][c] === '' && grid[r + rowspan].some(isNumber) && grid[r + rowspan].findIndex(isNumber) > c) rowspan++;
      }
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) covered[r + dr][c + dc] = true;
      const attrs = `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
      cells.push(`<td${attrs}>${escape(text)}</td>`);
    });
    out.push(`<tr>${cells.join('')}</tr>`);
  });
  out.push('</table>');
  return out;
}

/**
 * A grid table as pandoc writes one: a "+----+" rule between rows ("+====+" under the header), and a
 * cell longer than its column wrapped onto the lines below it.
 */
function gridTable(rows: string[][]): string[] {
  const WIDTH = 12;
  const width = Math.max(...rows.map(r => r.length));
  const rule = (c: string) => `+${Array(width).fill(c.repeat(WIDTH)).join('+')}+`;
  const out = [rule('-')];
  const header = rows.findIndex(hasNumber);
  rows.forEach((r, k) => {
    const cells = [...r, ...Array(width - r.length).fill('')].map(c => c.trim());
    const height = Math.max(1, ...cells.map(c => Math.ceil([...c].length / WIDTH)));
    for (let line = 0; line < height; line++) out.push(`| ${cells.map(c => [...c].slice(line * WIDTH, (line + 1) * WIDTH).join('')).join(' | ')} |`);
    out.push(rule(k === header - 1 ? '=' : '-'));
  });
  return [...out, ''];
}

/** Rewrites of reports whose tables are tab-separated, into the layouts web pages and converters give. */
export const TAB_REWRITES: Record<string, Rewrite> = {
  'pipe tables per block and per row group, captions as ### headings': text => eachTabTable(text, perBlock),
  'pipe rows without outer pipes, padded with empty cells': text => eachTabTable(text, rows => rows.map(r => `${trimRow(r).join(' | ')} | ||`)),
  'header rows flattened into one': text => eachTabTable(text, rows => flatHeader(rows).map(r => r.join('\t'))),
  'HTML tables with merged cells': text => eachTabTable(text, htmlTable),
  'grid tables, long labels wrapped over lines': text => eachTabTable(text, gridTable),
  /** A converted PDF repeats nothing but a "续表" line where the page broke. */
  'a 续表 line where a page broke a long table': text => eachTabTable(text, rows => rows.flatMap((r, i) => (i === 10 ? ['（续表）', r.join('\t')] : [r.join('\t')]))),
  /** What a converter keeps of a merged label cell: the group labels and the row's in one cell ("三、本年度办理结果（一）予以公开"). */
  'group and row labels in one cell': text => eachTabTable(text, rows => rows.map(r => {
    const cells = r.map(c => c.trim()).filter(c => c !== '');
    const values = cells.findIndex(isNumber);
    return (values > 1 ? [cells.slice(0, values).join(''), ...cells.slice(values)] : r).join('\t');
  })),
  /** Text copied out of a PDF keeps no tabs: the cells of a row separated by a space, or each cell on a line of its own. */
  'copied out of a PDF: cells separated by spaces': text => eachTabTable(text, rows => rows.map(r => r.map(c => c.trim()).filter(c => c !== '').join(' '))),
  'copied out of a PDF: one cell a line, no blank lines': text => eachTabTable(text, rows => rows.flatMap(r => r.map(c => c.trim()).filter(c => c !== ''))),
};

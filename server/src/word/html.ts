// An HTML page (a saved web page, or what mammoth makes of a .docx) as blocks of text: paragraphs
// with whether they were headings, and tables as rows of cells whose merged cells (colspan,
// rowspan) are resolved as Word keeps them: a cell merged down leaves an empty cell in each row
// below, one merged across is one cell.
import { DomUtils, parseDocument } from 'htmlparser2';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<Node, { name: string; attribs: Record<string, string> }>;
type Text = Extract<Node, { type: 'text' }>;

export type HtmlBlock =
  | { kind: 'text'; text: string; heading: boolean }
  | { kind: 'table'; rows: string[][] };

/** Page furniture and form controls: no report text is in them. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'select', 'button', 'iframe', 'object', 'nav', 'textarea']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'ol', 'p', 'pre', 'section', 'ul',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

// Script and style elements are elements too; SKIPPED leaves them out.
const isElement = (n: Node): n is Element => 'name' in n;
const isText = (n: Node): n is Text => n.type === 'text';
const childrenOf = (n: Node): Node[] => ('children' in n ? n.children : []);

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * White space as a browser shows it: a run becomes one space, except a run with a line break
 * between two ideographs, which is where the page's source was wrapped (no space in Chinese).
 */
function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, (run, at: number, all: string) =>
    (/[\n\r]/.test(run) && WIDE.test(all[at - 1] ?? '') && WIDE.test(all[at + run.length] ?? '') ? '' : ' '));
}

/** A cell's text: its paragraphs and lines joined (Word splits 结果 / 维持 over two lines), white space collapsed. */
function cellText(cell: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (isText(n)) parts.push(n.data);
    else if (isElement(n) && SKIPPED.has(n.name)) return;
    else if (isElement(n) && (n.name === 'br' || BLOCKS.has(n.name) || n.name === 'td' || n.name === 'th' || n.name === 'tr')) {
      parts.push('\n');
      childrenOf(n).forEach(walk);
      parts.push('\n');
    } else childrenOf(n).forEach(walk);
  };
  childrenOf(cell).forEach(walk);
  return parts.join('').split(/\n+/).map(s => collapse(s).trim()).join('');
}

const span = (el: Element, name: string, max: number) => {
  const n = Number.parseInt(el.attribs[name] ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
};

/** The rows of a table (not of the tables nested in its cells). */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (n: Node) => {
    if (!isElement(n)) return;
    if (n.name === 'tr') rows.push(n);
    else if (n.name === 'thead' || n.name === 'tbody' || n.name === 'tfoot') childrenOf(n).forEach(walk);
  };
  childrenOf(table).forEach(walk);
  return rows;
}

/**
 * Whether a table lays out the page rather than holding values: many web pages put the whole
 * report, tables and all, in the cells of one. Such a table has a cell with a table, a heading or
 * several paragraphs in it.
 */
function isLayoutTable(table: Element): boolean {
  return tableRows(table).some(tr => childrenOf(tr).some(cell => {
    if (!isElement(cell)) return false;
    const inner = DomUtils.findAll(e => e.name === 'table' || HEADINGS.has(e.name) || e.name === 'p' || e.name === 'div', childrenOf(cell) as never);
    return inner.some(e => e.name === 'table' || HEADINGS.has(e.name)) || inner.length > 3;
  }));
}

/**
 * The table's rows as Word keeps them: per row, the cells that start in it and an empty cell
 * for each cell merged down into it from above, left to right. A cell merged across columns is
 * one cell, whatever grid columns it spans: Word splits a grid column wherever a border is a
 * little off (LibreOffice too, when it saves), and the cells across the split span it.
 * Rows without any text are left out.
 */
function tableCells(table: Element): string[][] {
  const rows = tableRows(table);
  const placed: Array<Array<{ col: number; text: string }>> = rows.map(() => []);
  const taken: boolean[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let col = 0;
    for (const cell of childrenOf(tr)) {
      if (!isElement(cell) || (cell.name !== 'td' && cell.name !== 'th')) continue;
      while (taken[r][col]) col++;
      // A span past the table's end (or rowspan="0", "to the end") stops at its last row.
      const rowSpan = cell.attribs.rowspan === '0' ? rows.length - r : span(cell, 'rowspan', rows.length - r);
      const colSpan = span(cell, 'colspan', 1000);
      for (let i = 0; i < rowSpan; i++) {
        for (let j = 0; j < colSpan; j++) taken[r + i][col + j] = true;
        placed[r + i].push({ col, text: i === 0 ? cellText(cell) : '' });
      }
      col += colSpan;
    }
  });
  return placed
    .map(cells => cells.sort((a, b) => a.col - b.col).map(c => c.text))
    .filter(cells => cells.some(c => c !== ''));
}

/** A line break the page asks for (<br>, a line of <pre>), unlike the source's own line breaks. */
const BREAK = '\u2028';

/** The blocks of an HTML page in reading order, a <br> starting a new one; empty paragraphs are left out. */
export function htmlBlocks(html: string): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let line: string[] = [];
  let heading = false;
  let pre = 0;
  const flush = () => {
    const text = line.join('');
    line = [];
    for (const part of text.split(BREAK)) {
      const t = (pre > 0 ? part : collapse(part)).trim();
      if (t !== '') blocks.push({ kind: 'text', text: t, heading });
    }
    heading = false;
  };
  const walk = (n: Node) => {
    if (isText(n)) { line.push(pre > 0 ? n.data.replace(/\r\n?|\n/g, BREAK) : n.data); return; }
    if (!isElement(n) || SKIPPED.has(n.name)) return;
    if (n.name === 'br') { line.push(BREAK); return; }
    if (n.name === 'table' && !isLayoutTable(n)) {
      flush();
      const rows = tableCells(n);
      // A one-column table is a framed text, not a table of values.
      if (rows.every(r => r.length === 1)) for (const [text] of rows) blocks.push({ kind: 'text', text, heading: false });
      else if (rows.length > 0) blocks.push({ kind: 'table', rows });
      return;
    }
    if (n.name === 'table') { flush(); tableRows(n).forEach(tr => childrenOf(tr).forEach(cell => { walk(cell); flush(); })); return; }
    if (!BLOCKS.has(n.name)) { childrenOf(n).forEach(walk); return; }
    flush();
    if (n.name === 'pre') pre++;
    childrenOf(n).forEach(walk);
    heading = HEADINGS.has(n.name);
    flush();
    if (n.name === 'pre') pre--;
  };
  childrenOf(parseDocument(html)).forEach(walk);
  flush();
  return blocks;
}

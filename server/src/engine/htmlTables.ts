// HTML <table>s pasted from a web page or written by a Word-to-HTML converter, read as rows of
// cells like a tab table: a cell merged over several columns or rows (colspan, rowspan) is its
// text once and empty cells in the other places it covers, as Word's tab text writes merged cells.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { ownedText } from './caches';
import type { LineIndex } from './text';
import type { Cell, Row } from './tables';

const isElement = (n: ChildNode): n is Element => n.type === 'tag';

function elements(node: { children: ChildNode[] }, names: string[], into: Element[] = []): Element[] {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (names.includes(child.name)) into.push(child);
    // A table inside a cell is that cell's content, not rows of this table.
    else if (child.name !== 'table') elements(child, names, into);
  }
  return into;
}

/** The text of a cell and the source span of its words (entities and tags inside it kept as written). */
function cellText(td: Element, source: string, base: number): Cell {
  const parts: Array<{ data: string; start: number; end: number }> = [];
  const walk = (n: ChildNode) => {
    if (n.type === 'text') {
      if (n.data.trim() !== '') parts.push({ data: n.data, start: n.startIndex!, end: n.endIndex! + 1 });
    } else if (isElement(n)) n.children.forEach(walk);
  };
  td.children.forEach(walk);
  // Words a cell breaks over lines ("商业<br>企业") are one label.
  const words = parts;
  if (words.length === 0) {
    // An empty cell sits just inside its tag, where a value would be typed.
    const at = base + source.indexOf('>', td.startIndex!) + 1;
    return { text: '', start: at, end: at };
  }
  const text = words.map(p => p.data.replace(/\s+/g, ' ').trim()).join('');
  const first = words[0], last = words[words.length - 1];
  const lead = source.slice(first.start, first.end).search(/\S/);
  const rawLast = source.slice(last.start, last.end);
  const trail = rawLast.length - rawLast.trimEnd().length;
  return { text: ownedText(text), start: base + first.start + lead, end: base + last.end - trail };
}

const span = (td: Element, name: string) => Math.max(1, Math.min(1000, Number.parseInt(td.attribs[name] ?? '1', 10) || 1));

function parseLines(lines: LineIndex, first: number, last: number) {
  const base = lines.starts[first];
  const source = lines.text.slice(base, lines.lineEnd(last));
  return { base, source, doc: parseDocument(source, { withStartIndices: true, withEndIndices: true }) };
}

/**
 * Whether lines first..last hold no words outside table cells: rewritten as tab rows, they then
 * lose nothing but markup.
 */
export function onlyCellWords(lines: LineIndex, first: number, last: number): boolean {
  const outside = (n: ChildNode): boolean => {
    if (n.type === 'text') return n.data.trim() !== '';
    return isElement(n) && n.name !== 'td' && n.name !== 'th' && n.children.some(outside);
  };
  return !parseLines(lines, first, last).doc.children.some(outside);
}

/** The rows of the HTML tables on lines first..last, merged cells spread out as empty cells. */
export function htmlTableRows(lines: LineIndex, first: number, last: number): Row[] {
  const { base, source, doc } = parseLines(lines, first, last);
  const rows: Row[] = [];
  for (const table of elements(doc, ['table'])) {
    // Cells a rowspan above still covers: column -> rows left.
    const covered = new Map<number, { rows: number; at: number }>();
    for (const tr of elements(table, ['tr'])) {
      const cells: Cell[] = [];
      const filler = (at: number) => cells.push({ text: '', start: at, end: at });
      let col = 0;
      const skipCovered = () => {
        for (let c = covered.get(col); c; c = covered.get(col)) {
          filler(c.at);
          if (--c.rows === 0) covered.delete(col);
          col++;
        }
      };
      for (const td of elements(tr, ['td', 'th'])) {
        skipCovered();
        const cell = cellText(td, source, base);
        const cols = span(td, 'colspan'), down = span(td, 'rowspan');
        cells.push(cell);
        for (let k = 1; k < cols; k++) filler(cell.start);
        if (down > 1) for (let k = 0; k < cols; k++) covered.set(col + k, { rows: down - 1, at: cell.start });
        col += cols;
      }
      skipCovered();
      if (cells.length === 0) continue;
      const firstLine = lines.position(base + tr.startIndex!).line;
      rows.push({ cells, firstLine, lastLine: lines.position(base + tr.endIndex!).line });
    }
  }
  return rows;
}

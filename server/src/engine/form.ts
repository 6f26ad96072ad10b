// The national form's grid of a template table, merged cells and all, derived from the template
// data: row groups (三、本年度办理结果 › （三）不予公开) merge down the label columns, column
// groups (申请人情况 › 法人或其他组织) merge across the header rows. "插入表三" writes this grid
// as tab rows, the Word export draws it.
import type { BlockDef, ColumnDef, RowDef, TableDef } from './template';

type FormCellKind = 'caption' | 'header' | 'group' | 'label' | 'value';

export interface FormCell {
  /** Template text; empty for a value cell. */
  text: string;
  kind: FormCellKind;
  /** Grid column of the cell's left edge. */
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The template row a label or value cell belongs to. */
  row?: RowDef;
  /** The template column a value cell belongs to. */
  column?: ColumnDef;
}

export interface FormGrid {
  width: number;
  /** Per grid row, the cells whose top edge is on it, left to right. */
  rows: FormCell[][];
}

const depthOf = (groups: string[] | undefined) => groups?.length ?? 0;

/** Label columns: one per row group level and one for the label; none when the rows have no labels (表四). */
function labelColumns(def: TableDef): number {
  const rows = def.blocks.flatMap(b => b.rows);
  return rows.some(r => r.label !== '') ? 1 + Math.max(...rows.map(r => depthOf(r.groups))) : 0;
}

/**
 * The header rows over the value columns: each group spans the columns under it, and a label
 * with fewer groups above it than the deepest reaches down to the last header row.
 */
function headerRows(b: BlockDef, from: number, width: number): FormCell[][] {
  const paths = b.columns.map(c => [...(c.groups ?? []), c.label]);
  const depth = Math.max(...paths.map(p => p.length));
  const rows: FormCell[][] = [];
  for (let level = 0; level < depth; level++) {
    const cells: FormCell[] = [];
    for (let i = 0; i < paths.length; i++) {
      const p = paths[i];
      if (level >= p.length) continue;
      const last = i === paths.length - 1;
      if (level === p.length - 1) {
        // The block's last column takes the grid's remaining width (表二's one-column blocks).
        cells.push({ text: p[level], kind: 'header', col: from + i, rowSpan: depth - level, colSpan: last ? width - from - i : 1 });
        continue;
      }
      const prefix = p.slice(0, level + 1).join('\n');
      let n = 1;
      while (i + n < paths.length && paths[i + n].length > level + 1 && paths[i + n].slice(0, level + 1).join('\n') === prefix) n++;
      cells.push({ text: p[level], kind: 'group', col: from + i, rowSpan: 1, colSpan: n });
      i += n - 1;
    }
    rows.push(cells);
  }
  return rows;
}

/** The cells of the value columns of one row. */
function valueCells(b: BlockDef, row: RowDef, from: number, width: number): FormCell[] {
  return b.columns.map((column, i) => ({
    text: '', kind: 'value', col: from + i, rowSpan: 1, colSpan: i === b.columns.length - 1 ? width - from - i : 1, row, column,
  }));
}

/** The label cells of a block's rows: a group spans the rows under it, a label the label columns its groups leave. */
function labelCells(rows: RowDef[], labels: number): FormCell[][] {
  return rows.map((r, k) => {
    const groups = r.groups ?? [];
    const cells: FormCell[] = [];
    groups.forEach((g, level) => {
      const prefix = groups.slice(0, level + 1).join('\n');
      const same = (other: RowDef | undefined) => other !== undefined && (other.groups ?? []).slice(0, level + 1).join('\n') === prefix && depthOf(other.groups) > level;
      if (same(rows[k - 1])) return;
      let n = 1;
      while (same(rows[k + n])) n++;
      cells.push({ text: g, kind: 'group', col: level, rowSpan: n, colSpan: 1 });
    });
    cells.push({ text: r.label, kind: 'label', col: groups.length, rowSpan: 1, colSpan: labels - groups.length, row: r });
    return cells;
  });
}

/** The national form's grid of a template table. */
export function formGrid(def: TableDef): FormGrid {
  const labels = labelColumns(def);
  const width = labels + Math.max(...def.blocks.map(b => b.columns.length));
  const rows: FormCell[][] = [];
  for (const b of def.blocks) {
    const header = headerRows(b, labels, width);
    // The label columns' header is what the block's header has besides its columns (表二's
    // 信息内容), else the block's caption (表三's note); a caption not placed there is a row of its own.
    const own = new Set(b.columns.flatMap(c => [...(c.groups ?? []), c.label]));
    const corner = b.header.find(h => !own.has(h)) ?? b.caption;
    if (b.caption !== undefined && b.caption !== corner) rows.push([{ text: b.caption, kind: 'caption', col: 0, rowSpan: 1, colSpan: width }]);
    if (labels > 0) header[0].unshift({ text: corner ?? '', kind: corner === b.caption ? 'caption' : 'header', col: 0, rowSpan: header.length, colSpan: labels });
    rows.push(...header);
    const labelled = labels > 0 ? labelCells(b.rows, labels) : b.rows.map(() => []);
    b.rows.forEach((r, k) => rows.push([...labelled[k], ...valueCells(b, r, labels, width)]));
  }
  return { width, rows };
}

/**
 * The grid as rows of cell texts, a merged cell's text in its top-left slot and the slots it
 * covers empty; `text` gives each cell's text.
 */
export function gridTexts(grid: FormGrid, text: (cell: FormCell) => string): string[][] {
  return grid.rows.map(cells => {
    const out: string[] = Array(grid.width).fill('');
    for (const c of cells) out[c.col] = text(c);
    return out;
  });
}

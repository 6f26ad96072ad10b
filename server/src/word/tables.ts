// A report table as Word draws it: a table the matcher read completely becomes the national form
// with the report's own labels and values; any other table keeps its rows as written.
import { cellKey, formGrid, looksNumeric, normalizeLabel, type FormCell, type FormGrid, type MatchedTable, type Row } from '../engine';

/**
 * The national form of `table`, its cells holding the report's values and row labels as written;
 * undefined when the form would not say all that the table says: a missing or unknown row or
 * column, a value out of place, or any text of the table (a note row, a drifted header) that the
 * form has no cell for.
 */
export function filledForm(table: MatchedTable): FormGrid | undefined {
  if (table.problems.some(p => p.kind !== 'label')) return undefined;
  const grid = formGrid(table.def);
  let complete = true;
  const textOf = (c: FormCell): string => {
    if (c.kind === 'value') {
      const v = table.values.get(cellKey(c.row!.id, c.column!.id));
      if (!v) complete = false;
      return v?.text ?? '';
    }
    if (c.kind === 'label') return table.labels.get(c.row!.id)?.text.trim() ?? c.text;
    return c.text;
  };
  const filled: FormGrid = { width: grid.width, rows: grid.rows.map(cells => cells.map(c => ({ ...c, text: textOf(c) }))) };
  return complete && keepsAllText(table.rows, filled) ? filled : undefined;
}

/** Whether every non-empty cell text of `rows` has a cell of the same words in `grid`, counted with repeats. */
function keepsAllText(rows: Row[], grid: FormGrid): boolean {
  const available = new Map<string, number>();
  for (const cells of grid.rows) {
    for (const c of cells) {
      const words = normalizeLabel(c.text);
      if (words !== '') available.set(words, (available.get(words) ?? 0) + 1);
    }
  }
  for (const r of rows) {
    for (const c of r.cells) {
      const words = normalizeLabel(c.text);
      if (words === '') continue;
      const left = available.get(words) ?? 0;
      if (left === 0) return false;
      available.set(words, left - 1);
    }
  }
  return true;
}

/** Rows as written, as a grid without merges but for a short row's last cell, which takes the rest of the width. */
export function plainGrid(rows: string[][]): FormGrid {
  const width = Math.max(...rows.map(r => r.length));
  return {
    width,
    rows: rows.map(cells => cells.map((text, col): FormCell => ({
      text, kind: looksNumeric(text) ? 'value' : 'label', col, rowSpan: 1, colSpan: col === cells.length - 1 ? width - col : 1,
    }))),
  };
}

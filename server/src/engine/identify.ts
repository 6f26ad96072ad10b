// Which template table a table region is, and in which format: the rows that announce a table
// (its anchors), a table's rows as the template's, the format markers its labels show.
import type { Row, TableRegion } from './tables';
import { looksNumeric } from './values';
import { normalizeTemplateLabel } from './text';
import { core, isValueText, labelScore, MATCH, wordsOf } from './labels';
import { FORMAT_MARKERS, TABLE_ANCHORS, TABLES, type FormatId, type TableId } from './template';

/** Which template table a row announces, if it is the first row of one. */
function anchorOf(row: Row): TableId | undefined {
  for (const cell of row.cells) {
    const words = wordsOf(cell.text);
    const id = words.anchor === undefined ? (words.anchor = cellAnchor(words.norm)) : words.anchor;
    if (id !== null) return id;
  }
  return undefined;
}

// The anchors' forms in the order they are tried: 表三's, 表四's, then 表二's, of which all but
// 信息内容 announce the table only as the whole cell.
const anchorForms = (['t3', 't4', 't2'] as TableId[])
  .flatMap(id => TABLE_ANCHORS[id].map(a => ({ id, form: normalizeTemplateLabel(a), whole: id === 't2' && a !== '信息内容' })));

function cellAnchor(t: string): TableId | null {
  if (t === '') return null;
  for (const { id, form, whole } of anchorForms) if (whole ? t === form : t.includes(form)) return id;
  return null;
}

/** Splits a region into consecutive tables where a row announces a different table. */
export function splitRegion(region: TableRegion, fallback: TableId | undefined): Array<{ id: TableId; rows: Row[] }> {
  const parts: Array<{ id: TableId | undefined; rows: Row[] }> = [];
  let current: { id: TableId | undefined; rows: Row[] } | undefined;
  for (const row of region.rows) {
    const anchor = anchorOf(row);
    if (!current || (anchor && current.id && anchor !== current.id)) {
      current = { id: anchor, rows: [] };
      parts.push(current);
    } else if (anchor && !current.id) current.id = anchor;
    current.rows.push(row);
  }
  return parts.map(p => ({ id: p.id ?? guessByRows(p.rows) ?? (fallback && resembles(p.rows, fallback) ? fallback : undefined), rows: p.rows }))
    .filter((p): p is { id: TableId; rows: Row[] } => p.id !== undefined);
}

/** The labelled rows of both formats' template for a table, with the number of values each has. */
const templateRowsOf = (id: TableId) => (['2021', '2019'] as FormatId[])
  .flatMap(f => TABLES[f][id].blocks.flatMap(b => b.rows.map(row => ({ label: row.label, columns: b.columns.length }))))
  .filter(d => d.label !== '');
const TEMPLATE_ROWS = { t2: templateRowsOf('t2'), t3: templateRowsOf('t3'), t4: templateRowsOf('t4') };

/** How many cells of `row` from index `from` on look like numbers. */
export function numbersFrom(row: Row, from: number): number {
  let n = 0;
  for (let i = from; i < row.cells.length; i++) if (looksNumeric(row.cells[i].text.trim())) n++;
  return n;
}

/**
 * Whether rows without an anchor still read as the section's template table (labels drifted past
 * exact matching). Another table in the section, such as a ledger of applications, is not one:
 * matched as 表三 it would report every template row missing. The first rows decide.
 */
function resembles(rows: Row[], id: TableId): boolean {
  const rowDefs = TEMPLATE_ROWS[id];
  // A template row is its label, as the row's last word cell, followed by its values: a ledger's
  // 办理结果 column names results too, but with a number or two after them, not seven.
  for (let r = 0; r < rows.length && r < 40; r++) {
    const i = lastLabelIndex(rows[r]);
    if (i < 0) continue;
    const numbers = numbersFrom(rows[r], i + 1);
    const text = rows[r].cells[i].text;
    if (rowDefs.some(d => 2 * numbers >= d.columns && labelScore(text, d.label, MATCH) >= MATCH)) return true;
  }
  return false;
}

const GUESS_T3 = ['本年新收政府信息公开申请数量', '结转下年度继续办理'];
const GUESS_T4 = ['结果维持', '尚未审结'];
const GUESS_T2 = ['规章', '行政许可', '行政事业性收费'];

function guessByRows(rows: Row[]): TableId | undefined {
  const cores = new Set<string>();
  for (const r of rows) for (const c of r.cells) {
    const words = wordsOf(c.text);
    if (words.norm !== '') cores.add(words.core);
  }
  const has = (labels: string[]) => labels.some(label => cores.has(core(normalizeTemplateLabel(label))));
  if (has(GUESS_T3)) return 't3';
  if (has(GUESS_T4)) return 't4';
  if (has(GUESS_T2)) return 't2';
  let widest = 0;
  for (const r of rows) widest = Math.max(widest, numbersFrom(r, 0));
  return widest >= 12 ? 't4' : undefined;
}

export function detectFormat(rows: Row[], id: TableId, labelIdxs: number[] = rows.map(lastLabelIndex)): FormatId | undefined {
  // Markers are template words. Joined by a line break, which no normalised text holds, the cells'
  // words are searched once per marker rather than cell by cell; blank and numeric cells hold none.
  let words = '';
  for (const r of rows) {
    for (const c of r.cells) {
      const t = c.text.trim();
      if (t !== '' && !looksNumeric(t)) words += `\n${wordsOf(c.text).norm}`;
    }
  }
  const score = (f: FormatId) => FORMAT_MARKERS[f].filter(m => words.includes(normalizeTemplateLabel(m))).length;
  let s2021 = score('2021'), s2019 = score('2019');
  if (id === 't3') {
    // 2019 has （六）其他处理 as a data row with its own numbers.
    const otherHandling = core(normalizeTemplateLabel('（六）其他处理'));
    rows.forEach((r, k) => {
      const i = labelIdxs[k];
      // A row of its own: numbers after it, or the cells for them in a blank form.
      if (i >= 0 && wordsOf(r.cells[i].text).core === otherHandling && (numbersFrom(r, i + 1) > 0 || r.cells.length - i - 1 >= 7)) s2019 += 2;
    });
  }
  if (s2021 === s2019) return undefined;
  return s2021 > s2019 ? '2021' : '2019';
}

const HAN = /\p{Script=Han}/u;

/** Labels are words; a cell like "1 234" or "1e3" after the label is a value written wrong. */
export function lastLabelIndex(row: Row): number {
  for (let i = row.cells.length - 1; i >= 0; i--) {
    const t = row.cells[i].text.trim();
    if (HAN.test(t) && !isValueText(t)) return i;
  }
  return -1;
}


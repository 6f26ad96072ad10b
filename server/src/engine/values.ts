// Reading the value of a table cell. Counts are exact integers (bigint), so totals never lose
// precision however large a typo makes them.
import type { ValueKind } from './template';
import { INVISIBLE, INVISIBLE_CHARS } from './text';
import { BoundedCache } from './caches';

export type ValueProblem = 'empty' | 'placeholder' | 'not-number' | 'negative' | 'fraction' | 'spaces' | 'unit';

export interface CellValue {
  /** Integer value for counts and 本年增/减; undefined when the cell cannot be read. */
  value?: bigint;
  /** Decimal text of an amount (万元), half-width. */
  decimal?: string;
  fullwidth: boolean;
  problem?: ValueProblem;
}

const PLACEHOLDERS = new Set(['/', '／', '\\', '-', '－', '—', '——', '–', '─', '无', '空', '×', 'x', 'X', 'n/a', 'N/A', '*', '…', '...', '暂无', '无数据', '暂无数据', '不适用']);
const FULLWIDTH = /[０-９－．，]/;

// Invisible characters (text.ts INVISIBLE) a web page leaves around a number do not make it words.
const NUMERIC = new RegExp(`^[${INVISIBLE_CHARS}]*[-−－]?[0-9０-９][0-9０-９,，.．${INVISIBLE_CHARS}]*$`);

/** Cheap test used by the table reader: could this cell be a value? */
export function looksNumeric(s: string): boolean {
  return NUMERIC.test(s);
}

/** A count written with its unit or in words ("2件", "0 件", "两件"): a value written wrong, not a label. */
export const UNIT = /\s*(件|条|个|项|次|人次|起|万元|元)$/;
const COUNTED = new RegExp(`^([-−－]?[0-9０-９][0-9０-９,，.．]*|[零〇一二两三四五六七八九十百]{1,4})${UNIT.source}`);

/** Whether a cell holds a value, however written: a number, a placeholder, or a count with its unit. */
export function isValueWritten(s: string): boolean {
  return looksNumeric(s) || PLACEHOLDERS.has(s) || COUNTED.test(s);
}

/** Whether a cell holds a placeholder for "none" ("/", "-", "无"): what parseValue calls 'placeholder', without reading the cell. */
export function isPlaceholder(raw: string): boolean {
  return PLACEHOLDERS.has(raw.trim());
}

/**
 * Reads are shared: a 10 MB report has hundreds of thousands of cells but few distinct texts
 * ("0", "1", "/"), and one object per cell was a third of the report's memory. Shared values
 * are frozen so no reader can change another cell's value; the bound keeps odd input from growing it.
 */
// By kind, then text: a key joining the two was a string built for every cell read. The caches
// copy their keys, so a kept read pins no document.
const readValues = new Map<ValueKind, BoundedCache<string, Readonly<CellValue>>>();

export function parseValue(raw: string, kind: ValueKind): CellValue {
  let byText = readValues.get(kind);
  if (!byText) readValues.set(kind, (byText = new BoundedCache(10000)));
  return byText.memo(raw, text => Object.freeze(readValue(text, kind)));
}

function readValue(raw: string, kind: ValueKind): CellValue {
  const text = raw.replace(INVISIBLE, '').trim();
  const fullwidth = FULLWIDTH.test(text) || /^[−－]/.test(text);
  if (text === '') return { fullwidth, problem: 'empty' };
  if (PLACEHOLDERS.has(text)) return { fullwidth, problem: 'placeholder' };
  let s = text.normalize('NFKC').replace(/^[−]/, '-');
  if (/^-?\d[\d ]*\d$/.test(s) && s.includes(' ')) return { fullwidth, problem: 'spaces' };
  if (COUNTED.test(s) && /^-?\d/.test(s)) return { fullwidth, problem: 'unit' };
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { fullwidth, problem: 'not-number' };
  const [, minus, int, frac] = m;
  const negative = minus !== undefined && (/[1-9]/.test(int) || /[1-9]/.test(frac ?? ''));
  if (kind === 'amount') {
    if (negative) return { fullwidth, problem: 'negative' };
    return { fullwidth, decimal: frac ? `${BigInt(int)}.${frac}` : `${BigInt(int)}` };
  }
  if (frac !== undefined && /[1-9]/.test(frac)) return { fullwidth, problem: 'fraction' };
  if (negative && kind === 'count') return { fullwidth, problem: 'negative' };
  const value = BigInt(int);
  return { fullwidth, value: negative ? -value : value };
}


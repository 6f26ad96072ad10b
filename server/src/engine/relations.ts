// Evaluates the template's relations (A1–A6) on the matched tables. Rules only filter by code.
import { cellKey, matchOrigin, type MatchedTable, type ValueCell } from './match';
import { relationsFor, type RelationDef } from './template';
import type { Report } from './report';

export interface RelationFailure {
  def: RelationDef;
  table: MatchedTable;
  /** Row or column the instance runs along (its label for messages). */
  name: string;
  target: ValueCell;
  left: ValueCell[];
  right: ValueCell[];
  leftSum: bigint;
  rightSum: bigint;
  /** Value that makes the relation hold, when it is not negative. */
  fixValue?: bigint;
}

/** An empty cell counts as 0 (cell-empty reports it); an unreadable one stops the relation. */
export function valueOf(c: ValueCell): bigint | undefined {
  if (c.parsed.problem === 'empty') return 0n;
  return c.parsed.value;
}

const sum = (cells: ValueCell[]) => cells.reduce((acc, c) => acc + (valueOf(c) ?? 0n), 0n);

function instances(def: RelationDef, table: MatchedTable): Array<{ name: string; key: (id: string) => string }> {
  const block = table.def.blocks[0];
  if (def.over === 'column') {
    return block.columns.filter(c => !def.only || def.only.includes(c.id))
      .map(c => ({ name: c.label, key: (rowId: string) => cellKey(rowId, c.id) }));
  }
  return block.rows.filter(r => !def.only || def.only.includes(r.id))
    .map(r => ({ name: def.name ?? r.short, key: (colId: string) => cellKey(r.id, colId) }));
}

const evaluated = new WeakMap<MatchedTable, RelationFailure[]>();

/** A failure without its document: cells named by key, so a cached entry pins no version of the text. */
interface StoredFailure extends Omit<RelationFailure, 'table' | 'target' | 'left' | 'right'> { target: string; left: string[]; right: string[] }
/** Failures per stored match (see matchOrigin): the same table content fails the same way wherever it moves. */
const byMatch = new WeakMap<object, StoredFailure[]>();
const keyOf = (c: ValueCell) => cellKey(c.row.id, c.col.id);

/** Every failed relation instance of the report. */
export function failedRelations(report: Report): RelationFailure[] {
  return report.tables.flatMap(tableFailures);
}

/** The failed relation instances of one table; evaluated once, shared by the four rules. */
export function tableFailures(table: MatchedTable): RelationFailure[] {
  let out = evaluated.get(table);
  if (!out) evaluated.set(table, (out = storedFailures(table)));
  return out;
}

/** An unchanged table's failures are its stored match's, put back onto this table's cells. */
function storedFailures(table: MatchedTable): RelationFailure[] {
  const origin = matchOrigin(table);
  if (!origin) return evaluate(table);
  const known = byMatch.get(origin.stored);
  if (!known) {
    const fresh = evaluate(table);
    byMatch.set(origin.stored, fresh.map(({ table: _, target, left, right, ...rest }) => ({ ...rest, target: keyOf(target), left: left.map(keyOf), right: right.map(keyOf) })));
    return fresh;
  }
  const cell = (key: string) => table.values.get(key)!;
  return known.map(f => ({ ...f, table, target: cell(f.target), left: f.left.map(cell), right: f.right.map(cell) }));
}

function evaluate(table: MatchedTable): RelationFailure[] {
  const out: RelationFailure[] = [];
  for (const def of relationsFor(table.format)) {
    if (def.table !== table.def.id) continue;
    for (const inst of instances(def, table)) {
      const get = (id: string) => table.values.get(inst.key(id));
      const left = def.left.map(get), right = def.right.map(get), target = get(def.target);
      if (!target || [...left, ...right].some(c => !c || valueOf(c) === undefined)) continue;
      const l = left as ValueCell[], r = right as ValueCell[];
      const leftSum = sum(l), rightSum = sum(r);
      if (leftSum === rightSum) continue;
      const targetOnRight = def.right.includes(def.target);
      const fixValue = (targetOnRight ? leftSum - rightSum : rightSum - leftSum) + (valueOf(target) ?? 0n);
      out.push({ def, table, name: inst.name, target, left: l, right: r, leftSum, rightSum, fixValue: fixValue >= 0n ? fixValue : undefined });
    }
  }
  return out;
}

export interface Term { name: string; value: bigint; negative?: boolean }

/** "自然人 2 + 商业企业 1 − 结转 0"; more than eight terms name only the non-zero ones, then "其余 N 项 0". */
export function termsText(terms: Term[]): string {
  const shown = terms.length <= 8 ? terms : terms.filter(t => t.value !== 0n);
  const parts = shown.map((t, i) => `${i === 0 ? (t.negative ? '− ' : '') : t.negative ? ' − ' : ' + '}${t.name} ${t.value}`);
  const zeros = terms.length - shown.length;
  if (zeros > 0) parts.push(`${parts.length ? ' + ' : ''}其余 ${zeros} 项 0`);
  return parts.join('');
}

/** "本年新收 3 + 上年结转 0 = 3", or "总计 3" for a single term. */
export function sumText(cells: ValueCell[], nameOf: (c: ValueCell) => string, total: bigint): string {
  const terms = cells.map(c => ({ name: nameOf(c), value: valueOf(c) ?? 0n }));
  return terms.length === 1 ? termsText(terms) : `${termsText(terms)} = ${total}`;
}

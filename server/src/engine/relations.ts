// Evaluates the template's relations (A1–A6) on the matched tables. Rules only filter by code.
import { cellKey, type MatchedTable, type ValueCell } from './match';
import { perTableContent } from './incremental';
import { relationsFor, type RelationDef } from './template';

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
  /** The cells of the relation on no relation that holds: any of them may be the one mistyped. */
  suspects?: ValueCell[];
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

/** A relation instance evaluated on a table: its cells and sums, whether it holds. */
interface Instance extends Omit<RelationFailure, 'fixValue'> { holds: boolean }

/**
 * A cell whose value alone breaks every relation it fails, and is in no relation that holds: a
 * slip located by the relations around it. Every 表三 cell is on a row relation and a column
 * relation, so one mistyped 表三 cell is found this way; a 表四 cell is on one relation only.
 */
interface CellSlip {
  cell: ValueCell;
  /** The value every relation through the cell agrees on. */
  value: bigint;
  failures: RelationFailure[];
}

/** A table's arithmetic: the slips located, and the failures no slip explains (their relation's rule reports them). */
interface TableArithmetic { slips: CellSlip[]; failures: RelationFailure[] }

/** Arithmetic as kept with a table's content: cells named by key, so it holds wherever that content stands. */
interface KeptFailure extends Omit<RelationFailure, 'table' | 'target' | 'left' | 'right' | 'suspects'> { target: string; left: string[]; right: string[]; suspects?: string[] }
interface KeptArithmetic { slips: Array<{ cell: string; value: bigint; failures: number[] }>; failures: KeptFailure[]; unexplained: number[] }
const keyOf = (c: ValueCell) => cellKey(c.row.id, c.col.id);

/** The arithmetic of one table, worked out once per table content and shared by the rules that report it. */
export function tableArithmetic(table: MatchedTable): TableArithmetic {
  const known = perTableContent(table, 'arithmetic', kept);
  const cell = (key: string) => table.values.get(key)!;
  const failures = known.failures.map(({ suspects, ...f }): RelationFailure => ({
    ...f, table, target: cell(f.target), left: f.left.map(cell), right: f.right.map(cell), suspects: suspects?.map(cell),
  }));
  return {
    slips: known.slips.map(s => ({ cell: cell(s.cell), value: s.value, failures: s.failures.map(i => failures[i]) })),
    failures: known.unexplained.map(i => failures[i]),
  };
}

/** The cells the table's own arithmetic doubts: its slips, and the target and suspects of every relation that fails. */
export function doubtfulCells(table: MatchedTable): ValueCell[] {
  const { slips, failures } = perTableContent(table, 'arithmetic', kept);
  const keys = [...slips.map(s => s.cell), ...failures.flatMap(f => [f.target, ...(f.suspects ?? [])])];
  return keys.map(key => table.values.get(key)!);
}

function kept(table: MatchedTable): KeptArithmetic {
  const { failures, slips, unexplained } = analyse(evaluate(table));
  const failureIndex = new Map(failures.map((f, i) => [f, i]));
  return {
    failures: failures.map(({ table: _, target, left, right, suspects, ...rest }) => ({
      ...rest, target: keyOf(target), left: left.map(keyOf), right: right.map(keyOf), ...(suspects ? { suspects: suspects.map(keyOf) } : {}),
    })),
    slips: slips.map(s => ({ cell: keyOf(s.cell), value: s.value, failures: s.failures.map(f => failureIndex.get(f)!) })),
    unexplained: unexplained.map(f => failureIndex.get(f)!),
  };
}

/** Every evaluable instance of the table's relations; one with an unreadable cell cannot be judged and is left out. */
export function relationInstances(table: MatchedTable): Instance[] {
  const out: Instance[] = [];
  for (const def of relationsFor(table.format)) {
    if (def.table !== table.def.id) continue;
    for (const inst of instances(def, table)) {
      const get = (id: string) => table.values.get(inst.key(id));
      const left = def.left.map(get), right = def.right.map(get), target = get(def.target);
      if (!target || [...left, ...right].some(c => !c || valueOf(c) === undefined)) continue;
      const l = left as ValueCell[], r = right as ValueCell[];
      const leftSum = sum(l), rightSum = sum(r);
      out.push({ def, table, name: inst.name, target, left: l, right: r, leftSum, rightSum, holds: leftSum === rightSum });
    }
  }
  return out;
}

function evaluate(table: MatchedTable): { failures: RelationFailure[]; holding: Instance[] } {
  const failures: RelationFailure[] = [];
  const holding: Instance[] = [];
  for (const inst of relationInstances(table)) {
    if (inst.holds) { holding.push(inst); continue; }
    const { holds: _, ...f } = inst;
    const fixValue = valueFor(f, f.target);
    failures.push({ ...f, fixValue: fixValue >= 0n ? fixValue : undefined });
  }
  return { failures, holding };
}

/** The value of `cell` that makes the instance hold, the other cells as they are. */
function valueFor(f: Omit<RelationFailure, 'fixValue'>, cell: ValueCell): bigint {
  const own = valueOf(cell) ?? 0n;
  return f.right.includes(cell) ? f.leftSum - (f.rightSum - own) : f.rightSum - (f.leftSum - own);
}

/**
 * Finds the slips: a cell on two or more failed instances and on none that holds, for which
 * every one of them asks the same value (not negative). A failure that two such cells could
 * explain is explained by neither: the fault is not determined there.
 */
function analyse({ failures, holding }: { failures: RelationFailure[]; holding: Instance[] }) {
  const inHolding = new Set(holding.flatMap(h => [...h.left, ...h.right]));
  const through = new Map<ValueCell, RelationFailure[]>();
  for (const f of failures) {
    for (const c of [...f.left, ...f.right]) if (!inHolding.has(c)) through.set(c, [...(through.get(c) ?? []), f]);
  }
  const candidates: CellSlip[] = [];
  for (const [cell, fs] of through) {
    if (fs.length < 2) continue;
    const value = valueFor(fs[0], cell);
    if (value >= 0n && value !== (valueOf(cell) ?? 0n) && fs.every(f => valueFor(f, cell) === value)) candidates.push({ cell, value, failures: fs });
  }
  const claims = new Map<RelationFailure, number>();
  for (const s of candidates) for (const f of s.failures) claims.set(f, (claims.get(f) ?? 0) + 1);
  const slips = candidates.filter(s => s.failures.every(f => claims.get(f) === 1));
  const explained = new Set(slips.flatMap(s => s.failures));
  // A balance the sums' fixes restore is explained by them.
  const fixes = new Map<ValueCell, bigint>();
  for (const f of failures) if (!explained.has(f) && !f.def.weak && f.fixValue !== undefined) fixes.set(f.target, f.fixValue);
  for (const f of failures) {
    if (explained.has(f) || !f.def.weak || ![...f.left, ...f.right].some(c => fixes.has(c))) continue;
    const fixed = (cells: ValueCell[]) => cells.reduce((s, c) => s + (fixes.get(c) ?? valueOf(c) ?? 0n), 0n);
    if (fixed(f.left) === fixed(f.right)) explained.add(f);
  }
  for (const f of failures) {
    const suspects = [...f.left, ...f.right].filter(c => !inHolding.has(c));
    if (suspects.length > 0) f.suspects = suspects;
  }
  return { failures, slips, unexplained: failures.filter(f => !explained.has(f)) };
}

interface Term { name: string; value: bigint; negative?: boolean }

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

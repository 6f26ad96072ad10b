// What the four arithmetic rules share: they differ only in which relations they report.
import { defineRule, type Finding } from '../types';
import type { RelationCode } from '../template';
import { sumText, tableArithmetic, type RelationFailure } from '../relations';
import type { ValueCell } from '../match';
import type { Report } from '../report';
import { cellName, cellRange } from './util';

function termName(f: RelationFailure, c: ValueCell): string {
  return f.def.over === 'column' ? c.row.short : c.col.label;
}

function finding(report: Report, f: RelationFailure): Finding {
  const diff = f.leftSum > f.rightSum ? f.leftSum - f.rightSum : f.rightSum - f.leftSum;
  const left = sumText(f.left, c => termName(f, c), f.leftSum);
  const right = sumText(f.right, c => termName(f, c), f.rightSum);
  const along = f.def.over === 'column' ? '列' : f.def.table === 't4' ? '' : '行';
  const range = cellRange(report, f.target);
  const others = [...f.left, ...f.right].filter(c => c !== f.target);
  // Where no single cell is to blame, the reader is told which cells could be.
  const suspects = f.suspects && f.suspects.length > 1 ? `；可能填错的是${f.suspects.map(c => `「${termName(f, c)}」`).join('、')}之一` : '';
  return {
    range,
    message: `${f.table.def.name}「${f.name}」${along}：${left}，但${f.right.length === 1 ? right.replace(/ (\S+)$/, '为 $1') : right}（相差 ${diff}${suspects}）`,
    related: others.map(c => ({ range: cellRange(report, c), message: `${cellName(c)} = ${c.parsed.value ?? 0n}` })),
    fix: f.fixValue === undefined ? undefined : {
      title: `将${cellName(f.target)}改为 ${f.fixValue}`,
      safe: false,
      edits: [{ range, newText: String(f.fixValue) }],
    },
  };
}

export function relationRule<const Id extends RelationCode>(id: Id, description: string) {
  return defineRule({
    id, severity: 'error', description, scope: 'table',
    check: (t, report) => tableArithmetic(t).failures.filter(f => f.def.code === id).map(f => finding(report, f)),
  });
}

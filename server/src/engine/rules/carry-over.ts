// Across years, for one organ: 上年结转 equals last year's 结转下年度继续办理 (A7); 现行有效件数
// follows last year's plus 制发 minus 废止 (A8, a hint: revisions happen). Two reports for one
// organ and year with different numbers make "last year's report" ambiguous: that is said, and
// nothing is compared with either.
import { T3_CELLS, type Folder, type FolderCell, type FolderCells, type FolderReport } from '../folder';
import { defineRule, type FolderFinding } from '../types';
import { cellName } from './util';

const yearName = (r: FolderReport) => `${r.organ} ${r.year} 年度报告`;
const differ = (a: FolderCell | undefined, b: FolderCell | undefined): a is FolderCell =>
  a !== undefined && b !== undefined && a.value !== null && b.value !== null && a.value !== b.value;
const gap = (a: bigint, b: bigint) => (a > b ? a - b : b - a);

function duplicates(r: FolderReport, same: FolderReport[]): FolderFinding {
  const others = same.filter(o => o !== r);
  return {
    file: r.file,
    range: r.head,
    message: `${others.map(o => `「${o.name}」`).join('、')}也是${yearName(r)}，数字不同：同一机关同一年度有 ${same.length} 份报告，无法确定与上一年度、下一年度的哪一份核对`,
    related: others.map(o => ({ file: o.file, range: o.head, message: `另一份${yearName(o)}` })),
  };
}

/**
 * A7 per column: a difference in an applicant column is reported there; 总计 only when no
 * applicant column differs (else its difference is theirs: one finding per root cause).
 */
function carryOver(r: FolderReport, last: FolderReport): FolderFinding[] {
  const carried = r.t3?.carried, forward = last.t3?.carryForward;
  if (!carried || !forward) return [];
  const columns = T3_CELLS.cols.filter(c => differ(carried[c], forward[c]));
  return columns.filter(c => c !== 'total' || columns.length === 1).map(c => {
    const here = carried[c], there = forward[c];
    return {
      file: r.file,
      range: here.range,
      message: `表三「${cellName(here)}」为 ${here.value}，但上一年度报告「${last.name}」的「${cellName(there)}」为 ${there.value}（相差 ${gap(here.value!, there.value!)}）`,
      related: [{ file: last.file, range: there.range, message: `「${last.name}」${cellName(there)} = ${there.value}` }],
    };
  });
}

/** A8 per row of 表二 第二十条第（一）项, when both years use the 2021 format (the 2019 one has other columns). */
function inForce(r: FolderReport, last: FolderReport): FolderFinding[] {
  const out: FolderFinding[] = [];
  for (const [row, now] of Object.entries(r.t2 ?? {})) {
    const before = last.t2?.[row]?.inForce, { issued, repealed, inForce: stated } = now;
    if (!before || !issued || !repealed || !stated) continue;
    if ([before, issued, repealed, stated].some(c => c.value === null)) continue;
    const expected = before.value! + issued.value! - repealed.value!;
    if (expected === stated.value) continue;
    out.push({
      file: r.file,
      range: stated.range,
      severity: 'info',
      message: `表二「${cellName(stated)}」：上一年度报告「${last.name}」现行有效 ${before.value} + 本年制发 ${issued.value} − 本年废止 ${repealed.value} = ${expected}，本年填报 ${stated.value}（相差 ${gap(expected, stated.value!)}）；修订、清理也会改变件数，请核对`,
      related: [
        { file: last.file, range: before.range, message: `「${last.name}」${cellName(before)} = ${before.value}` },
        { range: issued.range, message: `${cellName(issued)} = ${issued.value}` },
        { range: repealed.range, message: `${cellName(repealed)} = ${repealed.value}` },
      ],
    });
  }
  return out;
}

/** The numbers a report is compared by. */
function figures(r: FolderReport): string {
  const values = (cells: FolderCells | undefined) => Object.entries(cells ?? {})
    .map(([row, byCol]) => `${row}:${Object.entries(byCol).map(([col, c]) => `${col}=${c.value}`).join(',')}`).join(';');
  return `${values(r.t3)}|${values(r.t2)}`;
}

export const carryOverRule = defineRule({
  id: 'carry-over',
  severity: 'warning',
  description: '上年结转与同一机关上一年度报告的结转下年度不一致；现行有效件数与上年件数加减本年制发、废止不符（提示）',
  scope: 'folder',
  check(folder: Folder) {
    const out: FolderFinding[] = [];
    // Copies of one report (its numbers the same: a file saved twice, a report and its .txt) are
    // one report to compare with; reports that differ make "last year's report" ambiguous.
    const known = new Map<FolderReport, string>();
    const versions = (group: FolderReport[]) => (group.length < 2 ? group.length : new Set(group.map(g => {
      let f = known.get(g);
      if (f === undefined) known.set(g, (f = figures(g)));
      return f;
    })).size);
    for (const r of folder.reports) {
      if (r.organ === null || r.year === null) continue;
      const same = folder.reportsOf(r.organ, r.year);
      if (versions(same) > 1) { out.push(duplicates(r, same)); continue; }
      const before = folder.reportsOf(r.organ, r.year - 1);
      if (before.length === 0 || versions(before) > 1) continue;
      out.push(...carryOver(r, before[0]), ...inForce(r, before[0]));
    }
    return out;
  },
});

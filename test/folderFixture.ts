// The fixture folder of two organs over three years (test/fixtures/folder/README.md says what
// is planted where), shared by the unit, protocol and real-editor tests. It reads no seed, so the
// real-editor workspace script can use it wherever the seeds are.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SummaryRow } from '../server/src/protocol';

export const FOLDER_DIR = path.resolve(__dirname, 'fixtures/folder');
export const FOLDER_FILES = readdirSync(FOLDER_DIR).filter(f => f.endsWith('年报.md')).sort();

export type FolderFigures = Omit<SummaryRow, 'path' | 'errors' | 'warnings'>;

/**
 * Read off the fixtures' tables: 表三 总计 column of 一、本年新收, 二、上年结转, （七）总计 and
 * 四、结转下年度继续办理; 表四 行政复议 总计, and 未经复议直接起诉 总计 + 复议后起诉 总计.
 */
export const FOLDER_TABLES: Record<string, FolderFigures> = {
  '胡集乡2022年报.md': { organ: '胡集乡', year: 2022, template: '2021', received: 2, carriedIn: 0, handled: 1, carriedOut: 1, reviews: 0, lawsuits: 0 },
  '胡集乡2023年报.md': { organ: '胡集乡', year: 2023, template: '2021', received: 5, carriedIn: 1, handled: 5, carriedOut: 1, reviews: 1, lawsuits: 0 },
  '胡集乡2024年报.md': { organ: '胡集乡', year: 2024, template: '2021', received: 0, carriedIn: 2, handled: 2, carriedOut: 0, reviews: 0, lawsuits: 0 },
  // Seed 003's layout: one cell per line, 2019 format.
  '车排子镇2020年报.md': { organ: '车排子镇', year: 2020, template: '2019', received: 1, carriedIn: 0, handled: 0, carriedOut: 1, reviews: 0, lawsuits: 0 },
  '车排子镇2021年报.md': { organ: '车排子镇', year: 2021, template: '2021', received: 4, carriedIn: 1, handled: 5, carriedOut: 0, reviews: 0, lawsuits: 0 },
  // 表四: one 未经复议直接起诉 case (结果纠正), so 行政诉讼 is 1.
  '车排子镇2022年报.md': { organ: '车排子镇', year: 2022, template: '2021', received: 2, carriedIn: 0, handled: 2, carriedOut: 0, reviews: 0, lawsuits: 1 },
};

export function folderText(name: string): string {
  return readFileSync(path.join(FOLDER_DIR, name), 'utf8');
}

/** Sets the last `values.length` numbers of the tab row at 0-based `line`. */
export function setRow(text: string, line: number, values: number[]): string {
  const lines = text.split('\n');
  const cells = lines[line].split('\t');
  const numeric = cells.flatMap((c, i) => (/^\s*\d+\s*$/.test(c) ? [i] : []));
  if (numeric.length < values.length) throw new Error(`line ${line} has ${numeric.length} numbers, not ${values.length}`);
  numeric.slice(-values.length).forEach((i, k) => { cells[i] = String(values[k]); });
  lines[line] = cells.join('\t');
  return lines.join('\n');
}

/**
 * 胡集乡2023年报.md put right so that it agrees with 2024's 上年结转 2: two applications were
 * carried forward, one fewer was disclosed; its prose follows. The report still adds up.
 */
export function fixedHuji2023(text: string): string {
  let t = setRow(text, 52, [2, 0, 0, 0, 0, 0, 2]);
  t = setRow(t, 73, [3, 0, 0, 0, 1, 0, 4]);
  t = setRow(t, 74, [2, 0, 0, 0, 0, 0, 2]);
  const prose = t.replace('全年办结5件，结转下年度继续办理1件', '全年办结4件，结转下年度继续办理2件');
  if (prose === t) throw new Error('胡集乡2023年报.md no longer says 全年办结5件，结转下年度继续办理1件');
  return prose;
}

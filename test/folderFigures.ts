// The fixture folder test/fixtures/folder (胡集乡 2022–2024, 车排子镇 2020–2022) and the figures
// of each report as its tables show them: what the summary (command line, language server, the
// 年报汇总 view) must give.
import path from 'node:path';
import type { SummaryRow } from '../server/src/protocol';
import { REPO } from './helpers';

export const FOLDER = path.join(REPO, 'test/fixtures/folder');

export type Figures = Omit<SummaryRow, 'path' | 'errors' | 'warnings'>;

/**
 * Read off the fixtures' tables: 表三 总计 column of 一、本年新收, 二、上年结转, （七）总计 and
 * 四、结转下年度继续办理; 表四 行政复议 总计, and 未经复议直接起诉 总计 + 复议后起诉 总计.
 */
export const TABLES: Record<string, Figures> = {
  '胡集乡2022年报.md': { organ: '胡集乡', year: 2022, template: '2021', received: 2, carriedIn: 0, handled: 1, carriedOut: 1, reviews: 0, lawsuits: 0 },
  '胡集乡2023年报.md': { organ: '胡集乡', year: 2023, template: '2021', received: 5, carriedIn: 1, handled: 5, carriedOut: 1, reviews: 1, lawsuits: 0 },
  '胡集乡2024年报.md': { organ: '胡集乡', year: 2024, template: '2021', received: 0, carriedIn: 2, handled: 2, carriedOut: 0, reviews: 0, lawsuits: 0 },
  // Seed 003's layout: one cell per line, 2019 format.
  '车排子镇2020年报.md': { organ: '车排子镇', year: 2020, template: '2019', received: 1, carriedIn: 0, handled: 0, carriedOut: 1, reviews: 0, lawsuits: 0 },
  '车排子镇2021年报.md': { organ: '车排子镇', year: 2021, template: '2021', received: 4, carriedIn: 1, handled: 5, carriedOut: 0, reviews: 0, lawsuits: 0 },
  // 表四: one 未经复议直接起诉 case (结果纠正), so 行政诉讼 is 1.
  '车排子镇2022年报.md': { organ: '车排子镇', year: 2022, template: '2021', received: 2, carriedIn: 0, handled: 2, carriedOut: 0, reviews: 0, lawsuits: 1 },
};


// A report's identity (organ, year) and key figures: what reports are grouped and compared by
// across files, on the real seeds and the title wordings real reports use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, keyFigures, reportIdentity } from '../../server/src/engine';
import { editLine, seed, SEEDS } from '../helpers';

const identity = (text: string, file?: string) => reportIdentity(buildReport(text), file);

test('the five seeds: organ and year from their titles', () => {
  assert.deepEqual(SEEDS.map(f => reportIdentity(buildReport(seed(f.slice(0, 3))), f)), [
    { organ: '桦川县创业乡', year: 2022 },
    { organ: '胡集乡', year: 2024 },
    { organ: '雁鸣湖镇', year: 2021 },
    // "车排子镇政府信息公开工作2020年度报告": the organ ends where 政府信息公开 begins.
    { organ: '车排子镇', year: 2020 },
    { organ: '夹河子乡', year: 2023 },
  ]);
});

test('one organ written with or without 人民政府/政府, spaces, 年度 and 关于 is one organ', () => {
  const body = seed('001').split('\n').slice(4).join('\n');
  const titled = (title: string) => identity(`${title}\n\n${body}`);
  for (const title of [
    '胡集乡 2024 年政府信息公开工作年度报告',
    '胡集乡人民政府2024年政府信息公开工作年度报告',
    '胡集乡政府2024年度政府信息公开工作年度报告',
    '胡集乡人民政府关于2024年政府信息公开工作年度报告',
    '2024年胡集乡政府信息公开工作年度报告',
    '胡集乡政府信息公开工作２０２４年度报告',
    '胡集乡二〇二四年政府信息公开工作年度报告',
    '胡集乡2024年度政府信息公开工作报告',
  ]) assert.deepEqual(titled(title), { organ: '胡集乡', year: 2024 }, title);
});

test('without a title: the year from the date line, else from the file name; the organ from the file name', () => {
  // Seed 001 without its title lines (the first and the one repeated under 一、总体情况).
  const untitled = seed('001').split('\n').filter(l => !l.includes('年度报告')).join('\n');
  assert.deepEqual(identity(untitled), { organ: null, year: null });
  assert.deepEqual(identity(`${untitled}\n\n胡集乡人民政府\n2025年1月16日\n`), { organ: null, year: 2024 }, 'dated the January after its year');
  assert.deepEqual(identity(untitled, '/reports/胡集乡2024年政府信息公开工作年度报告.md'), { organ: '胡集乡', year: 2024 });
  assert.deepEqual(identity(untitled, 'file:///reports/%E8%83%A1%E9%9B%86%E4%B9%A1-2023.md'), { organ: '胡集乡', year: 2023 }, 'a URI, percent-encoded');
  assert.deepEqual(identity(untitled, '胡集乡2023年报.md'), { organ: '胡集乡', year: 2023 });
  assert.deepEqual(identity(untitled, '胡集乡人民政府2023年度报告.txt'), { organ: '胡集乡', year: 2023 });
  assert.deepEqual(identity(untitled, 'report-2023.md'), { organ: null, year: 2023 }, 'a name without Chinese names no organ');
  // The title wins over the file name.
  assert.deepEqual(identity(seed('001'), '胡集乡2023年报.md'), { organ: '胡集乡', year: 2024 });
});

test('a title without an organ names none', () => {
  assert.deepEqual(identity(`2024年政府信息公开工作年度报告\n\n${seed('001').split('\n').slice(4).join('\n')}`), { organ: null, year: 2024 });
});

test('key figures: the 表三 and 表四 totals; null when the cell cannot be read or the table is missing', () => {
  assert.deepEqual(keyFigures(buildReport(seed('001'))), { received: 0n, carriedIn: 0n, handled: 0n, carriedOut: 0n, reviews: 0n, lawsuits: 0n });
  // Seed 002 (tab rows): line 47 一、本年新收 (总计 is the 7th number), 48 二、上年结转, 70 （七）总计, 71 四、结转下年度; line 78 is 表四's values.
  let text = seed('002');
  text = editLine(text, 47, /0\t\t$/, '5\t\t');
  text = editLine(text, 48, /0\t\t$/, '2\t\t');
  text = editLine(text, 70, /0\t\t$/, '6\t\t');
  text = editLine(text, 71, /0\t\t$/, '1\t\t');
  text = editLine(text, 78, /^0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0$/, '0\t0\t0\t1\t1\t0\t0\t0\t2\t2\t0\t0\t0\t1\t1');
  assert.deepEqual(keyFigures(buildReport(text)), { received: 5n, carriedIn: 2n, handled: 6n, carriedOut: 1n, reviews: 1n, lawsuits: 3n });
  // An unreadable 总计 and a missing 表四.
  const broken = editLine(editLine(text, 47, /5\t\t$/, '五\t\t'), 78, /.*/, '');
  assert.deepEqual(keyFigures(buildReport(broken)), { received: null, carriedIn: 2n, handled: 6n, carriedOut: 1n, reviews: null, lawsuits: null });
});

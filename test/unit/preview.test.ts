// The Markdown preview plugin, run in the real markdown-it the built-in preview uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { nianbaoMarkdownIt, FAIL_CLASS, VALUE_CLASS, type PreviewSettings } from '../../client/src/preview';
import { buildReport } from '../../server/src/engine';
import { editLine, seed, SEEDS } from '../helpers';

const render = (text: string, settings?: PreviewSettings) =>
  nianbaoMarkdownIt(new MarkdownIt(), settings && (() => settings)).render(text);

interface HtmlCell { tag: string; attrs: string; text: string }

/** The rows of every <table>, each cell with its tag, raw attributes and text. */
function tables(html: string): HtmlCell[][][] {
  return [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map(t =>
    [...t[1].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(r =>
      [...r[1].matchAll(/<(th|td)([^>]*)>([\s\S]*?)<\/\1>/g)].map(c => ({ tag: c[1], attrs: c[2], text: c[3] }))));
}

const dataRows = (rows: HtmlCell[][]) => rows.filter(r => r.some(c => c.tag === 'td'));
const failing = (html: string) => tables(html).flat(2).filter(c => c.attrs.includes(FAIL_CLASS));

test('seed 001: the three tab tables render as HTML tables; 表三 has its 25 data rows of 7 numbers', () => {
  const found = tables(render(seed('001')));
  assert.equal(found.length, 3);
  const t3 = dataRows(found[1]);
  assert.equal(t3.length, 25);
  assert.match(t3[0].map(c => c.text).join('|'), /^一、本年新收政府信息公开申请数量\|\|0\|0\|0\|0\|0\|0\|0/);
  // The 7 numbers of each row are its value cells (right-aligned); the label cells are not.
  for (const row of t3) assert.equal(row.filter(c => c.attrs.includes(VALUE_CLASS)).length, 7, row[0].text);
  assert.match(t3[24][0].text, /^四、结转下年度继续办理/);
  // Header rows (the note, 申请人情况, 自然人…) are th, above the data.
  assert.ok(found[1][0].every(c => c.tag === 'th'));
  assert.ok(found[1].slice(0, 3).flat().some(c => c.text === '商业企业'));
  assert.equal(failing(render(seed('001'))).length, 0);
});

test('seed 001: a mistyped total is the one cell marked, with the diagnostic message as its title', () => {
  // 一、本年新收 row: 总计 0 → 3 while the six applicant columns stay 0 (A2), and the 总计 column no longer balances (A1).
  const text = editLine(seed('001'), 52, /0\t$/, '3\t');
  const cells = failing(render(text));
  assert.deepEqual(cells.map(c => c.text), ['3']);
  assert.equal(cells[0].attrs, ` class="${VALUE_CLASS} ${FAIL_CLASS}" title="表三「本年新收 × 总计」为 3，按本行各项合计和本列勾稽关系应为 0"`);
});

test('seed 001: relations no single cell explains mark their own targets', () => {
  // 自然人 3 as well: the row adds up, the 自然人 and 总计 columns do not, at 结转下年度.
  const text = editLine(seed('001'), 52, /\t\t0\t(.*)0\t$/, '\t\t3\t$13\t');
  const cells = failing(render(text));
  assert.deepEqual(cells.map(c => c.text), ['0', '0']);
  assert.equal(cells[1].attrs, ` class="${VALUE_CLASS} ${FAIL_CLASS}" title="表三「总计」列：本年新收 3 + 上年结转 0 = 3，但办理结果总计 0 + 结转下年度 0 = 0（相差 3）"`);
});

test('a relation whose rule is off, or disabled by a comment, marks nothing', () => {
  const text = editLine(seed('001'), 52, /0\t$/, '3\t');
  assert.deepEqual(failing(render(text, { severities: { 't3-cell': 'off' } })).map(c => c.text), []);
  assert.equal(failing(render(`<!-- nianbao-disable t3-cell -->\n${text}`)).length, 0);
  assert.equal(tables(render(text, { enable: false })).length, 0);
});

test('a table right after a prose line, first row tab-indented, is still a table', () => {
  const lines = seed('001').split('\n');
  // Line 48 is the blank line between the 三、 heading and 表三's note: remove it and indent the note.
  assert.equal(lines[48], '');
  lines.splice(48, 1);
  lines[48] = `\t${lines[48]}`;
  const html = render(lines.join('\n'));
  assert.match(html, /<p>三、收到和处理政府信息公开申请情况<\/p>\n<table/);
  assert.equal(dataRows(tables(html)[1]).length, 25);
});

test('Markdown that is not a report renders exactly as plain markdown-it', () => {
  const samples = [
    '# 会议纪要\n\n项目\t数量\t备注\n苹果\t3\t红\n梨\t4\t黄\n\n    code\t1\t2\n',
    '| a | b |\n|---|---|\n| 1 | 2 |\n\n- 列表\n- 项\n',
    '',
  ];
  for (const text of samples) assert.equal(render(text), new MarkdownIt().render(text));
});

test('the seeds whose tables are not tab-separated (000, 003, 004) render exactly as plain markdown-it', () => {
  const compared = SEEDS.filter(name => !buildReport(seed(name.slice(0, 3))).regions.some(r => r.layout === 'tab'));
  assert.deepEqual(compared.map(n => n.slice(0, 3)), ['000', '003', '004']);
  for (const name of compared) assert.equal(render(seed(name.slice(0, 3))), new MarkdownIt().render(seed(name.slice(0, 3))), name);
});

test('md.parse without an env, and CRLF text, work', () => {
  const crlf = seed('001').replace(/\n/g, '\r\n');
  assert.equal(dataRows(tables(render(crlf))[1]).length, 25);
  assert.ok(nianbaoMarkdownIt(new MarkdownIt()).parse(seed('001'), undefined).some(t => t.type === 'table_open'));
});

// Word in, Word out without a word processor: web pages of the seeds and of generated reports (the
// national form's merged cells) imported as Markdown; .docx files written by the export, read back
// by mammoth and by their XML. The same through LibreOffice is the "word" e2e layer (test/word/).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { buildReport, normalizeLabel, templateTable, type FormatId } from '../../server/src/engine';
import { htmlBlocks } from '../../server/src/word/html';
import { exportReport, importReport } from '../../server/src/word';
import { generateReport, LAYOUTS } from '../../bench/generate';
import { assertImportKeeps, keptFindings, reportPage, tableNumbers } from '../word/pages';
import { convertedPdf001, SEEDS, seed } from '../helpers';

const importPage = (html: string, name = 'page.html') => importReport(Buffer.from(html), name);

const GENERATED: Array<{ index: number; layout: (typeof LAYOUTS)[number]; year: number }> = [
  { index: 3, layout: 'tab', year: 2022 },
  { index: 4, layout: 'cell-per-line', year: 2023 },
  { index: 5, layout: 'pipe', year: 2021 },
  { index: 6, layout: 'tab', year: 2019 },
  { index: 7, layout: 'cell-per-line', year: 2020 },
  { index: 8, layout: 'pipe', year: 2020 },
];

describe('import: web pages with the national form\'s merged cells', () => {
  for (const name of SEEDS) {
    it(`seed ${name.slice(0, 3)}, headings as bold paragraphs: the same findings and numbers`, async () => {
      const text = seed(name.slice(0, 3));
      assertImportKeeps(text, await importPage(reportPage(text, 'bold')));
    });
  }
  for (const g of GENERATED) {
    it(`generated report ${g.index} (${g.year}, ${g.layout} tables), headings as <h1>/<h2>: the same findings and numbers`, async () => {
      const text = generateReport(g.index, { layout: g.layout, year: g.year });
      assert.ok(tableNumbers(text).some(n => n !== '0'), 'numbers other than 0');
      assertImportKeeps(text, await importPage(reportPage(text, 'tags')));
    });
  }

  it('seed 004: the drifted heading is kept as written, the standard ones are written "##", the title "#"', async () => {
    const md = await importPage(reportPage(seed('004'), 'bold'));
    const lines = md.split('\n');
    assert.equal(lines[0], '# 夹河子乡政府信息公开工作2023年度报告');
    assert.deepEqual(lines.filter(l => l.startsWith('#')), [
      '# 夹河子乡政府信息公开工作2023年度报告', '## 一、总体情况', '## 二、主动公开政府信息情况', '## 三、收到和处理政府信息公开申请情况',
      '## 四、政府信息公开行政复议、行政诉讼情况', '## 5、 存在的主要问题及改进情况', '## 六、其他需要报告的事项',
    ]);
  });

  it('a 表三 in its own drifted layout (seed 001, no merged cells) is written in the layout 插入表三 writes, labels as written', async () => {
    const text = seed('001');
    const t3 = buildReport(text).tables.find(t => t.def.id === 't3')!;
    const rows = t3.rows.map(r => `<tr>${r.cells.map(c => `<td>${c.text}</td>`).join('')}</tr>`).join('\n');
    const md = await importPage(`<p>三、收到和处理政府信息公开申请情况</p>\n<table>\n${rows}\n</table>`);
    const imported = md.split('\n').filter(l => l.includes('\t'));
    const words = (lines: string[]) => lines.map(l => l.split('\t').map(normalizeLabel));
    assert.deepEqual(words(imported), words(templateTable('t3', '2021').split('\n')));
    assert.ok(imported.includes('三、本年度办理结果\t(一) 予以公开\t\t0\t0\t0\t0\t0\t0\t0'), 'the label as written');
    assert.ok(imported.includes('\t\t3. 其他\t0\t0\t0\t0\t0\t0\t0'), '3. 其他 in the third label column');
  });

  it('a table with a row the form has no place for (a note) is kept as written, nothing dropped', async () => {
    const text = generateReport(3, { layout: 'tab', year: 2022 });
    const page = reportPage(text, 'tags').replace('</table>', '<tr><td colspan="4">注：本表数据截至2022年12月31日</td></tr></table>');
    const md = await importPage(page);
    const t2 = buildReport(md).tables.find(t => t.def.id === 't2')!;
    assert.equal(t2.rows[t2.rows.length - 1].cells[0].text, '注：本表数据截至2022年12月31日');
    assert.equal(t2.rows[0].cells[0].text, '第二十条第（一）项', 'the rows as the page has them');
    assert.deepEqual(tableNumbers(md), tableNumbers(text));
    assert.deepEqual(keptFindings(md), keptFindings(text));
  });

  it('a saved web page: GBK, the report inside a layout table, Word debris, empty paragraphs, a line wrapped in the source, a heading in standard words with a stray space and colon', async () => {
    const t2 = templateTable('t2', '2021').split('\n').map(l => `<tr>${l.split('\t').map(c => `<td>${c}</td>`).join('')}</tr>`).join('');
    const page = `<html><head><meta charset="gb2312"><title>某县2022年度报告</title><style>p{}</style></head><body>
<nav><a href="/">首页</a></nav>
<table width="100%"><tr><td>
<p align="center"><strong>某县人民政府2022年政府信息公开工作年度报告</strong></p>
<p><a name="_GoBack"></a>根据《条例》，现公布本县2022年度报告。</p>
<p>窗体顶端</p>
<p>&nbsp;</p>
<p><b>一、 总体情况：</b></p>
<p>本年度主动公开政府信息
  一百二十条，<span>答复申请</span> 3 件。</p>
<p>- 2 -</p>
<p><b>二、主动公开政府信息情况</b></p>
<table border="1">${t2}</table>
<p>窗体底端</p>
<p align="right">某县人民政府办公室<br>2023年1月20日</p>
</td></tr></table>
</body></html>`;
    const md = await importReport(iconv.encode(page, 'gbk'), '某县.htm');
    assert.equal(md, [
      '# 某县人民政府2022年政府信息公开工作年度报告', '', '根据《条例》，现公布本县2022年度报告。', '', '## 一、总体情况', '',
      '本年度主动公开政府信息一百二十条，答复申请 3 件。', '', '## 二、主动公开政府信息情况', '', templateTable('t2', '2021'), '',
      '某县人民政府办公室', '', '2023年1月20日', '',
    ].join('\n'));
  });

  it('a file that is not a Word document or a web page gets a clear message', async () => {
    await assert.rejects(importReport(Buffer.from('x'), '报告.pdf'), /只能导入 \.docx、\.html 或 \.htm 文件，不能导入「报告\.pdf」/);
    await assert.rejects(importReport(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), '报告.docx'), /旧版 Word 文档（Word 97-2003 的 \.doc 格式）/);
    await assert.rejects(importReport(Buffer.from('<html>'), '报告.docx'), /不是有效的 \.docx 文件/);
    await assert.rejects(importReport(Buffer.from('PK\x03\x04broken'), '报告.docx'), /无法读取 Word 文档/);
  });

  it('merged cells as Word keeps them: one merged down leaves an empty cell below, one merged across is one cell', () => {
    const [table] = htmlBlocks('<table><tr><td rowspan="2" colspan="2">甲</td><td>乙</td></tr><tr><td>1</td></tr><tr><td>丙</td><td colspan="2">2</td></tr></table>');
    assert.deepEqual(table, { kind: 'table', rows: [['甲', '乙'], ['', '1'], ['丙', '2']] });
  });

  it('a 表四 whose grid LibreOffice split (a one-twip column under 总计) reads as its fifteen values', async () => {
    const t4 = `<table><tr><th colspan="5">行政复议</th><th colspan="11">行政诉讼</th></tr>
<tr>${['结果维持', '结果纠正', '其他结果', '尚未审结'].map(l => `<th rowspan="2">${l}</th>`).join('')}<th colspan="2" rowspan="2">总计</th><th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map(l => `<th>${l}</th>`).join('').repeat(2)}</tr>
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td colspan="2">1</td>${'<td>0</td>'.repeat(10)}</tr></table>`;
    const md = await importPage(`<p>四、政府信息公开行政复议、行政诉讼情况</p>${t4}`);
    assert.ok(md.endsWith(`${templateTable('t4', '2021').split('\n').slice(0, 3).join('\n')}\n1\t0\t0\t0\t1${'\t0'.repeat(10)}\n`), md);
  });
});

/** The cells of a .docx's tables: text, gridSpan and vMerge of each, row by row. */
async function docxTables(bytes: Uint8Array): Promise<Array<Array<Array<{ text: string; span: number; merge?: string }>>>> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, tbl]) => [...tbl.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, tr]) =>
    [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]) => ({
      text: [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(m => m[1]).join(''),
      span: Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1),
      merge: /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc) ? /<w:vMerge w:val="restart"\/>/.test(tc) ? 'restart' : 'continue' : undefined,
    }))));
}

describe('export: the national form in a .docx', () => {
  it('表三 and 表四 have the form\'s merged header and label cells (w:gridSpan, w:vMerge)', async () => {
    const { bytes } = await exportReport(generateReport(3, { layout: 'tab', year: 2022 }));
    const [, t3, t4] = await docxTables(bytes);
    const cell = (table: typeof t3, text: string) => table.flat().find(c => c.text === text);
    assert.deepEqual(cell(t3, '申请人情况'), { text: '申请人情况', span: 7, merge: undefined });
    assert.deepEqual(cell(t3, '法人或其他组织'), { text: '法人或其他组织', span: 5, merge: undefined });
    assert.deepEqual(cell(t3, '自然人'), { text: '自然人', span: 1, merge: 'restart' });
    assert.deepEqual(cell(t3, '一、本年新收政府信息公开申请数量'), { text: '一、本年新收政府信息公开申请数量', span: 3, merge: undefined });
    assert.deepEqual(cell(t3, '（一）予以公开'), { text: '（一）予以公开', span: 2, merge: undefined });
    // 三、本年度办理结果 runs down its 22 rows (2021: 20 results, （七）总计), （三）不予公开 down its 8.
    const column = (c: number) => t3.map(row => {
      let at = 0;
      return row.find(x => (at += x.span) > c && at - x.span === c);
    });
    // A continued cell shows as ↑; its first cell has vMerge restart.
    const down = (cells: ReturnType<typeof column>) => cells.map(c => (c?.merge === 'continue' ? '↑' : `${c?.text}${c?.merge === 'restart' ? '*' : ''}`));
    assert.deepEqual(down(column(0).slice(5, 28)), ['三、本年度办理结果*', ...Array(21).fill('↑'), '四、结转下年度继续办理']);
    assert.deepEqual(down(column(1).slice(7, 16)), ['（三）不予公开*', ...Array(7).fill('↑'), '（四）无法提供*']);
    assert.deepEqual(t4.slice(0, 2).map(r => r.map(c => `${c.text}/${c.span}${c.merge ? `/${c.merge}` : ''}`)), [
      ['行政复议/5', '行政诉讼/10'],
      ['结果维持/1/restart', '结果纠正/1/restart', '其他结果/1/restart', '尚未审结/1/restart', '总计/1/restart', '未经复议直接起诉/5', '复议后起诉/5'],
    ]);
    assert.equal(t4[3].length, 15, 'a value cell per column');
  });

  it('the page is A4 in the official layout: 小标宋 二号 title centred, 黑体 三号 headings, 仿宋 三号 body indented two characters, page numbers, fonts with fallbacks', async () => {
    const zip = await JSZip.loadAsync((await exportReport(seed('002'))).bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraph = (text: string) => [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g)].map(m => m[0]).find(p => p.includes(`>${text}</w:t>`))!;
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(xml, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const title = paragraph('雁鸣湖镇2021年政府信息公开工作年度报告');
    assert.match(title, /<w:jc w:val="center"\/>/);
    assert.match(title, /w:eastAsia="方正小标宋简体"/);
    assert.match(title, /<w:sz w:val="44"\/>/);
    const heading = paragraph('一、总体情况');
    assert.match(heading, /w:eastAsia="黑体"/);
    assert.match(heading, /<w:sz w:val="32"\/>/);
    assert.match(paragraph('(一) 存在的主要问题'), /w:eastAsia="楷体_GB2312"/);
    const body = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g)].map(m => m[0]).find(p => p.includes('雁鸣湖镇2021年按照'))!;
    assert.match(body, /<w:ind w:firstLine="640"\/>/);
    const styles = await zip.file('word/styles.xml')!.async('string');
    assert.match(styles, /<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"\/><w:sz w:val="32"\/>/);
    const footers = await Promise.all(Object.keys(zip.files).filter(f => /^word\/footer\d+\.xml$/.test(f)).map(f => zip.file(f)!.async('string')));
    assert.equal(footers.filter(f => /PAGE/.test(f) && f.includes('— ')).length, 2, 'odd and even page numbers');
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    for (const [name, alt] of [['方正小标宋简体', '宋体'], ['仿宋_GB2312', '仿宋'], ['楷体_GB2312', '楷体']]) {
      assert.match(fonts, new RegExp(`<w:font w:name="${name}"><w:altName w:val="${alt}"/>`));
    }
  });

  for (const name of SEEDS) {
    it(`seed ${name.slice(0, 3)}: importing the export gives the same findings and numbers`, async () => {
      const text = seed(name.slice(0, 3));
      const { bytes } = await exportReport(text);
      assertImportKeeps(text, await importReport(bytes, 'export.docx'));
    });
  }

  it('numbers a PDF conversion left alone on their lines beside 表二 are no page numbers: export and import keep them', async () => {
    const text = convertedPdf001();
    for (const md of [await importReport((await exportReport(text)).bytes, 'x.docx'), await importPage(reportPage(text, 'bold'))]) {
      const lines = md.split('\n').filter(l => l !== '');
      const at = lines.indexOf('第二十条第（一）项');
      assert.deepEqual(lines.slice(at, at + 4), ['第二十条第（一）项', '22', '（其中修订 16 件）', '55'], md);
    }
  });

  it('the export of a report with errors is written and counts them', async () => {
    const text = generateReport(3, { layout: 'tab', year: 2022 }).replace(/^(一、本年新收政府信息公开申请数量\t\t\t)(\d+)/m, (_, a: string, n: string) => `${a}${Number(n) + 1}`);
    const result = await exportReport(text);
    assert.equal(result.errors, 1, 'the one mistyped 表三 cell (t3-cell)');
    assert.ok(result.bytes.length > 5000);
  });

  for (const format of ['2019', '2021'] as FormatId[]) {
    it(`a ${format} report keeps its format through the export`, async () => {
      const text = generateReport(4, { layout: 'tab', year: format === '2019' ? 2020 : 2022 });
      const back = await importReport((await exportReport(text)).bytes, 'x.docx');
      assert.equal(buildReport(back).format, format);
    });
  }
});

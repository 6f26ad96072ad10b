// Plain prose is read without remark (prose.ts, plainSegments), for speed. That may never change
// what is read: for every chunk the fast path accepts, its segments must be exactly what
// remark's path yields for the same chunk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildReport, clearCaches } from '../../server/src/engine';
import { plainSegments, proseChunks, readProse, remarkSegments, type ProseSegment } from '../../server/src/engine/prose';
import { SEEDS, seed } from '../helpers';

const seeds = SEEDS.map(f => seed(f.slice(0, 3)));

// Mostly what report prose is made of, so that most chunks pass the guard; then what the guard
// has to look at closely (white space, line endings, line starts); then syntax it must reject.
const prose = fc.constantFrom('政务公开', '信息', '年度', '申请', '，', '。', '；', '、', '（', '）', '“', '”', '：', '！', '《', '》',
  'a', 'Z', 'x1', '2024', '0', '.', ',', ';', '(', ')', '%', '/', '-', '?', '"', "'", '$', '^', '{', '}', '<政', '>', '+', 'w', 'ww', 'http');
const space = fc.constantFrom(' ', '  ', '   ', '    ', '     ', '\u3000', '\u3000\u3000', '\u00A0', ' \u3000', '\u2003', '\uFFFD');
const lineBreak = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n  \n', '\n \r\n', '\r\r', '  \n', '   \r\n', ' \n');
const lineStart = fc.constantFrom('- ', '-', '+ ', '1. ', '1.', '2) ', '12.', '3、', '# ', '## ', '###### ', '####### ', '#', '#\u3000', '> ', '>',
  '* ', '=', '===', '---', '***', '___', '    ', '   # ', '    # ', '1', '(1)', '（一）');
const syntax = fc.constantFrom('#', ' #', ' ##', '<', '<a', '</', '<!--', '<br>', '*', '_', '__', '`', '~', '~~', '[', ']', '[x]', '[^1]', ']:', '![a]', '!', '\\', '&', '&amp;', '&#1;',
  '|', ' | ', ':', 'http://a.b', 'https://', 'www.a.cn', 'WWW.', 'Www', 'a@b.cn', 'mailto:a@b.c', 'xmpp:', '\t', '\0', '\f', '\v', '\x01', '\x7F', '\uFEFF', '=', '+');

const chunk = fc.array(fc.oneof(
  { weight: 40, arbitrary: prose },
  { weight: 8, arbitrary: space },
  { weight: 8, arbitrary: lineBreak },
  { weight: 4, arbitrary: fc.tuple(lineBreak, lineStart).map(([b, s]) => b + s) },
  { weight: 1, arbitrary: syntax },
), { maxLength: 60 }).map(parts => parts.join(''));

/** Lines built one by one: indentation, a line start, text, trailing spaces, a line break. */
const lines = fc.array(fc.tuple(
  fc.constantFrom('', '', '', ' ', '  ', '   ', '    ', '      ', '\u3000'),
  fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: lineStart }),
  fc.array(fc.oneof({ weight: 20, arbitrary: prose }, { weight: 2, arbitrary: space }, { weight: 1, arbitrary: syntax }), { maxLength: 8 }).map(p => p.join('')),
  fc.constantFrom('', '', '', ' ', '  ', '   ', '\u3000', ' #', ' ## '),
  fc.constantFrom('\n', '\n', '\r\n', '\r'),
), { minLength: 1, maxLength: 8 }).chain(ls => fc.boolean().map(keepLast => {
  const text = ls.map(([indent, start, body, trail, eol]) => indent + start + body + trail + eol).join('');
  return keepLast ? text : text.replace(/(\r\n|\r|\n)$/, '');
}));

test('property: a chunk the fast path accepts yields exactly what remark yields', () => {
  let accepted = 0, runs = 0;
  fc.assert(fc.property(fc.oneof(chunk, lines), text => {
    runs++;
    const fast = plainSegments(text);
    if (fast === undefined) return;
    accepted++;
    assert.deepEqual(fast, remarkSegments(text), JSON.stringify(text));
  }), { numRuns: 3000 });
  // Most generated chunks must take the fast path, or the property proves little.
  assert.ok(accepted > runs * 0.3, `only ${accepted} of ${runs} chunks took the fast path`);
});

test('the fast path reads white space, line endings and headings as remark does', () => {
  const cases = [
    '政务公开',
    '  政务公开  ',
    '政务 \n   公开\r\n\u3000信息\r公开 ',
    '第一段\n\n  \n第二段\n \n第三段',
    '\u3000\u3000两个全角空格缩进。\u3000\n\u00A0不换行空格\u00A0',
    '## 二、主动公开政府信息情况\n正文第一行\n    懒惰续行',
    '# \n##\n###### 六级  \n正文 \n## 标题紧接段落',
    '依据《办法<政府信息公开信息处理费管理办法>的通知》',
    '2021年度\n1、一\n（一）二\n3 . 三',
    '段落末尾两个空格  \n\n下一段  ',
    '\r\n\r\n前后空行\r\n\r\n',
    // Bullet items: what contains a paragraph changes none of its text.
    '- 1、在政务公开信息工作中存在\n- 2、伴随着工作要求的不断提高',
    '段落\n- 列表项 \n懒惰续行\n\n  项内段落\n+    加号项\n   - 子项',
  ];
  for (const text of cases) {
    const fast = plainSegments(text);
    assert.ok(fast !== undefined, `not plain: ${JSON.stringify(text)}`);
    assert.deepEqual(fast, remarkSegments(text), JSON.stringify(text));
  }
});

test('the fast path leaves syntax to remark', () => {
  const cases = [
    '- - 嵌套', '- + 嵌套', '- > 引用', '- 1. 有序', '-     缩进代码', '- ', '-\n  续行', '-列表', '- 项\n    - 缩进四格的子项', '1. 列表', '段落\n2) 列表', '> 引用', '段落\n---', '段落\n===', '***',
    '    缩进代码', '段落\n\n    缩进代码', '####### 七级', '#标题', '#\u3000标题', '## 标题 ##', '    # 缩进标题',
    '硬换行  \n下一行', '<br>', '<!-- 注释 -->', '<a href="x">', '网址 www.gov.cn', 'WWW.GOV.CN', 'https://gov.cn', 'a@b.cn',
    '*强调*', '_强调_', '`代码`', '~~删除~~', '[链接]', '[^1]', '\\转义', '&amp;', '| 表 |', '时间:2024', '制表\t符',
    'NUL\0', '\uFEFF开头', '换页\f',
  ];
  for (const text of cases) assert.equal(plainSegments(text), undefined, JSON.stringify(text));
});

/** Each chunk of the document's prose: its start and text, blank chunks left out as readProse does. */
function chunksOf(text: string): Array<{ start: number; chunk: string }> {
  const report = buildReport(text);
  return proseChunks(report.lines, report.proseLines)
    .map(([first, last]) => ({ start: report.lines.starts[first], chunk: text.slice(report.lines.starts[first], report.lines.lineEnd(last)) }))
    .filter(c => c.chunk.trim() !== '');
}

test('seeds: most prose chunks take the fast path', () => {
  let plain = 0, all = 0;
  for (const text of seeds) {
    for (const { chunk } of chunksOf(text)) {
      all++;
      if (plainSegments(chunk) !== undefined) plain++;
    }
  }
  assert.ok(plain >= all * 0.8, `${plain} of ${all} chunks`);
});

test('seeds: readProse yields what remark alone yields', () => {
  for (const [i, text] of seeds.entries()) {
    const report = buildReport(text);
    clearCaches();
    const read = readProse(report.lines, report.proseLines);
    const remark: ProseSegment[] = [];
    for (const { start, chunk } of chunksOf(text)) for (const s of remarkSegments(chunk)) remark.push({ start: start + s.start, text: s.text });
    assert.ok(read.length > 5, SEEDS[i]);
    assert.deepEqual(read, remark, SEEDS[i]);
  }
});

// section-empty on the seeds with one section emptied the ways real reports leave it: what the
// user sees (code, range, Chinese message) and the document after the quick fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterFix, at, diagnostics, seed, SEEDS } from '../helpers';

const findings = (text: string, code = 'section-empty') => diagnostics(text, code).map(d => `${d.code} ${at(d)} ${d.message}`);

/** The text with the lines between the line `heading` and the next line `next` replaced by `body`. */
function withSection(text: string, heading: string, next: string, body: string[]): string {
  const lines = text.split('\n');
  const from = lines.indexOf(heading);
  const to = lines.indexOf(next, from);
  assert.ok(from >= 0 && to > from, `no ${heading} before ${next}`);
  lines.splice(from + 1, to - from - 1, ...body);
  return lines.join('\n');
}

const ONE = ['一、总体情况', '二、主动公开政府信息情况'] as const;
const FIVE = ['五、存在的主要问题及改进情况', '六、其他需要报告的事项'] as const;
/** Seed 003 (a 2020 report) with section 五 written as `body`: its heading is line 398, and its 六 says "无". */
const five003 = (...body: string[]) => withSection(seed('003'), ...FIVE, body);
/** Seed 000 with section 一 written as `body`: its heading is line 2. */
const one000 = (...body: string[]) => withSection(seed('000'), ...ONE, body);

const EXPECTS_FIVE = '应写明存在的主要问题和改进情况';
const EXPECTS_ONE = '应概述本年度主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等情况';
const PARTS_FIVE = ['（一）存在的主要问题', '（待填写）', '（二）改进情况', '（待填写）'];
const PARTS_ONE = ['（一）主动公开情况', '（二）依申请公开情况', '（三）政府信息管理情况', '（四）政府信息公开平台建设情况', '（五）监督保障情况'].flatMap(h => [h, '（待填写）']);

/** The one section-empty of the text. */
function only(text: string) {
  const ds = diagnostics(text, 'section-empty');
  assert.equal(ds.length, 1, `one section-empty, got ${findings(text).join('; ') || 'none'}`);
  return ds[0];
}

test('the five seeds have no empty section', () => {
  for (const f of SEEDS) assert.deepEqual(findings(seed(f.slice(0, 3))), [], f);
});

test('a 五 that says only "无" is told what the format expects; its 六 "无" is no finding', () => {
  const text = five003('无', '');
  assert.deepEqual(findings(text), [`section-empty 398:0-398:14 「五、存在的主要问题及改进情况」只写了「无」，${EXPECTS_FIVE}`]);
});

test('the quick fix replaces the "无" with the expected sub-headings to fill in, and the warning stays until they are', () => {
  const text = five003('无', '');
  const d = only(text);
  assert.equal(d.fix?.title, '插入子标题：存在的主要问题、改进情况');
  // Sub-headings are new text for the author to check: never applied by fix-all or --fix.
  assert.equal(d.fix?.safe, false);
  const r = afterFix(text, d);
  assert.equal(r.text, five003(...PARTS_FIVE, ''));
  assert.deepEqual(r.gone, [`section-empty ${d.message}`]);
  assert.deepEqual(r.added, [`section-empty 「五、存在的主要问题及改进情况」只有子标题而没有内容，${EXPECTS_FIVE}`]);
  // Applied once, the fix is not offered again: what is left is the author's to write.
  assert.equal(only(r.text).fix, undefined);
});

test('every bare answer: 暂无, 无。, 没有, in bold or as a list item', () => {
  for (const [written, said] of [['暂无', '暂无'], ['无。', '无。'], ['没有', '没有'], ['暂无。', '暂无。'], ['**无**', '无'], ['- 无', '无']]) {
    assert.deepEqual(findings(five003(written, '')), [`section-empty 398:0-398:14 「五、存在的主要问题及改进情况」只写了「${said}」，${EXPECTS_FIVE}`], written);
  }
  // Markdown around the answer stays: the sub-headings go under the heading instead.
  const text = five003('- 无', '');
  assert.equal(afterFix(text, only(text)).text, five003(...PARTS_FIVE, '- 无', ''));
});

test('a 五 with nothing under its heading gets the sub-headings inserted right under it', () => {
  const text = five003('');
  const d = only(text);
  assert.equal(`${at(d)} ${d.message}`, `398:0-398:14 「五、存在的主要问题及改进情况」没有内容，${EXPECTS_FIVE}`);
  assert.equal(afterFix(text, d).text, five003(...PARTS_FIVE, ''));
});

test('conversion debris is no content: 一 holding only 窗体顶端, a bookmark and a page number (seed 000)', () => {
  const text = one000('窗体顶端', '[bookmark: _GoBack]', '— 2 —');
  assert.deepEqual(findings(text), [`section-empty 2:0-2:6 「一、总体情况」没有内容，${EXPECTS_ONE}`]);
  // The debris is conversion-artifact's, and the fix leaves it for that rule.
  assert.deepEqual(findings(text, 'conversion-artifact').filter(f => / [345]:/.test(f)), [
    'conversion-artifact 3:0-3:4 转换残留的网页表单标记「窗体顶端」',
    'conversion-artifact 4:0-4:19 转换残留的 Word 书签「[bookmark: _GoBack]」',
    'conversion-artifact 5:0-5:5 转换残留的页码「— 2 —」（单独成行，不属于任何表格）',
  ]);
  assert.equal(afterFix(text, only(text)).text, one000(...PARTS_ONE, '窗体顶端', '[bookmark: _GoBack]', '— 2 —'));
});

test('一 with only its sub-headings (seed 000) gets a line to fill in under each of them', () => {
  const text = one000('（一）规范建设，提高政务公开质量', '（二）用好载体，拓宽公开渠道');
  const d = only(text);
  assert.equal(`${at(d)} ${d.message}`, `2:0-2:6 「一、总体情况」只有子标题而没有内容，${EXPECTS_ONE}`);
  assert.equal(d.fix?.title, '在各子标题下插入待填写的一行');
  assert.equal(afterFix(text, d).text, one000('（一）规范建设，提高政务公开质量', '（待填写）', '（二）用好载体，拓宽公开渠道', '（待填写）'));
});

test('Markdown sub-headings with "无" under each (seed 002): each "无" becomes the line to fill in', () => {
  const body = (answer: string) => ['', '#### (一) 存在的主要问题', '', answer, '', '#### (二) 下步计划及改进情况', '', answer, ''];
  const section = (answer: string) => withSection(seed('002'), '### 五、存在的主要问题及改进情况', '## 六、其他需要报告的事项', body(answer));
  const text = section('无');
  const d = only(text);
  assert.equal(`${at(d)} ${d.message}`, `80:4-80:18 「五、存在的主要问题及改进情况」只写了「无」，${EXPECTS_FIVE}`);
  assert.equal(afterFix(text, d).text, section('（待填写）'));
});

test('"无" after a sub-heading\'s colon (seed 004\'s wording) says nothing either', () => {
  const section = (...body: string[]) => withSection(seed('004'), '5、 存在的主要问题及改进情况', FIVE[1], body);
  const text = section('（一）存在问题：无', '（二）改进措施：无');
  const d = only(text);
  assert.equal(`${at(d)} ${d.message}`, `399:0-399:15 「五、存在的主要问题及改进情况」只写了「无」，${EXPECTS_FIVE}`);
  assert.equal(afterFix(text, d).text, section('（一）存在问题：无', '（待填写）', '（二）改进措施：无', '（待填写）'));
});

test('the heading line\'s own answer after a colon counts: "：无" is empty, a real answer is content', () => {
  // Seed 003 with its 五 heading written as `heading` and nothing under it.
  const onHeading = (heading: string) => five003('').replace(`${FIVE[0]}\n`, `${heading}\n`);
  const text = onHeading(`${FIVE[0]}：无`);
  assert.deepEqual(findings(text), [`section-empty 398:0-398:16 「五、存在的主要问题及改进情况」只写了「无」，${EXPECTS_FIVE}`]);
  // The heading line stays as written (section-heading has its own finding on it).
  assert.equal(afterFix(text, only(text)).text, onHeading([`${FIVE[0]}：无`, ...PARTS_FIVE].join('\n')));
  assert.deepEqual(findings(onHeading(`${FIVE[0]}：政务公开渠道单一，下一步强化线下平台建设`)), []);
});

test('short but real content passes', () => {
  const passing = {
    // A 五 with no major problem that still gives the improvements (seed 003's wording).
    'no major problem, improvements given': five003('本年度我镇政府信息公开工作未发现重大问题。下一步，加强对相关部门的人员培训，提高工作人员对政务公开的重要性认识。', ''),
    // Sub-headings answered after their colon, without a full stop (seed 004's wording).
    'answers after the colons': withSection(seed('004'), '5、 存在的主要问题及改进情况', FIVE[1], ['（一）存在问题：政务公开渠道单一', '（二）改进措施：强化线下政府信息公开平台建设']),
    // One sentence under 总体情况 (seed 004's wording).
    'one sentence': withSection(seed('004'), ...ONE, ['2023年度我乡通过政府网站、微信群、自媒体平台、公告栏等方式公开信息共计136条。']),
    // The first 五 is an empty duplicate heading, the second has the content: section-duplicate's.
    'a duplicated heading': five003(FIVE[0], '存在的主要问题：我镇的政府信息公开工作虽然取得了一定的成效，但还存在诸多问题和不足。', ''),
  };
  for (const [what, text] of Object.entries(passing)) assert.deepEqual(findings(text), [], what);
  assert.equal(findings(passing['a duplicated heading'], 'section-duplicate').length, 1);
});

test('sections 二–四 are their tables: zeros or a blank form fill them, a missing one is table-missing\'s alone', () => {
  // Seed 001 (2024): 表四 is all zeros; its value row is line 83.
  const s001 = seed('001');
  const blank = s001.split('\n').map((l, i) => (i === 83 ? l.replace(/0/g, '') : l)).join('\n');
  assert.deepEqual(findings(blank), []);
  for (const body of [['本年度未发生因政府信息公开引起的行政复议、行政诉讼。', ''], ['无', '']]) {
    const text = withSection(s001, '四、政府信息公开行政复议、行政诉讼情况', FIVE[0], body);
    assert.deepEqual(diagnostics(text).filter(d => d.range.start.line === 78).map(d => d.code), ['table-missing'], body[0]);
  }
});

test('section 六 may say "无": a 2021+ report hears about the fee only', () => {
  // Seed 001 (2024) ends with 六 on line 99 and its fee statement.
  const lines = seed('001').split('\n');
  const text = [...lines.slice(0, lines.indexOf(FIVE[1]) + 1), '无', ''].join('\n');
  assert.deepEqual(diagnostics(text).filter(d => d.range.start.line >= 99).map(d => `${d.code} ${at(d)}`), ['fee-statement 99:0-99:11']);
});

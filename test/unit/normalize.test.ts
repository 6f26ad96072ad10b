// Label normalisation has a one-pass path for plain labels (text.ts, normalizePlain). Every table
// cell and heading is compared through it, so it must give exactly what the full steps give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeLabel } from '../../server/src/engine/text';

// The full steps, as text.ts applies them to a string the one-pass path does not take.
const BOOKMARK = /\[bookmark:[^\]\n]*\]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const fullSteps = (s: string) => s
  .replace(BOOKMARK, '')
  .replace(INVISIBLE, '')
  .normalize('NFKC')
  .replace(/\s+/g, '')
  .replace(/[“”„‟＂〝〞「」『』"]/g, '"')
  .replace(/[‘’‚‛＇']/g, "'")
  .replace(/[．]/g, '.')
  .toLowerCase();

test('every BMP character, alone and between plain characters, normalises as the full steps do', () => {
  const differ: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    for (const s of [ch, `一${ch}Ａ`, ` ${ch}（`, `${ch}${ch}`]) {
      if (normalizeLabel(s) !== fullSteps(s)) differ.push(s);
    }
  }
  assert.deepEqual(differ, []);
});

test('labels as reports write them normalise as the full steps do', () => {
  const labels = [
    '(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    '3. 危及“三安全一稳定”', '本年收费金额 (单位: 万元, 保留4位小数)', 'ＡＢＣ．１２', '行政规范性文件', '0', '',
    '[bookmark: _Toc1]（一）予以公开', '［bookmark: x］申请人情况', '其他　结果', 'e\u0301', '\u00a0规章\u200b',
  ];
  for (const s of labels) assert.equal(normalizeLabel(s), fullSteps(s), JSON.stringify(s));
});

// The grammar and snippets are generated from the template (scripts/gen-syntax.ts): the committed
// files must match, and the snippets must expand to text the checker accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { check, SECTIONS, TABLES } from '../../server/src/engine';
import { REPO } from '../helpers';
import { SNIPPETS_PATH, generatedFiles } from '../../scripts/gen-syntax';

interface Snippet { scope: string; prefix: string[]; body: string[]; description: string }

const raw = readFileSync(path.join(REPO, SNIPPETS_PATH), 'utf8');
// .code-snippets is JSON with comments; the generator only writes a leading line comment.
const snippets: Snippet[] = Object.values(JSON.parse(raw.replace(/^\/\/.*\n/, '')));

function byPrefix(prefix: string): Snippet {
  const found = snippets.filter(s => s.prefix.includes(prefix));
  assert.equal(found.length, 1, `one snippet answers to ${prefix}`);
  return found[0];
}

/** What the editor inserts when the user accepts a snippet and types `values` into its placeholders. */
function expand(s: Snippet, values: Record<number, string> = {}): string {
  return s.body.join('\n')
    .replace(/\$\{(\d+):((?:[^\\}]|\\.)*)\}|\$(\d+)/g, (_, n, def, bare) => values[Number(n ?? bare)] ?? def ?? '')
    .replace(/\\([$}\\])/g, '$1');
}

const codes = (text: string) => check(text).diagnostics.map(d => d.code);

test('the committed grammar and snippets are what scripts/gen-syntax.ts writes from the template', () => {
  for (const f of generatedFiles()) {
    assert.equal(readFileSync(path.join(REPO, f.path), 'utf8'), f.text, `${f.path} is stale: run npm run gen`);
  }
});

test('nb年报 writes the whole report with the organ and year the user types into the title', () => {
  const text = expand(byPrefix('nb年报'), { 1: '创业乡', 2: '2023' });
  assert.equal(text.split('\n')[0], '# 创业乡2023年政府信息公开工作年度报告');
  assert.equal(check(text).report.year, 2023);
  // Six sections and three zero tables in the 2021 format: only the prose of 一, 五 and 六 is left to write.
  assert.deepEqual(codes(text), ['section-empty', 'section-empty', 'fee-statement']);
});

test('heading and table snippets of one format add up to a report whose only findings are the prose left to write', () => {
  const empty = ['section-empty', 'section-empty'];
  for (const [year, format, expected] of [[2024, '2021', [...empty, 'fee-statement']], [2020, '2019', empty]] as const) {
    const parts = [`# 创业乡${year}年政府信息公开工作年度报告`, ''];
    for (const s of SECTIONS) {
      parts.push(expand(byPrefix(`nb${s.ordinal}`)));
      if (s.table) parts.push(expand(byPrefix(`nb${TABLES[format][s.table].name}${format}`)), '');
    }
    assert.deepEqual(codes(parts.join('\n')), expected, `${format} format`);
  }
});

test('each heading snippet answers to its ordinal, its title and pinyin initials', () => {
  assert.equal(expand(byPrefix('nbzt')), '## 一、总体情况\n\n');
  assert.equal(byPrefix('nb一'), byPrefix('nb总体情况'));
  assert.equal(expand(byPrefix('nbqt')), '## 六、其他需要报告的事项\n\n');
});

test('表四 is one snippet for both formats; 表二 and 表三 differ by format', () => {
  assert.equal(byPrefix('nb表四2019'), byPrefix('nb表四2021'));
  assert.notEqual(byPrefix('nb表三2019'), byPrefix('nb表三2021'));
  assert.match(expand(byPrefix('nb表二2019')).split('\n')[1], /^信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量$/);
  assert.match(expand(byPrefix('nb表二2021')).split('\n')[1], /^信息内容\t本年制发件数\t本年废止件数\t现行有效件数$/);
});

test('snippet bodies hold real tab characters, written as \\t in the file', () => {
  assert.ok(!raw.includes('\t'), 'no literal tab in the JSON text');
  assert.ok(byPrefix('nb表三2021').body.includes('\t\t2.重复申请\t0\t0\t0\t0\t0\t0\t0'));
});

// The language server links every diagnostic to docs/rules/<code>.md: each code of the public
// contract (spec/rules.md) needs its page, with the severity the engine really uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES } from '../../server/src/engine';
import { REPO } from '../helpers';

const SPEC = readFileSync(path.resolve(REPO, '../shared/spec/rules.md'), 'utf8');
const CODES = [...SPEC.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|info) \|/gm)].map(m => ({ code: m[1], severity: m[2] }));
const page = (code: string) => path.join(REPO, 'docs/rules', `${code}.md`);

test('every rule of the engine has its code in spec/rules.md, at the same default severity', () => {
  assert.ok(CODES.length > 0, 'the spec table was read');
  for (const rule of ALL_RULES) assert.equal(CODES.find(c => c.code === rule.id)?.severity, rule.severity, rule.id);
});

test('every code has its page, stating the default severity the engine uses, and how to turn it off', () => {
  for (const { code, severity } of CODES) {
    assert.ok(existsSync(page(code)), `docs/rules/${code}.md is missing`);
    const text = readFileSync(page(code), 'utf8');
    assert.ok(text.startsWith(`# \`${code}\``), `${code}: the page starts with its code`);
    assert.ok(text.includes(`**默认严重程度**：${severity}`), `${code}: default severity ${severity}`);
    for (const how of [`<!-- nianbao-disable-next-line ${code} -->`, `<!-- nianbao-disable ${code} -->`, `"nianbao.rules": { "${code}": "off" }`]) {
      assert.ok(text.includes(how), `${code}: page shows ${how}`);
    }
    const rule = ALL_RULES.find(r => r.id === code);
    if (rule) assert.equal(rule.severity, severity, `${code}: engine severity`);
    else assert.ok(text.includes('计划中'), `${code} is not implemented, so its page says it is planned`);
  }
});

test('the index links every page', () => {
  const index = readFileSync(path.join(REPO, 'docs/rules/README.md'), 'utf8');
  for (const { code, severity } of CODES) assert.ok(index.includes(`| [\`${code}\`](${code}.md) | ${severity} |`), code);
});

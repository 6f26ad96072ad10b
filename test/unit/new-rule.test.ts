// `npm run new-rule` in a copy of the repository: the rule, its fixture and page are written, the
// rule list and both rule tables gain it, the copy type-checks, and the engine runs the new rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { scaffold } from '../../scripts/new-rule';
import { REPO } from '../helpers';

test('new-rule scaffolds a table rule that type-checks, is in the list, and whose fixture the engine reads', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'nianbao-new-rule-'));
  for (const p of ['server/src', 'docs/rules', 'README.md', 'package.json']) cpSync(path.join(REPO, p), path.join(root, p), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
  writeFileSync(path.join(root, 'tsconfig.json'), readFileSync(path.join(REPO, 'tsconfig.json'), 'utf8').replace(/"include": \[[^\]]*\]/, '"include": ["server/src"]'));

  const written = scaffold(root, { code: 'cell-unit', scope: 'table', severity: 'info' });
  assert.deepEqual(written, [
    'server/src/engine/rules/cell-unit.ts', 'server/src/engine/rules/fixtures/cell-unit.md', 'docs/rules/cell-unit.md',
    'server/src/engine/rules/index.ts', 'docs/rules/README.md', 'README.md',
  ]);
  const index = readFileSync(path.join(root, 'server/src/engine/rules/index.ts'), 'utf8');
  assert.match(index, /import \{ cellUnit \} from '\.\/cell-unit';/);
  assert.match(index, /const reportRules = \[[\s\S]*cellUnit,\n\];/);
  assert.match(readFileSync(path.join(root, 'docs/rules/README.md'), 'utf8'), /\| \[`cell-unit`\]\(cell-unit\.md\) \| info \|/);
  assert.match(readFileSync(path.join(root, 'README.md'), 'utf8'), /\| `cell-unit` \| info \|/);
  assert.match(readFileSync(path.join(root, 'docs/rules/cell-unit.md'), 'utf8'), /<!-- nianbao-disable-next-line cell-unit -->/);
  assert.match(readFileSync(path.join(root, 'server/src/engine/rules/fixtures/cell-unit.md'), 'utf8'), /<!-- expect cell-unit: /);

  execFileSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', root], { cwd: root, stdio: 'pipe' });
  const probe = path.join(root, 'probe.ts');
  writeFileSync(probe, "import { ALL_RULES, check } from './server/src/engine';\nconsole.log(JSON.stringify({ listed: ALL_RULES.some(r => r.id === 'cell-unit'), found: check('# x').diagnostics.length }));\n");
  const out = execFileSync(process.execPath, ['--import', 'tsx', probe], { cwd: root, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), { listed: true, found: 0 });

  assert.throws(() => scaffold(root, { code: 'cell-unit', scope: 'table', severity: 'info' }), /exists already/);
  assert.throws(() => scaffold(root, { code: 'CellUnit', scope: 'table', severity: 'info' }), /lower-case words/);
});

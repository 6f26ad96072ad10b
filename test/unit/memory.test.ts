// The engine's caches live as long as the language server, and a re-check reuses the previous
// version's tables and the findings kept with their content: none may pin old versions of a
// document. The probe adds a rule that quotes the document in its findings, as a careless rule
// would: with the engine's copy of kept findings switched off (`keptFindings` in incremental.ts), both
// tests fail (18.1 and 22.0 MB retained), which is what they are for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { REPO } from '../helpers';

const probe = () => {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/memoryProbe.ts'], { cwd: REPO, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as { documentBytes: number; retainedBytes: number; retainedWithReuse: number };
};
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
const result = probe();

test('120 edits of a 400 KB report retain less than thirty versions of it', () => {
  // Before the caches owned their strings, every edit kept its whole document alive: ~27 MB (≈77
  // versions) retained here; since, 1.5–4 MB (cache entries and GC timing vary between runs).
  const { documentBytes, retainedBytes } = result;
  assert.ok(retainedBytes < 30 * documentBytes, `retained ${mb(retainedBytes)} after 120 edits of a ${mb(documentBytes)} document`);
});

test('120 accumulated edits, each re-check reusing the previous report, retain less than thirty versions', () => {
  // Reused table cells are read once and kept through later versions: while their texts were
  // slices of the version they were read from, each edited table kept that whole version alive.
  const { documentBytes, retainedWithReuse } = result;
  assert.ok(retainedWithReuse < 30 * documentBytes, `retained ${mb(retainedWithReuse)} after 120 edits of a ${mb(documentBytes)} document`);
});

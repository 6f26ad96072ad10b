// The engine's caches live as long as the language server: none may pin old versions of a document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { REPO } from '../helpers';

test('120 edits of a 400 KB report retain less than thirty versions of it', () => {
  // Before the caches owned their strings, every edit kept its whole document alive: ~27 MB (≈77
  // versions) retained here; since, 1.5–4 MB (cache entries and GC timing vary between runs).
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/memoryProbe.ts'], { cwd: REPO, encoding: 'utf8' });
  const { documentBytes, retainedBytes } = JSON.parse(out.trim().split('\n').pop()!);
  assert.ok(retainedBytes < 30 * documentBytes, `retained ${(retainedBytes / 1048576).toFixed(1)} MB after 120 edits of a ${(documentBytes / 1048576).toFixed(1)} MB document`);
});

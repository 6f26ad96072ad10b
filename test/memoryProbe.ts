// Run by test/unit/memory.test.ts in a child with --expose-gc: re-checks one document after many
// edits, as a language server does, and prints how much heap stays retained afterwards.
import { check } from '../server/src/engine';
import { concatenatedReports } from '../bench/generate';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const base = concatenatedReports(400 * 1024);
check(base);
gc();
const before = process.memoryUsage().heapUsed;
for (let k = 0; k < 60; k++) {
  // A digit changed in a table (the tables' failures change) and a word doubled in prose (a new chunk).
  const cell = base.indexOf('\t3\t', (k * 7919) % base.length) + 1;
  check(base.slice(0, cell) + String(k % 9) + base.slice(cell + 1));
  const word = base.indexOf('公开', (k * 7919) % base.length);
  check(base.slice(0, word) + '公开公开'.slice(0, 2 + (k % 3)) + base.slice(word + 2));
}
gc();
console.log(JSON.stringify({ documentBytes: base.length * 2, retainedBytes: process.memoryUsage().heapUsed - before }));

// Run by test/unit/memory.test.ts in a child with --expose-gc: re-checks one document after many
// edits, as a language server does, and prints how much heap stays retained afterwards.
import { check, RULES, type Rule } from '../server/src/engine';
import { checkSteps } from '../server/src/engine/check';
import { drain, type Report } from '../server/src/engine/report';
import { concatenatedReports } from '../bench/generate';

// A rule written carelessly, quoting the document itself: a slice of a long string keeps all of
// it alive. The engine copies what it keeps of a finding, so no rule author has to think of it.
const quoting = { id: 'section-missing', severity: 'info', description: '', scope: 'chunk',
  check: (chunk, report) => [{ range: report.lines.range(chunk.start, chunk.start), message: report.text.slice(chunk.start, chunk.start + 40) }],
} as Rule;
RULES.push(quoting);

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const base = concatenatedReports(400 * 1024);
const heap = () => { gc(); return process.memoryUsage().heapUsed; };

// Each edit checked from scratch: only the engine's caches outlive a check.
check(base);
let before = heap();
for (let k = 0; k < 60; k++) {
  // A digit changed in a table (the tables' failures change) and a word doubled in prose (a new
  // chunk), or a stale year typed there (year-mismatch quotes the document's line).
  const cell = base.indexOf('\t3\t', (k * 7919) % base.length) + 1;
  check(base.slice(0, cell) + String(k % 9) + base.slice(cell + 1));
  const word = base.indexOf('公开', (k * 7919) % base.length);
  check(base.slice(0, word) + (k % 2 ? '公开公开'.slice(0, 2 + (k % 3)) : `2018年度公开${k}`) + base.slice(word + 2));
}
const cold = heap() - before;

// As the language server checks: edits accumulate, each check reuses the report of the version
// before, and the newest report stays. Its unchanged tables were read in many earlier versions.
let text = base;
let report: Report | undefined = check(text).report;
before = heap();
for (let k = 0; k < 60; k++) {
  const cell = text.indexOf('\t3\t', (k * 7919) % text.length) + 1;
  text = `${text.slice(0, cell)}${k % 9}${text.slice(cell + 1)}`;
  report = drain(checkSteps(text, {}, report)).report;
  const word = text.indexOf('公开', (k * 7919) % text.length);
  text = `${text.slice(0, word)}${k % 2 ? '公开' : '2018年度'}${text.slice(word)}`;
  report = drain(checkSteps(text, {}, report)).report;
}
// The newest version itself is not retained by the old ones: count it out.
const reused = heap() - before - text.length * 2;
console.log(JSON.stringify({ documentBytes: base.length * 2, retainedBytes: cold, retainedWithReuse: reused, reportKept: report.tables.length > 0 }));

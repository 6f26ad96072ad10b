// The Markdown injection grammar: the annotated real-report lines in test/grammar/*.test.md, and
// every cell Nianbao itself writes, tokenized over the test Markdown base grammar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { reportSkeleton, type FormatId } from '../../server/src/engine';
import { REPO } from '../helpers';
import { GRAMMAR_PATH, SCOPE_NAME } from '../../scripts/gen-syntax';

interface Token { startIndex: number; endIndex: number; scopes: string[] }
interface Grammar { tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown } }
interface Registry { loadGrammar(scope: string): Promise<Grammar | null> }

// The registry vscode-tmgrammar-test builds for its own runs, so both tests see the same injection.
const { createRegistry } = require('vscode-tmgrammar-test/dist/common/index') as {
  createRegistry(grammars: Array<{ path: string; scopeName: string; injectTo?: string[] }>): Registry;
};

test('npm run test:grammar passes on the annotated seed lines', () => {
  const run = spawnSync('npm', ['run', '--silent', 'test:grammar'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
});

async function markdownWithInjection(): Promise<Grammar> {
  const grammar = await createRegistry([
    { path: path.join(REPO, 'test/grammar/markdown.tmLanguage.json'), scopeName: 'text.html.markdown' },
    { path: path.join(REPO, GRAMMAR_PATH), scopeName: SCOPE_NAME, injectTo: ['text.html.markdown'] },
  ]).loadGrammar('text.html.markdown');
  assert.ok(grammar);
  return grammar;
}

/** Cells (tab-separated, non-blank) of `text` that no token with a Nianbao scope covers. */
function uncoloured(grammar: Grammar, text: string): string[] {
  let state: unknown = null;
  const misses: string[] = [];
  text.split('\n').forEach((line, n) => {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    state = ruleStack;
    let start = 0;
    for (const cell of line.split('\t')) {
      const from = start + cell.search(/\S|$/);
      const to = start + cell.trimEnd().length;
      start += cell.length + 1;
      if (from >= to) continue;
      const covered = tokens.filter(t => t.startIndex < to && t.endIndex > from && t.scopes.some(s => s.endsWith('.nianbao')));
      const span = covered.length ? [Math.min(...covered.map(t => t.startIndex)), Math.max(...covered.map(t => t.endIndex))] : [];
      if (!(span[0] <= from && span[1] >= to)) misses.push(`${n}: ${cell}`);
    }
  });
  return misses;
}

test('every heading, label and value of the template tables is coloured, in both formats', async () => {
  const grammar = await markdownWithInjection();
  for (const format of ['2019', '2021'] as FormatId[]) {
    // The title is the one line of the skeleton the grammar leaves to Markdown.
    const misses = uncoloured(grammar, reportSkeleton(2024, '创业乡', format)).filter(m => !m.startsWith('0: '));
    assert.deepEqual(misses, [], `${format} format`);
  }
});

test('a label drifted the way real reports drift is still a label, a misspelt one is not', async () => {
  const grammar = await markdownWithInjection();
  // Seed 001 writes half-width brackets and spaces; full-width digits and a stray space come from Word.
  assert.deepEqual(uncoloured(grammar, '\t(三) 不予公开\t1. 属于国家秘密\t０\t 0 \t0'), []);
  assert.deepEqual(uncoloured(grammar, '\t(三) 不予公开\t1. 属于国家机密\t0'), ['0: 1. 属于国家机密']);
});

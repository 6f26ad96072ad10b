// "Never crash, never lose a character": the language server under load and abuse, over the real
// protocol (`node dist/server.js --stdio`). Orderings are asserted, never times.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver/node';
import { check, replacementEdit, RULES, type Rule } from '../../server/src/engine';
import { checkSteps } from '../../server/src/engine/check';
import { buildReport } from '../../server/src/engine/report';
import { flatProse, readProse } from '../../server/src/engine/prose';
import { editLine, REPO, SEEDS, seed } from '../helpers';
import { Client, expectedLsp, reportUri } from '../lspClient';

/** A long check: the five seeds over and over, about 10 MB of UTF-8. */
const ALL_SEEDS = SEEDS.map(f => seed(f.slice(0, 3))).join('\n');
const bigReport = (bytes: number) => ALL_SEEDS.repeat(Math.ceil(bytes / Buffer.byteLength(ALL_SEEDS)));

// Seed 001: line 52 is 表三's 一、本年新收 row, all zeros; a 5 in its first cell breaks the row total.
const T3_NEW_ROW = 52;
const breakTotal = (text: string) => editLine(text, T3_NEW_ROW, /\t0/, '\t5');
const FIRST_NEW = { line: T3_NEW_ROW, character: seed('001').split('\n')[T3_NEW_ROW].indexOf('\t0') + 1 };

/** Checks of a 10 MB document take seconds; waits are bounded generously, nothing asserts a time. */
const SLOW = 120_000;

let client: Client;

before(async () => {
  execFileSync(process.execPath, ['build.mjs', '--only=server'], { cwd: REPO });
  // Settings are pushed, so no check waits on a workspace/configuration round trip.
  ({ client } = await Client.start({ configuration: false }));
});

after(() => client.stop());

/** Every message from the server, in arrival order, for ordering assertions. */
function arrivals(): { log: string[]; note: (what: string) => void } {
  const log: string[] = [];
  return { log, note: what => log.push(what) };
}

const peakRssMb = () => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${client.proc.pid}/status`, 'utf8'));
  assert.ok(m, 'no VmHWM for the server process');
  return Number(m[1]) / 1024;
};

test('requests on a small report are answered before a 10 MB document\'s check publishes, and the check stays under 300 MB', async () => {
  const small = reportUri();
  await client.open(small, seed('001'));
  const big = reportUri();
  const text = bigReport(10_000_000);
  const { log, note } = arrivals();
  const seen = client.count(big);
  // Not awaited: the requests go out right behind the 10 MB didOpen.
  void client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'markdown', version: 1, text } });
  const hovered = client.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: FIRST_NEW })
    .then(h => { note('hover'); return h; });
  const symbols = client.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: small } })
    .then(s => { note('documentSymbol'); return s; });
  const published = client.until('the 10 MB document\'s diagnostics', () => client.published.get(big)?.[seen], SLOW)
    .then(p => { note('publishDiagnostics'); return p; });

  const [h, s, p] = await Promise.all([hovered, symbols, published]);
  assert.deepEqual(log, ['hover', 'documentSymbol', 'publishDiagnostics']);
  assert.match(JSON.stringify(h?.contents), /表三.*本年新收/);
  assert.ok(s.length > 0, 'the small report has an outline');
  assert.equal(p.version, 1);
  assert.equal(p.diagnostics.length, check(text).diagnostics.length);

  const peak = peakRssMb();
  console.log(`# server peak RSS after checking ${Buffer.byteLength(text)} bytes: ${peak.toFixed(0)} MB`);
  assert.ok(peak < 300, `server peak RSS ${peak.toFixed(0)} MB after checking 10 MB`);
  await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: big } });
});

/** A 10 MB report that starts with seed 001, so line 52 is 表三's 一、本年新收 as in the seed. */
const bigFrom001 = () => `${seed('001')}\n${bigReport(10_000_000)}`;

const openNotification = (uri: string, text: string) =>
  client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });

test('while a 10 MB document is being checked, a small report\'s requests are answered first and the big document\'s hover waits for its check', async () => {
  const small = reportUri();
  await client.open(small, seed('001'));
  const big = reportUri();
  const text = bigFrom001();
  const { log, note } = arrivals();
  void openNotification(big, text);
  // Sent first, so its check is under way when the small report's requests arrive: a request
  // starts the check of its document's version, or joins the one already running.
  const bigHover = client.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: big }, position: FIRST_NEW })
    .then(h => { note('big hover'); return h; });
  const hovered = client.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: FIRST_NEW })
    .then(h => { note('hover'); return h; });
  const symbols = client.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: small } })
    .then(s => { note('documentSymbol'); return s; });
  const published = client.until('the 10 MB document\'s diagnostics', () => client.published.get(big)?.[0], SLOW)
    .then(p => { note('publishDiagnostics'); return p; });

  const [bh, h, s, p] = await Promise.all([bigHover, hovered, symbols, published]);
  assert.deepEqual(log.slice(0, 2), ['hover', 'documentSymbol'], `arrivals: ${log.join(', ')}`);
  assert.deepEqual([...log.slice(2)].sort(), ['big hover', 'publishDiagnostics']);
  assert.ok(s.length > 0, 'the small report has an outline');
  // The same cell of the same 表三 as in the small report: the big document's own analysis, complete.
  assert.match(JSON.stringify(bh?.contents), /表三.*本年新收/);
  assert.deepEqual(bh, h);
  assert.equal(p.version, 1);
  assert.equal(client.published.get(big)!.length, 1);
  await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: big } });
});

test('a change to a 10 MB document during its check stops that check: the only publish is the new version\'s', async () => {
  const uri = reportUri();
  const text = bigFrom001();
  const changed = breakTotal(text);
  void openNotification(uri, text);
  // The request starts (or joins) the check of version 1; the change arrives while it runs.
  const symbols = client.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  // An editor's incremental change: it arrives at once, between the check's slices (a second
  // 10 MB full text could arrive after a fast check had already finished).
  void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [replacementEdit(text, changed)!].map(e => ({ range: e.range, text: e.newText })) });
  const final = await client.until('the new version\'s diagnostics', () => client.published.get(uri)?.find(p => p.version === 2), SLOW);
  // Answered for the document as it is now, once its check is done, not with an error.
  assert.ok((await symbols).length > 0);
  // A request answered after the publish: a publish of version 1 still queued would show by now.
  await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(client.published.get(uri)!.map(p => p.version), [2]);
  assert.ok(client.stderr.some(m => m.includes(`check of ${uri} version 1 stopped`)), 'the check of version 1 ran to its end');
  assert.equal(final.diagnostics.filter(d => d.code === 't3-cell' && d.range.start.line === T3_NEW_ROW).length, 1);
  await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('a check run in steps gives what check gives, interleaved with other checks (in-process)', () => {
  const texts = SEEDS.map(f => seed(f.slice(0, 3)));
  texts.push(breakTotal(texts[1]), ALL_SEEDS.repeat(8));
  const runs = texts.map(text => ({ steps: checkSteps(text), count: 0, result: undefined as ReturnType<typeof check> | undefined }));
  // Round robin, one step each, as the server interleaves documents between time slices.
  while (runs.some(r => !r.result)) {
    for (const r of runs.filter(x => !x.result)) {
      const next = r.steps.next();
      if (next.done) r.result = next.value; else r.count++;
    }
  }
  runs.forEach((r, i) => {
    assert.deepEqual(r.result, check(texts[i]), `text ${i}`);
    // A step at least after each rule on the whole report (table and chunk rules go input by input).
    assert.ok(r.count > RULES.filter(x => x.scope === 'report').length, `text ${i} was checked in ${r.count} steps only`);
  });
});

test('prose read in batches equals prose read at once (in-process)', () => {
  // Dozens of 32K-character batches, and fences whose heading-like lines must not start one.
  const fenced = ['```', '一、不是标题', '（一）也不是', '```'].join('\n');
  const text = `${ALL_SEEDS}\n${fenced}\n${ALL_SEEDS.repeat(12)}\n\`\`\`\n二、代码\n${seed('001')}\n三、仍在代码中\n\`\`\`\n${ALL_SEEDS.repeat(4)}`;
  const report = buildReport(text);
  const batched = flatProse(report.prose);
  assert.ok(batched.length > 1000);
  assert.deepEqual(batched, readProse(report.lines, report.proseLines));
});

test('quick edits of a big document supersede its checks: the last publish is the last version\'s, none older after it', async () => {
  const uri = reportUri();
  // Seed 001 first, then about 1 MB of the other seeds: line 52 stays 表三's 一、本年新收.
  const base = `${seed('001')}\n${bigReport(1_000_000)}`;
  const last = breakTotal(base);
  const versions = [base, `${base}\n`, `${base}\n\n`, last];
  await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: versions[0] } });
  for (const [i, text] of versions.entries()) {
    if (i > 0) await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 1 }, contentChanges: [{ text }] });
  }
  const final = await client.until('the last version\'s diagnostics', () => client.published.get(uri)?.find(p => p.version === versions.length), SLOW);
  // A request answered after the final publish: anything still queued for older versions would show by now.
  await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  const got = client.published.get(uri)!.map(p => p.version);
  assert.equal(got.at(-1), versions.length, `publishes by version: ${got.join(', ')}`);
  assert.deepEqual(got, [...got].sort((a, b) => a! - b!), `an older version was published after a newer one: ${got.join(', ')}`);

  const rowTotals = (ds: Diagnostic[]) => ds.filter(d => d.code === 't3-cell' && d.range.start.line === T3_NEW_ROW).length;
  assert.equal(rowTotals(final.diagnostics), 1, 'the broken total of the last version is reported');
  assert.equal(rowTotals(expectedLsp(base, uri)), 0, 'the earlier versions had no broken total there');
  assert.deepEqual(final.diagnostics, expectedLsp(last, uri));
  await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('a rule that throws is skipped and the other rules still report (in-process)', () => {
  const text = breakTotal(seed('001'));
  const expected = check(text).diagnostics;
  const broken: Rule = { ...RULES[0], check: () => { throw new Error('boom'); } };
  const error = console.error;
  const logged: unknown[][] = [];
  console.error = (...args: unknown[]) => { logged.push(args); };
  RULES.push(broken);
  try {
    assert.deepEqual(check(text).diagnostics, expected);
    assert.ok(expected.some(d => d.code === 't3-cell'));
  } finally {
    RULES.splice(RULES.indexOf(broken), 1);
    console.error = error;
  }
  // The broken rule did run (and was logged once), so the equality above is not vacuous.
  assert.equal(logged.length, 1);
  assert.match(String(logged[0][0]), /boom/);
});

test('malformed, binary and huge-line documents do not stop the server: seed 004 opened after is checked right', async () => {
  const nasty = [
    `${seed('001').slice(0, 200)}\u0000\u0000\u0001\uFFFE\uD800${'\u0000'.repeat(1000)}${seed('001').slice(200)}`,
    `# 2024年度政府信息公开工作年度报告\n${'一'.repeat(1_000_000)}\n`,
    `# 2024年度政府信息公开工作年度报告\n${'> '.repeat(5000)}根据\n`,
    '\u0000'.repeat(100_000),
  ];
  for (const text of nasty) {
    const uri = reportUri();
    // Each is checked and published like any document (the NUL-only one is no report: nothing to show).
    assert.deepEqual(await client.open(uri, text), expectedLsp(text, uri));
    await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
  }
  const uri = reportUri();
  assert.deepEqual(await client.open(uri, seed('004')), expectedLsp(seed('004'), uri));
  assert.equal(client.proc.exitCode, null);
});

test('unknown documents and impossible positions get empty answers, never an error', async () => {
  const uri = reportUri();
  await client.open(uri, seed('001'));
  const unknown = reportUri('never-opened.md');
  const ask = (method: string, doc: string, extra: object) => client.conn.sendRequest(method, { textDocument: { uri: doc }, ...extra });
  const beyond = [{ line: 99999, character: 0 }, { line: 99999, character: -5 }];
  const odd = [...beyond, { line: 0, character: -1 }, { line: T3_NEW_ROW, character: 99999 }];
  for (const [doc, positions, empty] of [[unknown, odd, true], [uri, beyond, true], [uri, odd, false]] as const) {
    for (const position of positions) {
      const where = `${doc === uri ? 'open' : 'unknown'} document at ${JSON.stringify(position)}`;
      const range = { start: position, end: position };
      const answers = [
        await ask('textDocument/hover', doc, { position }),
        await ask('textDocument/completion', doc, { position }),
        await ask('textDocument/inlayHint', doc, { range }),
        await ask('textDocument/codeAction', doc, { range, context: { diagnostics: [] } }),
      ];
      // Each request got an answer (a rejected one would have thrown). Off the document there is
      // nothing to show; code actions still offer the document-wide fixes (fix all) there.
      if (empty) assert.deepEqual(doc === uri ? answers.slice(0, 3) : answers, doc === uri ? [null, [], []] : [null, [], [], []], where);
    }
  }
  assert.deepEqual(await ask('textDocument/documentSymbol', unknown, {}), []);
  assert.deepEqual(await ask('textDocument/foldingRange', unknown, {}), []);
  assert.equal(await client.conn.sendRequest('nianbao/reportInfo', { uri: unknown }), null);
});

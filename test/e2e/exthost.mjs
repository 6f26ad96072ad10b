// Extension-host layer: run test/e2e/suite (mocha) inside code-server's real Node
// extension host, loading the extension under test as a *development* extension via
// the workbench `payload` URL parameter (the test-electron equivalent; no vsix needed).
//
//   node test/e2e/exthost.mjs [BASE WS EXT_ROOT RESULT OUTDIR]
// Defaults come from the environment set by lib.sh with_code_server:
//   BASE, WS, NIANBAO_EXT_ROOT, $RUN/result.json, $E2E_OUT/exthost.
// Exit 0 only if the workbench reported exit code 0 AND the runner's JSON says 0 failed.
import { existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [base = process.env.BASE, ws = process.env.WS, extRoot = process.env.NIANBAO_EXT_ROOT,
  resultFile = process.env.RUN && join(process.env.RUN, 'result.json'),
  outDir = join(process.env.E2E_OUT || resolve(here, '../../.e2e/out'), 'exthost')] = process.argv.slice(2);
const suite = join(here, 'suite', 'index.js');
const budget = Number(process.env.EXTHOST_TIMEOUT_MS || 240000);
if (!base || !ws || !extRoot || !resultFile) {
  console.error('usage: exthost.mjs BASE WS EXT_ROOT RESULT [OUTDIR]  (or run via lib.sh with_code_server)');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const consoleLog = join(outDir, 'page-console.log');
writeFileSync(consoleLog, '');

const remote = p => `vscode-remote://${new URL(base).host}${p}`;
const payload = [
  ['extensionDevelopmentPath', remote(extRoot)],
  ['extensionTestsPath', remote(suite)],
  ['skipWelcome', 'true'],
];
const url = `${base}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

const t0 = Date.now();
const { page, close } = await launch();
let verdict = { exitCode: null, result: null, reason: '' };
try {
  let onExit;
  const exited = new Promise(r => { onExit = r; });
  await page.exposeFunction('codeAutomationExit', (code) => onExit(code)); // before goto
  page.on('console', m => {
    const t = m.text();
    appendFileSync(consoleLog, t + '\n');
    const i = t.indexOf('[tests] ');
    if (i >= 0) console.log(t.slice(i + 8));
  });
  page.on('pageerror', e => appendFileSync(consoleLog, `[pageerror] ${e.stack || e}\n`));
  console.log(`[exthost] dev extension ${extRoot}`);
  await page.goto(url);
  // The JSON file is the most robust signal; codeAutomationExit tells us the runner settled
  // (it also fires with 1 when the tests module could not even be loaded).
  const pollResult = (async () => {
    while (!existsSync(resultFile)) await new Promise(r => setTimeout(r, 200));
    await new Promise(r => setTimeout(r, 300)); // let codeAutomationExit arrive too
    return 'result-file';
  })();
  const timer = new Promise(r => setTimeout(() => r('timeout'), budget));
  const first = await Promise.race([exited.then(c => ({ code: c })), pollResult, timer]);
  if (first === 'timeout') verdict.reason = `no result within ${budget} ms`;
  else if (typeof first === 'object') verdict.exitCode = first.code;
  // Give the other signal a moment.
  if (verdict.exitCode === null && first !== 'timeout') {
    verdict.exitCode = await Promise.race([exited, new Promise(r => setTimeout(() => r(null), 3000))]);
  }
  if (existsSync(resultFile) || verdict.exitCode !== null) {
    for (let i = 0; i < 10 && !existsSync(resultFile); i++) await new Promise(r => setTimeout(r, 200));
  }
  if (existsSync(resultFile)) verdict.result = JSON.parse(readFileSync(resultFile, 'utf8'));
  if (!verdict.result) {
    verdict.reason ||= `runner wrote no ${resultFile} (workbench exit code ${verdict.exitCode}); the tests module may have failed to load`;
    await page.screenshot({ path: join(outDir, 'exthost-fail.png') }).catch(() => {});
  }
} catch (e) {
  verdict.reason = `harness error: ${e.stack || e}`;
} finally {
  await close();
}

const r = verdict.result;
const passed = r ? r.passed : 0;
const failed = r ? r.failed : 1;
const ok = !!r && failed === 0 && passed > 0 && verdict.exitCode !== 1;
if (r && failed === 0 && verdict.exitCode === 1) verdict.reason = 'workbench reported exit code 1 although no test failed';
if (r && passed === 0 && failed === 0) verdict.reason = 'no tests ran';
writeFileSync(join(outDir, 'counts.json'), JSON.stringify({ passed, failed: ok ? 0 : Math.max(failed, 1) }));
if (r) for (const t of r.results.filter(x => x.state === 'failed')) console.log(`[exthost] FAILED: ${t.title}\n${t.err}`);
if (verdict.reason) console.log(`[exthost] ${verdict.reason}`);
console.log(`[exthost] ${ok ? 'PASS' : 'FAIL'}: ${passed} passed, ${ok ? 0 : Math.max(failed, 1)} failed (workbench exit ${verdict.exitCode}, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(ok ? 0 : 1);

// The extension-host suite (test/e2e/suite) under desktop VS Code via @vscode/test-electron,
// where VS Code can be downloaded (or is cached in .e2e/vscode-test) and an X display exists.
//
//   node test/electron/run.mjs
// Prints one line "test-electron: skipped (…)" and exits 0 when desktop VS Code cannot be had
// here (offline, no display); otherwise exits 0/1 with the suite's result. With E2E_OUT set it
// writes E2E_OUT/electron/counts.json ({passed, failed} or {skipped: 1}) for run-all.sh.
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = process.env.E2E_OUT ? join(process.env.E2E_OUT, 'electron') : undefined;
const counts = c => {
  if (!outDir) return;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'counts.json'), JSON.stringify(c));
};
const firstLine = e => String((e && e.message) || e).split('\n')[0];

function skip(why) {
  console.log(`test-electron: skipped (${why})`);
  counts({ passed: 0, failed: 0, skipped: 1 });
  process.exit(0);
}

let vscodeExecutablePath;
try {
  // Offline, the release query fails within the timeout unless a copy is already cached.
  vscodeExecutablePath = await downloadAndUnzipVSCode({
    cachePath: join(root, '.e2e', 'vscode-test'),
    timeout: Number(process.env.ELECTRON_DOWNLOAD_TIMEOUT_MS || 10000),
    reporter: { report() {}, error() {} },
  });
} catch (e) {
  skip(`VS Code cannot be downloaded here: ${firstLine(e)}`);
}

if (process.platform === 'linux' && !process.env.DISPLAY) {
  skip('no X display for desktop VS Code: set DISPLAY or run under xvfb-run');
}

const run = mkdtempSync(join(tmpdir(), 'nianbao-electron-'));
const ws = join(run, 'ws');
const ud = join(run, 'ud');
mkdirSync(join(ud, 'User'), { recursive: true });
copyFileSync(join(root, 'test/e2e/settings.json'), join(ud, 'User', 'settings.json'));
execFileSync(process.execPath, ['--import', 'tsx', join(root, 'test/e2e/workspace.ts'), ws], { cwd: root, stdio: 'inherit' });
const resultFile = join(run, 'result.json');

let failedRun;
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'test/e2e/suite/index.js'),
    launchArgs: [ws, '--user-data-dir', ud, '--extensions-dir', join(run, 'ext'), '--disable-workspace-trust', '--skip-welcome'],
    extensionTestsEnv: { HARNESS_RESULT: resultFile },
  });
} catch (e) {
  failedRun = e;
}
const r = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
const passed = r ? r.passed : 0;
const failed = r ? r.failed : 1;
const ok = !failedRun && !!r && failed === 0 && passed > 0;
counts({ passed, failed: ok ? 0 : Math.max(failed, 1) });
if (failedRun) console.log(`test-electron: ${firstLine(failedRun)}`);
console.log(`test-electron: ${ok ? 'PASS' : 'FAIL'}: ${passed} passed, ${ok ? 0 : Math.max(failed, 1)} failed`);
if (ok) rmSync(run, { recursive: true, force: true });
else console.log(`test-electron: run dir ${run} kept`);
process.exit(ok ? 0 : 1);

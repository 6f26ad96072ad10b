// UI layer: the packaged extension (installed from nianbao.vsix by lib.sh) in the
// code-server web workbench, driven by headless Debian chromium.
//
//   node test/e2e/ui.mjs [BASE FOLDER FILEFRAG SHOT]
// Defaults: $BASE, $WS, "2024年度报告-总计有误" (seed 001 with one broken 表三 total, written by
// test/e2e/workspace.ts), $E2E_OUT/ui.png.
// Checks, in order: the workbench loads the folder; quick-open opens the report; the status
// bar item counts its problems; the Problems panel (Ctrl+Shift+M) lists the t3-row-total error;
// clicking it reveals the red squiggle on the cell; hovering that squiggle shows the Chinese
// message; then a screenshot of the editor with the hover open.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, forceFail } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outRoot = process.env.E2E_OUT || resolve(here, '../../.e2e/out');
const [base = process.env.BASE, folder = process.env.WS, frag = '2024年度报告-总计有误', shot = join(outRoot, 'ui.png')] = process.argv.slice(2);
if (!base || !folder) { console.error('usage: ui.mjs BASE FOLDER [FILEFRAG SHOT]'); process.exit(2); }
const outDir = join(outRoot, 'ui');
mkdirSync(outDir, { recursive: true });
mkdirSync(dirname(shot), { recursive: true });
rmSync(shot, { force: true }); // never leave a stale screenshot from an earlier run

const T = Number(process.env.UI_STEP_TIMEOUT_MS || 45000);
const checks = [];
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
async function check(name, fn) {
  const s = Date.now();
  try {
    const detail = await fn();
    checks.push({ name, ok: true, ms: Date.now() - s, detail });
    console.log(`[ui] ok   ${name} (${Date.now() - s} ms)${detail ? ': ' + detail : ''}`);
  } catch (e) {
    checks.push({ name, ok: false, ms: Date.now() - s, err: String(e.message || e).split('\n')[0] });
    console.log(`[ui] FAIL ${name}: ${String(e.message || e).split('\n').slice(0, 3).join(' | ')}`);
    throw e;
  }
}
const errorSquiggle = '.monaco-editor .view-overlays .squiggly-error';
const ROW_TOTAL = '表三「本年新收」行：自然人 3 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 3，但总计为 2（相差 1）';

const { page, close } = await launch();
const consoleLines = [];
page.on('console', m => consoleLines.push(m.text()));
page.on('pageerror', e => consoleLines.push(`[pageerror] ${e.stack || e}`));
try {
  await check('workbench shows the workspace folder', async () => {
    await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: T * 2 });
  });
  await check(`quick-open opens *${frag}*`, async () => {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget .quick-input-box input', { timeout: T }); // plain 'input' matches a checkbox
    await page.keyboard.insertText(frag);
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: T });
    await page.keyboard.press('Enter');
    const tab = page.locator('.tabs-container .tab.active');
    await tab.waitFor({ timeout: T });
    const title = (await tab.innerText()).trim();
    if (!title.includes(frag)) throw new Error(`active tab is "${title}"`);
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: T });
    return title;
  });
  await check('status bar item counts the report\'s problems', async () => {
    // 2024 report, 2021 tables; errors t3-row-total and t3-balance, warnings report-title, 7× section-numbering
    // and text-vs-table (the prose says 收到依申请公开事项 0 条, the slipped 本年新收 总计 says 2).
    const want = '年报 2024 · 2021版 · ✖ 2 ⚠ 9';
    const item = page.locator('.statusbar-item', { hasText: '年报 ' }).first();
    await item.waitFor({ timeout: T });
    let text = '';
    for (const end = Date.now() + T; Date.now() < end; await page.waitForTimeout(200)) {
      text = (await item.innerText()).replace(/\s+/g, ' ').trim();
      if (text === want) return text;
    }
    throw new Error(`status bar item says "${text}", expected "${want}"`);
  });
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: ROW_TOTAL }).first();
  await check('Problems panel lists the broken total', async () => {
    await page.keyboard.press('Control+Shift+M');
    await problem.waitFor({ timeout: T * 2 });
    const text = (await problem.innerText()).replace(/\s+/g, ' ').trim();
    for (const part of ['nianbao', 't3-row-total', '[Ln 53, Col 31]']) {
      if (!text.includes(part)) throw new Error(`row lacks "${part}": ${text}`);
    }
    return text;
  });
  await check('clicking it reveals the error squiggle on the total cell', async () => {
    // Click the message text at the row's left: the code is a link to the rule page, and
    // clicking it opens an "open external website?" dialog.
    await problem.locator('.marker-message-details, .marker-message').first().click({ position: { x: 8, y: 6 } });
    await page.waitForSelector(errorSquiggle, { timeout: T });
    return `${await page.locator(errorSquiggle).count()} error squiggle(s) in view`;
  });
  await check('hovering the squiggle shows the Chinese message', async () => {
    // The revealed cell is where the cursor is; other error squiggles (t3-balance) may be in view.
    // .hover() on a squiggle fails (the text layer intercepts), so move the mouse to its box.
    const cursor = await page.locator('.monaco-editor .cursors-layer .cursor').first().boundingBox();
    if (!cursor) throw new Error('no cursor in the editor');
    const boxes = await page.locator(errorSquiggle).evaluateAll(els => els.map(e => {
      const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height };
    }));
    const box = boxes.find(b => b.width > 2 && Math.abs(b.y + b.height / 2 - (cursor.y + cursor.height / 2)) < cursor.height / 2);
    if (!box) throw new Error(`no error squiggle on the cursor's line (cursor y ${cursor.y}, squiggles ${JSON.stringify(boxes)})`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(100);
    await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: ROW_TOTAL }).first();
    await hover.waitFor({ state: 'visible', timeout: T });
    const text = (await hover.innerText()).replace(/\s+/g, ' ').trim();
    if (!text.includes('t3-row-total')) throw new Error(`hover lacks the code: ${text.slice(0, 200)}`);
    return text.slice(0, 200);
  });
  await page.screenshot({ path: shot });
  console.log(`[ui] screenshot ${shot}`);
  if (forceFail('ui')) await check('HARNESS_FORCE_FAIL makes this layer fail', async () => { throw new Error('failing on purpose (HARNESS_FORCE_FAIL)'); });
} catch (e) {
  await page.screenshot({ path: join(outDir, 'ui-fail.png') }).catch(() => {});
  console.log(`[ui] failure screenshot ${join(outDir, 'ui-fail.png')}`);
} finally {
  writeFileSync(join(outDir, 'page-console.log'), consoleLines.join('\n') + '\n');
  await close();
}
const passed = checks.filter(c => c.ok).length, failed = checks.filter(c => !c.ok).length;
writeFileSync(join(outDir, 'checks.json'), JSON.stringify(checks, null, 2));
// The UI layer counts as one test in the aggregate; its checks are steps.
writeFileSync(join(outDir, 'counts.json'), JSON.stringify({ passed: failed ? 0 : 1, failed: failed ? 1 : 0 }));
console.log(`[ui] ${failed ? 'FAIL' : 'PASS'}: ${passed} passed, ${failed} failed checks (${secs()} s)`);
process.exit(failed ? 1 : 0);

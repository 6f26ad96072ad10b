// UI layer: the packaged extension (installed from nianbao.vsix by lib.sh) in the
// code-server web workbench, driven by headless Debian chromium.
//
//   node test/e2e/ui.mjs [BASE FOLDER FILEFRAG SHOT]
// Defaults: $BASE, $WS, $E2E_DIAG_NAME without .md ("2023年度报告"), $E2E_OUT/ui.png.
// Checks, in order: the workbench loads the folder; quick-open opens the report; the
// Problems panel (Ctrl+Shift+M) lists a row from source "nianbao"; clicking it reveals
// a squiggle in the editor; hovering the squiggle shows a hover; then a screenshot.
// Assertions are deliberately generic for now (any .squiggly-* decoration, any Problems
// row containing "nianbao").
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, forceFail } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outRoot = process.env.E2E_OUT || resolve(here, '../../.e2e/out');
const [base = process.env.BASE, folder = process.env.WS, frag = (process.env.E2E_DIAG_NAME || '2023年度报告.md').replace(/\.md$/, ''), shot = join(outRoot, 'ui.png')] = process.argv.slice(2);
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
const squiggle = '.monaco-editor .view-overlays [class*="squiggly-"]';

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
  await check('Problems panel lists a nianbao diagnostic', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'nianbao' }).first();
    await row.waitFor({ timeout: T * 2 });
    const n = await page.locator('.markers-panel .monaco-list-row', { hasText: 'nianbao' }).count();
    return `${n} row(s); first: ${(await row.innerText()).replace(/\s+/g, ' ').trim()}`;
  });
  await check('clicking the row reveals a squiggle in the editor', async () => {
    // The first diagnostic may be below the fold; Monaco renders decorations only for visible lines.
    // Click the message text at the row's left: the code (e.g. "conversion-artifact") is a
    // link to the rule page, and clicking it opens an "open external website?" dialog.
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'nianbao' }).first();
    const msg = row.locator('.marker-message-details, .marker-message').first();
    if (await msg.count()) await msg.click({ position: { x: 8, y: 6 } });
    else await row.click({ position: { x: 80, y: 10 } });
    await page.waitForSelector(squiggle, { timeout: T });
    return await page.locator(squiggle).first().getAttribute('class');
  });
  await check('hovering the squiggle shows the diagnostic', async () => {
    // .hover() on the squiggle fails (the text layer intercepts), so move the mouse to its box.
    const boxes = await page.locator(squiggle).evaluateAll(els => els.map(e => {
      const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height };
    }));
    const box = boxes.find(b => b.width > 2 && b.height > 2);
    if (!box) throw new Error('no squiggle with a usable bounding box');
    await page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2);
    await page.waitForTimeout(100);
    await page.mouse.move(box.x + Math.min(box.width / 2, 20) + 1, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .marker.hover-contents').first();
    await hover.waitFor({ state: 'visible', timeout: T });
    const text = (await page.locator('.monaco-hover:not(.hidden)').first().innerText()).replace(/\s+/g, ' ').trim();
    if (!/nianbao/.test(text)) throw new Error(`hover has no "nianbao": ${text.slice(0, 200)}`);
    return text.slice(0, 160);
  });
  await check('status bar (informational)', async () => {
    const items = await page.locator('.statusbar-item').allInnerTexts();
    return items.map(s => s.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ').slice(0, 300);
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

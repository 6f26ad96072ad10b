// UI layer: the packaged extension (installed from nianbao.vsix by lib.sh) in the
// code-server web workbench, driven by headless Debian chromium.
//
//   node test/e2e/ui.mjs [BASE FOLDER FILEFRAG SHOT]
// Defaults: $BASE, $WS, "2024年度报告-总计有误" (seed 001 with one slip in 表三, written by
// test/e2e/workspace.ts), $E2E_OUT/ui.png.
// Checks, in order: the workbench loads the folder; quick-open opens the report; the status
// bar item counts its problems (one error); the Problems panel (Ctrl+Shift+M) lists the t3-cell
// error; clicking it reveals the one red squiggle, on the mistyped cell; hovering that squiggle
// shows the Chinese message; then a screenshot of the editor with the hover open. Then the 年报汇总
// view: the command opens it with a row per report and a chart per organ with several years
// (screenshot $E2E_OUT/ui-summary.png); in a dark theme it takes dark colours (ui-summary-dark.png,
// the one in docs/images/); a header sorts the rows; a report changed on disk, and typing in an
// open one, show in the table; a row's link opens its report. Last, back on the slip, the quick
// fix (Ctrl+.) writes the value back, the squiggle goes, and a screenshot (ui-fixed.png).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, forceFail } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outRoot = process.env.E2E_OUT || resolve(here, '../../.e2e/out');
const [base = process.env.BASE, folder = process.env.WS, frag = '2024年度报告-总计有误', shot = join(outRoot, 'ui.png')] = process.argv.slice(2);
const summaryShot = join(dirname(shot), 'ui-summary.png');
if (!base || !folder) { console.error('usage: ui.mjs BASE FOLDER [FILEFRAG SHOT]'); process.exit(2); }
const outDir = join(outRoot, 'ui');
mkdirSync(outDir, { recursive: true });
mkdirSync(dirname(shot), { recursive: true });
rmSync(shot, { force: true }); // never leave a stale screenshot from an earlier run
rmSync(summaryShot, { force: true });

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
const SLIP = '表三「本年新收 × 总计」为 2，按本行各项合计和本列勾稽关系应为 3';

/** Runs the command whose palette label is exactly `label` (typing it also lists near matches). */
async function palette(label) {
  await page.keyboard.press('Control+Shift+P');
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { timeout: T });
  await page.keyboard.insertText(label);
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
  await row.click({ timeout: T });
}

/** Text of the table's body, row by row, cell by cell (whitespace squeezed). */
const tableRows = view => view.locator('table.summary tbody tr').evaluateAll(trs =>
  trs.map(tr => [...tr.cells].map(td => td.innerText.replace(/\s+/g, ' ').trim())));

async function summaryView() {
  // The webview's page sits in an iframe inside the workbench's webview iframe.
  const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const REPORTS = 13;
  await check('the 年报汇总 command opens the view: a row per report, a chart per organ with several years', async () => {
    await page.keyboard.press('Escape');
    await palette('View: Close All Editors');
    await palette('View: Hide Panel');
    await palette('Nianbao: Summary of Annual Reports (年报汇总)');
    const rows = view.locator('table.summary tbody tr');
    await rows.nth(REPORTS - 1).waitFor({ timeout: T * 2 });
    const n = await rows.count();
    if (n !== REPORTS) throw new Error(`${n} rows, expected ${REPORTS}`);
    const captions = await view.locator('figure.chart figcaption').allInnerTexts();
    if (captions.join('、') !== '车排子镇、胡集街道') throw new Error(`charts for ${captions.join('、')}`);
    // Chart.js drew on both canvases (a blocked script or style would leave them blank).
    const drawn = await view.locator('figure.chart canvas').evaluateAll(cs => cs.map(c => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink++;
      return ink;
    }));
    if (drawn.length !== 2 || drawn.some(ink => ink < 500)) throw new Error(`canvas pixels drawn: ${drawn}`);
    const broken = (await tableRows(view)).find(r => r[0] === '2024年度报告-总计有误.md');
    if (broken?.join(' ') !== '2024年度报告-总计有误.md 胡集镇 2024 2021版 2 0 0 3 0 0 1 8') throw new Error(`row ${broken}`);
    const red = await view.locator('tr', { hasText: '2024年度报告-总计有误.md' }).locator('.count.error').evaluate(e => getComputedStyle(e).backgroundColor);
    if (!/^rgb/.test(red) || red === 'rgba(0, 0, 0, 0)') throw new Error(`error count not coloured: ${red}`);
    // The page's policy lets only the nonce-tagged bundle run: an injected inline script does not.
    const csp = await view.locator('body').evaluate(() => {
      const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '';
      const probe = document.createElement('script');
      probe.textContent = 'window.inlineRan = true';
      document.body.append(probe);
      return { policy, inlineRan: window.inlineRan === true };
    });
    if (!/default-src 'none'/.test(csp.policy) || !/script-src 'nonce-[\w+/=]{16,}'(;|$)/.test(csp.policy) || /unsafe/.test(csp.policy) || csp.inlineRan) {
      throw new Error(`policy "${csp.policy}", inline script ran: ${csp.inlineRan}`);
    }
    return `${n} rows, charts ${captions.join('、')}, error badge ${red}; CSP ${csp.policy}`;
  });
  // The view alone, without the side bar, tall enough for the table and the charts.
  await palette('View: Toggle Primary Side Bar Visibility');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  await page.screenshot({ path: summaryShot });
  console.log(`[ui] screenshot ${summaryShot}`);

  await check('in a dark theme the view takes the editor\'s dark colours, the charts too', async () => {
    const colours = () => view.locator('body').evaluate(b => ({
      body: b.className,
      text: getComputedStyle(document.querySelector('table.summary td')).color,
      background: getComputedStyle(b).backgroundColor,
      chart: document.querySelector('figure.chart canvas').toDataURL(),
    }));
    const light = await colours();
    await palette('Preferences: Color Theme');
    await page.keyboard.insertText('Dark Modern');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().click({ timeout: T });
    for (const end = Date.now() + T; ; await page.waitForTimeout(200)) {
      const dark = await colours();
      if (dark.body.includes('vscode-dark') && dark.text !== light.text && dark.background !== light.background && dark.chart !== light.chart) {
        await page.screenshot({ path: join(dirname(shot), 'ui-summary-dark.png') });
        return `${light.text} on ${light.background} → ${dark.text} on ${dark.background}`;
      }
      if (Date.now() > end) throw new Error(`body ${dark.body}, text ${dark.text} on ${dark.background}, chart ${dark.chart === light.chart ? 'unchanged' : 'redrawn'}`);
    }
  });
  await check('a header sorts the rows, again the other way', async () => {
    const received = async () => (await tableRows(view)).map(r => r[4]);
    const header = view.locator('th button', { hasText: '本年新收' });
    await header.click();
    let got = await received();
    if (got.join(',') !== [...got].sort((a, b) => a - b).join(',')) throw new Error(`ascending? ${got}`);
    await header.click();
    got = await received();
    if (got[0] !== '5' || got.join(',') !== [...got].sort((a, b) => b - a).join(',')) throw new Error(`descending? ${got}`);
    await view.locator('th button', { hasText: '机关' }).click();
    return got.join(',');
  });
  await check('a report changed on disk shows in the table', async () => {
    const file = join(folder, '跨年度', '车排子镇2021年报.md');
    const row = '一、本年新收政府信息公开申请数量\t\t3\t1\t0\t0\t0\t0\t4\t';
    const text = readFileSync(file, 'utf8');
    if (!text.includes(row)) throw new Error('fixture row not found');
    writeFileSync(file, text.replace(row, row.replace(/4\t$/, '8\t')));
    const cells = view.locator('tr', { hasText: '跨年度/车排子镇2021年报.md' }).locator('td');
    for (const end = Date.now() + T; ; await page.waitForTimeout(200)) {
      const [received, errors] = [await cells.nth(4).innerText(), await cells.nth(10).innerText()];
      if (received === '8' && errors === '1') return `本年新收 ${received}, 错误 ${errors}`;
      if (Date.now() > end) throw new Error(`still 本年新收 ${received}, 错误 ${errors}`);
    }
  });
  await check('a row\'s link opens its report', async () => {
    await view.locator('a', { hasText: '跨年度/车排子镇2022年报.md' }).click();
    const tab = page.locator('.tabs-container .tab', { hasText: '车排子镇2022年报.md' });
    await tab.waitFor({ timeout: T });
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: T });
    return (await tab.innerText()).trim();
  });
  await check('typing in that report (unsaved) shows in the table beside it', async () => {
    // 表三 一、本年新收 × 总计 is at line 50, column 31: "2" becomes "7".
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget .quick-input-box input', { timeout: T });
    await page.keyboard.insertText('50:31');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.insertText('7');
    const cells = view.locator('tr', { hasText: '跨年度/车排子镇2022年报.md' }).locator('td');
    for (const end = Date.now() + T; ; await page.waitForTimeout(200)) {
      const [received, errors] = [await cells.nth(4).innerText(), await cells.nth(10).innerText()];
      if (received === '7' && errors === '1') return `本年新收 ${received}, 错误 ${errors}`;
      if (Date.now() > end) throw new Error(`still 本年新收 ${received}, 错误 ${errors}`);
    }
  });
}

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
    // 2024 report, 2021 tables; one error (t3-cell, the one slip), warnings report-title and 7× section-numbering.
    const want = '年报 2024 · 2021版 · ✖ 1 ⚠ 8';
    const item = page.locator('.statusbar-item', { hasText: '年报 ' }).first();
    await item.waitFor({ timeout: T });
    let text = '';
    for (const end = Date.now() + T; Date.now() < end; await page.waitForTimeout(200)) {
      text = (await item.innerText()).replace(/\s+/g, ' ').trim();
      if (text === want) return text;
    }
    throw new Error(`status bar item says "${text}", expected "${want}"`);
  });
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: SLIP }).first();
  await check('Problems panel lists the one slip', async () => {
    await page.keyboard.press('Control+Shift+M');
    await problem.waitFor({ timeout: T * 2 });
    const text = (await problem.innerText()).replace(/\s+/g, ' ').trim();
    for (const part of ['nianbao', 't3-cell', '[Ln 53, Col 31]']) {
      if (!text.includes(part)) throw new Error(`row lacks "${part}": ${text}`);
    }
    return text;
  });
  await check('clicking it reveals the error squiggle on the total cell', async () => {
    // Click the message text at the row's left: the code is a link to the rule page, and
    // clicking it opens an "open external website?" dialog.
    await problem.locator('.marker-message-details, .marker-message').first().click({ position: { x: 8, y: 6 } });
    await page.waitForSelector(errorSquiggle, { timeout: T });
    // One slip, one squiggle: the row total and the column balance are not marked as well.
    const count = await page.locator(errorSquiggle).count();
    if (count !== 1) throw new Error(`${count} error squiggles in view, expected the one on the mistyped cell`);
    return `${count} error squiggle in view`;
  });
  await check('hovering the squiggle shows the Chinese message', async () => {
    // The revealed cell is where the cursor is.
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
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: SLIP }).first();
    await hover.waitFor({ state: 'visible', timeout: T });
    const text = (await hover.innerText()).replace(/\s+/g, ' ').trim();
    if (!text.includes('t3-cell')) throw new Error(`hover lacks the code: ${text.slice(0, 200)}`);
    return text.slice(0, 200);
  });
  await page.screenshot({ path: shot });
  console.log(`[ui] screenshot ${shot}`);
  await summaryView();
  await check('the quick fix writes back 3 and the table adds up: no error squiggle is left', async () => {
    // Back in the report (the summary took the editor area), the cursor on the mistyped cell, line 53 column 31.
    await page.keyboard.press('Escape');
    for (const [keys, typed] of [['Control+P', frag], ['Control+G', '53:31']]) {
      await page.keyboard.press(keys);
      await page.waitForSelector('.quick-input-widget .quick-input-box input', { timeout: T });
      await page.keyboard.insertText(typed);
      if (keys === 'Control+P') await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: frag }).first().waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      if (keys === 'Control+P') await page.locator('.tabs-container .tab.active', { hasText: frag }).waitFor({ timeout: T });
    }
    await page.waitForSelector(errorSquiggle, { timeout: T });
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: '将本年新收 × 总计改为 3' }).first();
    await fix.waitFor({ timeout: T });
    // The fix is the first quick fix, focused when the menu opens (a click is taken by the list's overlay).
    const focused = (await page.locator('.action-widget .monaco-list-row.focused').first().innerText()).trim();
    if (!focused.includes('将本年新收 × 总计改为 3')) throw new Error(`the focused action is "${focused}"`);
    await page.keyboard.press('Enter');
    for (const end = Date.now() + T; Date.now() < end; await page.waitForTimeout(200)) {
      if (await page.locator(errorSquiggle).count() === 0) {
        await page.screenshot({ path: join(outDir, 'ui-fixed.png') });
        return 'no error squiggle after the fix';
      }
    }
    throw new Error(`${await page.locator(errorSquiggle).count()} error squiggles left after the fix`);
  });
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

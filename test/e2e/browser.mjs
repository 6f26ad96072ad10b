// Shared headless-chromium launcher for the code-server layers (Debian /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function launch() {
  const udd = mkdtempSync(join(tmpdir(), 'nianbao-chromium-'));
  const ctx = await chromium.launchPersistentContext(udd, { // '--user-data-dir' in args is rejected by Playwright
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    // else crashpad writes ~/.config/chromium
    env: { ...process.env, XDG_CONFIG_HOME: `${udd}/xdg`, XDG_CACHE_HOME: `${udd}/xdg` },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });
  const close = async () => { await ctx.close().catch(() => {}); rmSync(udd, { recursive: true, force: true }); };
  return { ctx, page: ctx.pages()[0] || await ctx.newPage(), close };
}

export function forceFail(layer) {
  const v = process.env.HARNESS_FORCE_FAIL || '';
  return v === '1' || v === 'all' || v.split(',').includes(layer);
}

/** Headless Chromium with a fresh profile, the way the browser tests and the bench drive it. */
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface FreshBrowser {
  context: BrowserContext;
  /** The profile folder (the browser's processes carry it on their command line). */
  profile: string;
  close(): Promise<void>;
}

export async function freshBrowser(): Promise<FreshBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'gongkai-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    // CHROMIUM_FLAGS: extra switches for a measurement (README, the wasm code cache), never for tests.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...(process.env.CHROMIUM_FLAGS?.split(' ').filter(Boolean) ?? [])],
  });
  return {
    context,
    profile,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

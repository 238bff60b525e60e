/**
 * What the browser tests share: where Debian's Chromium is, whether to skip, the flags it runs
 * with here, and the check that every chart of a report page has settled.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (.ci/run installs it). */
export const CHROMIUM = '/usr/bin/chromium';
/** CAREFLOW_SKIP_BROWSER=1 skips the browser tests. */
export const SKIP = process.env.CAREFLOW_SKIP_BROWSER === '1';
/** Flags that work as root on a machine with no network. */
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** True in the page once every chart has been drawn or has failed (a string: it runs in the browser). */
export const ALL_CHARTS_SETTLED = "[...document.querySelectorAll('[data-chart]')].every((e) => e.hasAttribute('data-rendered'))";

/** A Chromium of its own (a fresh --user-data-dir), and how to close it and remove its folder. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), or set CAREFLOW_SKIP_BROWSER=1 to skip this test`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'careflow-chromium-'));
  // A persistent context is how playwright takes a fresh --user-data-dir of our own.
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

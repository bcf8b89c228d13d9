/**
 * Debian's chromium driven by playwright-core (never a downloaded browser). Missing chromium
 * skips the browser tests with one line, unless AFTERVIEW_REQUIRE_SYSTEM_DEPS=1 makes it a failure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can. */
export function browserUnavailable(): string | null {
  if (existsSync(CHROMIUM)) return null;
  if (process.env.AFTERVIEW_REQUIRE_SYSTEM_DEPS === '1') return null; // let launch fail loudly
  return `skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`;
}

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'afterview-chromium-'));
  // A fresh profile per run: launchPersistentContext is how Playwright takes a --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport: { width: 1200, height: 900 },
    locale: 'en-GB',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

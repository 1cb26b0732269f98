/**
 * Debian's chromium (never a downloaded one), headless, driven by playwright-core, with a throwaway profile that is
 * removed once the browser has closed. Every browser test of the review tool opens it the same way:
 *
 *   browser = await openChromium();          // or openChromium({ width: 900, height: 760 })
 *   const page = await browser.newPage();
 *   afterAll(() => browser?.close());
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const QUIET_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface HeadlessChromium {
  newPage(): Promise<Page>;
  /** Closes the browser, then removes its profile. */
  close(): Promise<void>;
}

export async function openChromium(viewport = { width: 1440, height: 900 }): Promise<HeadlessChromium> {
  const profile = mkdtempSync(path.join(tmpdir(), 'replique-chromium-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS, viewport });
    return {
      newPage: () => context.newPage(),
      close: async () => {
        await context.close();
        removeProfile();
      },
    };
  } catch (error) {
    removeProfile();
    throw error;
  }
}

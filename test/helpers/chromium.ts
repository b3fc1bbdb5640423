// Debian's chromium, driven by playwright-core (no browser download), for the tests that open
// govern's HTML documents: one launch with the flags this machine's closed network needs, and the
// console errors and requests a page made while it was open.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Where Debian's chromium package puts the browser (.ci/run installs it). */
export const CHROMIUM = '/usr/bin/chromium';

/** True when the browser is here; the browser tests skip, and say so, when it is not. */
export const chromiumAvailable = existsSync(CHROMIUM);

/**
 * Opens a local HTML file at the viewport given and runs `use` on the page. Returns what `use` returns,
 * the console errors and page errors, and every request other than the file itself.
 */
export async function withPage<T>(
  file: string,
  viewport: { width: number; height: number },
  use: (page: Page) => Promise<T>,
): Promise<{ result: T; errors: string[]; requests: string[] }> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
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
  try {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (r.url() !== `file://${file}`) requests.push(r.url());
    });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    return { result: await use(page), errors, requests };
  } finally {
    await browser.close();
  }
}

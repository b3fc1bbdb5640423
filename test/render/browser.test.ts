import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, renderDoc } from './helpers.js';

/**
 * Opens each HTML document in Debian's chromium (driven by playwright-core, no
 * download): no console errors, no network request of any kind, and a
 * screenshot. With GOVERN_UPDATE_SCREENSHOTS=1 the screenshots go to
 * docs/images/ (the README shows them); otherwise to a temporary folder.
 */
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`SKIPPED browser tests: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it)`);

const out = process.env.GOVERN_UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs/images') : mkdtempSync(path.join(tmpdir(), 'govern-shots-'));
afterAll(() => {
  if (process.env.GOVERN_UPDATE_SCREENSHOTS !== '1') rmSync(out, { recursive: true, force: true });
});

describe.skipIf(!available)('HTML documents in a real browser (chromium)', () => {
  it.each(['review-pack', 'contract-summary'] as const)('%s: no console errors, no network, screenshot saved', async (doc) => {
    const { chromium } = await import('playwright-core');
    mkdirSync(out, { recursive: true });
    const file = path.join(out, `${doc}.html`);
    writeFileSync(file, renderDoc(EXAMPLE, doc, 'html'));
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
      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
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
      // No JavaScript is needed or present; the review pack has its charts: the heat map, the compliance bars and one trend per KPI.
      expect(await page.locator('script').count()).toBe(0);
      if (doc === 'review-pack') expect(await page.locator('svg').count()).toBe(2 + 5);
      const png = path.join(out, `${doc}.png`);
      await page.screenshot({ path: png, clip: { x: 0, y: 0, width: 1100, height: 1400 } });
      const pdf = await page.pdf({ format: 'A4' });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(statSync(png).size).toBeGreaterThan(20_000);
      expect(pdf.byteLength).toBeGreaterThan(20_000);
    } finally {
      await browser.close();
      if (process.env.GOVERN_UPDATE_SCREENSHOTS === '1') rmSync(file, { force: true });
    }
  });
});

import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumAvailable as available, withPage } from '../helpers/chromium.js';
import { EXAMPLE, ROOT, renderDoc } from './helpers.js';

/**
 * Opens each HTML document in Debian's chromium (driven by playwright-core, no
 * download): no console errors, no network request of any kind, and a
 * screenshot. With GOVERN_UPDATE_SCREENSHOTS=1 the screenshots go to
 * docs/images/ (the README shows them); otherwise to a temporary folder.
 */
if (!available) console.warn(`SKIPPED browser tests: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it)`);

const out = process.env.GOVERN_UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs/images') : mkdtempSync(path.join(tmpdir(), 'govern-shots-'));
afterAll(() => {
  if (process.env.GOVERN_UPDATE_SCREENSHOTS !== '1') rmSync(out, { recursive: true, force: true });
});

describe.skipIf(!available)('HTML documents in a real browser (chromium)', () => {
  it.each(['review-pack', 'contract-summary'] as const)('%s: no console errors, no network, screenshot saved', async (doc) => {
    mkdirSync(out, { recursive: true });
    const file = path.join(out, `${doc}.html`);
    writeFileSync(file, renderDoc(EXAMPLE, doc, 'html'));
    const png = path.join(out, `${doc}.png`);
    try {
      const {
        result: pdf,
        errors,
        requests,
      } = await withPage(file, { width: 1100, height: 1400 }, async (page) => {
        // No JavaScript is needed or present; the review pack has its charts: the heat map, the compliance bars and one trend per KPI.
        expect(await page.locator('script').count()).toBe(0);
        if (doc === 'review-pack') expect(await page.locator('svg').count()).toBe(2 + 5);
        await page.screenshot({ path: png, clip: { x: 0, y: 0, width: 1100, height: 1400 } });
        return page.pdf({ format: 'A4' });
      });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(statSync(png).size).toBeGreaterThan(20_000);
      expect(pdf.byteLength).toBeGreaterThan(20_000);
    } finally {
      if (process.env.GOVERN_UPDATE_SCREENSHOTS === '1') rmSync(file, { force: true });
    }
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import type { Portfolio } from '../../src/render/portfolio.js';
import { CHROMIUM, chromiumAvailable as available, withPage } from '../helpers/chromium.js';
import { ROOT } from '../render/helpers.js';

/**
 * The portfolio page in Debian's chromium (playwright-core, no download): no console error, no request,
 * prints to A4 landscape; also with 1 000 rows. GOVERN_UPDATE_SCREENSHOTS=1 writes docs/images/portfolio.png.
 */
if (!available) console.warn(`SKIPPED portfolio browser tests: ${CHROMIUM} is missing (apt-get install -y chromium)`);
const out = mkdtempSync(path.join(tmpdir(), 'govern-portfolio-shots-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function render(args: string[]): Promise<string> {
  const io = memoryIo(['render', 'portfolio', 'examples/portfolio', '--period', '2026-Q3', '--today', '2026-11-15', ...args], { cwd: ROOT, env: {}, stdoutIsTTY: false });
  expect(await run(io)).toBe(0);
  return io.out();
}

async function open(file: string, check: (page: import('playwright-core').Page) => Promise<void>): Promise<{ errors: string[]; requests: string[]; pdf: Buffer }> {
  const {
    result: pdf,
    errors,
    requests,
  } = await withPage(file, { width: 1500, height: 1000 }, async (page) => {
    await check(page);
    return page.pdf({ format: 'A4', landscape: true });
  });
  return { errors, requests, pdf };
}

describe.skipIf(!available)('the portfolio in a real browser (chromium)', () => {
  it('examples/portfolio: no console error, no request, no script, a chart, prints to A4 landscape', async () => {
    const file = path.join(out, 'portfolio.html');
    writeFileSync(file, await render(['--format', 'html']));
    const r = await open(file, async (page) => {
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('#chart svg').count()).toBe(1);
      expect(await page.locator('table.portfolio tbody tr').count()).toBe(3);
      // The row most in need of attention is first, and its number links to itself.
      expect(await page.locator('table.portfolio tbody tr').first().getAttribute('id')).toBe('p-broken-umbrella');
      const shot = process.env.GOVERN_UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs/images/portfolio.png') : path.join(out, 'portfolio.png');
      mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(20_000);
    });
    expect(r.errors).toEqual([]);
    expect(r.requests).toEqual([]);
    // A4 landscape: the first page's MediaBox is 842 × 595 points.
    expect(r.pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 84[12](\.\d+)? 59[456](\.\d+)?\]/);
  });

  it('1 000 rows: loads without error, every row anchored, prints', async () => {
    const portfolio = JSON.parse(await render(['--format', 'json'])) as Portfolio;
    const template = portfolio.rows.find((r) => r.figures !== null)!;
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      ...template,
      rank: i + 1,
      anchor: `p-row-${i}`,
      partnership: { ...template.partnership, id: `row-${i}`, name: `Partnership ${i}` },
    }));
    // The JSON is the view-model the templates get: rendered with a user template of the same text.
    const tmp = mkdtempSync(path.join(out, 'big-'));
    mkdirSync(path.join(tmp, 'templates'), { recursive: true });
    writeFileSync(path.join(tmp, 'view.json'), JSON.stringify({ ...portfolio, rows }));
    const { createRenderer } = await import('../../src/render/environment.js');
    const { readTemplateFolder, builtinTemplatesDir } = await import('../../src/io/read-templates.js');
    const { buildCatalog } = await import('../../src/render/templates.js');
    const catalog = buildCatalog(readTemplateFolder(builtinTemplatesDir(), (a) => a).files, []);
    const html = createRenderer('html', catalog.templates, catalog.partials).render('portfolio', JSON.parse(readFileSync(path.join(tmp, 'view.json'), 'utf8')));
    const file = path.join(tmp, 'big.html');
    writeFileSync(file, html);
    const r = await open(file, async (page) => {
      expect(await page.locator('table.portfolio tbody tr').count()).toBe(1000);
      expect(await page.locator('#p-row-999').count()).toBe(1);
    });
    expect(r.errors).toEqual([]);
    expect(r.requests).toEqual([]);
    expect(r.pdf.byteLength).toBeGreaterThan(100_000);
  }, 120_000);
});

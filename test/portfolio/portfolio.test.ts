import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { attention, type Portfolio, type PortfolioFigures } from '../../src/render/portfolio.js';
import { ROOT, tables } from '../render/helpers.js';
import { writeTree } from './tree.js';

const tree = writeTree();
afterAll(() => rmSync(tree, { recursive: true, force: true }));

async function govern(args: string[], cwd = tree) {
  const io = memoryIo(args, { cwd, env: {}, stdoutIsTTY: false });
  const code = await run(io);
  return { code, out: io.out(), err: io.err() };
}
const base = ['render', 'portfolio', '.', '--period', '2026-Q3', '--today', '2026-11-15'];

async function json(): Promise<Portfolio> {
  const r = await govern([...base, '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Portfolio;
}

describe('govern render portfolio', () => {
  it('Markdown over four partnerships (snapshot)', async () => {
    const r = await govern(base);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatchSnapshot();
  });

  it('orders the rows by attention: check errors, then the breached one with a credit, then no measurements, then the clean one', async () => {
    const p = await json();
    expect(p.rows.map((r) => [r.rank, r.partnership.id, r.status])).toEqual([
      [1, 'broken', 'errors'],
      [2, 'south', 'red'],
      [3, 'quiet', 'unmeasured'],
      [4, 'north', 'green'],
    ]);
    for (let i = 1; i < p.rows.length; i++) expect(p.rows[i - 1]!.score).toBeGreaterThanOrEqual(p.rows[i]!.score);
    expect(p.counts).toEqual({ partnerships: 4, red: 1, amber: 0, green: 1, errors: 1, unmeasured: 1 });
  });

  it('a partnership with check errors is listed with its error count and first findings, never with figures', async () => {
    const broken = (await json()).rows[0]!;
    expect(broken.figures).toBeNull();
    expect(broken.findings.errors).toBe(2);
    expect(broken.firstFindings.map((f) => [f.file, f.line, f.ruleId])).toEqual([
      ['broken/slas.yaml', 4, 'ref/unknown-calendar'],
      ['broken/slas.yaml', 6, 'sla/resolution-before-response'],
    ]);
  });

  it('shows the breaches, the credit and the notice day of the Sydney partnership, from its review pack', async () => {
    const south = (await json()).rows.find((r) => r.partnership.id === 'south')!;
    expect(south.figures!.breaches).toEqual(['INC-1', 'INC-2']);
    // 3 h down of July's 744 h: 99.597 % < 99.9 %, 10 % of the 10 000 AUD fee.
    expect(south.figures!.creditsOwed).toEqual([{ amount: 1000, currency: 'AUD' }]);
    expect(south.figures!.noticeBy).toBe('2026-12-02');
    expect(south.figures!.noticeInDays).toBe(17);
    expect(south.reasons[0]).toBe('2 SLA targets missed');
  });

  it('totals credits per currency, never adding one currency to another', async () => {
    const p = await json();
    expect(p.totals).toEqual([
      { currency: 'AUD', creditsOwed: 1000, partnerships: 1, owing: 1 },
      { currency: 'EUR', creditsOwed: 0, partnerships: 1, owing: 0 },
    ]);
  });

  it('--format json is valid against schemas/portfolio.schema.json', async () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/portfolio.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const p = await json();
    expect(validate(p), JSON.stringify(validate.errors)).toBe(true);
    // The schema is not loose: a made-up status fails.
    expect(validate({ ...p, rows: [{ ...p.rows[0]!, status: 'purple' }] })).toBe(false);
  });

  it('Markdown tables parse: a row per partnership with every column, names escaped', async () => {
    const r = await govern(base);
    // Only the tables: what follows the last one is not a row of it.
    const [totals, rows] = tables(r.out.slice(0, r.out.indexOf('\n\n### ')));
    expect(totals!.header).toEqual(['Currency', 'Partnerships', 'Credits owed', 'Owed by']);
    expect(rows!.rows).toHaveLength(4);
    for (const row of rows!.rows) expect(row.cells).toHaveLength(rows!.header.length);
    expect(rows!.rows[0]!.cells[1]).toContain('Broken \\<b\\>bold\\</b\\> one');
    expect(rows!.rows[1]!.cells[6]).toBe('1,000.00 AUD');
  });

  it('HTML escapes names, has anchors per row, and no script', async () => {
    const r = await govern([...base, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Broken &lt;b&gt;bold&lt;/b&gt; one');
    expect(r.out).not.toContain('<b>bold');
    expect(r.out).toContain('<tr id="p-south">');
    expect(r.out).toContain('<a href="#p-south">2</a>');
    expect(r.out).not.toMatch(/<script/i);
    expect(r.out).toContain('size: A4 landscape');
  });

  it("--packs renders every measured partnership's review pack alongside, linked from its row", async () => {
    const out = path.join(tree, 'round');
    const r = await govern([...base, '--format', 'html', '--out', 'round/portfolio.html', '--packs', 'round/packs']);
    expect(r.err).toBe('govern: wrote round/portfolio.html and 2 review packs in round/packs\n');
    expect(readdirSync(path.join(out, 'packs')).sort()).toEqual(['north.html', 'south.html']);
    const html = readFileSync(path.join(out, 'portfolio.html'), 'utf8');
    expect(html).toContain('<a href="packs/south.html">Wallaby &amp; Co&#x27;s &#x27;Harbour&#x27; desk</a>');
    expect(readFileSync(path.join(out, 'packs/south.html'), 'utf8')).toContain('INC-1');
    // Once written, a second round refuses every file that exists, and writes none.
    writeFileSync(path.join(out, 'portfolio.html'), 'mine');
    rmSync(path.join(out, 'packs/north.html'));
    const again = await govern([...base, '--format', 'html', '--out', 'round/portfolio.html', '--packs', 'round/packs']);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/2 of 3 files cannot be written; nothing was written/);
    expect(readFileSync(path.join(out, 'portfolio.html'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(out, 'packs/north.html'))).toBe(false);
  });

  it('--packs needs --out, and is for the portfolio only', async () => {
    expect((await govern([...base, '--packs', 'p'])).err).toMatch(/--packs writes files: name the portfolio with --out/);
    mkdirSync(path.join(tree, 'x'), { recursive: true });
    expect((await govern(['render', 'contract-summary', 'north', '--packs', 'p'])).code).toBe(2);
  });

  it('without --period it is a usage error', async () => {
    const r = await govern(['render', 'portfolio', '.']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the portfolio needs --period/);
  });

  it("--data json prints any document's view-model instead of the document", async () => {
    const pack = await govern(['render', 'review-pack', 'south', '--period', '2026-Q3', '--today', '2026-11-15', '--data', 'json']);
    expect(pack.code).toBe(0);
    expect((JSON.parse(pack.out) as { kind: string }).kind).toBe('review-pack');
    const summary = await govern(['render', 'contract-summary', 'north', '--data', 'json', '--today', '2026-11-15']);
    expect((JSON.parse(summary.out) as { kind: string; partnership: { name: string } }).partnership.name).toBe('Fjord hosting');
    const portfolio = await govern([...base, '--data', 'json']);
    expect((JSON.parse(portfolio.out) as Portfolio).kind).toBe('portfolio');
  });
});

describe('the attention score', () => {
  const figures = fc.record<PortfolioFigures>({
    compliance: fc.constant(null),
    slaMissed: fc.nat(5),
    slaTargets: fc.constant(5),
    availability: fc.constant(null),
    availabilityMissed: fc.nat(3),
    breaches: fc.array(fc.string(), { maxLength: 5 }),
    creditsOwed: fc.array(fc.record({ amount: fc.double({ min: 0.01, max: 1e6, noNaN: true }), currency: fc.constantFrom('EUR', 'USD') }), { maxLength: 2 }),
    currency: fc.constant('EUR'),
    contractEnd: fc.constant(null),
    endInDays: fc.constant(null),
    noticeBy: fc.constant(null),
    noticeInDays: fc.option(fc.integer({ min: -400, max: 400 })),
    openActions: fc.constant(10),
    overdueActions: fc.nat(10),
    highRisks: fc.array(fc.record({ id: fc.string(), title: fc.string(), score: fc.integer({ min: 15, max: 25 }) }), { maxLength: 3 }),
    kpis: fc.record({ green: fc.nat(5), amber: fc.nat(5), red: fc.nat(5), none: fc.nat(5) }),
  });

  it('one more missed SLA target never lowers the score, and always makes the partnership red', () => {
    fc.assert(
      fc.property(figures, fc.nat(5), (f, w) => {
        const worse = attention({ ...f, slaMissed: f.slaMissed + 1 }, w);
        expect(worse.score).toBeGreaterThan(attention(f, w).score);
        expect(worse.status).toBe('red');
      }),
    );
  });

  it('green only when nothing is raised but warnings and open actions', () => {
    fc.assert(
      fc.property(figures, fc.nat(5), (f, w) => {
        const a = attention(f, w);
        if (a.status === 'green') {
          expect(f.slaMissed + f.availabilityMissed + f.kpis.red + f.kpis.amber + f.overdueActions + f.breaches.length + f.highRisks.length).toBe(0);
          expect(f.creditsOwed).toEqual([]);
        }
      }),
    );
  });
});

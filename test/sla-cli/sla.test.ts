import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyLite, govern, LITE, ROOT, TREE } from './helpers.js';

// Every number below is worked out by hand from test/fixtures/sla/lite (see the comments in its
// measurements/*.yaml). Availability and compliance are truncated to 4 decimals in JSON.

describe('govern sla --format json', () => {
  it('reports October 2026 with the numbers worked out by hand', async () => {
    const { code, out, err } = await govern(['sla', LITE, '--period', '2026-10', '--format', 'json', '--today', '2026-11-15']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      partnership: 'lite',
      period: '2026-10',
      monthsLeftOut: [],
      monthsRunning: [],
      services: [
        {
          service: 'hosting',
          name: 'Managed hosting',
          // October in Berlin: 31 × 24 h + 1 h (summer time ends on the 25th) = 745 h = 44,700 min.
          // Down: 02:10–02:55 and 02:40–03:10 UTC overlap → 02:10–03:10 = 60 min; the planned window does not count.
          // (1 − 60 / 44,700) × 100 = 99.86577… → 99.8657; under 99.9 but not under 99.5: 5 % of 10,000 = 500.
          availability: 99.8657,
          availabilityTarget: 99.9,
          creditPercent: 5,
          creditAmount: 500,
          currency: 'EUR',
          downMinutes: 60,
          serviceMinutes: 44_700,
          priorities: [
            // INC-1 met (8m ≤ 15m; 168m − 60m stop = 108m ≤ 240m); INC-2 breached (21:00Z → 01:30Z = 270m > 240m).
            { priority: 'P1', incidents: 2, met: 1, compliance: 50, target: 95, breached: ['INC-2'], open: [] },
          ],
        },
        {
          service: 'desk',
          name: 'Service desk',
          availability: null,
          availabilityTarget: null,
          creditPercent: null,
          creditAmount: null,
          currency: null,
          downMinutes: null,
          serviceMinutes: null,
          // INC-3: 45m ≤ 1h; 8h − 3h of stop = 5h ≤ 8h: met.
          priorities: [{ priority: 'P2', incidents: 1, met: 1, compliance: 100, target: 90, breached: [], open: [] }],
        },
      ],
    });
  });

  it('picks the latest period with measurements when none is given, and counts up to --today', async () => {
    // Files: 2026-10, 2026-11, 2026-Q4; the latest to start is 2026-11.
    const endOfMonth = JSON.parse((await govern(['sla', LITE, '--format', 'json', '--today', '2026-11-30'])).out);
    expect(endOfMonth.period).toBe('2026-11');
    const hosting = endOfMonth.services[0];
    // 40 min down of 30 × 1,440 = 43,200: 99.90740… → 99.9074, not under 99.9: no credit.
    expect(hosting).toMatchObject({ availability: 99.9074, creditPercent: 0, creditAmount: 0, downMinutes: 40, serviceMinutes: 43_200 });
    // INC-6 comes from the quarter's own file (opened 2 Nov, met); INC-5 has run Fri 16–18 (2h) + Mon 30 08–18 (10h) = 12h > 8h.
    expect(endOfMonth.services[1].priorities[0]).toEqual({ priority: 'P2', incidents: 2, met: 1, compliance: 50, target: 90, breached: ['INC-5'], open: [] });

    // At the end of Friday 27 November INC-5 has run 2 business hours: within 8h, so still open.
    const friday = JSON.parse((await govern(['sla', LITE, '--format', 'json', '--today', '2026-11-27'])).out);
    expect(friday.services[1].priorities[0]).toEqual({ priority: 'P2', incidents: 2, met: 1, compliance: 100, target: 90, breached: [], open: ['INC-5'] });
  });

  it('aggregates a quarter from its months and its own file, with credits worked out per month', async () => {
    const { code, out } = await govern(['sla', LITE, '--period', '2026-Q4', '--format', 'json', '--today', '2026-11-30']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.services[0]).toMatchObject({
      // 44,700 + 43,200 + 44,640 (December) = 132,540 min; 100 down: (1 − 100 / 132,540) × 100 = 99.92455… → 99.9245.
      availability: 99.9245,
      serviceMinutes: 132_540,
      downMinutes: 100,
      // October 5 % (500 EUR), November 0 % (99.9074 is not under 99.9), December 0 %: 500 EUR, 5 / 3 = 1.6667 %.
      creditPercent: 1.6667,
      creditAmount: 500,
      // INC-1 met, INC-2 breached, INC-4 met: 2 / 3 = 66.666… → 66.6666.
      priorities: [{ priority: 'P1', incidents: 3, met: 2, compliance: 66.6666, target: 95, breached: ['INC-2'], open: [] }],
    });
    // INC-3 met, INC-6 met (quarter file), INC-5 breached.
    expect(report.services[1].priorities[0]).toMatchObject({ incidents: 3, met: 2, compliance: 66.6666, breached: ['INC-5'] });
  });

  it('gives an array for a tree of several partnerships, an object for one picked with --partnership', async () => {
    const result = await govern(['sla', TREE, '--format', 'json', '--today', '2026-11-30']);
    const tree = JSON.parse(result.out);
    expect(Array.isArray(tree)).toBe(true);
    // `other` has no measurements: no data is not a perfect month, so it is left out, and the tool says so.
    expect(tree.map((r: { partnership: string; period: string }) => [r.partnership, r.period])).toEqual([['lite', '2026-11']]);
    expect(result.err).toBe('govern: no measurements yet in other; left out of the report\n');
    expect(result.code).toBe(0);
    const one = JSON.parse((await govern(['sla', TREE, '--partnership', 'lite', '--format', 'json', '--today', '2026-11-30'])).out);
    expect(one.partnership).toBe('lite');
  });
});

describe('govern sla --format table and md', () => {
  it('shows red, amber and green in words without colour, and owed credits', async () => {
    const { code, out } = await govern(['sla', LITE, '--today', '2026-11-30']);
    expect(code).toBe(0);
    expect(out).toContain('lite · 2026-11');
    expect(out).not.toMatch(/\u001b\[/);
    // 99.907 % against 99.9 %: more than 80 % of the 0.1 points of allowed downtime used → amber.
    expect(out).toMatch(/│ hosting │ 99\.907 % +│ 99\.9 % │ at risk │ 40 of 43200 min │ none +│/);
    expect(out).toMatch(/│ desk +│ P2 +│ 2 +│ 1 +│ INC-5 +│ – +│ 50 % +│ 90 % +│ missed │/);
    expect(out).toContain('Credits owed: none');
    const october = await govern(['sla', LITE, '--period', '2026-10', '--today', '2026-11-30']);
    expect(october.out).toMatch(/│ hosting │ 99\.865 % +│ 99\.9 % │ missed │ 60 of 44700 min │ 5 % = 500\.00 EUR │/);
    expect(october.out).toContain('Credits owed: 500.00 EUR');
  });

  it('colours the values when colour is forced, and never when NO_COLOR is set', async () => {
    const coloured = await govern(['sla', LITE, '--today', '2026-11-30'], { env: { FORCE_COLOR: '1' } });
    expect(coloured.out).toContain('\u001b[33m99.907 %'); // amber is yellow
    expect(coloured.out).toContain('\u001b[31m50 %'); // red
    const plain = await govern(['sla', LITE, '--today', '2026-11-30'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(plain.out).not.toMatch(/\u001b\[/);
  });

  it('writes Markdown for one partnership, and asks which one in a tree', async () => {
    const md = await govern(['sla', TREE, '--partnership', 'lite', '--format', 'md', '--period', '2026-10', '--today', '2026-11-15']);
    expect(md.code).toBe(0);
    expect(md.out).toContain('# SLA report: lite, 2026-10');
    expect(md.out).toContain('| Managed hosting (`hosting`) | 99.865 % | 99.9 % | 🔴 missed | 60 of 44700 min | 5 % = 500.00 EUR |');
    expect(md.out).toContain('| `hosting` | P1 | 2 | 1 | INC-2 | – | 50 % | 95 % | 🔴 missed |');
    expect(md.out).toContain('**Credits owed:** 500.00 EUR.');

    const ask = await govern(['sla', TREE, '--format', 'md']);
    expect(ask.code).toBe(2);
    expect(ask.out).toBe('');
    expect(ask.err).toContain('pick one with --partnership <id>');
    expect(ask.err).toContain('lite  (test/fixtures/sla/lite)');
    expect(ask.err).toContain('other  (test/fixtures/sla/other)');
  });
});

describe('docs/sla.md', () => {
  it('its worked example shows what govern prints for test/fixtures/sla/lite', async () => {
    const docs = readFileSync(path.join(ROOT, 'docs/sla.md'), 'utf8');
    const example = docs.slice(docs.indexOf('## A worked example'), docs.indexOf('## Summer time and holidays'));
    const command = /`govern sla (test\/fixtures\/sla\/lite [^`]*)`/.exec(example)?.[1];
    expect(command).toBe('test/fixtures/sla/lite --period 2026-10 --today 2026-11-15 --format md');
    const printed = await govern(['sla', ...command!.split(' ')]);
    expect(printed.code).toBe(0);
    const rows = example.split('\n').filter((line) => line.startsWith('| ') && line.includes('`'));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(printed.out.split('\n')).toContain(row);
    // The figures in the prose are the ones govern shows (cut, not rounded): 99.8657… is 99.865, never 99.866.
    expect(example).toContain('**99.865 %**');
    expect(example).not.toMatch(/99\.866|99\.306/);
    expect(example).toContain('Incident INC-3:');
    expect(printed.out).toContain('| `desk` | P2 | 1 | 1 |');
  });
});

describe('govern sla refuses what it cannot count', () => {
  it('prints the check errors and exits 1 instead of computing from a broken partnership', async () => {
    const { dir, done } = copyLite();
    try {
      const slas = path.join(dir, 'slas.yaml');
      writeFileSync(slas, readFileSync(slas, 'utf8').replace('mon-fri: "08:00-18:00"', 'mon-fri: "18:00-08:00"'));
      const { code, out, err } = await govern(['sla', dir, '--format', 'json', '--today', '2026-11-30']);
      expect(code).toBe(1);
      // The findings go to stderr (CLI.md): stdout, asked for JSON, holds nothing that is not JSON.
      expect(out).toBe('');
      expect(err).toContain('calendar/hours');
      expect(err).toContain('"18:00-08:00" does not end after it starts');
      expect(err).toContain('not computed from files with errors');
    } finally {
      done();
    }
  });

  it('rejects a period it cannot read, an unknown partnership and a missing path with exit 2', async () => {
    const period = await govern(['sla', LITE, '--period', '2026-13']);
    expect(period.code).toBe(2);
    expect(period.err).toContain('--period takes a month (2026-10), a quarter (2026-Q4) or a year (2026); got `2026-13`');
    const who = await govern(['sla', TREE, '--partnership', 'nope']);
    expect(who.code).toBe(2);
    expect(who.err).toContain('no partnership `nope` here');
    const missing = await govern(['sla', 'test/fixtures/sla/nowhere']);
    expect(missing.code).toBe(2);
  });

  it('refuses a period without measurements rather than report a perfect month from no data', async () => {
    const empty = await govern(['sla', LITE, '--period', '2027-01', '--format', 'json']);
    expect(empty.code).toBe(2);
    expect(empty.out).toBe('');
    expect(empty.err).toMatch(/^govern: no measurements for 2027-01; the periods with measurements are: 2026-Q4, 2026-10, 2026-11\n$/);
    const none = await govern(['sla', TREE, '--partnership', 'other', '--today', '2026-11-30']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('no measurements yet: add a file such as measurements/2026-11.yaml');
    // With --period, the file to add is that period's, not today's month.
    const noneForPeriod = await govern(['sla', TREE, '--partnership', 'other', '--period', '2026-Q3', '--today', '2026-11-30']);
    expect(noneForPeriod.code).toBe(2);
    expect(noneForPeriod.err).toContain('no measurements for 2026-Q3: add a file such as measurements/2026-Q3.yaml');
    // A quarter holding a measured month is measured.
    expect((await govern(['sla', LITE, '--period', '2026-Q4', '--today', '2026-11-30'])).code).toBe(0);
  });

  it('writes the report to --output', async () => {
    const { dir, done } = copyLite();
    try {
      const target = path.join(dir, 'out', 'sla.json');
      const { code, out } = await govern(['sla', LITE, '--period', '2026-10', '--format', 'json', '--today', '2026-11-15', '-o', target]);
      expect(code).toBe(0);
      expect(out).toBe('');
      expect(existsSync(target)).toBe(true);
      expect(JSON.parse(readFileSync(target, 'utf8')).services[0].availability).toBe(99.8657);
    } finally {
      done();
    }
  });
});

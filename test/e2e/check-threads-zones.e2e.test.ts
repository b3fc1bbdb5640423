// Issue 19.1: the findings of `govern check` must not depend on how the check
// is scheduled. Worker threads once read every zone as UTC (a TZ set at run
// time does not reach the runtime's zone data in a worker), so instants near a
// period's edge and "today" near midnight came out differently there. This
// test plants exactly such mistakes in a tree written fresh for it, checks it
// on one thread and on several, and compares every finding; it also checks the
// one-thread findings against the date library's own reading, so that a
// mistake made everywhere alike cannot pass either.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(repo, 'bin/govern.js');
const dir = mkdtempSync(path.join(tmpdir(), 'govern-thread-zones-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Zones with DST in either hemisphere, half- and three-quarter-hour offsets, and a zone whose DST starts at midnight.
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Havana'] as const;
const HOUR = 3_600_000;

interface Planted {
  /** The period label written in the file, e.g. `2026-10`, `2026-Q4`, `2026`. */
  label: string;
  year: number;
  firstMonth: number;
  months: number;
  /** Instants near the period's edges, as epoch ms, with how each is spelt. */
  instants: { ms: number; spelling: number }[];
}

interface Partnership {
  zone: (typeof ZONES)[number];
  periods: Planted[];
}

const period = fc
  .record({ year: fc.constantFrom(2025, 2026, 2027), kind: fc.constantFrom('month', 'month', 'quarter', 'year'), n: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, kind, n }) => {
    if (kind === 'month') return { label: `${year}-${String(n).padStart(2, '0')}`, year, firstMonth: n, months: 1 };
    if (kind === 'quarter') {
      const q = ((n - 1) % 4) + 1;
      return { label: `${year}-Q${q}`, year, firstMonth: q * 3 - 2, months: 3 };
    }
    return { label: `${year}`, year, firstMonth: 1, months: 12 };
  });

/** Instants within 20 hours of either edge of a period (in UTC terms): every zone here puts some inside, some outside. */
const planted: fc.Arbitrary<Planted> = period.chain((p) =>
  fc.array(fc.record({ edge: fc.boolean(), minutes: fc.integer({ min: -20 * 60, max: 20 * 60 }), spelling: fc.nat(5) }), { minLength: 2, maxLength: 5 }).map((raw) => {
    const start = Date.UTC(p.year, p.firstMonth - 1, 1);
    const end = Date.UTC(p.year, p.firstMonth - 1 + p.months, 1);
    return { ...p, instants: raw.map((r) => ({ ms: (r.edge ? end : start) + r.minutes * 60_000, spelling: r.spelling })) };
  }),
);

const partnership: fc.Arbitrary<Partnership> = fc.record({
  zone: fc.constantFrom(...ZONES),
  periods: fc.uniqueArray(planted, { minLength: 1, maxLength: 2, selector: (p) => p.label }),
});

/** The clock: within 40 minutes of midnight in one of the zones, near a month's end. */
const clock = fc
  .record({ zone: fc.constantFrom(...ZONES), month: fc.integer({ min: 1, max: 12 }), minutes: fc.integer({ min: -40, max: 40 }) })
  .map(({ zone, month, minutes }) => DateTime.fromObject({ year: 2026, month, day: 1 }, { zone }).toMillis() + minutes * 60_000);

/** One of several RFC 3339 spellings of an instant, at some offset (not necessarily the partnership's own). */
function spell(ms: number, spelling: number): string {
  const iso = (zone: string, format: string): string => DateTime.fromMillis(ms, { zone }).toFormat(format);
  switch (spelling) {
    case 0:
      return new Date(ms).toISOString().replace('.000Z', 'Z');
    case 1:
      return iso('Asia/Kolkata', "yyyy-MM-dd'T'HH:mm:ssZZ");
    case 2:
      return iso('America/New_York', 'yyyy-MM-dd HH:mm:ssZZ');
    case 3:
      return `${new Date(ms).toISOString().slice(0, 19).replace('T', 't')}.000000z`;
    case 4:
      return iso('Pacific/Chatham', "yyyy-MM-dd'T'HH:mm:ss.SSSZZ");
    default:
      return iso('UTC', "yyyy-MM-dd'T'HH:mmZZ");
  }
}

/** Writes one partnership in a style of its own; returns the findings the date library expects of it. */
function writePartnership(i: number, p: Partnership, now: number): { outside: Set<string>; stale: Set<string> } {
  const name = `p${String(i).padStart(3, '0')}`;
  const root = path.join(dir, name);
  mkdirSync(path.join(root, 'measurements'), { recursive: true });
  const crlf = i % 3 === 0;
  const bom = i % 4 === 1 ? '\uFEFF' : '';
  const write = (rel: string, lines: string[]): void => writeFileSync(path.join(root, rel), bom + lines.join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n'));
  write('partnership.yaml', [
    `# Partnership ${i}, kept by the ${i % 2 ? 'Zürich' : 'Auckland'} office.`,
    `id: ${name}`,
    i % 2 ? `name: 'Smith & O''Brien ⇄ Müller ${i}'` : `name: "Ōtautahi & Sons ${i}"`,
    'description: |',
    '  Written by hand; the clock of this partnership',
    `  runs in ${p.zone}.`,
    'client: { id: client, name: "Client & Co" }',
    'provider:',
    '  id: provider',
    "  name: Provider's Ltd",
    `timezone: ${p.zone}   # where the partnership lives`,
  ]);
  const outside = new Set<string>();
  for (const planted of p.periods) {
    const start = DateTime.fromObject({ year: planted.year, month: planted.firstMonth, day: 1 }, { zone: p.zone });
    const end = start.plus({ months: planted.months });
    const lines = [`# ${planted.label}, instants near its edges`, `period: ${/^\d{4}$/.test(planted.label) ? planted.label : `'${planted.label}'`}`, 'incidents:'];
    planted.instants.forEach((at, k) => {
      const text = spell(at.ms, at.spelling);
      if (k % 2 === 0) lines.push(`  - { id: INC-${k}, service: desk, priority: P1, opened: ${text} }`);
      else lines.push(`  - id: "INC-${k}"`, '    service: desk', '    priority: P2', `    opened: '${text}'`);
      if (at.ms < start.toMillis() || at.ms >= end.toMillis()) outside.add(`${name}/measurements/${planted.label}.yaml#incidents/${k}/opened`);
    });
    write(`measurements/${planted.label}.yaml`, lines);
  }
  // Today where the partnership is, by the date library: one risk due yesterday (stale), one due today (not yet).
  const today = DateTime.fromMillis(now, { zone: p.zone });
  const yesterday = today.minus({ days: 1 }).toISODate();
  write('risks.yaml', [
    'risks:',
    `  - { id: due-yesterday, title: Fire & flood, likelihood: 1, impact: 1, owner: someone, mitigation: drills, status: open, reviewBy: ${yesterday} }`,
    '  - id: due-today',
    '    title: >-',
    "      The vendor's key engineer leaves",
    '    likelihood: 1',
    '    impact: 2',
    '    owner: someone',
    '    mitigation: handover',
    '    status: open',
    `    reviewBy: ${today.toISODate()}`,
  ]);
  return { outside, stale: new Set([`${name}/risks.yaml#risks/0/reviewBy`]) };
}

interface Finding {
  ruleId: string;
  file: string;
  path: (string | number)[];
}

/** The built CLI with a fixed clock and a given number of check threads. */
function govern(workers: string, now: number) {
  const preload = path.join(dir, '..', `${path.basename(dir)}-clock.cjs`);
  writeFileSync(preload, `const now = Number(process.env.GOVERN_TEST_NOW); Date.now = () => now;\n`);
  const env = { ...process.env, NO_COLOR: '1', GOVERN_WORKERS: workers, GOVERN_TEST_NOW: String(now) };
  delete env.FORCE_COLOR;
  delete env.GOVERN_TODAY;
  const result = spawnSync(process.execPath, ['--require', preload, bin, 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', env });
  rmSync(preload, { force: true });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('govern check on worker threads, with zone-dependent mistakes', () => {
  it('reports on every thread exactly the findings one thread reports, and those are the date library’s', () => {
    expect(existsSync(path.join(repo, 'lib/bundle/govern.cjs'))).toBe(true);
    const [scenario] = fc.sample(fc.record({ now: clock, partnerships: fc.array(partnership, { minLength: 36, maxLength: 36 }) }), { seed: 1919, numRuns: 1 });
    const { now, partnerships } = scenario!;
    const expectedOutside = new Set<string>();
    const expectedStale = new Set<string>();
    partnerships.forEach((p, i) => {
      const expected = writePartnership(i, p, now);
      for (const k of expected.outside) expectedOutside.add(k);
      for (const k of expected.stale) expectedStale.add(k);
    });
    // The seed plants mistakes in every zone: the test is worth running only if the tree holds them.
    expect(new Set(partnerships.map((p) => p.zone))).toEqual(new Set(ZONES));
    expect(expectedOutside.size).toBeGreaterThan(10);

    const alone = govern('0', now);
    expect(alone.err).toBe('');
    expect(alone.code).toBe(1);
    const findings = JSON.parse(alone.out).findings as Finding[];
    const keyed = (ruleId: string): Set<string> => new Set(findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.file}#${f.path.join('/')}`));
    expect(keyed('measurements/outside-period')).toEqual(expectedOutside);
    expect(keyed('risks/stale-review')).toEqual(expectedStale);

    for (const workers of ['1', '2', '3']) {
      const threaded = govern(workers, now);
      expect(threaded.err, `GOVERN_WORKERS=${workers}`).toBe('');
      expect(threaded.code, `GOVERN_WORKERS=${workers}`).toBe(alone.code);
      expect(JSON.parse(threaded.out), `GOVERN_WORKERS=${workers}`).toEqual(JSON.parse(alone.out));
    }
  }, 120_000);
});

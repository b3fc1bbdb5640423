import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyLite, govern, LITE, TREE } from './helpers.js';

interface Level {
  level: number;
  due: string | null;
  covered: boolean | null;
  nextCovered: string | null;
  contacts: { id: string; name: string | null; phone: string | null; email: string | null }[];
}

async function ladder(args: string[]): Promise<{ calendar: string; at: string; paths: { path: string; levels: Level[] }[] }> {
  const { code, out, err } = await govern(['who', LITE, ...args, '--format', 'json']);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe('govern who', () => {
  it('lists a 24x7 ladder on a Saturday morning: the business-hours manager is not covered until Monday', async () => {
    const result = await ladder(['--service', 'hosting', '--priority', 'P1', '--at', '2026-10-10T07:00:00+02:00']);
    expect(result.calendar).toBe('24x7');
    expect(result.paths.map((p) => p.path)).toEqual(['major-incident']);
    const [desk, manager, cto] = result.paths[0]!.levels;
    // P1 runs on 24x7: due = at + after, elapsed time.
    expect(desk).toMatchObject({ level: 1, due: '2026-10-10T07:00:00+02:00', covered: true, nextCovered: null });
    expect(desk!.contacts).toEqual([
      { id: 'desk-team', name: 'Northwind service desk', title: null, party: 'provider', phone: '+49 30 999000', email: 'desk@northwind.example' },
    ]);
    // Saturday is outside business-hours (mon-fri 08–18): next covered Monday 12 October 08:00.
    expect(manager).toMatchObject({ due: '2026-10-10T07:30:00+02:00', covered: false, nextCovered: '2026-10-12T08:00:00+02:00' });
    expect(cto).toMatchObject({ due: '2026-10-10T09:00:00+02:00', covered: true });
  });

  it('counts `after` on a business-hours priority over a holiday and a weekend', async () => {
    // Desk P2 on business-hours, opened Thu 24 Dec 16:00: level 2 (4h) = Thu 16–18 (2h), Fri 25 holiday,
    // weekend, then Mon 28 Dec 08:00 + 2h = 10:00.
    const result = await ladder(['--service', 'desk', '--priority', 'P2', '--at', '2026-12-24T16:00:00+01:00']);
    expect(result.calendar).toBe('business-hours');
    expect(result.paths[0]!.levels.map((l) => [l.due, l.covered])).toEqual([
      ['2026-12-24T16:00:00+01:00', true],
      ['2026-12-28T10:00:00+01:00', true],
    ]);
  });

  it('reads --at without an offset in the partnership time zone, across the end of summer time', async () => {
    // 2026-10-25 01:30 in Berlin is still summer time (+02:00); two hours of 24x7 later the clocks have gone
    // back, so the CTO is due at 02:30+01:00, which the wall clock shows as one hour later.
    const result = await ladder(['--service', 'hosting', '--priority', 'P1', '--at', '2026-10-25T01:30']);
    expect(result.at).toBe('2026-10-25T01:30:00+02:00');
    expect(result.paths[0]!.levels[2]!.due).toBe('2026-10-25T02:30:00+01:00');
  });

  it('shows a table for the terminal', async () => {
    const { code, out } = await govern(['who', LITE, '--service', 'hosting', '--priority', 'P1', '--at', '2026-10-10T07:00:00+02:00']);
    expect(code).toBe(0);
    expect(out).toContain('lite · hosting P1 · at Sat 2026-10-10 07:00 +02:00 (Europe/Berlin)');
    expect(out).toMatch(
      /│ 2 │ Service delivery manager │ 30m +│ Sat 2026-10-10 07:30 \+02:00 │ Bob Provider, Service delivery manager │ \+49 30 2222222 +│ no \(business-hours\) +│/,
    );
    expect(out).toContain('from Mon 2026-10-12 08:00 +02:00');
  });

  it('folds the table into a list per level on a terminal narrower than the table, and keeps it where it fits', async () => {
    const args = ['who', LITE, '--service', 'hosting', '--priority', 'P1', '--at', '2026-10-10T07:00:00+02:00'];
    const narrow = await govern(args, { columns: 80 });
    expect(narrow.code).toBe(0);
    expect(narrow.out).not.toContain('│');
    expect(narrow.out).toContain('2. Service delivery manager · after 30m · due Sat 2026-10-10 07:30 +02:00\n   Bob Provider, Service delivery manager: +49 30 2222222');
    expect(narrow.out).toContain('   covered now: no (business-hours), from Mon 2026-10-12 08:00 +02:00');
    expect((await govern(args, { columns: 400 })).out).toContain('│ 2 │ Service delivery manager │');
  });

  it('names the known services and priorities when one is missing or unknown (exit 2)', async () => {
    const noService = await govern(['who', LITE, '--priority', 'P1']);
    expect(noService.code).toBe(2);
    expect(noService.err).toContain('which service? pass --service <id>; the services are: hosting, desk');
    const badService = await govern(['who', LITE, '--service', 'hostin', '--priority', 'P1']);
    expect(badService.code).toBe(2);
    expect(badService.err).toContain('no service `hostin`');
    expect(badService.err).toContain('the services are: hosting, desk');
    const badPriority = await govern(['who', LITE, '--service', 'desk', '--priority', 'P1']);
    expect(badPriority.code).toBe(2);
    expect(badPriority.err).toContain('service `desk` has no priority `P1`; its priorities are: P2');
    const badAt = await govern(['who', LITE, '--service', 'desk', '--priority', 'P2', '--at', 'tomorrow']);
    expect(badAt.code).toBe(2);
    expect(badAt.err).toContain('--at takes an instant such as 2026-10-05T09:12:00+02:00');
  });

  it('asks which partnership in a tree', async () => {
    const { code, err } = await govern(['who', TREE, '--service', 'hosting', '--priority', 'P1']);
    expect(code).toBe(2);
    expect(err).toContain('pick one with --partnership <id>');
    const picked = await govern(['who', TREE, '--partnership', 'lite', '--service', 'hosting', '--priority', 'P1', '--at', '2026-10-10T07:00:00Z']);
    expect(picked.code).toBe(0);
  });

  it('fails (exit 1) when no escalation path applies: there is nobody to call', async () => {
    const { dir, done } = copyLite();
    try {
      rmSync(path.join(dir, 'escalation.yaml'));
      const { code, out } = await govern(['who', dir, '--service', 'hosting', '--priority', 'P1', '--at', '2026-10-10T07:00:00Z']);
      expect(code).toBe(1);
      expect(out).toContain('No escalation path applies to hosting P1');
    } finally {
      done();
    }
  });

  it('says a due time is unknown, not "never", when the priority\'s calendar cannot be read', async () => {
    const { dir, done } = copyLite();
    try {
      // The desk's calendar names one that slas.yaml does not define (a check error `who` does not stop for).
      const slas = path.join(dir, 'slas.yaml');
      writeFileSync(slas, readFileSync(slas, 'utf8').replace('calendar: business-hours', 'calendar: office-hours'));
      const args = ['who', dir, '--service', 'desk', '--priority', 'P2', '--at', '2026-10-06T10:00:00+02:00'];
      const json = await govern([...args, '--format', 'json']);
      expect(json.code).toBe(0);
      const result = JSON.parse(json.out);
      expect(result).toMatchObject({ calendar: 'office-hours', calendarReadable: false });
      expect(result.paths[0].levels.map((l: Level) => l.due)).toEqual([null, null]);
      const table = await govern(args);
      expect(table.code).toBe(0);
      expect(table.out).toContain('`office-hours` calendar, which is not in slas.yaml or cannot be read');
      expect(table.out).not.toContain('never');
      expect(table.out).toMatch(/│ 1 │ Service desk +│ 0m +│ \? +│/);
    } finally {
      done();
    }
  });

  it('asks for the offset when a local --at happens twice because the clocks go back', async () => {
    // 2026-10-25 02:30 in Berlin happens at 02:30+02:00 and again an hour later at 02:30+01:00.
    const ambiguous = await govern(['who', LITE, '--service', 'hosting', '--priority', 'P1', '--at', '2026-10-25T02:30']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.out).toBe('');
    expect(ambiguous.err).toContain('--at 2026-10-25T02:30 happens twice in Europe/Berlin');
    expect(ambiguous.err).toContain('2026-10-25T02:30:00+02:00 (the first time) or 2026-10-25T02:30:00+01:00 (an hour later)');
    // With the offset it is one instant; the first reading's CTO level (2h of 24x7) is due at 03:30+01:00.
    const first = await ladder(['--service', 'hosting', '--priority', 'P1', '--at', '2026-10-25T02:30:00+02:00']);
    expect(first.at).toBe('2026-10-25T02:30:00+02:00');
    expect(first.paths[0]!.levels[2]!.due).toBe('2026-10-25T03:30:00+01:00');
  });
});

describe('govern who: absent is absent', () => {
  it('a level without `coverage` is "not stated", never covered around the clock', async () => {
    const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '../fixtures/render/review-record');
    const json = await govern(['who', dir, '--service', 'wan', '--priority', 'P1', '--at', '2026-11-15T03:00:00+11:00', '--format', 'json']);
    expect(json.code, json.err).toBe(0);
    const [noc, manager] = (JSON.parse(json.out) as { paths: { levels: (Level & { coverage: string | null })[] }[] }).paths[0]!.levels;
    expect(noc).toMatchObject({ coverage: '24x7', covered: true });
    expect(manager).toMatchObject({ coverage: null, covered: null, nextCovered: null });
    const table = await govern(['who', dir, '--service', 'wan', '--priority', 'P1', '--at', '2026-11-15T03:00:00+11:00', '--no-color']);
    expect(table.out).toContain('? (coverage not stated)');
    expect(table.out).not.toMatch(/IT manager[^\n]*yes \(24x7\)/);
  });
});

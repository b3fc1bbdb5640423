// Issue 19, items 5 and 6: a year judged over its measured months only, and machine-readable output that
// stays machine-readable when a partnership of the tree is broken. Spawns the built CLI (`npm run build`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/govern.js', import.meta.url));
const tree = mkdtempSync(path.join(os.tmpdir(), 'govern-measured-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function govern(...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.GOVERN_TODAY;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: tree, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
  writeFileSync(path.join(tree, rel), text);
}

// A southern-hemisphere partnership (NZ summer time, +13:00 all of October), written in flow style with CRLF.
const crlf = (t: string) => t.replace(/\n/g, '\r\n');
write(
  'kiwi/partnership.yaml',
  crlf(`# Kiwi & Tui's hosting — Auckland
id: kiwi-tui
name: "Kiwi & Tui's hosting"
client: {id: kiwi, name: Kiwi Ltd}
provider: {id: tui, name: Tui Ops}
timezone: Pacific/Auckland
contract: {reference: K-1, start: 2026-01-01, end: 2027-12-31, renewal: {auto: false, noticeDays: 60}}
owners: {client: aroha, provider: tane}
scope: {services: [web]}
`),
);
write(
  'kiwi/contacts.yaml',
  `contacts:
  - {id: aroha, name: Aroha Ngata, party: client, email: aroha@kiwi.example, phone: "+64 9 555 0101"}
  - {id: tane, name: Tāne Parata, party: provider, email: tane@tui.example, phone: "+64 9 555 0202"}
`,
);
write(
  'kiwi/slas.yaml',
  `services:
  - id: web
    name: Web hosting
    calendar: 24x7
    availability: {target: 99.9, per: month}
    monthlyFee: {amount: 2000, currency: NZD}
    credits: {tiers: [{below: 99.9, percent: 10}], cap: 25}
    priorities:
      - {id: P1, description: Site down, response: 15m, resolution: 4h, target: 90}
`,
);
// Only October is measured: 90 minutes down.
write(
  'kiwi/measurements/2026-10.yaml',
  `period: 2026-10
downtime:
  - {service: web, from: "2026-10-14T01:00:00+13:00", to: "2026-10-14T02:30:00+13:00"}
`,
);

describe('a year judged over its measured months (FORMAT.md v1.1)', () => {
  // October in Auckland: 31 days × 1440 = 44 640 minutes; 1 − 90 / 44 640 = 99.79838… %, not the
  // 1 − 90 / 525 600 = 99.983 % of a year that counts eleven unmeasured months as perfect.
  it("gives October's availability and credit for the year, and names the months left out and running", () => {
    const r = govern('sla', 'kiwi', '--period', '2026', '--today', '2026-11-15', '--format', 'json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.monthsLeftOut).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-11', '2026-12']);
    expect(json.monthsRunning).toEqual(['2026-11']);
    const web = json.services[0];
    expect(web.serviceMinutes).toBe(44640);
    expect(web.downMinutes).toBe(90);
    expect(web.availability).toBe(99.7983);
    // One month measured, under 99.9: 10 % of one month's 2000 NZD.
    expect(web.creditPercent).toBe(10);
    expect(web.creditAmount).toBe(200);
  });

  it('says so in the table and the Markdown', () => {
    const table = govern('sla', 'kiwi', '--period', '2026', '--today', '2026-11-15');
    expect(table.out).toContain('99.798 %');
    expect(table.out).toContain('Left out, no measurements: 2026-01 to 2026-09, 2026-11, 2026-12');
    expect(table.out).toContain('Still running: 2026-11');
    const md = govern('sla', 'kiwi', '--period', '2026-Q4', '--today', '2026-12-31', '--format', 'md');
    expect(md.out).toContain('> Left out, no measurements: 2026-11, 2026-12; their service time, downtime and credits are not counted.');
    expect(md.out).toContain('| 99.798 % |');
    expect(md.out).not.toContain('Still running');
  });

  it('says so in the review pack', () => {
    const r = govern('render', 'review-pack', 'kiwi', '--period', '2026-Q4', '--today', '2026-11-15');
    expect(r.code).toBe(0);
    expect(r.out).toContain('No measurements for November and December 2026: they are left out of the figures below.');
    expect(r.out).toContain('November 2026 is still running on 2026-11-15');
  });

  it('refuses a period with no measured month at all', () => {
    const r = govern('sla', 'kiwi', '--period', '2026-Q1', '--today', '2026-11-15', '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
  });
});

describe('findings of a refusal go to stderr (CLI.md)', () => {
  // A second partnership whose measurements name a service that does not exist.
  const broken = () => {
    write(
      'broken/partnership.yaml',
      `id: broken-one\nname: Broken\nclient: {id: c, name: C}\nprovider: {id: p, name: P}\ntimezone: America/Sao_Paulo\ncontract: {reference: B-1, start: 2026-01-01, end: 2027-12-31, renewal: {auto: false, noticeDays: 30}}\nowners: {client: c1, provider: p1}\nscope: {services: [db]}\n`,
    );
    write(
      'broken/contacts.yaml',
      `contacts:\n  - {id: c1, name: Chris, party: client, email: c@c.example}\n  - {id: p1, name: Pat, party: provider, email: p@p.example}\n`,
    );
    write('broken/slas.yaml', `services:\n  - {id: db, name: Database, calendar: 24x7, availability: {target: 99.5, per: month}, priorities: []}\n`);
    write(
      'broken/measurements/2026-10.yaml',
      `period: 2026-10\ndowntime:\n  - {service: no-such-service, from: "2026-10-02T10:00:00-03:00", to: "2026-10-02T11:00:00-03:00"}\n`,
    );
  };

  it('sla --format json over a tree prints JSON with every partnership it can, and an errors entry for the rest', () => {
    broken();
    const r = govern('sla', '.', '--period', '2026-10', '--today', '2026-11-15', '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as Record<string, unknown>[];
    expect(json.map((p) => p.partnership)).toEqual(['broken-one', 'kiwi-tui']);
    const entry = json[0] as { partnership: string; errors: { ruleId: string; severity: string; file: string }[] };
    expect(Object.keys(entry)).toEqual(['partnership', 'errors']);
    expect(entry.errors.length).toBeGreaterThan(0);
    expect(entry.errors.every((d) => d.severity === 'error' && typeof d.ruleId === 'string' && d.file === 'broken/measurements/2026-10.yaml')).toBe(true);
    expect((json[1] as { services: { availability: number }[] }).services[0]!.availability).toBe(99.7983);
    expect(r.err).toContain('no-such-service');
    expect(r.err).toContain('left out of the SLA report for their check errors (above): broken-one');
  });

  it('render on broken files leaves stdout empty and puts the findings on stderr', () => {
    broken();
    const r = govern('render', 'contract-summary', 'broken', '--today', '2026-11-15');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('no-such-service');
  });

  it('sla on one broken partnership prints nothing on stdout', () => {
    broken();
    const r = govern('sla', 'broken', '--period', '2026-10', '--today', '2026-11-15', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('no-such-service');
  });
});

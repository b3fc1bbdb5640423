import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/govern.js', import.meta.url));
let dir: string;

function write(files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

function govern(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GOVERN_TODAY: '2026-11-20' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const read = (rel: string): string => readFileSync(join(dir, rel), 'utf8');

// A London partnership (summer time ends 2026-10-25 at 02:00 BST → 01:00 GMT), fed from ServiceNow.
const LONDON: Record<string, string> = {
  'london/partnership.yaml': `id: obrien-harbour
name: "O'Brien & Harbour hosting"
client:   { id: harbour, name: 'Harbour & Co' }
provider: { id: obrien, name: "O'Brien Ltd" }
timezone: Europe/London
contract: { start: 2026-01-01, end: 2028-12-31 }
owners: { client: maeve, provider: tomas }
`,
  'london/contacts.yaml': `contacts:
  - { id: maeve, name: Maeve Ní Bhriain, party: client, email: maeve@harbour.example }
  - { id: tomas, name: Tomás Ó Dálaigh, party: provider, email: tomas@obrien.example }
`,
  'london/slas.yaml': `# 24x7 platform, credits on availability
calendars:
  - id: 24x7
services:
  - id: platform
    name: Platform
    calendar: 24x7
    availability: { target: 99.9, per: month }
    monthlyFee: { amount: 10000, currency: GBP }
    clockStops: [awaiting-customer]
    priorities:
      - { id: P1, response: 30m, resolution: 4h, target: 90 }
      - { id: P2, response: 1h, resolution: 8h, target: 90 }
    credits:
      tiers:
        - { below: 99.9, percent: 5 }
        - { below: 99.5, percent: 10 }
      cap: 10
`,
  'london/govern.import.yaml': `incidents:
  preset: servicenow
  columns:
    service: cmdb_ci        # we file by CI, not business service
  values:
    service: { "Platform (prod)": platform }
    priority:
      "1 - Critical": P1
      "2 - High": P2
downtime:
  columns: { service: monitor, from: started, to: ended, planned: maintenance, note: cause }
  values:
    service: { api.harbour.example: platform }
    planned: { "yes": true, "no": false }
clockStops:
  columns: { incident: number, from: hold_start, to: hold_end, reason: hold_reason }
  format: dd.MM.yyyy HH:mm
  values: { reason: { Awaiting Caller: awaiting-customer } }
`,
  // CRLF, a BOM, a quoted line break, quoted quotes and commas, a cancelled row.
  'exports/servicenow.csv':
    '\uFEFFnumber,short_description,cmdb_ci,priority,state,opened_at,u_first_response,resolved_at\r\n' +
    // Across the end of summer time: 00:30 BST → 04:00 GMT is 4h30 (3h30 on the wall clock): breached.
    'INC0001,"Storage, again",Platform (prod),1 - Critical,Closed,2026-10-25 00:30:00,2026-10-25 00:50:00,2026-10-25 04:00:00\r\n' +
    // 4h30 less an hour on hold (from the hold export): 3h30, met.
    'INC0002,"Says ""no""\r\nto every login",Platform (prod),1 - Critical,Closed,2026-10-12 10:00:00,2026-10-12 10:10:00,2026-10-12 14:30:00\r\n' +
    'INC0003,Slow pages,Platform (prod),2 - High,Closed,2026-10-14 09:00:00,2026-10-14 09:30:00,2026-10-14 12:00:00\r\n' +
    'INC0004,Opened by mistake,Platform (prod),1 - Critical,Canceled,2026-10-15 09:00:00,,\r\n',
  'exports/holds.csv': 'number;hold_start;hold_end;hold_reason\nINC0002;12.10.2026 11:00;12.10.2026 12:00;Awaiting Caller\n',
  // Two overlapping outages (60 minutes counted once) and a planned window, not counted.
  'exports/monitor.json': JSON.stringify(
    {
      result: [
        { monitor: 'api.harbour.example', started: '2026-10-03T02:10:00Z', ended: '2026-10-03T02:55:00Z', maintenance: 'no', cause: 'DB failover' },
        { monitor: 'api.harbour.example', started: '2026-10-03T03:40:00+01:00', ended: '2026-10-03T04:10:00+01:00', maintenance: 'no', cause: 'LB: flapping' },
        { monitor: 'api.harbour.example', started: '2026-10-10T01:00:00Z', ended: '2026-10-10T03:00:00Z', maintenance: 'yes', cause: null },
      ],
    },
    null,
    2,
  ),
};

// A Sydney partnership (summer time starts 2026-10-04 at 02:00 AEST → 03:00 AEDT), fed from Jira.
const SYDNEY: Record<string, string> = {
  'sydney/partnership.yaml': `id: wattle-desk
name: Wattle desk
client: {id: wattle, name: Wattle}
provider: {id: gum, name: Gum IT}
timezone: Australia/Sydney
contract: {start: 2026-01-01, end: 2027-12-31}
owners: {client: kylie, provider: bruce}
`,
  'sydney/contacts.yaml': `contacts:
- {id: kylie, name: Kylie, party: client, email: kylie@wattle.example}
- {id: bruce, name: Bruce, party: provider, email: bruce@gum.example}
`,
  'sydney/slas.yaml': `services:
- id: desk
  name: Desk
  calendar: 24x7
  priorities:
  - {id: P1, response: 30m, resolution: 3h, target: 90}
  - {id: P2, response: 1h, resolution: 8h, target: 90}
`,
  'sydney/govern.import.yaml': `incidents:
  preset: jira
  values:
    service: {Service Desk: desk}
    priority: {Highest: P1, High: P2}
`,
  'exports/jira.csv': [
    'Summary,Issue key,Issue Type,Status,Priority,Component/s,Created,Custom field (First Response Date),Resolved',
    // 01:30 AEST → 05:00 AEDT is 2h30 (3h30 on the wall clock): met.
    'Phones down,SUP-1,Incident,Done,Highest,Service Desk,04/Oct/26 1:30 AM,04/Oct/26 1:45 AM,04/Oct/26 5:00 AM',
    // 10 hours against 8: breached.
    '"VPN, again",SUP-2,Incident,Done,High,Service Desk,15/Oct/26 9:00 AM,15/Oct/26 9:20 AM,15/Oct/26 7:00 PM',
    'Dup,SUP-3,Incident,Cancelled,Highest,Service Desk,16/Oct/26 9:00 AM,,',
    '',
  ].join('\n'),
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'govern-import-'));
  write({ ...LONDON, ...SYDNEY });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface SlaJson {
  services: {
    service: string;
    availability: number;
    downMinutes: number;
    serviceMinutes: number;
    creditAmount: number | null;
    priorities: { priority: string; incidents: number; met: number; compliance: number | null; breached: string[] }[];
  }[];
}

describe('govern import, end to end', () => {
  it('imports a ServiceNow export, its holds and a monitor JSON into an empty measurements folder, and sla agrees with the hand-worked figures', () => {
    const a = govern('import', 'incidents', 'exports/servicenow.csv', 'london');
    expect(a.stderr).toBe('');
    expect(a.stdout).toContain('3 added, 0 updated, 0 unchanged in london/measurements/2026-10.yaml');
    expect(a.stdout).toContain('1 row skipped');
    expect(a.status).toBe(0);
    const text = read('london/measurements/2026-10.yaml');
    expect(text).toContain('opened: 2026-10-25T00:30:00+01:00');
    expect(text).toContain('resolved: 2026-10-25T04:00:00+00:00');
    expect(text).not.toContain('INC0004');

    const b = govern('import', 'clock-stops', 'exports/holds.csv', 'london');
    expect(b.stdout).toContain('1 added, 0 updated, 0 unchanged in london/measurements/2026-10.yaml');
    const c = govern('import', 'downtime', 'exports/monitor.json', 'london', '--format', 'json');
    expect(JSON.parse(c.stdout)).toMatchObject({ written: true, files: [{ file: 'london/measurements/2026-10.yaml', added: 3, updated: 0, unchanged: 0 }] });
    expect(govern('check', 'london').status).toBe(0);

    const sla = JSON.parse(govern('sla', 'london', '--period', '2026-10', '--format', 'json').stdout) as SlaJson;
    const platform = sla.services.find((s) => s.service === 'platform')!;
    // October in London: 31 days and the hour given back = 745 h = 44 700 min; 02:10–03:10Z counted once.
    expect(platform.serviceMinutes).toBe(44700);
    expect(platform.downMinutes).toBe(60);
    expect(platform.availability).toBeCloseTo(100 * (1 - 60 / 44700), 3);
    expect(platform.creditAmount).toBe(500);
    const p1 = platform.priorities.find((p) => p.priority === 'P1')!;
    expect(p1).toMatchObject({ incidents: 2, met: 1, compliance: 50 });
    expect(p1.breached).toEqual(['INC0001']);
    expect(platform.priorities.find((p) => p.priority === 'P2')).toMatchObject({ incidents: 1, met: 1, compliance: 100 });
  });

  it('changes no byte when the same exports are imported again', () => {
    const before = read('london/measurements/2026-10.yaml');
    for (const [kind, file] of [
      ['incidents', 'exports/servicenow.csv'],
      ['clock-stops', 'exports/holds.csv'],
      ['downtime', 'exports/monitor.json'],
    ] as const) {
      const r = govern('import', kind, file, 'london', '--quiet');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/0 added, 0 updated, \d+ unchanged in london\/measurements\/2026-10\.yaml/);
    }
    expect(read('london/measurements/2026-10.yaml')).toBe(before);
  });

  it('imports a Jira export with its own time format across the start of Sydney summer time', () => {
    const r = govern('import', 'incidents', 'exports/jira.csv', 'sydney', '--quiet');
    expect(r.stdout).toContain('2 added, 0 updated, 0 unchanged in sydney/measurements/2026-10.yaml');
    expect(r.status).toBe(0);
    const text = read('sydney/measurements/2026-10.yaml');
    expect(text).toContain('opened: 2026-10-04T01:30:00+10:00');
    expect(text).toContain('resolved: 2026-10-04T05:00:00+11:00');
    const sla = JSON.parse(govern('sla', 'sydney', '--period', '2026-10', '--format', 'json').stdout) as SlaJson;
    const desk = sla.services[0]!;
    expect(desk.priorities.find((p) => p.priority === 'P1')).toMatchObject({ incidents: 1, met: 1, compliance: 100 });
    expect(desk.priorities.find((p) => p.priority === 'P2')).toMatchObject({ incidents: 1, met: 0, compliance: 0 });
  });

  it('refuses a bad export with every bad row named at its own line, and writes nothing', () => {
    write({
      'exports/bad.csv':
        'number,short_description,cmdb_ci,priority,state,opened_at,u_first_response,resolved_at\n' +
        'INC0100,"two\nlines",Platform (prod),1 - Critical,New,2026-10-25 01:30:00,,\n' +
        'INC0101,fine,Platform (prod),4 - Low,New,2026-10-20 09:00:00,,\n' +
        'INC0102,fine,Platform (prod),1 - Critical,New,2026-10-20 09:00:00,,\n' +
        'INC0103,zone,Platform (prod),1 - Critical,New,2026-03-29 01:30:00,,\n',
    });
    const before = read('london/measurements/2026-10.yaml');
    const r = govern('import', 'incidents', 'exports/bad.csv', 'london');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('exports/bad.csv:2: opened_at: 2026-10-25 01:30 happens twice in Europe/London');
    expect(r.stderr).toContain('exports/bad.csv:4: priority: `4 - Low` is not a priority of platform');
    expect(r.stderr).toContain('exports/bad.csv:6: opened_at: 2026-03-29 01:30 does not exist in Europe/London');
    expect(r.stderr).toContain('3 problems in 3 rows of exports/bad.csv; nothing was written');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(read('london/measurements/2026-10.yaml')).toBe(before);
    expect(existsSync(join(dir, 'london/measurements/2026-03.yaml'))).toBe(false);
  });

  it('updates one changed field of a commented, hand-formatted file and leaves every other byte', () => {
    const hand = [
      '# September, typed by hand before we had the export',
      'period: "2026-09"',
      '',
      'incidents:',
      '    # the big one',
      '    -   id: INC0900',
      '        service: platform      # aligned comment',
      "        priority: 'P1'",
      '        opened: 2026-09-10T10:00:00+01:00',
      '        resolved: 2026-09-10T11:00:00+01:00   # wrong, fixed in ServiceNow',
      '',
      '    -   { id: INC0901, service: platform, priority: P2, opened: 2026-09-11T10:00:00+01:00 }',
      '',
      'kpis: []   # none yet',
      '',
    ].join('\r\n');
    write({
      'london/measurements/2026-09.yaml': hand,
      'exports/sept.csv':
        'number,cmdb_ci,priority,state,opened_at,u_first_response,resolved_at\nINC0900,Platform (prod),1 - Critical,Closed,2026-09-10 10:00:00,,2026-09-10 12:15:00\nINC0901,Platform (prod),2 - High,Open,2026-09-11 10:00:00,,\n',
    });
    const r = govern('import', 'incidents', 'exports/sept.csv', 'london', '--quiet');
    expect(r.stdout).toContain('0 added, 1 updated, 1 unchanged in london/measurements/2026-09.yaml');
    expect(read('london/measurements/2026-09.yaml')).toBe(hand.replace('2026-09-10T11:00:00+01:00   #', '2026-09-10T12:15:00+01:00   #'));
  });

  it('--dry-run says what would change and writes nothing', () => {
    write({ 'exports/more.csv': 'number,cmdb_ci,priority,state,opened_at,u_first_response,resolved_at\nINC0950,Platform (prod),2 - High,New,2026-11-02 08:00:00,,\n' });
    const r = govern('import', 'incidents', 'exports/more.csv', 'london', '--dry-run');
    expect(r.stdout).toBe('1 would be added, 0 would be updated, 0 unchanged in london/measurements/2026-11.yaml (a new file)\n');
    expect(existsSync(join(dir, 'london/measurements/2026-11.yaml'))).toBe(false);
  });

  it('ends quietly when its output pipe closes early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" import incidents exports/servicenow.csv london --dry-run | head -1`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stdout.split('\n')[0]).toMatch(/unchanged in london\/measurements\/2026-10\.yaml$/);
  });

  it('govern add incident and add downtime take one entry by hand, with the same time rules', () => {
    const twice = govern('add', 'incident', 'sydney', '--id', 'SUP-9', '--service', 'desk', '--priority', 'P1', '--opened', '2026-04-05 02:30');
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('2026-04-05 02:30 happens twice in Australia/Sydney');
    const r = govern(
      'add',
      'incident',
      'sydney',
      '--id',
      'SUP-9',
      '--service',
      'desk',
      '--priority',
      'P2',
      '--opened',
      '2026-10-04 03:10',
      '--resolved',
      '2026-10-04T05:00:00+11:00',
      '--quiet',
    );
    expect(r.status).toBe(0);
    expect(read('sydney/measurements/2026-10.yaml')).toContain(
      '- id: SUP-9\n    service: desk\n    priority: P2\n    opened: 2026-10-04T03:10:00+11:00\n    resolved: 2026-10-04T05:00:00+11:00\n',
    );
    const d = govern(
      'add',
      'downtime',
      'sydney',
      '--service',
      'desk',
      '--from',
      '2026-12-01 09:00',
      '--to',
      '2026-12-01 09:45',
      '--planned',
      'no',
      '--note',
      "O'Brien's switch",
      '--quiet',
    );
    expect(d.status).toBe(0);
    expect(read('sydney/measurements/2026-12.yaml')).toContain('from: 2026-12-01T09:00:00+11:00');
    expect(read('sydney/measurements/2026-12.yaml')).toContain("note: O'Brien's switch");
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A portfolio of four partnerships written for these tests, each by a different hand:
 * - `south/` (Australia/Sydney, AUD, flow maps, CRLF, a BOM): two breaches and a credit owed;
 * - `north/` (Europe/Oslo, EUR, block style, comments): clean, everything met;
 * - `broken/`: check errors (an SLA resolution shorter than its response, an unknown calendar);
 * - `quiet/` (USD): clean, but no measurements for the period.
 */
export function writeTree(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'govern-portfolio-'));
  const put = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  const crlf = (s: string): string => `\uFEFF${s.replace(/\n/g, '\r\n')}`;

  put(
    'south/partnership.yaml',
    crlf(`id: south
name: "Wallaby & Co's 'Harbour' desk"
client: { id: wallaby, name: Wallaby & Co }
provider: { id: kanga, name: Kängurú Services Pty }
timezone: Australia/Sydney
contract: { start: 2026-01-01, end: 2027-01-31, renewal: { auto: false, noticeDays: 60 }, value: { amount: 120000, currency: AUD, per: year } }
`),
  );
  put(
    'south/slas.yaml',
    crlf(`calendars:
  - { id: 24x7 }
services:
  - id: desk
    name: Harbour service desk
    calendar: 24x7
    availability: { target: 99.9, per: month }
    monthlyFee: { amount: 10000, currency: AUD }
    priorities:
      - { id: P1, response: 15m, resolution: 4h, target: 95 }
      - { id: P2, response: 1h, resolution: 8h, target: 90 }
    credits: { tiers: [{ below: 99.9, percent: 10 }], cap: 20 }
`),
  );
  // Sydney is +10:00 in winter (July); the incidents breach, and 3 h down in July earns a credit.
  put(
    'south/measurements/2026-07.yaml',
    crlf(`period: 2026-07
incidents:
  - { id: INC-1, service: desk, priority: P1, opened: "2026-07-03T09:00:00+10:00", responded: "2026-07-03T09:40:00+10:00", resolved: "2026-07-03T18:00:00+10:00" }
  - { id: INC-2, service: desk, priority: P2, opened: "2026-07-09T10:00:00+10:00", responded: "2026-07-09T10:20:00+10:00", resolved: "2026-07-09T20:00:00+10:00" }
  - { id: INC-3, service: desk, priority: P2, opened: "2026-07-10T10:00:00+10:00", responded: "2026-07-10T10:20:00+10:00", resolved: "2026-07-10T12:00:00+10:00" }
downtime:
  - { service: desk, from: "2026-07-03T09:00:00+10:00", to: "2026-07-03T12:00:00+10:00", planned: false }
`),
  );
  put('south/measurements/2026-08.yaml', crlf('period: 2026-08\nincidents: []\n'));
  put('south/measurements/2026-09.yaml', crlf('period: 2026-09\nincidents: []\n'));
  put(
    'south/governance.yaml',
    crlf(`meetings:
  - { id: qbr, name: Quarterly review, cadence: quarterly }
`),
  );

  put(
    'north/partnership.yaml',
    `# Fjord hosting, written the long way.
id: north
name: Fjord hosting
client:
  id: fjord
  name: Fjord Fisk AS
provider:
  id: aurora
  name: Aurora Drift AS
timezone: Europe/Oslo
contract:
  start: 2025-06-01
  end: 2030-05-31
  renewal:
    auto: true
    noticeDays: 90
`,
  );
  put(
    'north/slas.yaml',
    `calendars:
  - id: 24x7
services:
  - id: hosting
    name: Hosting
    calendar: 24x7
    availability:
      target: 99.5
      per: month
    monthlyFee:
      amount: 4000
      currency: EUR
    priorities:
      - id: P1
        response: 30m
        resolution: 8h
        target: 90
    credits:
      tiers:
        - below: 99.5
          percent: 5
      cap: 10
`,
  );
  put(
    'north/measurements/2026-Q3.yaml',
    `period: 2026-Q3
incidents:
  - id: N-1
    service: hosting
    priority: P1
    summary: |
      Disk filled; cleared.
    opened: 2026-08-04T10:00:00+02:00
    responded: 2026-08-04T10:10:00+02:00
    resolved: 2026-08-04T11:00:00+02:00
`,
  );
  put(
    'north/governance.yaml',
    `meetings:
  - id: monthly
    name: Monthly review
    cadence: monthly
`,
  );

  put(
    'broken/partnership.yaml',
    `id: broken
name: Broken <b>bold</b> one
client: { id: x, name: X }
provider: { id: y, name: Y }
timezone: America/Chicago
`,
  );
  put(
    'broken/slas.yaml',
    `services:
  - id: svc
    name: Service
    calendar: nowhere
    priorities:
      - { id: P1, response: 4h, resolution: 1h, target: 90 }
`,
  );
  put('broken/measurements/2026-07.yaml', 'period: 2026-07\nincidents: []\n');

  put('quiet/partnership.yaml', 'id: quiet\nname: Quiet one\nclient: { id: q, name: Q }\nprovider: { id: r, name: R }\ntimezone: America/New_York\n');
  put(
    'quiet/slas.yaml',
    'calendars: [{ id: 24x7 }]\nservices:\n  - { id: s, name: S, calendar: 24x7, monthlyFee: { amount: 1, currency: USD }, priorities: [{ id: P1, response: 1h, resolution: 4h, target: 90 }] }\n',
  );
  put('quiet/measurements/2026-10.yaml', 'period: 2026-10\nincidents: []\n');
  return root;
}

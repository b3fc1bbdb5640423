import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/govern.js', import.meta.url));

// A portfolio of two partnerships, one in Wellington and one in Mendoza, with dates on both sides of a
// 30-day window from 2026-11-15 (to 2026-12-15 inclusive). Each line says whether it is in or out.
const TREE: Record<string, string> = {
  'wellington/partnership.yaml': `id: wellington
name: "Kōwhai & O'Brien"
client: { id: kowhai, name: Kōwhai Trust }
provider: { id: obrien, name: O'Brien IT }
timezone: Pacific/Auckland
contract:
  reference: MSA-7
  start: 2025-01-01
  end: 2027-02-28
  renewal: { auto: true, noticeDays: 90 }   # last notice day 2026-11-30: in
owners: { client: aroha, provider: sean }
`,
  'wellington/contacts.yaml': `contacts:
  - { id: aroha, name: Aroha Ngata, party: client, email: aroha@kowhai.example }
  - { id: sean, name: "Seán O'Brien", party: provider, email: sean@obrien.example }
  - { id: niamh, name: Niamh Kelly, party: provider, phone: "+64 4 555 0101" }
`,
  'wellington/raci.yaml': `roles:
  - { id: desk-lead, name: Desk lead, party: provider, holders: [sean, niamh] }
`,
  'wellington/governance.yaml': `meetings:
  - id: hui                       # first Tuesday: 2026-12-01 in
    name: Monthly hui
    cadence: monthly
    day: first-tue
    time: "09:30"
    duration: 1h
    chair: aroha
    attendees: [desk-lead]
  - id: standup                   # Fridays: 11-20, 11-27, 12-04, 12-11 in; 12-18 out
    name: Friday stand-up
    cadence: weekly
    day: fri
    time: "08:00"
    duration: 15m
    chair: sean
    attendees: [aroha]
`,
  'wellington/risks.yaml': `risks:
  - { id: r-in, title: Edge of the window, likelihood: 1, impact: 1, owner: sean, status: open, reviewBy: 2026-12-15 }
  - { id: r-out, title: A day past it, likelihood: 1, impact: 1, owner: sean, status: open, reviewBy: 2026-12-16 }
  - { id: r-closed, title: Closed, likelihood: 1, impact: 1, owner: sean, status: closed, reviewBy: 2026-11-20 }
  - { id: r-over, title: Overdue review, likelihood: 2, impact: 2, owner: aroha, status: mitigating, reviewBy: 2026-11-01 }
`,
  'wellington/reviews/2026-Q3.yaml': `period: 2026-Q3
held: 2026-10-08
actions:
  - { id: A-1, title: Patch the firewall, owner: sean, due: 2026-11-25, status: open }
  - { id: A-2, title: Done already, owner: sean, due: 2026-11-20, status: done }
  - { id: A-3, title: Far ahead, owner: sean, due: 2027-01-10, status: open }
  - { id: A-4, title: Overdue runbook, owner: aroha, due: 2026-10-30, status: open }
`,
  'wellington/waivers.yaml': `waivers:
  - { rule: risks/stale-review, at: r-over, reason: Board decides in December, owner: aroha, expires: 2026-12-01 }
  - { rule: contacts/unreferenced, reason: Kept for audits, owner: sean, expires: 2027-05-01 }
`,
  'mendoza/partnership.yaml': `id: mendoza
name: Viñedos Mendoza
client: { id: vinedos, name: Viñedos }
provider: { id: andes, name: Andes Cloud }
timezone: America/Argentina/Mendoza
contract: { start: 2026-01-01, end: 2027-12-31, renewal: { auto: false, noticeDays: 60 } }   # notice 2027-11-01: out
owners: { client: lucia, provider: mateo }
`,
  'mendoza/contacts.yaml': `contacts:
  - { id: lucia, name: Lucía Gómez, party: client, email: lucia@vinedos.example }
  - { id: mateo, name: Mateo Ruiz, party: provider, email: mateo@andes.example }
`,
  'mendoza/governance.yaml': `meetings:
  - { id: trimestral, name: Revisión trimestral, cadence: quarterly, day: last-thu, time: "15:00", chair: lucia, attendees: [mateo] }   # Jan, Apr, Jul, Oct: out
`,
  'mendoza/reviews/2026-10.yaml': `period: 2026-10
held: 2026-11-02
actions:
  - { id: M-9, title: Renew the TLS certificates, owner: mateo, due: 2026-12-10, status: open }
`,
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'govern-due-'));
  for (const [name, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(dir, 'portfolio', name)), { recursive: true });
    writeFileSync(join(dir, 'portfolio', name), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function govern(...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.GOVERN_TODAY;
  const r = spawnSync(process.execPath, [bin, ...args, '--today', '2026-11-15'], { cwd: dir, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const EXPECTED = [
  ['2026-10-30', 'action', 'A-4', 'wellington', true],
  ['2026-11-01', 'risk', 'r-over', 'wellington', true],
  ['2026-11-20', 'meeting', 'standup', 'wellington', false],
  ['2026-11-25', 'action', 'A-1', 'wellington', false],
  ['2026-11-27', 'meeting', 'standup', 'wellington', false],
  ['2026-11-30', 'notice', 'notice', 'wellington', false],
  ['2026-12-01', 'waiver', 'risks/stale-review', 'wellington', false],
  ['2026-12-01', 'meeting', 'hui', 'wellington', false],
  ['2026-12-04', 'meeting', 'standup', 'wellington', false],
  ['2026-12-10', 'action', 'M-9', 'mendoza', false],
  ['2026-12-11', 'meeting', 'standup', 'wellington', false],
  ['2026-12-15', 'risk', 'r-in', 'wellington', false],
];

interface Item {
  date: string;
  time?: string;
  kind: string;
  id: string;
  partnership: string;
  overdue: boolean;
  days: number;
  title: string;
  people: { id: string; name: string; email?: string }[];
  file: string;
  line: number;
}

describe('govern due over a portfolio', () => {
  it('lists in JSON what falls in the window, and what is overdue, and nothing beyond', () => {
    const { code, out, err } = govern('due', 'portfolio', '--within', '30d', '--format', 'json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { within: string; items: Item[] };
    expect(report.within).toBe('30d');
    expect(report.items.map((i) => [i.date, i.kind, i.id, i.partnership, i.overdue])).toEqual(EXPECTED);
    const hui = report.items.find((i) => i.id === 'hui')!;
    expect(hui).toMatchObject({ time: '09:30', days: 16, file: 'portfolio/wellington/governance.yaml', line: 2 });
    // The role desk-lead stands for its holders.
    expect(hui.people.map((p) => p.id)).toEqual(['aroha', 'sean', 'niamh']);
    const notice = report.items.find((i) => i.kind === 'notice')!;
    expect(notice.title).toBe('last day to give notice on MSA-7; without notice it renews after 2027-02-28');
    expect(notice.line).toBe(10);
  });

  it('widens and narrows with --within', () => {
    const week = JSON.parse(govern('due', 'portfolio', '--within', '1w', '--format', 'json').out) as { items: Item[] };
    expect(week.items.map((i) => i.date)).toEqual(['2026-10-30', '2026-11-01', '2026-11-20']);
    const bad = govern('due', 'portfolio', '--within', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--within takes days or weeks ahead, such as 30d or 6w');
  });

  it('prints a table for people', () => {
    const { code, out } = govern('due', 'portfolio', '--within', '30d');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^date +when +kind +what +partnership +who +where$/);
    expect(lines[1]).toMatch(/^2026-10-30 +overdue 16d +action +A-4 due: Overdue runbook +wellington +Aroha Ngata +portfolio\/wellington\/reviews\/2026-Q3\.yaml:7$/);
    expect(out).toMatch(
      /\n2026-12-01 09:30 +in 16d +meeting +Monthly hui +wellington +Aroha Ngata, Seán O'Brien, Niamh Kelly +portfolio\/wellington\/governance\.yaml:2\n/,
    );
    expect(out.trimEnd().split('\n').at(-1)).toBe('12 items in the next 30 days, 2 already overdue');
  });

  it('writes .ics that a real iCalendar parser reads: reminders ahead of the notice day, attendees on meetings', () => {
    const { code, out } = govern('due', 'portfolio', '--within', '30d', '--format', 'ics');
    expect(code).toBe(0);
    const calendar = new ICAL.Component(ICAL.parse(out));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(EXPECTED.length);

    const notice = events.find((e) => e.summary.startsWith('last day to give notice'))!;
    expect(notice.startDate.toString()).toBe('2026-11-30');
    expect(notice.startDate.isDate).toBe(true);
    const alarms = notice.component.getAllSubcomponents('valarm');
    expect(alarms.map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds() / 86_400)).toEqual([-30, -7, -1]);
    expect(alarms.every((a) => a.getFirstPropertyValue('action') === 'DISPLAY')).toBe(true);

    const hui = events.find((e) => e.summary.startsWith('Monthly hui'))!;
    // 09:30 in Wellington (NZDT, +13:00) on 2026-12-01, read through the VTIMEZONE the file carries.
    expect(hui.startDate.toJSDate().getTime()).toBe(DateTime.fromISO('2026-12-01T09:30', { zone: 'Pacific/Auckland' }).toMillis());
    expect(hui.duration.toSeconds()).toBe(3600);
    const attendees = hui.component.getAllProperties('attendee').map((p) => [p.getFirstValue(), p.getParameter('cn'), p.getParameter('role')]);
    expect(attendees).toEqual([
      ['mailto:aroha@kowhai.example', 'Aroha Ngata', 'CHAIR'],
      ['mailto:sean@obrien.example', "Seán O'Brien", 'REQ-PARTICIPANT'],
    ]);
    expect(hui.component.getAllSubcomponents('valarm').map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds())).toEqual([-900]);
    // UIDs are unique and stable.
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(govern('due', 'portfolio', '--within', '30d', '--format', 'ics').out).toBe(out);
  });
});

describe('govern calendar, read by ical.js', () => {
  it('gives meetings their attendees by e-mail (roles expanded to holders), and recurs on the days govern due lists', () => {
    const { code, out } = govern('calendar', 'portfolio', '--partnership', 'wellington');
    expect(code).toBe(0);
    const calendar = new ICAL.Component(ICAL.parse(out));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const hui = events.find((e) => e.summary === 'Monthly hui')!;
    expect(hui.component.getAllProperties('attendee').map((p) => p.getFirstValue())).toEqual(['mailto:aroha@kowhai.example', 'mailto:sean@obrien.example']);

    // The recurrence of `calendar` and the occurrences of `due` agree, day for day, over the window.
    const due = (JSON.parse(govern('due', 'portfolio', '--within', '30d', '--format', 'json').out) as { items: Item[] }).items;
    for (const id of ['hui', 'standup']) {
      const event = events.find((e) => e.uid.startsWith(`wellington.meeting.${id}@`))!;
      const it = event.iterator();
      const days: string[] = [];
      for (let next = it.next(); next && next.toString().slice(0, 10) <= '2026-12-15'; next = it.next()) {
        if (next.toString().slice(0, 10) >= '2026-11-15') days.push(next.toString().slice(0, 10));
      }
      expect(days).toEqual(due.filter((i) => i.id === id).map((i) => i.date));
    }
  });
});

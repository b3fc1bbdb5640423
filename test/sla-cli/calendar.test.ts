import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldLine, text } from '../../src/render/icalendar.js';
import { copyLite, govern, LITE, TREE } from './helpers.js';

/** A property of a content line after unfolding: name, parameters and raw value. */
interface Prop {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** A component: its name, properties in order, and sub-components. */
interface Component {
  name: string;
  props: Prop[];
  children: Component[];
}

/**
 * A small RFC 5545 reader for the test: checks CRLF endings and the 75-octet limit on the raw lines,
 * unfolds, and builds components from balanced BEGIN/END lines (throwing on imbalance).
 */
function parseIcs(raw: string): Component {
  expect(raw.endsWith('\r\n')).toBe(true);
  expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = raw.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const root: Component = { name: '', props: [], children: [] };
  const stack: Component[] = [root];
  for (const line of logical) {
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`no colon: ${line}`);
    const [name, ...paramParts] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    const params = Object.fromEntries(paramParts.map((p) => p.split('=') as [string, string]));
    if (name === 'BEGIN') {
      const child: Component = { name: value, props: [], children: [] };
      stack.at(-1)!.children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      const open = stack.pop();
      if (!open || open.name !== value) throw new Error(`END:${value} closes ${open?.name ?? 'nothing'}`);
    } else {
      stack.at(-1)!.props.push({ name: name!, params, value });
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed ${stack.at(-1)!.name}`);
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function prop(component: Component, name: string): Prop | undefined {
  return component.props.find((p) => p.name === name);
}

function events(calendar: Component): Map<string, Component> {
  return new Map(calendar.children.filter((c) => c.name === 'VEVENT').map((e) => [prop(e, 'UID')!.value, e]));
}

describe('govern calendar', () => {
  it('writes a well-formed iCalendar: CRLF, lines of at most 75 octets, balanced components', async () => {
    const { code, out, err } = await govern(['calendar', LITE, '--today', '2026-11-15']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const calendar = parseIcs(out);
    expect(calendar.name).toBe('VCALENDAR');
    expect(prop(calendar, 'VERSION')!.value).toBe('2.0');
    expect(prop(calendar, 'PRODID')!.value).toMatch(/^-\/\/govern\/\/govern \d+\.\d+\.\d+/);
    // A long title was folded, and reads back whole once unfolded and unescaped.
    expect(out).toContain('\r\n ');
    const action = events(calendar).get('lite.action.A-1@govern')!;
    expect(unescapeText(prop(action, 'SUMMARY')!.value)).toBe(
      'A-1 due: Write the runbook for the DST night, with commas, semicolons; and a long title that must be folded at seventy-five octets',
    );
  });

  it('turns each meeting into a recurring event in its own time zone, with a VTIMEZONE for it', async () => {
    const calendar = parseIcs((await govern(['calendar', LITE, '--today', '2026-11-15'])).out);
    const all = events(calendar);
    // The contract starts Thu 2026-01-01. First Tuesday of January: the 6th.
    const monthly = all.get('lite.meeting.monthly-service-review@govern')!;
    expect(prop(monthly, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Europe/Berlin' }, value: '20260106T100000' });
    expect(prop(monthly, 'RRULE')!.value).toBe('FREQ=MONTHLY;BYDAY=1TU');
    expect(prop(monthly, 'DURATION')!.value).toBe('PT1H');
    expect(unescapeText(prop(monthly, 'DESCRIPTION')!.value)).toContain('Agenda:\n- SLA performance\n- Open actions\n- Risks; changes');
    // Biweekly counts from the contract start: the first Wednesday on or after it, Jan 7, in New York time.
    const ops = all.get('lite.meeting.ops-sync@govern')!;
    expect(prop(ops, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'America/New_York' }, value: '20260107T093000' });
    expect(prop(ops, 'RRULE')!.value).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE');
    expect(prop(ops, 'DURATION')!.value).toBe('PT30M');
    // Quarterly, last Friday: 30 January 2026, then every third month.
    const qbr = all.get('lite.meeting.quarterly-business-review@govern')!;
    expect(prop(qbr, 'DTSTART')!.value).toBe('20260130T140000');
    expect(prop(qbr, 'RRULE')!.value).toBe('FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR');

    const zones = calendar.children.filter((c) => c.name === 'VTIMEZONE');
    expect(zones.map((z) => prop(z, 'TZID')!.value)).toEqual(['America/New_York', 'Europe/Berlin']);
    const berlin = zones[1]!.children.map((c) => [c.name, prop(c, 'TZOFFSETFROM')!.value, prop(c, 'TZOFFSETTO')!.value, prop(c, 'RRULE')!.value]);
    expect(berlin).toEqual([
      ['DAYLIGHT', '+0100', '+0200', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'],
      ['STANDARD', '+0200', '+0100', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'],
    ]);
    const newYork = zones[0]!.children.map((c) => prop(c, 'RRULE')!.value);
    expect(newYork).toEqual(['FREQ=YEARLY;BYMONTH=3;BYDAY=2SU', 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU']);
  });

  it('names attendees that are roles by the role and its holders, not by the role id', async () => {
    const { dir, done } = copyLite();
    try {
      writeFileSync(
        path.join(dir, 'raci.yaml'),
        'roles:\n  - { id: client-lead, name: Client IT lead, party: client, holders: [ann-client] }\n  - { id: provider-ops, name: Provider operations, party: provider, holders: [desk-team, kim-cto] }\n',
      );
      const governance = path.join(dir, 'governance.yaml');
      writeFileSync(governance, readFileSync(governance, 'utf8').replace('attendees: [ann-client]', 'attendees: [client-lead, provider-ops, bob-provider, nobody]'));
      const { code, out } = await govern(['calendar', dir, '--today', '2026-11-15']);
      expect(code).toBe(0);
      const monthly = events(parseIcs(out)).get('lite.meeting.monthly-service-review@govern')!;
      expect(unescapeText(prop(monthly, 'DESCRIPTION')!.value)).toContain(
        'Attendees: Client IT lead (Ann Client), Provider operations (Northwind service desk, Kim Lee), Bob Provider, nobody\n',
      );
    } finally {
      done();
    }
  });

  it('never writes a time of day that does not exist: a meeting at "25:00" is shown as all-day', async () => {
    const { dir, done } = copyLite();
    try {
      const governance = path.join(dir, 'governance.yaml');
      writeFileSync(governance, readFileSync(governance, 'utf8').replace('time: "10:00"', 'time: "25:00"'));
      const { code, out } = await govern(['calendar', dir, '--today', '2026-11-15']);
      expect(code).toBe(0);
      const monthly = events(parseIcs(out)).get('lite.meeting.monthly-service-review@govern')!;
      expect(prop(monthly, 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20260106' });
      expect(prop(monthly, 'DURATION')).toBeUndefined();
      expect(out).not.toContain('T250000');
    } finally {
      done();
    }
  });

  it('adds the contract notice and end dates and open actions only, as all-day events', async () => {
    const all = events(parseIcs((await govern(['calendar', LITE, '--today', '2026-11-15'])).out));
    // 2028-12-31 − 90 days = 2028-10-02 (31 + 30 + 29 days back to 2 October).
    const notice = all.get('lite.contract.notice@govern')!;
    expect(prop(notice, 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20281002' });
    expect(prop(notice, 'DTEND')!.value).toBe('20281003');
    expect(prop(all.get('lite.contract.end@govern')!, 'DTSTART')!.value).toBe('20281231');
    expect(prop(all.get('lite.action.A-1@govern')!, 'DTSTART')!.value).toBe('20261130');
    // A-2 is done: no event.
    expect(all.has('lite.action.A-2@govern')).toBe(false);
    expect([...all.values()].every((e) => prop(e, 'DTSTAMP')!.value === '20261115T000000Z')).toBe(true);
  });

  it('is reproducible: DTSTAMP from the contract start without --today, the same bytes every run', async () => {
    const first = (await govern(['calendar', LITE])).out;
    const second = (await govern(['calendar', LITE])).out;
    expect(first).toBe(second);
    expect(first).toContain('DTSTAMP:20260101T000000Z\r\n');
  });

  it('covers every partnership of a tree, or the one picked', async () => {
    const tree = parseIcs((await govern(['calendar', TREE, '--today', '2026-11-15'])).out);
    expect(prop(tree, 'X-WR-CALNAME')!.value).toBe('govern: 2 partnerships');
    const one = parseIcs((await govern(['calendar', TREE, '--partnership', 'lite', '--today', '2026-11-15'])).out);
    expect(unescapeText(prop(one, 'X-WR-CALNAME')!.value)).toBe('Lite ⇄ Northwind managed hosting');
  });
});

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(text('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds at 75 octets without splitting a character or an escape', () => {
    const line = `SUMMARY:${'é'.repeat(40)}\\,${'x'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.slice(0, -2).split('\r\n');
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(parts.every((p) => !p.endsWith('\\'))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });
});

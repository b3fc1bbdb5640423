import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { PartnershipIndex } from '../../src/model/partnership-index.js';
import { renderICalendar } from '../../src/render/icalendar.js';
import { meetingOccurrences } from '../../src/render/recurrence.js';
import { memoryWorkspace } from '../helpers/memory.js';

const partnership = (start: string, end: string, auto: boolean) => `id: p
name: P
client: { id: c, name: C }
provider: { id: v, name: V }
timezone: Australia/Hobart
contract: { start: ${start}, end: ${end}, renewal: { auto: ${auto}, noticeDays: 30 } }
`;

/** The days ical.js expands from govern calendar's RRULE for one meeting, between two dates. */
function icalDays(meeting: string, start: string, end: string, auto: boolean, from: string, to: string): string[] {
  const ws = memoryWorkspace({ 'partnership.yaml': partnership(start, end, auto), 'governance.yaml': `meetings:\n  - ${meeting}\n` });
  const ics = renderICalendar([new PartnershipIndex(ws.partnerships[0]!)], { stampDate: '2026-01-01', version: '0', fallbackAnchor: start });
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  const out: string[] = [];
  const it = event.iterator();
  for (let next = it.next(); next && next.toString().slice(0, 10) <= to; next = it.next())
    if (next.toString().slice(0, 10) >= from) out.push(next.toString().slice(0, 10));
  return out;
}

describe('meeting occurrences agree with the RRULE govern calendar writes (expanded by ical.js)', () => {
  it.each([
    { name: 'weekly without a day (the anchor weekday)', meeting: '{ id: m, cadence: weekly, time: "09:00" }', start: '2025-03-05' },
    { name: 'biweekly on Thursdays', meeting: '{ id: m, cadence: biweekly, day: thu, time: "10:00" }', start: '2025-01-01' },
    { name: 'monthly on the 31st (short months skipped)', meeting: '{ id: m, cadence: monthly, time: "08:00" }', start: '2025-01-31' },
    { name: 'monthly on the last Friday', meeting: '{ id: m, cadence: monthly, day: last-fri, time: "16:00" }', start: '2025-02-20' },
    { name: 'monthly, first Monday after an anchor past it', meeting: '{ id: m, cadence: monthly, day: first-mon }', start: '2025-09-10' },
    { name: 'quarterly on the first Tuesday', meeting: '{ id: m, cadence: quarterly, day: first-tue, time: "11:00" }', start: '2025-02-01' },
    { name: 'yearly on the last Wednesday', meeting: '{ id: m, cadence: yearly, day: last-wed, time: "12:00" }', start: '2025-06-01' },
  ])('$name', ({ meeting, start }) => {
    const from = '2026-01-01';
    const to = '2029-12-31';
    const expected = icalDays(meeting, start, '2030-12-31', true, from, to);
    expect(expected.length).toBeGreaterThan(0);
    const parsed = memoryWorkspace({ 'partnership.yaml': partnership(start, '2030-12-31', true), 'governance.yaml': `meetings:\n  - ${meeting}\n` });
    const m = new PartnershipIndex(parsed.partnerships[0]!).meetings[0]!.value;
    expect(meetingOccurrences(m, start, from, to).map((o) => o.date)).toEqual(expected);
  });

  it('skips a 29 February that a year does not have, as RFC 5545 says (ical.js moves it to 1 March instead)', () => {
    const m = { id: 'm', cadence: 'yearly' as const, time: '12:00' };
    expect(meetingOccurrences(m, '2024-02-29', '2025-01-01', '2032-12-31').map((o) => o.date)).toEqual(['2028-02-29', '2032-02-29']);
  });

  it('stops at the end of a contract that does not renew', () => {
    const meeting = '{ id: m, cadence: weekly, day: mon, time: "09:00" }';
    const expected = icalDays(meeting, '2025-01-01', '2026-03-31', false, '2026-03-01', '2026-06-30');
    expect(expected).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    const m = { id: 'm', cadence: 'weekly' as const, day: 'mon', time: '09:00' };
    expect(meetingOccurrences(m, '2025-01-01', '2026-03-01', '2026-06-30', '2026-03-31').map((o) => o.date)).toEqual(expected);
  });
});

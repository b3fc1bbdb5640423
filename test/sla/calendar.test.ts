import { describe, it, expect } from 'vitest';
import type { Calendar } from '../../src/model/partnership.js';
import {
  type WorkCalendar,
  addWorking,
  compileCalendar,
  intervals,
  isCalendarError,
  isOpen,
  nextOpen,
  validateCalendarHours,
  workingMs,
} from '../../src/sla/calendar.js';
import { parseInstant } from '../../src/sla/interval.js';

const H = 3_600_000;
const M = 60_000;

function at(text: string): number {
  const t = parseInstant(text);
  if (t === null) throw new Error(`bad instant ${text}`);
  return t;
}

function compile(cal: Calendar | '24x7', zone = 'Europe/Berlin'): WorkCalendar {
  const out = compileCalendar(cal, zone);
  if (isCalendarError(out)) throw new Error(JSON.stringify(out.problems));
  return out;
}

const allDay = (zone: string) => compile({ id: 'all-day', timezone: zone, hours: { 'mon-sun': '00:00-24:00' } });
const always = compile('24x7');

describe('Europe/Berlin', () => {
  const business = compile({
    id: 'business-hours',
    hours: { 'mon-fri': '08:00-18:00', sat: ['09:00-12:00', '13:00-15:00'] },
    holidays: ['2026-12-25', '2026-12-26'],
  });

  it('lasts 25 hours on the day summer time ends (2026-10-25)', () => {
    // Clocks go 03:00 CEST → 02:00 CET: midnight (+02:00) to midnight (+01:00) is 24 h + 1 h = 25 h.
    const from = at('2026-10-25T00:00:00+02:00');
    const to = at('2026-10-26T00:00:00+01:00');
    expect(workingMs(always, from, to)).toBe(25 * H);
    expect(workingMs(allDay('Europe/Berlin'), from, to)).toBe(25 * H);
  });

  it('counts a 02:00-03:00 range twice over when the hour repeats (2026-10-25)', () => {
    // 02:00 happens twice; a boundary takes its first occurrence: 02:00+02:00 = 00:00Z.
    // 03:00 happens once, at 03:00+01:00 = 02:00Z. 00:00Z → 02:00Z = 2 h of wall-clock "02:00-03:00".
    const cal = compile({ id: 'night', hours: { sun: '02:00-03:00' } });
    expect(workingMs(cal, at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'))).toBe(2 * H);
  });

  it('lasts 23 hours on the day summer time starts (2026-03-29)', () => {
    // Clocks go 02:00 CET → 03:00 CEST: midnight (+01:00) to midnight (+02:00) is 24 h − 1 h = 23 h.
    const from = at('2026-03-29T00:00:00+01:00');
    const to = at('2026-03-30T00:00:00+02:00');
    expect(workingMs(always, from, to)).toBe(23 * H);
    expect(workingMs(allDay('Europe/Berlin'), from, to)).toBe(23 * H);
  });

  it('shortens ranges through the missing hour (2026-03-29)', () => {
    // 02:00 does not exist; read with the offset before the jump it is 03:00 CEST, so 02:00-03:00 is 0 h,
    // and 01:00-04:00 runs 01:00+01:00 (00:00Z) → 04:00+02:00 (02:00Z) = 2 h instead of 3.
    const gap = compile({ id: 'gap', hours: { sun: '02:00-03:00' } });
    const wide = compile({ id: 'wide', hours: { sun: '01:00-04:00' } });
    const day: [number, number] = [at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z')];
    expect(workingMs(gap, ...day)).toBe(0);
    expect(workingMs(wide, ...day)).toBe(2 * H);
  });

  it('skips a weekend', () => {
    // Fri 2026-10-09 17:00 → 18:00 = 1 h; Sat 09-12 + 13-15 = 3 h + 2 h = 5 h; Sun closed;
    // Mon 08:00 → 09:00 = 1 h. Total 1 + 5 + 1 = 7 h.
    expect(workingMs(business, at('2026-10-09T17:00:00+02:00'), at('2026-10-12T09:00:00+02:00'))).toBe(7 * H);
    // Without Saturday hours: 1 h Friday + 1 h Monday = 2 h.
    const weekdays = compile({ id: 'weekdays', hours: { 'mon-fri': '08:00-18:00' } });
    expect(workingMs(weekdays, at('2026-10-09T17:00:00+02:00'), at('2026-10-12T09:00:00+02:00'))).toBe(2 * H);
  });

  it('skips a holiday', () => {
    // Thu 2026-12-24 17:00 → 18:00 = 1 h; Fri 12-25 holiday; Sat 12-26 holiday (its 5 h are lost);
    // Sun closed; Mon 12-28 08:00 → 09:00 = 1 h. Total 2 h.
    expect(workingMs(business, at('2026-12-24T17:00:00+01:00'), at('2026-12-28T09:00:00+01:00'))).toBe(2 * H);
  });

  it('adds working time across the weekend and starts the clock at the next opening', () => {
    const weekdays = compile({ id: 'weekdays', hours: { 'mon-fri': '08:00-18:00' } });
    // Fri 17:00 + 2 h = 1 h on Friday, then 1 h from Mon 08:00 → Mon 09:00.
    expect(addWorking(weekdays, at('2026-10-09T17:00:00+02:00'), 2 * H)).toBe(at('2026-10-12T09:00:00+02:00'));
    // Sat 10:00 is closed: the clock starts Mon 08:00, + 30 m → Mon 08:30.
    expect(addWorking(weekdays, at('2026-10-10T10:00:00+02:00'), 30 * M)).toBe(at('2026-10-12T08:30:00+02:00'));
    // Exactly the rest of Friday (17:00 + 1 h) ends at Friday's closing, not Monday's opening.
    expect(addWorking(weekdays, at('2026-10-09T17:00:00+02:00'), 1 * H)).toBe(at('2026-10-09T18:00:00+02:00'));
    expect(nextOpen(weekdays, at('2026-10-10T10:00:00+02:00'))).toBe(at('2026-10-12T08:00:00+02:00'));
    expect(isOpen(weekdays, at('2026-10-09T17:59:00+02:00'))).toBe(true);
    expect(isOpen(weekdays, at('2026-10-09T18:00:00+02:00'))).toBe(false);
  });

  it('lists merged intervals and handles a wrapping day range', () => {
    // fri-mon wraps past Sunday: Fri, Sat, Sun, Mon 00:00-24:00, touching days merge into one stretch.
    const cal = compile({ id: 'long-weekend', hours: { 'fri-mon': '00:00-24:00' } });
    expect(intervals(cal, at('2026-10-07T00:00:00+02:00'), at('2026-10-15T00:00:00+02:00'))).toEqual([
      [at('2026-10-09T00:00:00+02:00'), at('2026-10-13T00:00:00+02:00')],
    ]);
  });

  it('is efficient over a year', () => {
    // 2026 has 261 weekdays, less the holiday on Fri 12-25: 260 × 10 h + 52 Saturdays × 5 h, less Sat 12-26.
    const start = performance.now();
    const total = workingMs(business, at('2026-01-01T00:00:00+01:00'), at('2027-01-01T00:00:00+01:00'));
    expect(total).toBe((260 * 10 + 51 * 5) * H);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('America/New_York', () => {
  it('lasts 25 hours on 2026-11-01 and 23 hours on 2026-03-08', () => {
    // Fall back 02:00 EDT → 01:00 EST: 00:00-04:00 to 00:00-05:00 = 25 h.
    expect(workingMs(allDay('America/New_York'), at('2026-11-01T00:00:00-04:00'), at('2026-11-02T00:00:00-05:00'))).toBe(25 * H);
    // Spring forward 02:00 EST → 03:00 EDT: 00:00-05:00 to 00:00-04:00 = 23 h.
    expect(workingMs(allDay('America/New_York'), at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'))).toBe(23 * H);
  });

  it('reads ranges through the changes by the wall clock', () => {
    // 2026-11-01: 01:00 happens twice; its first occurrence is 01:00-04:00 (05:00Z); 02:00 is 02:00-05:00
    // (07:00Z): "01:00-02:00" lasts 2 h.
    const repeat = compile({ id: 'r', timezone: 'America/New_York', hours: { sun: '01:00-02:00' } });
    expect(workingMs(repeat, at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'))).toBe(2 * H);
    // 2026-03-08: 01:30 EST (06:30Z) → 03:30 EDT (07:30Z) = 1 h; 02:30 does not exist (read as 03:30 EDT),
    // so "02:30-03:30" lasts 0 h.
    const across = compile({ id: 'a', timezone: 'America/New_York', hours: { sun: '01:30-03:30' } });
    const gap = compile({ id: 'g', timezone: 'America/New_York', hours: { sun: '02:30-03:30' } });
    expect(workingMs(across, at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(1 * H);
    expect(workingMs(gap, at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(0);
  });
});

describe('Australia/Sydney (southern hemisphere)', () => {
  it('lasts 25 hours on 2026-04-05 (summer time ends) and 23 hours on 2026-10-04 (it starts)', () => {
    // 03:00 AEDT → 02:00 AEST: 00:00+11:00 to 00:00+10:00 = 25 h.
    expect(workingMs(allDay('Australia/Sydney'), at('2026-04-05T00:00:00+11:00'), at('2026-04-06T00:00:00+10:00'))).toBe(25 * H);
    // 02:00 AEST → 03:00 AEDT: 00:00+10:00 to 00:00+11:00 = 23 h.
    expect(workingMs(allDay('Australia/Sydney'), at('2026-10-04T00:00:00+10:00'), at('2026-10-05T00:00:00+11:00'))).toBe(23 * H);
  });

  it('keeps business hours at 09:00-17:00 local on both sides of the change', () => {
    // Fri 2026-04-03 16:00 AEDT → 17:00 = 1 h; weekend (with the change) closed; Mon 04-06 09:00 AEST → 10:00 = 1 h.
    const cal = compile({ id: 'syd', timezone: 'Australia/Sydney', hours: { 'mon-fri': '09:00-17:00' } });
    expect(workingMs(cal, at('2026-04-03T16:00:00+11:00'), at('2026-04-06T10:00:00+10:00'))).toBe(2 * H);
    expect(addWorking(cal, at('2026-04-03T16:00:00+11:00'), 2 * H)).toBe(at('2026-04-06T10:00:00+10:00'));
  });
});

describe('Asia/Kolkata (+05:30, no summer time)', () => {
  it('counts half-hour offsets exactly', () => {
    // 03:00Z = 08:30 IST (closed until 09:30); 12:00Z = 17:30 IST. 09:30 → 17:30 = 8 h.
    const cal = compile({ id: 'in', timezone: 'Asia/Kolkata', hours: { 'mon-fri': '09:30-18:00' } });
    expect(workingMs(cal, at('2026-10-05T03:00:00Z'), at('2026-10-05T12:00:00Z'))).toBe(8 * H);
    // Opening is 09:30 IST = 04:00Z.
    expect(nextOpen(cal, at('2026-10-05T03:00:00Z'))).toBe(at('2026-10-05T04:00:00Z'));
  });
});

describe('compileCalendar and validateCalendarHours', () => {
  it('knows the built-in 24x7 calendar in any zone', () => {
    expect(compileCalendar('24x7', 'Nowhere/Atall')).toEqual({ kind: '24x7' });
    expect(compileCalendar({ id: '24x7' }, 'Europe/Berlin')).toEqual({ kind: '24x7' });
    expect(addWorking(always, 1000, 5000)).toBe(6000);
  });

  it('uses the default zone and rejects an unknown one', () => {
    const berlin = compile({ id: 'b', hours: { mon: '08:00-09:00' } }, 'Europe/Berlin');
    expect(berlin.kind === 'weekly' && berlin.zone).toBe('Europe/Berlin');
    const bad = compileCalendar({ id: 'b', timezone: 'Mars/Olympus', hours: { mon: '08:00-09:00' } }, 'Europe/Berlin');
    expect(isCalendarError(bad) && bad.problems.map((p) => p.path)).toEqual([['timezone']]);
    const holiday = compileCalendar({ id: 'b', hours: { mon: '08:00-09:00' }, holidays: ['2026-02-30'] }, 'UTC');
    expect(isCalendarError(holiday) && holiday.problems.map((p) => p.path)).toEqual([['holidays', 0]]);
  });

  it.each([
    ['a bad range', { mon: '8-18' }, [['mon']], /not a time range/],
    ['start after end', { 'mon-fri': '18:00-08:00' }, [['mon-fri']], /night shift is two entries/],
    ['start equal to end', { mon: '08:00-08:00' }, [['mon']], /does not end after it starts/],
    ['24:00 as a start', { sat: ['09:00-12:00', '24:00-24:00'] }, [['sat', 1]], /can only end a range/],
    ['a time that does not exist', { mon: '08:00-25:00' }, [['mon']], /does not exist/],
    ['an unknown day', { monday: '08:00-18:00' }, [['monday']], /not a day or a day range/],
    ['an overlap inside one key', { sat: ['09:00-12:00', '11:00-13:00'] }, [['sat', 1]], /overlaps 09:00-12:00 \(sat\) on sat/],
    ['an overlap across keys', { 'mon-fri': '08:00-18:00', 'fri-sat': '17:00-19:00' }, [['fri-sat']], /on fri$/],
    ['a mapping that is not one', ['08:00-18:00'], [[]], /hours must map days/],
  ])('reports %s', (_name, hours, paths, message) => {
    const problems = validateCalendarHours(hours);
    expect(problems.map((p) => p.path)).toEqual(paths);
    expect(problems[0]?.message).toMatch(message);
  });

  it('accepts touching ranges, 24:00 as an end and a key repeated through a range', () => {
    expect(validateCalendarHours({ 'mon-fri': ['00:00-12:00', '12:00-24:00'], mon: [] })).toEqual([{ path: ['mon'], message: 'mon lists no time ranges' }]);
    expect(validateCalendarHours({ 'mon-fri': '08:00-12:00', mon: '13:00-24:00' })).toEqual([]);
  });
});

describe('long durations skip whole weeks, and still count the clock changes inside them', () => {
  // Found by the property test: 42 h of a 3 h-a-week calendar from 2026-01-01 crosses 2026-03-29, when
  // Sunday 00:00-03:00 in Berlin lasts 2 h; skipping weeks by the hours as written ended an hour early.
  it('Europe/Berlin: a spring-forward Sunday inside the skipped weeks', () => {
    const cal = compile({ id: 'sun-night', hours: { sun: '00:00-03:00' } });
    const from = at('2026-01-01T00:00:00Z');
    const end = addWorking(cal, from, 42 * H);
    expect(workingMs(cal, from, end)).toBe(42 * H);
    expect(workingMs(cal, from, end - 1)).toBeLessThan(42 * H);
  });

  it('Australia/Sydney: a fall-back Sunday (an hour longer) and a spring-forward one in the same run', () => {
    const cal = compile({ id: 'syd-night', timezone: 'Australia/Sydney', hours: { sun: '01:00-04:00' } });
    const from = at('2026-01-01T00:00:00+11:00');
    for (const hours of [40, 60, 90, 120]) {
      const end = addWorking(cal, from, hours * H);
      expect(workingMs(cal, from, end)).toBe(hours * H);
      expect(isOpen(cal, end - 1)).toBe(true);
    }
  });
});

describe('holidays on the only open day', () => {
  // Found by the property test: open on Mondays only, two Mondays in a row holidays, is 20 closed days in a
  // row; the calendar opens again, so the deadline is finite.
  it('Europe/Berlin: two holiday Mondays in a row do not make the calendar "never open again"', () => {
    const cal = compile({ id: 'mondays', hours: { mon: '09:00-17:00' }, holidays: ['2026-10-26', '2026-11-02'] });
    const end = addWorking(cal, at('2026-10-20T00:00:00Z'), 8 * H);
    expect(end).toBe(at('2026-11-09T17:00:00+01:00'));
  });
});

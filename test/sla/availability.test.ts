import { describe, it, expect } from 'vitest';
import { computeAvailability } from '../../src/sla/availability.js';
import { type WorkCalendar, compileCalendar, isCalendarError } from '../../src/sla/calendar.js';
import { parseInstant } from '../../src/sla/interval.js';
import { parsePeriod } from '../../src/model/period.js';
import { periodBounds } from '../../src/time/period.js';

function at(text: string): number {
  const t = parseInstant(text);
  if (t === null) throw new Error(`bad instant ${text}`);
  return t;
}

const always = compileCalendar('24x7', 'Europe/Berlin') as WorkCalendar;
const businessOrError = compileCalendar({ id: 'b', hours: { 'mon-fri': '08:00-18:00' } }, 'Europe/Berlin');
if (isCalendarError(businessOrError)) throw new Error('calendar');
const business = businessOrError;
const { start, end } = periodBounds(parsePeriod('2026-10')!, 'Europe/Berlin');
const october = { periodStart: start.toMillis(), periodEnd: end.toMillis() };

describe('computeAvailability', () => {
  it('counts overlapping downtime once and leaves planned downtime out (24x7)', () => {
    // October 2026 in Berlin: 31 days × 24h + 1h (summer time ends on the 25th) = 745h = 44,700 min.
    // Unplanned 02:10-02:55Z and 02:40-03:10Z unite to 02:10-03:10Z = 60 min (not 45 + 30 = 75).
    // The planned 2h window is not downtime. Availability = (1 − 60 / 44,700) × 100 = 99.8657718…%.
    const out = computeAvailability({
      calendar: always,
      ...october,
      downtime: [
        { service: 'cloud-hosting', from: '2026-10-03T02:10:00Z', to: '2026-10-03T02:55:00Z', planned: false },
        { service: 'cloud-hosting', from: '2026-10-03T02:40:00Z', to: '2026-10-03T03:10:00Z' },
        { service: 'cloud-hosting', from: '2026-10-10T10:00:00Z', to: '2026-10-10T12:00:00Z', planned: true },
      ],
    });
    expect(out.serviceMinutes).toBe(44_700);
    expect(out.downMinutes).toBe(60);
    expect(out.availability).toBeCloseTo((1 - 60 / 44_700) * 100, 12);
    expect(out.availability).not.toBe(99.87); // unrounded: rounding is for display
  });

  it('counts service time and downtime on business hours', () => {
    // October 2026 starts on a Thursday: weekdays 1-2, 5-9, 12-16, 19-23, 26-30 = 22 days × 10h = 220h = 13,200 min.
    // Down Sat 3 Oct all day: closed, 0 min. Down Fri 9 Oct 17:00 → Mon 12 Oct 09:00: 1h + 1h = 120 min.
    // Availability = (1 − 120 / 13,200) × 100 = 99.0909…%.
    const out = computeAvailability({
      calendar: business,
      ...october,
      downtime: [
        { from: '2026-10-03T00:00:00+02:00', to: '2026-10-04T00:00:00+02:00' },
        { from: '2026-10-09T17:00:00+02:00', to: '2026-10-12T09:00:00+02:00' },
      ],
    });
    expect(out).toMatchObject({ serviceMinutes: 13_200, downMinutes: 120 });
    expect(out.availability).toBeCloseTo((1 - 120 / 13_200) * 100, 12);
  });

  it('clips downtime to the period', () => {
    // 30 Sep 23:00 → 1 Oct 01:00 (Berlin) on 24x7: only 00:00 → 01:00 lies in October = 60 min.
    // A downtime with no end is still going on: from 31 Oct 22:00 up to today, 31 Oct 23:30 = 90 min.
    // Total 60 + 90 = 150 min.
    const out = computeAvailability({
      calendar: always,
      ...october,
      now: at('2026-10-31T23:30:00+01:00'),
      downtime: [{ from: '2026-09-30T23:00:00+02:00', to: '2026-10-01T01:00:00+02:00' }, { from: '2026-10-31T22:00:00+01:00' }],
    });
    expect(out.downMinutes).toBe(60 + 90);
  });

  it('has no availability when there is no service time', () => {
    // A calendar open only on Saturdays measured over Mon 5 Oct: 0 service minutes → null, not 100 %.
    const saturdays = compileCalendar({ id: 's', hours: { sat: '09:00-10:00' } }, 'Europe/Berlin') as WorkCalendar;
    const out = computeAvailability({
      calendar: saturdays,
      periodStart: at('2026-10-05T00:00:00+02:00'),
      periodEnd: at('2026-10-06T00:00:00+02:00'),
      downtime: [],
    });
    expect(out).toEqual({ serviceMinutes: 0, downMinutes: 0, availability: null });
  });
});

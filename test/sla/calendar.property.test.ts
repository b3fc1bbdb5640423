import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Calendar } from '../../src/model/partnership.js';
import { type WorkCalendar, addWorking, compileCalendar, isCalendarError, isOpen, nextOpen, workingMs } from '../../src/sla/calendar.js';

const RUNS = { numRuns: 200 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'] as const;
// The 2026 changes of the zones above, so that instants cluster around the awkward days.
const CHANGES = [
  '2026-03-08T07:00:00Z', // New York spring forward
  '2026-03-29T01:00:00Z', // Berlin spring forward
  '2026-04-04T16:00:00Z', // Sydney summer time ends
  '2026-10-03T16:00:00Z', // Sydney summer time starts
  '2026-10-25T01:00:00Z', // Berlin autumn
  '2026-11-01T06:00:00Z', // New York autumn
].map((s) => Date.parse(s));
const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function hhmm(quarter: number): string {
  const minutes = quarter * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** One day's ranges: up to two, on quarter hours, sorted and disjoint (touching allowed). */
const dayRanges = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 4 }).map((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push(`${hhmm(sorted[i]!)}-${hhmm(sorted[i + 1]!)}`);
  return ranges;
});

/** A random calendar with at least one range in the week, in a random zone, maybe with holidays near the changes. */
const calendarArb: fc.Arbitrary<WorkCalendar> = fc
  .oneof(
    { weight: 1, arbitrary: fc.constant('24x7' as const) },
    {
      weight: 6,
      arbitrary: fc.record({
        zone: fc.constantFrom(...ZONES),
        week: fc.array(dayRanges, { minLength: 7, maxLength: 7 }),
        holidays: fc.subarray(['2026-03-09', '2026-03-30', '2026-04-06', '2026-10-05', '2026-10-26', '2026-11-02']),
        fallback: fc.constantFrom(...DAY_KEYS),
      }),
    },
  )
  .map((spec) => {
    if (spec === '24x7') return compileOk('24x7', 'UTC');
    const hours: Record<string, string[]> = {};
    spec.week.forEach((ranges, i) => {
      if (ranges.length > 0) hours[DAY_KEYS[i]!] = ranges;
    });
    // Never an empty week: an empty calendar has no working time to add.
    if (Object.keys(hours).length === 0) hours[spec.fallback] = ['09:00-17:00'];
    return compileOk({ id: 'random', timezone: spec.zone, hours, holidays: spec.holidays }, spec.zone);
  });

function compileOk(cal: Calendar | '24x7', zone: string): WorkCalendar {
  const out = compileCalendar(cal, zone);
  if (isCalendarError(out)) throw new Error(JSON.stringify(out.problems));
  return out;
}

/** An instant on a whole minute, near a DST change half the time, anywhere in 2026 otherwise. */
const instantArb = fc.oneof(
  fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -3 * 1440, max: 3 * 1440 })).map(([c, m]) => c + m * MINUTE),
  fc.integer({ min: 0, max: 364 * 1440 }).map((m) => Date.parse('2026-01-01T00:00:00Z') + m * MINUTE),
);
/** A forward step of up to ten days, in minutes. */
const stepArb = fc.integer({ min: 0, max: 10 * 1440 }).map((m) => m * MINUTE);

describe('working time properties', () => {
  it('is additive: [a, c] = [a, b] + [b, c]', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, stepArb, stepArb, (cal, a, s1, s2) => {
        const b = a + s1;
        const c = b + s2;
        expect(workingMs(cal, a, c)).toBe(workingMs(cal, a, b) + workingMs(cal, b, c));
      }),
      RUNS,
    );
  });

  it('is never negative and never more than the elapsed time', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: -2 * 1440, max: 10 * 1440 }), (cal, a, m) => {
        const w = workingMs(cal, a, a + m * MINUTE);
        expect(w).toBeGreaterThanOrEqual(0);
        expect(w).toBeLessThanOrEqual(Math.max(0, m * MINUTE));
      }),
      RUNS,
    );
  });

  it('equals the elapsed time on 24x7, in any zone', () => {
    const always = compileOk('24x7', 'Asia/Kolkata');
    fc.assert(
      fc.property(instantArb, stepArb, (a, s) => {
        expect(workingMs(always, a, a + s)).toBe(s);
      }),
      RUNS,
    );
  });

  it('gives N back: workingMs(a, addWorking(a, N)) = N, and not a minute sooner', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 1, max: 60 * 60 }), (cal, a, n) => {
        const ms = n * MINUTE;
        const end = addWorking(cal, a, ms);
        expect(Number.isFinite(end)).toBe(true);
        expect(workingMs(cal, a, end)).toBe(ms);
        // The result lands on working time: the minute before it was open, so it is the earliest such instant.
        expect(isOpen(cal, end - 1)).toBe(true);
        expect(workingMs(cal, a, end - 1)).toBeLessThan(ms);
      }),
      RUNS,
    );
  });

  it('opens next at an open instant, and never before the start', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (cal, a) => {
        const next = nextOpen(cal, a);
        expect(next).toBeGreaterThanOrEqual(a);
        expect(next - a).toBeLessThan(40 * DAY);
        expect(isOpen(cal, next)).toBe(true);
        // Nothing is worked between the start and the next opening.
        expect(workingMs(cal, a, next)).toBe(0);
      }),
      RUNS,
    );
  });
});

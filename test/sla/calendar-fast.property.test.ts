import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fastReadings, slowCivilDay, slowWallInstant } from '../../src/sla/calendar.js';
import { offsetAt } from '../../src/time/civil.js';
import { readZonesThroughTz } from '../../src/time/zone.js';

// The calendar reads wall-clock times and civil days from cached UTC-midnight offsets away from clock changes,
// and from the zone's offsets near them. Both readings must agree with the full date library everywhere, to the
// millisecond, but where luxon's answer is not a reading of the wall time at all (expectWallInstant).
const DAY = 86_400_000;
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe', // a half-hour change
  'Asia/Kolkata',
  'Asia/Kathmandu', // +05:45
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Kiritimati', // +14
  'Pacific/Apia', // skipped a whole day in 2011
  'America/Santiago', // southern hemisphere, changes at midnight
  'America/Havana', // changes at midnight
  'Asia/Tehran',
  'Africa/Casablanca', // Ramadan changes
  'Europe/Amsterdam', // a 19 min 32 s offset before 1937
  'UTC',
] as const;
const zone = fc.constantFrom(...ZONES);
// Civil days from 1900 to 2100, clustered on the days of each year's clock changes.
const anyDay = fc.integer({ min: Math.floor(Date.UTC(1900, 0, 1) / DAY), max: Math.floor(Date.UTC(2100, 0, 1) / DAY) });
const changeDay = fc
  .tuple(fc.integer({ min: 1930, max: 2040 }), fc.constantFrom(0, 2, 3, 8, 9, 10), fc.integer({ min: 0, max: 30 }))
  .map(([y, m, d]) => Math.floor(Date.UTC(y, m, 1) / DAY) + d);
const day = fc.oneof(anyDay, changeDay);

const iso = (t: number): string => new Date(t).toISOString();

/**
 * The fast wallInstant against luxon's. Near a change the fast one reads the zone's offsets itself, and
 * luxon settles a time from a first guess at today's offset: where that guess is far off (Pacific/Apia
 * on 1950-01-01, a zone at -11:30 moving to -11:00, +13 today) luxon can answer an instant that is not
 * a reading of the wall time at all. There the fast one must be a reading, and the first.
 */
function expectWallInstant(d: number, minute: number, z: string): void {
  const fast = fastReadings.wallInstant(d, minute, z);
  const slow = slowWallInstant(d, minute, z);
  if (fast === slow) return;
  const wall = d * DAY + minute * 60_000;
  const reads = (t: number): boolean => t + offsetAt(z, t) * 60_000 === wall;
  expect(reads(slow), `${z} day ${d} minute ${minute}: luxon ${iso(slow)}, fast ${iso(fast)}`).toBe(false);
  expect(reads(fast), `${z} day ${d} minute ${minute}: fast ${iso(fast)}`).toBe(true);
  for (let t = wall - 15 * 3_600_000; t < fast; t += 60_000) expect(reads(t), `${z}: ${iso(t)} reads earlier`).toBe(false);
}

describe('the calendar fast readings agree with the full date library', () => {
  it('wallInstant: every minute of the day, 00:00 to 24:00', () => {
    fc.assert(
      fc.property(zone, day, fc.integer({ min: 0, max: 1440 }), (z, d, minute) => {
        expectWallInstant(d, minute, z);
      }),
      { numRuns: 3000 },
    );
  });

  it('civilDay: any instant, to the millisecond', () => {
    fc.assert(
      fc.property(zone, day, fc.integer({ min: -DAY, max: 2 * DAY }), (z, d, ms) => {
        const t = d * DAY + ms;
        expect(fastReadings.civilDay(t, z)).toBe(slowCivilDay(t, z));
      }),
      { numRuns: 3000 },
    );
  });

  it('civilDay with zones read through TZ, as the CLI runner reads them (midnights read forty at a time under one TZ)', () => {
    readZonesThroughTz(true);
    const before = process.env.TZ;
    try {
      fc.assert(
        fc.property(zone, day, fc.integer({ min: -DAY, max: 2 * DAY }), (z, d, ms) => {
          const t = d * DAY + ms;
          expect(fastReadings.civilDay(t, z)).toBe(slowCivilDay(t, z));
        }),
        { numRuns: 2000 },
      );
      expect(process.env.TZ).toBe(before);
    } finally {
      readZonesThroughTz(false);
    }
  });

  it('every quarter hour across the 2026 changes of Berlin, New York, Sydney and Lord Howe', () => {
    for (const z of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe']) {
      for (const [y, m, d] of [
        [2026, 2, 6],
        [2026, 2, 27],
        [2026, 3, 3],
        [2026, 9, 2],
        [2026, 9, 23],
        [2026, 10, 0],
      ] as const) {
        const first = Math.floor(Date.UTC(y, m, d) / DAY);
        for (let dd = first; dd < first + 3; dd++) {
          for (let minute = 0; minute <= 1440; minute += 15) {
            expectWallInstant(dd, minute, z);
            const t = dd * DAY + minute * 60_000;
            expect(fastReadings.civilDay(t, z), `${z} at ${new Date(t).toISOString()}`).toBe(slowCivilDay(t, z));
          }
        }
      }
    }
  });
});

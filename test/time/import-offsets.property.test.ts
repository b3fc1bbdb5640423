// The offsets an import writes (src/time/local-text.ts) come from one reading
// per UTC midnight away from clock changes; they must be luxon's offset at the
// instant everywhere: at random instants, and at every quarter hour within two
// days of every change of 2020-2030, in zones with odd offsets and changes.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { monthOf, offsetInZone, readInstant, wallTimeOffsets } from '../../src/time/local-text.js';

const ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Havana',
  'America/St_Johns',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Tehran',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Africa/Casablanca',
  'Antarctica/Troll',
  'Pacific/Kiritimati',
  'Pacific/Kwajalein',
  'Africa/Monrovia',
  'UTC',
] as const;
const DAY = 86_400_000;
const QUARTER = 900_000;
const luxon = (zone: string, ms: number): number => DateTime.fromMillis(ms, { zone }).offset;

describe('import offsets agree with luxon', () => {
  it('at random instants from 1900 to 2045', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2045, 0, 1) }), (zone, ms) => {
        expect(offsetInZone(zone, ms), `${zone} ${new Date(ms).toISOString()}`).toBe(luxon(zone, ms));
      }),
      { seed: 20261203, numRuns: 3000 },
    );
  });

  it('at every quarter hour within two days of every change from 2020 to 2030', () => {
    for (const zone of ZONES) {
      let last = luxon(zone, Date.UTC(2020, 0, 1));
      for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2031, 0, 1); t += DAY) {
        const o = luxon(zone, t);
        if (o === last) continue;
        last = o;
        for (let q = t - 3 * DAY; q <= t + 2 * DAY; q += QUARTER) expect(offsetInZone(zone, q), `${zone} ${new Date(q).toISOString()}`).toBe(luxon(zone, q));
      }
    }
  });

  it('reads wall times as luxon places them, and still refuses the skipped and repeated ones', () => {
    expect(readInstant('2026-03-29T02:30:00', 'Europe/Berlin')).toMatchObject({ ok: false });
    expect(readInstant('2026-10-25T02:30:00', 'Europe/Berlin')).toMatchObject({ ok: false });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), (zone, wall) => {
        const text = new Date(Math.floor(wall / 60000) * 60000).toISOString().slice(0, 19);
        const read = readInstant(text, zone);
        const dt = DateTime.fromISO(text, { zone });
        // luxon moves a skipped time forward and takes the first of a repeated one; govern refuses both.
        if (read.ok) expect(read.ms, `${zone} ${text}`).toBe(dt.toMillis());
        else {
          // Refused: the wall time is skipped (luxon's instant shows another time) or repeated (a later instant shows it too).
          const shown = (ms: number): string => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
          const skipped = shown(dt.toMillis()) !== text;
          const repeated = [30, 60, 120].some((m) => shown(dt.toMillis() + m * 60_000) === text);
          expect(skipped || repeated, `${zone} ${text}: ${read.why}`).toBe(true);
        }
      }),
      { seed: 20261203, numRuns: 2000 },
    );
  });

  // readInstant answers most wall times from one reading per day (dayOffset); it must find what the reading of each wall time finds.
  it('of a wall time, read by the day as for the wall time alone', () => {
    for (const zone of ZONES) {
      // The changes found by the readings held to luxon above.
      let last = offsetInZone(zone, Date.UTC(1900, 0, 1));
      for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2040, 0, 1); t += DAY) {
        const o = offsetInZone(zone, t);
        if (o === last) continue;
        last = o;
        // Every quarter hour within three days of a change from 2020 to 2030, every hour for the others.
        const step = t >= Date.UTC(2020, 0, 1) && t < Date.UTC(2031, 0, 1) ? QUARTER : 4 * QUARTER;
        for (let q = t - 3 * DAY; q <= t + 3 * DAY; q += step) {
          expect(wallTimeOffsets(zone, q, true), `${zone} ${new Date(q).toISOString()}`).toEqual(wallTimeOffsets(zone, q, false));
        }
      }
    }
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1850, 0, 1) / 60000, max: Date.UTC(2110, 0, 1) / 60000 }), (zone, minute) => {
        const q = minute * 60000;
        expect(wallTimeOffsets(zone, q, true), `${zone} ${new Date(q).toISOString()}`).toEqual(wallTimeOffsets(zone, q, false));
      }),
      { seed: 20261203, numRuns: 5000 },
    );
  });

  // An import files a row by its first time's month in the partnership's zone: for a wall time placed in that zone
  // (`zoned`) it takes the first seven characters of the text instead of asking monthOf.
  it('of a wall time placed in the zone, spelled with the month monthOf gives', () => {
    const check = (zone: string, text: string): void => {
      const read = readInstant(text, zone, 'yyyy-MM-dd HH:mm:ss');
      if (!read.ok) return;
      expect(read.zoned, `${zone} ${text}`).toBe(true);
      expect(read.text.slice(0, 7), `${zone} ${text}`).toBe(monthOf(read.ms, zone));
    };
    const wall = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
    for (const zone of ZONES) {
      // Every quarter hour of the last and first day of each month of 2026, and of the days around 2026's changes.
      for (let month = 0; month < 12; month++) {
        const edge = Date.UTC(2026, month, 1);
        for (let q = edge - DAY; q < edge + DAY; q += QUARTER) check(zone, wall(q));
      }
    }
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1850, 0, 1) / 1000, max: Date.UTC(2110, 0, 1) / 1000 }), (zone, second) => {
        check(zone, wall(second * 1000));
      }),
      { seed: 20261207, numRuns: 5000 },
    );
    // A time given with its offset is that instant, not placed in the zone.
    expect(readInstant('2026-10-31T23:30:00+00:00', 'Europe/Berlin')).not.toHaveProperty('zoned');
  });
});

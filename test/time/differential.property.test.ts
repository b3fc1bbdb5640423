// src/time/ against luxon: every function there that takes a cheaper path
// must give luxon's answer, over many instants and zones, near the transitions
// and the period edges especially.
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Period } from '../../src/model/period.js';
import { addDays, daysBetween } from '../../src/time/days.js';
import { insidePeriod, periodBounds } from '../../src/time/period.js';
import { todayIn } from '../../src/time/today.js';
import { isValidZone } from '../../src/time/valid-zone.js';
import { zoneOffsetMinutes, zoneOffsetsMinutes } from '../../src/time/zone.js';

const SEED = 20261202;
const RUNS = 400;
const ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Havana',
  'America/St_Johns',
  'America/Sao_Paulo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Africa/Casablanca',
  'UTC',
  'Etc/GMT-14',
  'Asia/Calcutta',
] as const;
const zone = fc.constantFrom(...ZONES);
const HOUR = 3_600_000;

/** Instants from 1975 to 2045, half of them within a day of a transition or a month's start. */
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(1975, 0, 1), max: Date.UTC(2045, 0, 1) }),
  fc
    .record({ year: fc.integer({ min: 1990, max: 2040 }), month: fc.integer({ min: 0, max: 12 }), minutes: fc.integer({ min: -36 * 60, max: 36 * 60 }) })
    .map(({ year, month, minutes }) => Date.UTC(year, month, 1) + minutes * 60_000),
);

const transitionsOf = new Map<string, number[]>();

/** An instant within a day of one of a zone's transitions (from luxon), when the year has any. */
function nearTransition(z: string, year: number, pick: number, minutes: number): number {
  const key = `${z} ${year}`;
  let transitions = transitionsOf.get(key);
  if (!transitions) {
    // The first noon (UTC) after each change: the change itself lies less than a day before.
    transitions = [];
    let last = DateTime.fromMillis(Date.UTC(year, 0, 1, 12), { zone: z }).offset;
    for (let t = Date.UTC(year, 0, 1, 12); t < Date.UTC(year + 1, 0, 1); t += 24 * HOUR) {
      const o = DateTime.fromMillis(t, { zone: z }).offset;
      if (o !== last) transitions.push(t - 12 * HOUR);
      last = o;
    }
    transitionsOf.set(key, transitions);
  }
  const base = transitions.length > 0 ? transitions[pick % transitions.length]! : Date.UTC(year, pick % 12, 1);
  return base + minutes * 60_000;
}
const transitionInstant = fc
  .record({ z: zone, year: fc.integer({ min: 2000, max: 2035 }), pick: fc.nat(3), minutes: fc.integer({ min: -24 * 60, max: 24 * 60 }) })
  .map(({ z, year, pick, minutes }) => ({ z, ms: nearTransition(z, year, pick, minutes) }));

const period: fc.Arbitrary<Period> = fc
  .record({ year: fc.integer({ min: 1990, max: 2040 }), kind: fc.constantFrom('month', 'quarter', 'year'), n: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, kind, n }) => {
    if (kind === 'month') return { kind, label: `${year}-${String(n).padStart(2, '0')}`, year, firstMonth: n, months: 1 };
    if (kind === 'quarter') {
      const q = ((n - 1) % 4) + 1;
      return { kind, label: `${year}-Q${q}`, year, firstMonth: q * 3 - 2, months: 3 };
    }
    return { kind, label: `${year}`, year, firstMonth: 1, months: 12 };
  });

describe('src/time/ agrees with luxon', () => {
  it('zone offsets, anywhere and around transitions', () => {
    fc.assert(
      fc.property(instant, zone, (ms, z) => {
        // A name of another shape than Area/City is left to the full reading (todayIn, periodBounds): undefined.
        const expected = z.includes('/') ? DateTime.fromMillis(ms, { zone: z }).offset : undefined;
        expect(zoneOffsetMinutes(z, ms), `${z} ${new Date(ms).toISOString()}`).toBe(expected);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    fc.assert(
      fc.property(transitionInstant, ({ z, ms }) => {
        const at = [ms - HOUR, ms, ms + HOUR];
        const expected = z.includes('/') ? at.map((t) => DateTime.fromMillis(t, { zone: z }).offset) : undefined;
        expect(zoneOffsetsMinutes(z, at), `${z} ${new Date(ms).toISOString()}`).toEqual(expected);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('today’s date in a zone, near midnight too', () => {
    const nearMidnight = fc.record({ z: zone, day: fc.integer({ min: 0, max: 20_000 }), minutes: fc.integer({ min: -90, max: 90 }) }).map(({ z, day, minutes }) => ({
      z,
      ms:
        DateTime.fromMillis(Date.UTC(1990, 0, 1) + day * 86_400_000, { zone: z })
          .startOf('day')
          .toMillis() +
        minutes * 60_000,
    }));
    fc.assert(
      fc.property(nearMidnight, ({ z, ms }) => {
        expect(todayIn(z, ms), `${z} ${new Date(ms).toISOString()}`).toBe(DateTime.fromMillis(ms, { zone: z }).toISODate());
      }),
      { seed: SEED, numRuns: RUNS },
    );
    fc.assert(
      fc.property(transitionInstant, ({ z, ms }) => {
        expect(todayIn(z, ms)).toBe(DateTime.fromMillis(ms, { zone: z }).toISODate());
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('whether an instant lies in a period, near its edges in every zone', () => {
    const edge = fc
      .record({ p: period, atEnd: fc.boolean(), minutes: fc.integer({ min: -30 * 60, max: 30 * 60 }) })
      .map(({ p, atEnd, minutes }) => ({ p, ms: Date.UTC(p.year, p.firstMonth - 1 + (atEnd ? p.months : 0), 1) + minutes * 60_000 }));
    fc.assert(
      fc.property(edge, zone, ({ p, ms }, z) => {
        const start = DateTime.fromObject({ year: p.year, month: p.firstMonth, day: 1 }, { zone: z });
        const end = start.plus({ months: p.months });
        expect(insidePeriod(ms, p, z), `${p.label} ${z} ${new Date(ms).toISOString()}`).toBe(ms >= start.toMillis() && ms < end.toMillis());
        const bounds = periodBounds(p, z);
        expect([bounds.start.toMillis(), bounds.end.toMillis()]).toEqual([start.toMillis(), end.toMillis()]);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
    // Every zone the runtime lists, from 1985 on (the shortcut by a zone's name applies from 1990).
    const anyZone = fc.constantFrom(...Intl.supportedValuesOf('timeZone'));
    const recent = edge.filter(({ p }) => p.year >= 1985);
    fc.assert(
      fc.property(recent, anyZone, ({ p, ms }, z) => {
        const start = DateTime.fromObject({ year: p.year, month: p.firstMonth, day: 1 }, { zone: z });
        const end = start.plus({ months: p.months });
        expect(insidePeriod(ms, p, z), `${p.label} ${z} ${new Date(ms).toISOString()}`).toBe(ms >= start.toMillis() && ms < end.toMillis());
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });

  it('calendar days moved and counted, across DST days too', () => {
    const date = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -4000, max: 4000 }), (d, n) => {
        const luxon = DateTime.fromISO(d, { zone: 'utc' }).plus({ days: n }).toISODate();
        expect(addDays(d, n)).toBe(luxon);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(daysBetween(a, b)).toBe(Math.round(DateTime.fromISO(b, { zone: 'utc' }).diff(DateTime.fromISO(a, { zone: 'utc' }), 'days').days));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The dates a DST change falls on in Berlin and Sydney are plain calendar days.
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-10-04', -1)).toBe('2026-10-03');
    expect(daysBetween('2026-10-25', '2026-10-24')).toBe(-1);
  });

  it('whether a zone name is known', () => {
    const names = [
      ...Intl.supportedValuesOf('timeZone'),
      'Asia/Calcutta',
      'US/Eastern',
      'UTC',
      'utc',
      'GMT',
      'Etc/GMT+5',
      'EST5EDT',
      'CET',
      'BST',
      'Europe/Berln',
      'europe/berlin',
      '',
      ' Europe/Berlin',
      'Mars/Olympus_Mons',
    ];
    for (const name of names) expect(isValidZone(name), name).toBe(IANAZone.isValidZone(name));
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (name) => {
        expect(isValidZone(name)).toBe(IANAZone.isValidZone(name));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

// src/time/civil.ts and the readings built on it (sla, who, render, calendar,
// due) against luxon: each fast path must give luxon's answer, over many
// instants and zones, near clock changes especially. The luxon side of each
// comparison is the expression the call site used before it went without luxon.
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/model/partnership.js';
import type { Period } from '../../src/model/period.js';
import { firstOccurrence, firstOfSlow, isInDst, transitionLocal, untilStamp, vtimezone } from '../../src/render/icalendar.js';
import { meetingOccurrences, slowMeetingOccurrences } from '../../src/render/recurrence.js';
import { when } from '../../src/render/who-table.js';
import { endOfDay } from '../../src/sla/from-workspace.js';
import { iso } from '../../src/sla/escalation.js';
import { civilDateOf, isPlainDate, isoInZone, offsetAt, steadyStartOfDate, steadyWallInstant, wallToInstant } from '../../src/time/civil.js';
import { fixedZoneOffset } from '../../src/time/zone.js';
import { periodBounds, periodEdges } from '../../src/time/period.js';
import { isValidZone } from '../../src/time/valid-zone.js';

const SEED = 20261203;
const RUNS = 400;
const ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'Europe/Dublin', // negative DST: winter time is the "daylight" one in the zone data
  'Europe/Amsterdam', // +00:19:32 before 1937
  'America/New_York',
  'America/Havana', // changes at midnight
  'America/St_Johns', // -03:30
  'America/Sao_Paulo', // skipped midnights (DST began at 00:00) until 2019
  'America/Santiago', // southern hemisphere, changes at midnight
  'America/Argentina/Salta',
  'Australia/Sydney',
  'Australia/Lord_Howe', // a half-hour change
  'Asia/Kolkata',
  'Asia/Calcutta', // an alias
  'Asia/Kathmandu', // +05:45
  'Asia/Tehran',
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Apia', // skipped 30 December 2011
  'Pacific/Kiritimati', // +14
  'Africa/Casablanca', // Ramadan changes
  'UTC',
  'Etc/UTC',
  'GMT',
  'Etc/GMT+5',
  'Etc/GMT-14',
] as const;
const zone = fc.constantFrom(...ZONES);
const HOUR = 3_600_000;
const DAY = 86_400_000;

const transitionsOf = new Map<string, number[]>();
/** An instant within `minutes` of one of a zone's transitions in a year (found through luxon), or of a month's start when it has none. */
function nearTransition(z: string, year: number, pick: number, minutes: number): number {
  const key = `${z} ${year}`;
  let transitions = transitionsOf.get(key);
  if (!transitions) {
    transitions = [];
    // A day at a time, then the hour within the day (zones change offset weeks apart).
    const offset = (t: number): number => DateTime.fromMillis(t, { zone: z }).offset;
    let last = offset(Date.UTC(year, 0, 1));
    for (let t = Date.UTC(year, 0, 1) + DAY; t <= Date.UTC(year + 1, 0, 1); t += DAY) {
      const o = offset(t);
      if (o === last) continue;
      let h = t - DAY;
      while (offset(h + HOUR) === last) h += HOUR;
      transitions.push(h + HOUR);
      last = o;
    }
    transitionsOf.set(key, transitions);
  }
  const base = transitions.length > 0 ? transitions[pick % transitions.length]! : Date.UTC(year, pick % 12, 1);
  return base + minutes * 60_000;
}
const anyInstant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2060, 0, 1) });
const transitionInstant = fc
  .record({
    z: zone,
    year: fc.integer({ min: 1995, max: 2035 }),
    pick: fc.nat(3),
    minutes: fc.integer({ min: -30 * 60, max: 30 * 60 }),
    ms: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ z, year, pick, minutes, ms }) => ({ z, at: nearTransition(z, year, pick, minutes) + (ms < 500 ? 0 : ms) }));
const instantInZone = fc.oneof(fc.record({ z: zone, at: anyInstant }), transitionInstant);

/** A wall-clock reading near a transition (the wall clock of an instant near one, moved by up to 3 h): skipped and repeated times among them. */
const wallNearTransition = fc.record({ t: transitionInstant, shift: fc.integer({ min: -180, max: 180 }) }).map(({ t: { z, at }, shift }) => {
  const d = new Date(at + shift * 60_000);
  return { z, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
});
const anyWall = fc.record({
  z: zone,
  year: fc.integer({ min: 1900, max: 2060 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
});
const wall = fc.oneof(anyWall, wallNearTransition);

const plainDate = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const recentDate = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
/** Dates on which a zone's clocks change (or the day before or after), in a year of its transitions. */
const changeDate = transitionInstant.map(({ z, at }) => ({ z, date: new Date(at + DAY * ((at % 3) - 1)).toISOString().slice(0, 10) }));

describe('src/time/civil.ts agrees with luxon', () => {
  it('zone offsets: the UTC names and Etc/GMT±N by arithmetic, the rest through Intl', () => {
    for (let n = -16; n <= 16; n++) {
      for (const name of [`Etc/GMT${n < 0 ? '' : '+'}${n}`, `Etc/GMT${n < 0 ? '-' : '-'}${Math.abs(n)}`, `Etc/GMT+0${Math.abs(n)}`]) {
        const valid = IANAZone.isValidZone(name);
        expect(isValidZone(name), name).toBe(valid);
        if (fixedZoneOffset(name) !== undefined) expect(fixedZoneOffset(name), name).toBe(DateTime.fromMillis(0, { zone: name }).offset);
      }
    }
    for (const name of ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'Etc/Greenwich']) {
      expect(IANAZone.isValidZone(name), name).toBe(true);
      expect(isValidZone(name), name).toBe(true);
      expect(fixedZoneOffset(name), name).toBe(0);
    }
    fc.assert(
      fc.property(instantInZone, ({ z, at }) => {
        expect(offsetAt(z, at), `${z} ${new Date(at).toISOString()}`).toBe(DateTime.fromMillis(at, { zone: z }).offset);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });

  it('wall-clock time to instant, skipped and repeated times near a change too', () => {
    fc.assert(
      fc.property(wall, ({ z, year, month, day, hour, minute }) => {
        const luxon = DateTime.fromObject({ year, month, day, hour, minute }, { zone: z }).toMillis();
        const label = `${z} ${year}-${month}-${day} ${hour}:${minute}`;
        expect(wallToInstant(z, year, month, day, hour, minute), label).toBe(luxon);
        const steady = steadyWallInstant(z, year, month, day, hour, minute);
        if (steady !== undefined) expect(steady, label).toBe(luxon);
      }),
      { seed: SEED, numRuns: RUNS * 3 },
    );
    // The fast path is taken away from a change: a steady summer noon in Berlin, a Chatham winter midnight.
    expect(steadyWallInstant('Europe/Berlin', 2026, 7, 14, 12)).toBe(Date.UTC(2026, 6, 14, 10));
    expect(steadyWallInstant('Pacific/Chatham', 2026, 6, 1)).toBe(Date.UTC(2026, 4, 31, 11, 15));
    // …and not on the night São Paulo skipped midnight (2015-10-18 00:00 became 01:00).
    expect(steadyWallInstant('America/Sao_Paulo', 2015, 10, 18)).toBeUndefined();
  });

  it('period edges as epoch ms, as periodBounds places them', () => {
    const period: fc.Arbitrary<Period> = fc
      .record({ year: fc.integer({ min: 1970, max: 2040 }), kind: fc.constantFrom('month', 'quarter', 'year'), n: fc.integer({ min: 1, max: 12 }) })
      .map(({ year, kind, n }) => {
        if (kind === 'month') return { kind, label: `${year}-${String(n).padStart(2, '0')}`, year, firstMonth: n, months: 1 };
        if (kind === 'quarter') {
          const q = ((n - 1) % 4) + 1;
          return { kind, label: `${year}-Q${q}`, year, firstMonth: q * 3 - 2, months: 3 };
        }
        return { kind, label: `${year}`, year, firstMonth: 1, months: 12 };
      });
    fc.assert(
      fc.property(period, zone, (p, z) => {
        const b = periodBounds(p, z);
        expect(periodEdges(p, z), `${p.label} ${z}`).toEqual({ start: b.start.toMillis(), end: b.end.toMillis() });
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
    // A month that began on a skipped midnight: luxon starts it at 01:00, and ends it at 01:00 a month later.
    const nov2015: Period = { kind: 'month', label: '2015-11', year: 2015, firstMonth: 11, months: 1 };
    const b = periodBounds(nov2015, 'America/Sao_Paulo');
    expect(periodEdges(nov2015, 'America/Sao_Paulo')).toEqual({ start: b.start.toMillis(), end: b.end.toMillis() });
  });

  it('ISO text of an instant in a zone (who), milliseconds and Z as luxon writes them', () => {
    fc.assert(
      fc.property(instantInZone, ({ z, at }) => {
        const luxon = DateTime.fromMillis(at, { zone: z }).toISO({ suppressMilliseconds: true });
        expect(isoInZone(at, z), `${z} ${at}`).toBe(luxon);
        expect(iso(at, z)).toBe(luxon);
        // The terminal's reading of that text.
        const t = DateTime.fromISO(luxon!, { setZone: true });
        expect(when(luxon!)).toBe(`${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][t.weekday - 1]} ${t.toFormat('yyyy-MM-dd HH:mm')} ${t.toFormat('ZZ')}`);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
    // `Z` only for luxon's own UTC zone (the names `UTC` and `GMT`), `+00:00` for the IANA ones.
    expect(isoInZone(0, 'UTC')).toBe('1970-01-01T00:00:00Z');
    expect(isoInZone(0, 'utc')).toBe('1970-01-01T00:00:00Z');
    expect(isoInZone(0, 'Etc/UTC')).toBe('1970-01-01T00:00:00+00:00');
    expect(isoInZone(1, 'Europe/London')).toBe('1970-01-01T01:00:00.001+01:00');
    expect(isoInZone(0, 'Mars/Olympus_Mons')).toBeNull();
  });

  it('civil date, weekday and month of an instant in a zone', () => {
    fc.assert(
      fc.property(instantInZone, ({ z, at }) => {
        const l = DateTime.fromMillis(at, { zone: z });
        expect(civilDateOf(at, z), `${z} ${at}`).toEqual({ date: l.toISODate(), weekday: l.weekday, year: l.year, month: l.month });
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });

  it('the end of a day in a zone (--today), on and around the days clocks change', () => {
    const old = (date: string, z: string): number | null => {
      const day = DateTime.fromISO(date, { zone: isValidZone(z) ? z : 'utc' });
      return day.isValid ? day.plus({ days: 1 }).startOf('day').toMillis() : null;
    };
    fc.assert(
      fc.property(fc.oneof(changeDate, fc.record({ z: zone, date: recentDate })), ({ z, date }) => {
        expect(endOfDay(date, z), `${z} ${date}`).toBe(old(date, z));
        const start = steadyStartOfDate(date, z);
        if (start !== undefined) expect(start).toBe(DateTime.fromISO(date, { zone: z }).toMillis());
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
    for (const [date, z] of [
      ['2015-10-17', 'America/Sao_Paulo'],
      ['2026-02-30', 'Europe/Berlin'],
      ['2026-11-15', 'Not/A_Zone'],
      ['2026-11-15T10:00', 'Europe/Berlin'],
      ['0999-12-31', 'Europe/Berlin'],
    ] as const)
      expect(endOfDay(date, z), `${z} ${date}`).toBe(old(date, z));
  });

  it('plain dates (holidays) are real days as luxon says', () => {
    const text = fc
      .record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }) })
      .map(({ y, m, d }) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(text, (t) => {
        expect(isPlainDate(t), t).toBe(DateTime.fromISO(t).isValid);
      }),
      { seed: SEED, numRuns: RUNS * 3 },
    );
    for (const t of ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0000-02-29', '2026-1-05', '2026-01-05T00:00'])
      expect(isPlainDate(t), t).toBe(/^\d{4}-\d{2}-\d{2}$/.test(t) && DateTime.fromISO(t).isValid);
  });
});

describe('recurrences and the iCalendar readings agree with luxon', () => {
  const meeting: fc.Arbitrary<Meeting> = fc.record({
    id: fc.constant('m'),
    cadence: fc.constantFrom('weekly', 'biweekly', 'monthly', 'quarterly', 'yearly', undefined),
    day: fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'first-mon', 'last-fri', 'last-sun', 'first-thu', undefined, 'someday'),
    time: fc.constantFrom('10:00', '24:00', '25:00', undefined),
  }) as fc.Arbitrary<Meeting>;

  it('meeting occurrences over a window, by plain dates as through luxon', () => {
    fc.assert(
      fc.property(meeting, plainDate, recentDate, fc.integer({ min: -40, max: 800 }), fc.option(recentDate, { nil: undefined }), (m, anchor, from, span, until) => {
        const to = new Date(Date.parse(from) + span * DAY).toISOString().slice(0, 10);
        // Anchors long before the window are skipped to it, so a plain date of the years 1000–9999 stays cheap.
        const a = anchor < '1900' ? `19${anchor.slice(2)}` : anchor > '9000' ? `20${anchor.slice(2)}` : anchor;
        expect(meetingOccurrences(m, a, from, to, until), `${JSON.stringify(m)} ${a} ${from}..${to} until ${until}`).toEqual(
          slowMeetingOccurrences(m, a, from, to, until),
        );
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
    // Anchors of other spellings still go to luxon.
    const m = { id: 'm', cadence: 'monthly' } as Meeting;
    expect(meetingOccurrences(m, '2026-01-31T10:00:00Z', '2026-01-01', '2026-06-30')).toEqual(
      slowMeetingOccurrences(m, '2026-01-31T10:00:00Z', '2026-01-01', '2026-06-30'),
    );
    expect(meetingOccurrences(m, 'not a date', '2026-01-01', '2026-06-30')).toEqual([]);
  });

  it('the first occurrence of a meeting (DTSTART, BYMONTH, BYDAY)', () => {
    const weekday = fc.option(fc.integer({ min: 0, max: 6 }), { nil: null });
    fc.assert(
      fc.property(plainDate, fc.constantFrom('weekly', 'biweekly', 'monthly', 'quarterly', 'yearly'), weekday, fc.constantFrom(1 as const, -1 as const), (a, c, w, n) => {
        const slow = firstOfSlow(a, c, w, n);
        const fast = firstOccurrence(a, c, w, n);
        expect(fast.first, `${a} ${c} ${w} ${n}`).toBe(slow.first);
        expect(fast.month).toBe(slow.month);
        if (c === 'weekly' || c === 'biweekly') expect(fast.wd).toBe(slow.wd);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });

  it('UNTIL: the last second of a day in a zone, in UTC', () => {
    fc.assert(
      fc.property(fc.oneof(changeDate, fc.record({ z: zone, date: recentDate })), ({ z, date }) => {
        expect(untilStamp(date, z), `${z} ${date}`).toBe(DateTime.fromISO(date, { zone: z }).endOf('day').toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'"));
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });

  it('a transition’s wall clock and whether the zone is then in daylight time', () => {
    fc.assert(
      fc.property(zone, fc.integer({ min: 1950, max: 2040 }), fc.nat(3), (z, year, pick) => {
        const found = transitionsOf.get(`${z} ${year}`) ?? (nearTransition(z, year, 0, 0), transitionsOf.get(`${z} ${year}`)!);
        if (found.length === 0) return;
        // The first minute of the new offset, found as findTransitions finds it.
        let lo = found[pick % found.length]! - HOUR;
        let hi = lo + HOUR;
        const before = DateTime.fromMillis(lo, { zone: z }).offset;
        while (hi - lo > 60_000) {
          const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
          if (DateTime.fromMillis(mid, { zone: z }).offset === before) lo = mid;
          else hi = mid;
        }
        const next = DateTime.fromMillis(hi, { zone: z }).offset;
        const local = DateTime.fromMillis(hi, { zone: 'utc' }).plus({ minutes: before });
        expect(transitionLocal(hi, before), `${z} ${new Date(hi).toISOString()}`).toEqual({
          year: local.year,
          month: local.month,
          day: local.day,
          weekday: local.weekday,
          daysInMonth: local.daysInMonth,
          text: local.toFormat("yyyyMMdd'T'HHmmss"),
        });
        expect(isInDst(z, hi, next), `${z} ${new Date(hi).toISOString()}`).toBe(DateTime.fromMillis(hi, { zone: z }).isInDST);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Dublin's winter time is its "daylight" time in the zone data (negative DST): luxon's isInDST says summer all the same.
    const dublin = vtimezone('Europe/Dublin', 2026).map(([n, v]) => `${n}:${v}`);
    expect(dublin).toContain('BEGIN:DAYLIGHT');
    expect(dublin).toContain('TZOFFSETTO:+0100');
  });
});

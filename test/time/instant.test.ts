import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { zoneOffsetMinutes, zoneOffsetsMinutes } from '../../src/time/zone.js';
import { todayIn } from '../../src/check/run-check.js';
import { addDaysToDate, insidePeriodQuickly, parseInstantQuickly, todayQuickly } from '../../src/time/instant.js';
import type { Period } from '../../src/model/period.js';
import { periodBounds } from '../../src/time/period.js';

const RUNS = Number(process.env.GOVERN_FUZZ_RUNS ?? 300);
const ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'Europe/Moscow',
  'America/New_York',
  'America/St_Johns',
  'America/Adak',
  'America/Santiago',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Asia/Kamchatka',
  'Australia/Lord_Howe',
  'Australia/Perth',
  'Africa/Casablanca',
  'Pacific/Auckland',
  'Pacific/Kiritimati',
  'Pacific/Apia',
  'UTC',
  'Etc/GMT+12',
  'Asia/Calcutta',
  'US/Eastern',
  'Europe/Berln',
  'europe/berlin',
  'Europe/Berlin ',
  'Africa/Abidjan',
  'Etc/UTC',
  'EST5EDT',
  'Mars/Olympus',
];
const instantMs = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });
const offsetMinutes = fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 });

function rfc3339(ms: number, offset: number, style: number): string {
  const local = new Date(ms + offset * 60000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const suffix = offset === 0 && style === 0 ? 'Z' : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return style === 2 ? `${local}.250${suffix}` : `${local}${suffix}`;
}

/**
 * An RFC 3339 instant as a regular expression and plain arithmetic read it: epoch milliseconds, or
 * undefined for what the schema refuses (an impossible date, hour 24, minute 60, an offset past 23:59).
 * The reference both the fixed-width reading and isDateTime are held to.
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
function referenceInstant(v: string): number | undefined {
  const m = RFC3339.exec(v);
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (mo < 1 || mo > 12 || d < 1 || days === undefined || d > days || h > 23 || mi > 59 || sec > 60) return undefined;
  let offset = 0;
  if (m[8] !== undefined) {
    if (Number(m[9]) > 23 || Number(m[10]) > 59) return undefined;
    offset = (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) * 60000;
  }
  // Date.UTC reads the years 0–99 as 1900–1999: such a year is set on its own.
  const at = new Date(Date.UTC(2000, mo - 1, d, h, mi, sec, m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'))));
  at.setUTCFullYear(at.getUTCFullYear() - 2000 + y);
  return at.getTime() - offset;
}

describe('parseInstantQuickly', () => {
  it('reads an RFC 3339 instant to the millisecond luxon reads', () => {
    fc.assert(
      fc.property(instantMs, offsetMinutes, fc.nat({ max: 2 }), (ms, offset, style) => {
        const text = rfc3339(ms, offset, style);
        const luxon = DateTime.fromISO(text, { setZone: true });
        expect(parseInstantQuickly(text)).toBe(luxon.toMillis());
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('reads a fixed-width instant with any one character changed as the regular expression reads it', () => {
    // The fixed-width reading checks each digit in place: a wrong character anywhere (a letter, a sign, a
    // character below `0` or above `9`) must make it give way, as the expression would refuse it.
    const other = fc.constantFrom(...'0123456789/:;-+.TtZz x\u0660\uff10'.split(''));
    fc.assert(
      fc.property(instantMs, offsetMinutes, fc.nat({ max: 1 }), fc.nat({ max: 24 }), other, (ms, offset, style, at, c) => {
        const valid = rfc3339(ms, offset, style);
        const v = valid.slice(0, Math.min(at, valid.length - 1)) + c + valid.slice(Math.min(at, valid.length - 1) + 1);
        expect(parseInstantQuickly(v), v).toBe(referenceInstant(v));
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it('reads nothing the schema refuses, and every spelling it accepts (issue 19)', () => {
    for (const text of ['2026-10-05', '2026-10-05T09:12', '2026-02-30T00:00:00Z', '2026-10-05T24:00:00Z', '2026-10-05T09:12:61Z', '2026-10-05T09:12:00+24:00', 'soon']) {
      expect(parseInstantQuickly(text), text).toBeUndefined();
    }
    expect(parseInstantQuickly('2024-02-29T12:00:00Z')).toBe(Date.UTC(2024, 1, 29, 12));
    expect(parseInstantQuickly('2026-10-05 09:12:00Z')).toBe(Date.UTC(2026, 9, 5, 9, 12));
    expect(parseInstantQuickly('2026-10-05t09:12:00z')).toBe(Date.UTC(2026, 9, 5, 9, 12));
    expect(parseInstantQuickly('2026-10-05T09:12:60Z')).toBe(Date.UTC(2026, 9, 5, 9, 13));
    expect(parseInstantQuickly('0099-01-01T00:00:00Z')).toBe(new Date('0099-01-01T00:00:00Z').getTime());
  });
});

describe('dates in a zone without loading the zone data', () => {
  it('todayQuickly is luxon’s date in the zone whenever it answers', () => {
    fc.assert(
      fc.property(instantMs, fc.constantFrom(...ZONES), (now, zone) => {
        const quick = todayQuickly(zone, now);
        if (quick === undefined) return;
        const local = DateTime.fromMillis(now, { zone });
        expect(quick).toBe((local.isValid ? local : DateTime.fromMillis(now, { zone: 'utc' })).toISODate());
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('todayIn is luxon’s date in the zone, or in UTC for an unknown zone', () => {
    fc.assert(
      fc.property(instantMs, fc.constantFrom(...ZONES), (now, zone) => {
        const local = DateTime.fromMillis(now, { zone });
        expect(todayIn(zone, now)).toBe((local.isValid ? local : DateTime.fromMillis(now, { zone: 'utc' })).toISODate());
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('zoneOffsetMinutes is luxon’s offset, and says nothing of zones it does not list', () => {
    fc.assert(
      fc.property(instantMs, fc.constantFrom(...ZONES), (ms, zone) => {
        const offset = zoneOffsetMinutes(zone, ms);
        if (offset === undefined) return;
        expect(offset).toBe(DateTime.fromMillis(ms, { zone }).offset);
      }),
      { numRuns: RUNS * 3 },
    );
    expect(zoneOffsetMinutes('Europe/Berln', 0)).toBeUndefined();
  });

  it('isKnownZone says a zone is known only when luxon does', async () => {
    const { isKnownZone } = await import('../../src/time/zone.js');
    const { IANAZone } = await import('luxon');
    for (const zone of ZONES) if (isKnownZone(zone)) expect(IANAZone.isValidZone(zone), zone).toBe(true);
    expect(isKnownZone('Europe/Berlin')).toBe(true);
    expect(isKnownZone('Europe/Berln')).toBeUndefined();
  });

  it('leaves TZ as it found it', () => {
    const before = process.env.TZ;
    zoneOffsetMinutes('Asia/Tokyo', Date.UTC(2026, 0, 1));
    expect(process.env.TZ).toBe(before);
  });

  it('insidePeriodQuickly agrees with luxon’s period bounds whenever it answers, near the edges too', () => {
    const period = fc.record({ year: fc.integer({ min: 1995, max: 2035 }), month: fc.integer({ min: 1, max: 12 }), kind: fc.constantFrom('month', 'quarter', 'year') });
    fc.assert(
      fc.property(period, fc.integer({ min: -50, max: 50 }), fc.boolean(), fc.constantFrom(...ZONES), (p, hours, atEnd, zone) => {
        const months = p.kind === 'month' ? 1 : p.kind === 'quarter' ? 3 : 12;
        const firstMonth = p.kind === 'month' ? p.month : p.kind === 'quarter' ? Math.floor((p.month - 1) / 3) * 3 + 1 : 1;
        const edge = Date.UTC(p.year, firstMonth - 1 + (atEnd ? months : 0), 1);
        const ms = edge + hours * 3600000 + 17 * 60000;
        const quick = insidePeriodQuickly(ms, p.year, firstMonth, months, zone, zoneOffsetsMinutes);
        if (quick === undefined) return;
        const { start, end } = periodBounds({ kind: p.kind, label: '', year: p.year, firstMonth, months } as Period, zone);
        if (!start.isValid) return; // an unknown zone: the rule says nothing either way
        expect(quick).toBe(ms >= start.toMillis() && ms < end.toMillis());
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it('addDaysToDate is luxon’s plain-date arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(100, 0, 1), max: Date.UTC(9998, 0, 1) }), fc.integer({ min: -4000, max: 4000 }), (ms, days) => {
        const date = new Date(ms).toISOString().slice(0, 10);
        const quick = addDaysToDate(date, days);
        if (quick === undefined) return; // past year 9999: luxon's to answer
        expect(quick).toBe(DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate());
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

describe('isDateTime', () => {
  it('answers the fixed-width spellings as its regular expression does', async () => {
    const { isDateTime } = await import('../../src/schema/formats.js');
    const digit = fc.constantFrom(...'0123456789'.split(''));
    const two = fc.tuple(digit, digit).map(([a, b]) => a + b);
    const text = fc
      .tuple(
        fc.tuple(digit, digit, digit, digit).map((d) => d.join('')),
        two,
        two,
        two,
        two,
        two,
        fc.constantFrom('Z', '+', '-', 'z', 'x'),
        two,
        two,
        fc.constantFrom('T', 't', ' ', 'X'),
      )
      .map(
        ([y, mo, d, h, mi, s, zone, oh, om, sep]) =>
          `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${zone === 'Z' || zone === 'z' ? zone : zone === 'x' ? '' : `${zone}${oh}:${om}`}`,
      );
    fc.assert(
      fc.property(text, (v) => {
        expect(isDateTime(v), v).toBe(referenceInstant(v) !== undefined);
      }),
      { numRuns: RUNS * 10 },
    );
  });
});

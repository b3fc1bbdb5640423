// Date arithmetic that needs no date library, for the hot and start-up paths
// of `govern check`: loading the full date library (src/time/zoned.ts) and the time-zone data costs 10–20 ms per
// process, and it parses an instant in microseconds where a regular
// expression takes a fraction of one. Anything these helpers cannot settle
// exactly is left to the full reading by the src/time/ functions that use them.

// Exactly the instants the schemas accept (src/schema/formats.ts): RFC 3339 with `T`, `t` or a space
// between date and time, any number of fraction digits, `Z`, `z` or a numeric offset, a leap second.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The epoch milliseconds of an RFC 3339 instant, in every spelling the schema
 * accepts (`2026-10-05T09:12:00+02:00`, `2026-10-03 02:10:00z`,
 * `2026-10-03t02:10:00.123456Z`): the one reading of an instant that every
 * rule and `govern sla` share, so no accepted value is skipped by one of them.
 * Fraction digits past the millisecond are cut; a leap second (`:60`) is the
 * first instant of the next minute. Undefined for any other text or an
 * impossible date, which the schema reports.
 */
export function parseInstantQuickly(text: string): number | undefined {
  // The two spellings files hold by the hundred thousand, read digit by digit.
  if (text.length === 20 || text.length === 25) {
    const quick = readFixedInstant(text);
    if (quick !== undefined) return quick;
  }
  const m = INSTANT.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : DAYS[month - 1]!)) return undefined;
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  let offset = 0;
  if (m[8] !== undefined) {
    const oh = Number(m[9]);
    const om = Number(m[10]);
    if (oh > 23 || om > 59) return undefined;
    offset = (m[8] === '-' ? -1 : 1) * (oh * 60 + om) * 60000;
  }
  return utc(year, month, day, hour, minute, second, ms) - offset;
}

/** Date.UTC without its reading of the years 0–99 as 1900–1999. */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  d.setUTCFullYear(d.getUTCFullYear() - 2000 + year);
  return d.getTime();
}

/**
 * `2026-10-05T09:12:00Z` or `2026-10-05T09:12:00+02:00`, without a regular expression; undefined otherwise.
 * Each digit is read in place rather than through a helper per field: an import's check runs this
 * about 18 000 times in code V8 has not optimised (bin/load-bundle.cjs holds the optimisers for
 * import), where each call costs more than the digits it reads.
 */
function readFixedInstant(t: string): number | undefined {
  if (t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(10) !== 84 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58) return undefined;
  // A character code less 48: a digit is 0–9, anything else is outside (unsigned, a negative one is too).
  const y0 = t.charCodeAt(0) - 48;
  const y1 = t.charCodeAt(1) - 48;
  const y2 = t.charCodeAt(2) - 48;
  const y3 = t.charCodeAt(3) - 48;
  const mo0 = t.charCodeAt(5) - 48;
  const mo1 = t.charCodeAt(6) - 48;
  const d0 = t.charCodeAt(8) - 48;
  const d1 = t.charCodeAt(9) - 48;
  const h0 = t.charCodeAt(11) - 48;
  const h1 = t.charCodeAt(12) - 48;
  const mi0 = t.charCodeAt(14) - 48;
  const mi1 = t.charCodeAt(15) - 48;
  const s0 = t.charCodeAt(17) - 48;
  const s1 = t.charCodeAt(18) - 48;
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    mo0 >>> 0 > 9 ||
    mo1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9 ||
    h0 >>> 0 > 9 ||
    h1 >>> 0 > 9 ||
    mi0 >>> 0 > 9 ||
    mi1 >>> 0 > 9 ||
    s0 >>> 0 > 9 ||
    s1 >>> 0 > 9
  )
    return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = mo0 * 10 + mo1;
  const day = d0 * 10 + d1;
  const hour = h0 * 10 + h1;
  const minute = mi0 * 10 + mi1;
  const second = s0 * 10 + s1;
  let offset = 0;
  if (t.length === 20) {
    if (t.charCodeAt(19) !== 90) return undefined;
  } else {
    const sign = t.charCodeAt(19);
    const oh0 = t.charCodeAt(20) - 48;
    const oh1 = t.charCodeAt(21) - 48;
    const om0 = t.charCodeAt(23) - 48;
    const om1 = t.charCodeAt(24) - 48;
    if ((sign !== 43 && sign !== 45) || t.charCodeAt(22) !== 58 || oh0 >>> 0 > 9 || oh1 >>> 0 > 9 || om0 >>> 0 > 9 || om1 >>> 0 > 9) return undefined;
    const oh = oh0 * 10 + oh1;
    const om = om0 * 10 + om1;
    if (oh > 23 || om > 59) return undefined;
    offset = (sign === 45 ? -1 : 1) * (oh * 60 + om) * 60000;
  }
  if (year < 100 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : DAYS[month - 1]!)) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second) - offset;
}

/**
 * Bounds, in hours, of the UTC offsets every zone under a prefix uses now,
 * widened by an hour on each side (Europe/ runs from UTC to UTC+4, so -1..+5)
 * and always including UTC, which is where the full reading falls back for a misspelt
 * zone. A zone outside these prefixes has no bounds and goes to the full reading.
 */
const OFFSET_BOUNDS: readonly (readonly [string, number, number])[] = [
  ['Europe/', -1, 5],
  ['America/', -11, 0],
  ['Africa/', -1, 4],
  ['Asia/', 0, 13],
  ['Australia/', 0, 12],
];

/** The lowest and highest offset (hours) a zone can have now, when its name says so. */
export function offsetBounds(zone: string): readonly [number, number] | undefined {
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'Etc/GMT' || zone === 'GMT') return [0, 0];
  for (const [prefix, low, high] of OFFSET_BOUNDS) if (zone.startsWith(prefix)) return [low, high];
  return undefined;
}

/** The calendar date (`YYYY-MM-DD`) of an instant at a fixed offset in hours. */
export function dateAtOffset(ms: number, hours: number): string {
  return new Date(ms + hours * 3600000).toISOString().slice(0, 10);
}

/**
 * Today's date in a zone, when every offset the zone may have gives the same
 * date (most of the day for most zones); undefined when it depends on the
 * exact offset, which only the time-zone data knows.
 */
export function todayQuickly(zone: string, now: number): string | undefined {
  const bounds = offsetBounds(zone);
  if (!bounds) return undefined;
  const first = dateAtOffset(now, bounds[0]);
  return first === dateAtOffset(now, bounds[1]) && first.length === 10 ? first : undefined;
}

/** A plain calendar date moved by whole days (`2027-12-31` − 90 → `2027-10-02`). */
export function addDaysToDate(date: string, days: number): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || Number(m[1]) < 100) return undefined;
  const moved = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  // Far enough (a notice period of a hundred million days) and there is no such date at all.
  if (Number.isNaN(moved.getTime())) return undefined;
  const out = moved.toISOString();
  return out.length === 24 ? out.slice(0, 10) : undefined;
}

/**
 * The last day to give notice: the contract's `end` less `noticeDays` whole days. Undefined when
 * `noticeDays` is not a whole number ≥ 0, or the day falls outside the years 100–9999 (the schema
 * reports such a value; this must not throw on it).
 */
export function lastNoticeDay(end: string, noticeDays: unknown): string | undefined {
  if (typeof noticeDays !== 'number' || !Number.isInteger(noticeDays) || noticeDays < 0) return undefined;
  return addDaysToDate(end, -noticeDays);
}

const HOUR = 3600000;

/**
 * Whether an instant lies in the months `[first, first + months)` of a year as
 * counted in a zone, settled without the full date library: at once when the instant is more
 * than a day from the period's edges (no zone is a day from UTC), or on the same
 * side of an edge at every offset the zone's name allows, else with
 * the zone's offset when it is the same over the two days around the instant
 * (no transition near the edge, so the edge is plain arithmetic). Undefined
 * when only the full reading can say (a transition near the edge, an unknown zone).
 */
export function insidePeriodQuickly(
  ms: number,
  year: number,
  firstMonth: number,
  months: number,
  zone: string,
  offsetsAt: (zone: string, instants: readonly number[]) => readonly number[] | undefined,
): boolean | undefined {
  if (year < 100) return undefined;
  const start = Date.UTC(year, firstMonth - 1, 1);
  const end = Date.UTC(year, firstMonth - 1 + months, 1);
  if (ms >= start + 24 * HOUR && ms < end - 24 * HOUR) return true;
  if (ms < start - 24 * HOUR || ms >= end + 24 * HOUR) return false;
  // Nearer, but on the same side of the edge at every offset the zone's name allows (Europe/: -1..+5 h):
  // settled without the zone's data. The bounds hold for every offset in use since 1990 (Asia/Anadyr was +14 in 1981-84).
  const bounds = year >= 1990 ? offsetBounds(zone) : undefined;
  if (bounds) {
    const [low, high] = bounds;
    if (ms >= start - low * HOUR && ms < end - high * HOUR) return true;
    if (ms < start - high * HOUR || ms >= end - low * HOUR) return false;
  }
  // The same offset a day before and after (zones change offset weeks apart, never twice in two days).
  const offsets = offsetsAt(zone, [ms - 26 * HOUR, ms, ms + 26 * HOUR]);
  if (offsets === undefined || offsets[0] !== offsets[1] || offsets[1] !== offsets[2]) return undefined;
  const shift = offsets[1]! * 60000;
  return ms >= start - shift && ms < end - shift;
}

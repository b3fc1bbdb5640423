// Instants in a zone without the full date library: a zone's offset, the
// instant a wall-clock time happens, an instant's ISO text and civil date.
// Each reads the zone's offset through Intl (src/time/zone.ts) or, for the
// names of a fixed offset (UTC, Etc/GMT+5), by arithmetic, and falls back to
// luxon (src/time/zoned.ts) only where that reading cannot be exact: near a
// clock change (a wall-clock time skipped or repeated), an offset of seconds
// (local mean time), a year outside 0–9999, a name of another shape. Held to
// luxon by test/time/civil.property.test.ts.
import { fixedZoneOffset, withZoneOffsets, zoneOffsetMinutes } from './zone.js';
import { DateTime, IANAZone } from './zoned.js';

const MINUTE = 60_000;
const DAY_MS = 86_400_000;
const HOUR = 3_600_000;

/** A zone's offset (minutes east of UTC) at an instant, as luxon gives it (NaN for a zone the runtime does not know). */
export function offsetAt(zone: string, ms: number): number {
  const fixed = fixedZoneOffset(zone);
  if (fixed !== undefined && Number.isFinite(ms)) return fixed;
  return zoneOffsetMinutes(zone, ms) ?? IANAZone.create(zone).offset(ms);
}

/**
 * offsetAt at several instants of one zone, read together: under one `TZ` (withZoneOffsets; each setting
 * of it re-reads the zone's data), each as offsetAt reads it.
 */
export function offsetsAt(zone: string, instants: readonly number[]): number[] {
  if (fixedZoneOffset(zone) !== undefined) return instants.map((ms) => offsetAt(zone, ms));
  return withZoneOffsets(zone, (read) => instants.map((ms) => read(ms) ?? offsetAt(zone, ms)));
}

/**
 * The zone's offset when it is the same 36 hours before and after `ms` (zones change offset weeks apart,
 * never twice in three days, so it holds over the whole span); undefined near a change or for a zone
 * read only in whole minutes.
 */
function steadyOffsetAround(zone: string, ms: number): number | undefined {
  const key = `${zone}\n${ms}`;
  if (STEADY.has(key)) return STEADY.get(key);
  const [before, after] = offsetsAt(zone, [ms - 36 * HOUR, ms + 36 * HOUR]);
  const steady = !Number.isInteger(before) || before !== after ? undefined : before;
  if (STEADY.size >= 10_000) STEADY.clear();
  STEADY.set(key, steady);
  return steady;
}

/** steadyOffsetAround's answers by zone and instant: a document asks about the same period edges many times. */
const STEADY = new Map<string, number | undefined>();

/** Date.UTC for a civil date and time, any year 0–9999 (Date.UTC reads 0–99 as 1900–1999). */
export function civilUtc(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute));
  d.setUTCFullYear(year + (d.getUTCFullYear() - 2000));
  return d.getTime();
}

/**
 * The instant (epoch ms) a wall-clock time happens in a zone when no clock change is near it: the wall
 * clock less the zone's steady offset. Undefined near a change (where a time may be skipped or happen
 * twice, and luxon's answer depends on how it is asked), for a year outside 0–9999 or an unknown zone.
 */
export function steadyWallInstant(zone: string, year: number, month: number, day: number, hour = 0, minute = 0): number | undefined {
  if (!(year >= 0 && year <= 9999)) return undefined;
  const local = civilUtc(year, month, day, hour, minute);
  const offset = steadyOffsetAround(zone, local);
  return offset === undefined ? undefined : local - offset * MINUTE;
}

/** The instant (epoch ms) a wall-clock time happens in a zone, as luxon's `DateTime.fromObject` gives it (luxon itself near a clock change). */
export function wallToInstant(zone: string, year: number, month: number, day: number, hour = 0, minute = 0): number {
  return steadyWallInstant(zone, year, month, day, hour, minute) ?? DateTime.fromObject({ year, month, day, hour, minute }, { zone }).toMillis();
}

/** The instant (epoch ms) a civil date (`YYYY-MM-DD`, years 1000–9999) starts in a zone, when no clock change is near; undefined otherwise. */
export function steadyStartOfDate(date: string, zone: string): number | undefined {
  const parts = plainDateParts(date);
  return parts === undefined ? undefined : steadyWallInstant(zone, parts[0], parts[1], parts[2]);
}

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Year, month and day of a `YYYY-MM-DD` that exists (years 1000–9999); undefined otherwise. */
export function plainDateParts(date: string): [number, number, number] | undefined {
  const m = PLAIN_DATE.exec(date);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
}

/** Whether a `YYYY-MM-DD` (any four-digit year) names a day of the Gregorian calendar, as luxon's `fromISO(...).isValid` says. */
export function isPlainDate(date: string): boolean {
  const m = PLAIN_DATE.exec(date);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The days of a month (1–12) of a year of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a civil date. */
export function isoWeekday(year: number, month: number, day: number): number {
  const wd = new Date(civilUtc(year, month, day)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** `YYYY-MM-DD` of a civil date given by parts (years 1000–9999), months and days past their ends carried over. */
export function plainDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** True for the zone names luxon reads as its fixed UTC zone, which its ISO text ends with `Z` (not `+00:00`). */
function isLuxonUtc(zone: string): boolean {
  const lowered = zone.toLowerCase();
  return lowered === 'utc' || lowered === 'gmt';
}

/** `+02:00`, `-03:30`, `+00:00` for an offset in whole minutes. */
export function offsetText(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/**
 * An instant as ISO 8601 text in a zone, as luxon's `toISO({ suppressMilliseconds: true })` writes it
 * (`2026-10-05T09:42:00+02:00`, milliseconds only when there are some, `Z` in the zone `UTC`); null
 * for a zone the runtime does not know.
 */
export function isoInZone(ms: number, zone: string): string | null {
  const offset = Number.isFinite(ms) ? offsetAt(zone, ms) : Number.NaN;
  if (Number.isInteger(offset)) {
    const local = ms + offset * MINUTE;
    const iso = new Date(local).toISOString();
    // Four-digit years only (luxon writes others with a sign and six digits).
    if (iso.length === 24) {
      const body = iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
      return `${body}${offset === 0 && isLuxonUtc(zone) ? 'Z' : offsetText(offset)}`;
    }
  }
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
}

/** The civil date (`YYYY-MM-DD`) and ISO weekday of an instant in a zone; undefined for a zone the runtime does not know. */
export function civilDateOf(ms: number, zone: string): { date: string; weekday: number; year: number; month: number } | undefined {
  const offset = Number.isFinite(ms) ? offsetAt(zone, ms) : Number.NaN;
  if (Number.isFinite(offset)) {
    const d = new Date(ms + offset * MINUTE);
    const iso = d.toISOString();
    if (iso.length === 24) {
      const wd = d.getUTCDay();
      return { date: iso.slice(0, 10), weekday: wd === 0 ? 7 : wd, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
    }
  }
  const local = DateTime.fromMillis(ms, { zone });
  return local.isValid ? { date: local.toISODate()!, weekday: local.weekday, year: local.year, month: local.month } : undefined;
}

// Plain dates as day numbers (days since 1970-01-01, as UTC midnights count them): no zone.

/** Days since 1970-01-01 of a civil date (years 1000–9999). */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The day number of 9999-12-31, the last day written `YYYY-MM-DD`. */
export const LAST_PLAIN_DAY = 2_932_896;

/** `YYYY-MM-DD` of a day number (up to LAST_PLAIN_DAY; later ones are written with a sign and six digits). */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOfDay(day: number): number {
  return (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
}

/** The first (nth = 1) or last (nth = −1) given weekday (0 = Monday) of a month, as a day number. */
export function nthWeekdayDay(year: number, month: number, weekday: number, nth: 1 | -1): number {
  if (nth === 1) {
    const first = dayNumber(year, month, 1);
    return first + ((weekday - weekdayOfDay(first) + 7) % 7);
  }
  const lastDay = dayNumber(year, month, daysInMonth(year, month));
  return lastDay - ((weekdayOfDay(lastDay) - weekday + 7) % 7);
}

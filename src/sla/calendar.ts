import { isPlainDate, offsetAt, offsetsAt } from '../time/civil.js';
import { isValidZone } from '../time/valid-zone.js';
import { DateTime } from '../time/zoned.js';
import { MAX_CALENDAR_SPAN_DAYS, MAX_DURATION_MINUTES } from '../model/limits.js';
import type { Calendar } from '../model/partnership.js';
import { type Interval, mergeIntervals } from './interval.js';

/** A problem found in a calendar, with its path relative to the object validated. */
export interface CalendarProblem {
  path: (string | number)[];
  message: string;
}

/** The built-in calendar: always open, in every zone. */
export interface AlwaysOpenCalendar {
  readonly kind: '24x7';
}

/** Weekly opening hours, as wall-clock minutes in a zone, minus whole-day holidays. */
export interface WeeklyCalendar {
  readonly kind: 'weekly';
  readonly zone: string;
  /** Index 0 is Monday; each day holds sorted, disjoint [startMinute, endMinute) ranges, 1440 meaning 24:00. */
  readonly week: readonly (readonly Interval[])[];
  /** ISO dates (`2026-12-25`) on which nothing is open. */
  readonly holidays: ReadonlySet<string>;
  /** The day's opening intervals as instants, keyed by civil day number; filled on use. */
  readonly cache: Map<number, readonly Interval[]>;
}

/** A compiled working-time calendar. */
export type WorkCalendar = AlwaysOpenCalendar | WeeklyCalendar;

/** Why a calendar could not be compiled. */
export interface CalendarError {
  readonly kind: 'error';
  /** Paths are relative to the calendar object (`['hours', 'mon-fri']`, `['timezone']`). */
  readonly problems: CalendarProblem[];
}

/** The shared, always-open calendar. */
export const ALWAYS_OPEN: AlwaysOpenCalendar = Object.freeze({ kind: '24x7' });

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_MS = 86_400_000;
const RANGE = /^\s*(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})\s*$/;

/** True when a compile result is an error. */
export function isCalendarError(value: WorkCalendar | CalendarError): value is CalendarError {
  return value.kind === 'error';
}

/** Turns a calendar from slas.yaml (or the built-in `24x7`) into a working-time calendar. */
export function compileCalendar(cal: Calendar | '24x7', defaultZone: string): WorkCalendar | CalendarError {
  if (cal === '24x7' || cal.id === '24x7') return ALWAYS_OPEN;
  const problems: CalendarProblem[] = [];
  const zone = cal.timezone ?? defaultZone;
  if (typeof zone !== 'string' || !isValidZone(zone)) {
    problems.push({
      path: cal.timezone === undefined ? [] : ['timezone'],
      message: `"${String(zone)}" is not an IANA time zone such as Europe/Berlin`,
    });
  }
  const hours = readHours(cal.hours);
  for (const p of hours.problems) problems.push({ path: ['hours', ...p.path], message: p.message });
  const holidays = new Set<string>();
  const listed: unknown = cal.holidays;
  if (listed !== undefined && !Array.isArray(listed)) {
    problems.push({ path: ['holidays'], message: 'holidays must be a list of dates such as 2026-12-25' });
  } else {
    (listed ?? []).forEach((h: unknown, i: number) => {
      const text = h instanceof Date ? h.toISOString().slice(0, 10) : h;
      if (typeof text === 'string' && isPlainDate(text)) holidays.add(text);
      else problems.push({ path: ['holidays', i], message: `"${String(h)}" is not a date such as 2026-12-25` });
    });
  }
  if (problems.length > 0) return { kind: 'error', problems };
  return { kind: 'weekly', zone, week: hours.week, holidays, cache: new Map() };
}

/**
 * Checks a calendar's `hours` mapping: day keys, range syntax, start before end, `24:00` only as an end,
 * and no two ranges overlapping on one day. Paths are relative to `hours` (`['mon-fri']`, `['sat', 1]`).
 */
export function validateCalendarHours(hours: unknown): CalendarProblem[] {
  return readHours(hours).problems;
}

interface Entry {
  path: (string | number)[];
  text: string;
  /** Position in the file, so a clash is reported at the later entry. */
  order: number;
  start: number;
  end: number;
}

function readHours(hours: unknown): { week: Interval[][]; problems: CalendarProblem[] } {
  const week: Interval[][] = DAY_NAMES.map(() => []);
  const problems: CalendarProblem[] = [];
  if (hours === null || typeof hours !== 'object' || Array.isArray(hours)) {
    problems.push({ path: [], message: 'hours must map days (mon, mon-fri) to time ranges such as "08:00-18:00"' });
    return { week, problems };
  }
  const byDay: Entry[][] = DAY_NAMES.map(() => []);
  const keys = Object.keys(hours);
  let order = 0;
  if (keys.length === 0) problems.push({ path: [], message: 'a calendar needs at least one day with working hours' });
  for (const key of keys) {
    const days = readDays(key);
    if (!days) {
      problems.push({ path: [key], message: `"${key}" is not a day or a day range: use mon … sun, or a range such as mon-fri` });
      continue;
    }
    const value: unknown = (hours as Record<string, unknown>)[key];
    const items: [(string | number)[], unknown][] = Array.isArray(value) ? value.map((v: unknown, i: number) => [[key, i], v]) : [[[key], value]];
    if (Array.isArray(value) && value.length === 0) problems.push({ path: [key], message: `${key} lists no time ranges` });
    for (const [path, item] of items) {
      const range = readRange(item);
      if (typeof range === 'string') {
        problems.push({ path, message: range });
        continue;
      }
      const entry = { path, text: String(item).trim(), order: order++, start: range[0], end: range[1] };
      for (const d of days) byDay[d]?.push(entry);
    }
  }
  // Overlaps are reported once per pair of entries, at the later one, naming every day they clash on.
  const clashes = new Map<string, { later: Entry; earlier: Entry; days: string[] }>();
  byDay.forEach((entries, d) => {
    const sorted = [...entries].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        if (b.start >= a.end) break;
        const [earlier, later] = a.order < b.order ? [a, b] : [b, a];
        const id = JSON.stringify([earlier.path, later.path]);
        const clash = clashes.get(id) ?? { earlier, later, days: [] };
        clash.days.push(DAY_NAMES[d]!);
        clashes.set(id, clash);
      }
    }
    week[d] = mergeIntervals(sorted.map((e): Interval => [e.start, e.end]));
  });
  for (const { earlier, later, days } of clashes.values()) {
    problems.push({
      path: later.path,
      message: `${later.text} overlaps ${earlier.text} (${earlier.path[0]}) on ${days.join(', ')}`,
    });
  }
  return { week, problems };
}

function readDays(key: string): number[] | null {
  const single = DAY_NAMES.indexOf(key as (typeof DAY_NAMES)[number]);
  if (single >= 0) return [single];
  const parts = key.split('-');
  if (parts.length !== 2) return null;
  const from = DAY_NAMES.indexOf(parts[0] as (typeof DAY_NAMES)[number]);
  const to = DAY_NAMES.indexOf(parts[1] as (typeof DAY_NAMES)[number]);
  if (from < 0 || to < 0) return null;
  // A range may wrap past Sunday: fri-mon is Friday to Monday.
  const days = [from];
  for (let d = from; d !== to; ) {
    d = (d + 1) % 7;
    days.push(d);
  }
  return days;
}

/** A range in minutes of the day, or the reason it is not one. */
function readRange(value: unknown): Interval | string {
  if (typeof value !== 'string') return `${JSON.stringify(value) ?? String(value)} is not a time range such as "08:00-18:00"`;
  const m = RANGE.exec(value);
  if (!m) return `"${value}" is not a time range such as "08:00-18:00"`;
  const [sh, sm, eh, em] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  if (sh > 24 || eh > 24 || sm > 59 || em > 59 || (sh === 24 && sm > 0) || (eh === 24 && em > 0)) {
    return `"${value}" has a time that does not exist (hours run 00:00 to 24:00)`;
  }
  if (sh === 24) return `"${value}" starts at 24:00, which can only end a range`;
  const start = sh * 60 + sm;
  const end = eh * 60 + em;
  if (start >= end) {
    return `"${value}" does not end after it starts; a night shift is two entries (fri: "22:00-24:00", sat: "00:00-06:00")`;
  }
  return [start, end];
}

// Civil days are numbered like epoch days; Date.UTC only does calendar arithmetic here, never zone offsets.
function civilDay(t: number, zone: string): number {
  const offset = steadyOffset(zone, t);
  if (offset !== undefined) return Math.floor((t + offset * 60_000) / DAY_MS);
  return slowCivilDay(t, zone);
}

/** `civilDay` read through the full date library at every call: the reference the fast reading is tested against. */
export function slowCivilDay(t: number, zone: string): number {
  const local = DateTime.fromMillis(t, { zone });
  return Math.floor(Date.UTC(local.year, local.month - 1, local.day) / DAY_MS);
}

/** A zone's offset (minutes) at UTC midnights, keyed by zone then by UTC day number; the same for every calendar. */
const MIDNIGHT_OFFSETS = new Map<string, Map<number, number>>();

function midnightOffset(zone: string, day: number): number {
  let byDay = MIDNIGHT_OFFSETS.get(zone);
  if (byDay === undefined) {
    byDay = new Map();
    MIDNIGHT_OFFSETS.set(zone, byDay);
  }
  const offset = byDay.get(day);
  if (offset !== undefined) return offset;
  // The days around it are asked next (a period's days, an incident's clock): MIDNIGHTS_AT_ONCE of them are
  // read in one go (offsetsAt: Intl, or arithmetic for UTC and Etc/GMT±N, as luxon reads it, without luxon).
  const days = byDay;
  const missing: number[] = [];
  for (let d = day - 2; d < day - 2 + MIDNIGHTS_AT_ONCE; d++) if (!days.has(d)) missing.push(d);
  const offsets = offsetsAt(
    zone,
    missing.map((d) => d * DAY_MS),
  );
  for (let i = 0; i < missing.length; i++) days.set(missing[i]!, offsets[i]!);
  return days.get(day)!;
}

/** How many UTC midnights of a zone are read at once: a quarter's days, and an incident's either side. */
const MIDNIGHTS_AT_ONCE = 40;

/**
 * The zone's offset (minutes) around an epoch-ms value, when it is the same at the four UTC midnights from the
 * day before to two days after (so within ±14 h of it no clock change happens); undefined near a change, which
 * the full date library then settles. Any instant within 14 h of `t` lies inside that span.
 */
function steadyOffset(zone: string, t: number): number | undefined {
  const k = Math.floor(t / DAY_MS);
  const o = midnightOffset(zone, k - 1);
  if (!Number.isFinite(o)) return undefined;
  return midnightOffset(zone, k) === o && midnightOffset(zone, k + 1) === o && midnightOffset(zone, k + 2) === o ? o : undefined;
}

function civilDate(day: number): { year: number; month: number; day: number; weekday: number; iso: string } {
  const date = new Date(day * DAY_MS);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: (date.getUTCDay() + 6) % 7,
    iso: date.toISOString().slice(0, 10),
  };
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by the spring-forward jump is read with
 * the offset before the jump (so 02:30 becomes 03:30, as RFC 5545 does); a time that happens twice when
 * clocks fall back is its first occurrence.
 */
function wallInstant(day: number, minute: number, zone: string): number {
  // The wall-clock time read as if it were UTC; away from a clock change the instant is that less the offset.
  const offset = steadyOffset(zone, day * DAY_MS + minute * 60_000);
  if (offset !== undefined) return day * DAY_MS + minute * 60_000 - offset * 60_000;
  return changeWallInstant(day, minute, zone) ?? slowWallInstant(day, minute, zone);
}

/**
 * `wallInstant` near a clock change, from the zone's offsets alone (no date library: luxon's first
 * `DateTime` builds the process's first Intl formatter, 10-25 ms): every offset the zone has within a
 * day of the wall time, and every instant `wall - offset` whose own offset is that offset, the first
 * of them (a time that happens twice); none (a time skipped) is read with the offset before the jump,
 * the smaller, as luxon does. Undefined for a zone the runtime does not know.
 */
function changeWallInstant(day: number, minute: number, zone: string): number | undefined {
  const wall = day * DAY_MS + minute * 60_000;
  const before = offsetAt(zone, wall - DAY_MS);
  const after = offsetAt(zone, wall + DAY_MS);
  if (!Number.isFinite(before) || !Number.isFinite(after)) return undefined;
  const offsets = new Set([before, after, offsetAt(zone, wall - before * 60_000), offsetAt(zone, wall - after * 60_000)]);
  let first = Number.POSITIVE_INFINITY;
  for (const o of offsets) {
    const t = wall - o * 60_000;
    if (t < first && offsetAt(zone, t) === o) first = t;
  }
  return Number.isFinite(first) ? first : wall - Math.min(before, after) * 60_000;
}

/** `wallInstant` read through the full date library at every call: the reference the fast reading is tested against. */
export function slowWallInstant(day: number, minute: number, zone: string): number {
  const d = civilDate(day + Math.floor(minute / 1440));
  const m = minute % 1440;
  const local = DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour: Math.floor(m / 60), minute: m % 60 }, { zone });
  let best = local.toMillis();
  for (const candidate of local.getPossibleOffsets()) best = Math.min(best, candidate.toMillis());
  return best;
}

/** The fast readings, for the differential test against `slowWallInstant` and `slowCivilDay`. */
export const fastReadings = { wallInstant, civilDay };

/** The opening intervals of one civil day, as instants. */
function dayIntervals(cal: WeeklyCalendar, day: number): readonly Interval[] {
  const cached = cal.cache.get(day);
  if (cached) return cached;
  const date = civilDate(day);
  const ranges = cal.holidays.has(date.iso) ? [] : (cal.week[date.weekday] ?? []);
  const out = mergeIntervals(ranges.map(([s, e]): Interval => [wallInstant(day, s, cal.zone), wallInstant(day, e, cal.zone)]));
  cal.cache.set(day, out);
  return out;
}

function isEmptyWeek(cal: WeeklyCalendar): boolean {
  return cal.week.every((ranges) => ranges.length === 0);
}

/** Working time, in milliseconds, between two instants (0 when `to` is not after `from`). */
export function workingMs(cal: WorkCalendar, from: number, to: number): number {
  if (!(to > from)) return 0;
  if (cal.kind === '24x7') return to - from;
  let total = 0;
  // A day's intervals stay within its own midnights; starting a day early is cheap insurance.
  const last = civilDay(to, cal.zone);
  for (let day = civilDay(from, cal.zone) - 1; day <= last; day++) {
    for (const [s, e] of dayIntervals(cal, day)) {
      const lo = Math.max(s, from);
      const hi = Math.min(e, to);
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}

/**
 * The instant at which `ms` of working time have passed since `from`; the clock starts at the next opening
 * when `from` is outside hours. With `ms` = 0 this is the next opening (or `from` itself when open).
 * Infinity when the calendar never opens again.
 */
export function addWorking(cal: WorkCalendar, from: number, ms: number): number {
  let remaining = Math.max(0, ms);
  // Longer than any duration govern accepts (sla/duration-too-long): not worked out, like a calendar that never opens.
  if (!(remaining <= MAX_DURATION_MINUTES * 60_000)) return Number.POSITIVE_INFINITY;
  if (cal.kind === '24x7') return from + remaining;
  if (isEmptyWeek(cal)) return Number.POSITIVE_INFINITY;
  // Holidays are finite, so a long run of closed days means the calendar never opens again. A holiday can
  // close a whole week of a calendar open one day a week, so the run allowed is a week per holiday, and two.
  const maxClosed = 7 * (cal.holidays.size + 2);
  const weekMs = nominalWeekMs(cal);
  const first = civilDay(from, cal.zone);
  // Deadlines further than MAX_CALENDAR_SPAN_DAYS are "never" (Infinity). More working time than the span can
  // hold (every week's hours, plus a day a year for clock changes, which move an hour or so twice a year) is
  // settled at once, without looking at a single day: a calendar open a minute a week and `after: 80000h`.
  const lastDay = first + MAX_CALENDAR_SPAN_DAYS;
  if (remaining > (MAX_CALENDAR_SPAN_DAYS / 7 + 1) * weekMs + (MAX_CALENDAR_SPAN_DAYS / 365) * DAY_MS) return Number.POSITIVE_INFINITY;
  let closed = 0;
  for (let day = first - 1; closed <= maxClosed && day <= lastDay; day++) {
    // A long duration is not walked a day at a time: whole weeks are skipped by arithmetic, so the cost does
    // not grow with the number of days (`after: 1000000h`). At least a week is left to walk, exactly.
    if (day > first && remaining > SKIP_WEEKS_ABOVE * weekMs) {
      const weeks = Math.min(Math.floor(remaining / weekMs) - 1, Math.floor((lastDay - day) / 7));
      const skipped = weeks * weekMs - holidayMs(cal, day, day + 7 * weeks) + clockChangeMs(cal, day, day + 7 * weeks);
      if (skipped > 0 && skipped < remaining) {
        remaining -= skipped;
        day += 7 * weeks;
        closed = 0;
      }
    }
    let opened = false;
    for (const [s, e] of dayIntervals(cal, day)) {
      if (e <= from) continue;
      opened = true;
      const start = Math.max(s, from);
      const available = e - start;
      if (remaining <= available) return start + remaining;
      remaining -= available;
    }
    closed = opened ? 0 : closed + 1;
  }
  return Number.POSITIVE_INFINITY;
}

/** Above this many weeks of working time left, `addWorking` skips whole weeks instead of walking them. */
const SKIP_WEEKS_ABOVE = 8;

/** A week's opening hours in milliseconds, as written (wall-clock minutes). */
function nominalWeekMs(cal: WeeklyCalendar): number {
  return cal.week.reduce((sum, ranges) => sum + ranges.reduce((n, [s, e]) => n + (e - s), 0), 0) * 60_000;
}

/** The opening hours the holidays in civil days [from, to) take away, as written. */
function holidayMs(cal: WeeklyCalendar, from: number, to: number): number {
  let total = 0;
  for (const iso of cal.holidays) {
    const day = Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
    if (!(day >= from && day < to)) continue;
    total += (cal.week[civilDate(day).weekday] ?? []).reduce((n, [s, e]) => n + (e - s), 0) * 60_000;
  }
  return total;
}

/**
 * What the clock changes in civil days [from, to) add to their opening hours as written (negative when a
 * spring-forward jump falls in working hours). Only days near a change of UTC offset are worked out, exactly;
 * the offset is read once per day, so the cost is a lookup a day, not the opening hours' instants.
 */
function clockChangeMs(cal: WeeklyCalendar, from: number, to: number): number {
  // A local day d lies within UTC days d-1 .. d+1 (offsets stay within ±14 h), so an offset change that
  // touches it shows as a difference between the offsets at the UTC midnights d-1 and d+2 (read from the
  // shared cache of midnight offsets that wallInstant and civilDay use too).
  let total = 0;
  for (let day = from; day < to; day++) {
    if (midnightOffset(cal.zone, day - 1) === midnightOffset(cal.zone, day + 2)) continue;
    const date = civilDate(day);
    const written = cal.holidays.has(date.iso) ? 0 : (cal.week[date.weekday] ?? []).reduce((n, [s, e]) => n + (e - s), 0) * 60_000;
    const actual = dayIntervals(cal, day).reduce((n, [s, e]) => n + (e - s), 0);
    total += actual - written;
  }
  return total;
}

/** The first instant at or after `at` when the calendar is open; Infinity when it never opens again. */
export function nextOpen(cal: WorkCalendar, at: number): number {
  return addWorking(cal, at, 0);
}

/** True when `at` falls in working time. */
export function isOpen(cal: WorkCalendar, at: number): boolean {
  if (cal.kind === '24x7') return true;
  const today = civilDay(at, cal.zone);
  for (let day = today - 1; day <= today; day++) {
    if (dayIntervals(cal, day).some(([s, e]) => s <= at && at < e)) return true;
  }
  return false;
}

/** The working intervals between two instants, clipped to them and merged where they touch. */
export function intervals(cal: WorkCalendar, from: number, to: number): Interval[] {
  if (!(to > from)) return [];
  if (cal.kind === '24x7') return [[from, to]];
  const out: Interval[] = [];
  const last = civilDay(to, cal.zone);
  for (let day = civilDay(from, cal.zone) - 1; day <= last; day++) {
    for (const [s, e] of dayIntervals(cal, day)) {
      const lo = Math.max(s, from);
      const hi = Math.min(e, to);
      if (hi > lo) out.push([lo, hi]);
    }
  }
  return mergeIntervals(out);
}

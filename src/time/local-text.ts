import { isValidZone } from './valid-zone.js';
import { fixedZoneOffset, withZoneOffsets } from './zone.js';
import { DateTime, IANAZone } from './zoned.js';

/**
 * An instant read from an export: its epoch milliseconds and its RFC 3339 spelling, or why it cannot be read.
 * `zoned`: the spelling is the wall time in the zone it was read in, at the zone's offset at that instant
 * (so its first seven characters are the instant's month there, as monthOf gives it).
 */
export type ReadInstant = { ok: true; ms: number; text: string; zoned?: true } | { ok: false; why: string };

const HAS_OFFSET = /(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;
const HOUR = 3600000;

const formatsWithOffset = new Map<string, boolean>();
/** Whether a luxon format string reads an offset or a zone (a `Z` or `z` token outside quoted text); settled once per format. */
function formatHasOffset(format: string): boolean {
  let has = formatsWithOffset.get(format);
  if (has === undefined) formatsWithOffset.set(format, (has = /[Zz]/.test(format.replace(/'[^']*'/g, ''))));
  return has;
}

/**
 * Reads one time of an export. A time with its offset is kept as that
 * instant, in that offset. A time without one is a wall-clock time in
 * `zone`, read with `format` (Unicode date-field tokens, as luxon reads them;
 * ISO 8601 without one), and written with the offset the zone has at that
 * instant. A wall-clock time that the zone skips (the hour the clocks go
 * forward) or has twice (the hour they go back) is refused, never guessed.
 */
export function readInstant(text: string, zone: string, format?: string): ReadInstant {
  return instantReader(zone, format)(text);
}

/**
 * readInstant for the times of one zone and format, what depends on them alone (the format's reading,
 * the zone's reader) settled once: an import reads thousands of times with one.
 */
export function instantReader(zone: string, format?: string): (text: string) => ReadInstant {
  if (format !== undefined && formatHasOffset(format))
    return (text) => {
      const value = text.trim();
      if (value === '') return { ok: false, why: 'no time given' };
      const dt = DateTime.fromFormat(value, format, { setZone: true, locale: 'en-US' });
      if (!dt.isValid) return { ok: false, why: `\`${value}\` does not match the format \`${format}\`` };
      return { ok: true, ms: dt.toMillis(), text: rfc3339(dt) };
    };
  const fast = format === undefined ? null : fastFormatOf(format);
  const z = readerOf(zone);
  const utc = UTC_NAMES.test(zone);
  const isoLike = fast?.fixed?.isoLike === true;
  return (text) => {
    const value = text.trim();
    if (value === '') return { ok: false, why: 'no time given' };
    if (format === undefined && HAS_OFFSET.test(value)) {
      const dt = DateTime.fromISO(value, { setZone: true });
      if (!dt.isValid) return { ok: false, why: `\`${value}\` is not an ISO 8601 time` };
      return { ok: true, ms: dt.toMillis(), text: rfc3339(dt) };
    }
    let local = fast === null ? undefined : fast.fixed === undefined ? regexWallTime(fast, value) : fixedWallTime(fast.fixed, value);
    // Read from a text of `yyyy-MM-dd HH:mm:ss`: that text is the wall time's spelling, but for the `T`.
    const body = local !== undefined && isoLike ? `${value.slice(0, 10)}T${value.slice(11)}` : undefined;
    if (local === undefined) {
      const wall =
        format === undefined ? DateTime.fromISO(value, { zone: 'utc' }) : DateTime.fromFormatParser(value, formatParser(format), { zone: 'utc', locale: 'en-US' });
      if (!wall.isValid)
        return {
          ok: false,
          why:
            format === undefined
              ? `\`${value}\` is not an ISO 8601 time (give \`format\` in govern.import.yaml for other spellings)`
              : `\`${value}\` does not match the format \`${format}\``,
        };
      local = wall.toMillis();
    }
    if (!z.valid) return { ok: false, why: `\`${zone}\` is not an IANA time zone` };
    // Most wall times are on a day without a clock change near it: one offset, read once for the day.
    const steady = dayOffset(z, local);
    if (!Number.isNaN(steady)) {
      const ms = local - steady * 60000;
      return { ok: true, ms, text: body === undefined ? formatAtOffset(ms, steady, utc) : offsetText(body, steady, utc), zoned: true };
    }
    const found = offsetsForWallTime(z, local);
    const shown = found.length === 1 ? '' : new Date(local).toISOString().slice(0, 16).replace('T', ' ');
    if (found.length === 0) return { ok: false, why: `${shown} does not exist in ${zone} (the clocks go forward over it); give the time with its offset` };
    if (found.length > 1) return { ok: false, why: `${shown} happens twice in ${zone} (the clocks go back over it); give the time with its offset` };
    const ms = local - found[0]! * 60000;
    return { ok: true, ms, text: formatAtOffset(ms, found[0]!, utc), zoned: true };
  };
}

/**
 * A format of numeric date and time fields (and `MMM`, `a`) compiled to one regular expression, as luxon would read it; undefined for any other format.
 * `fixed` when every field has a fixed width (`yyyy`, `MM`, `dd`, `HH`, `hh`, `mm`, `ss`) and every other character is ASCII: then it is read by character codes.
 */
interface FastFormat {
  regex: RegExp;
  fields: string[];
  fixed?: FixedFormat;
}
/** Where each field's digits are in a text of a fixed-width format (-1: not in the format), and the other characters as they must be. */
interface FixedFormat {
  length: number;
  /** Position and character code, in pairs. */
  literals: number[];
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** `yyyy-MM-dd?HH:mm:ss` (any one character between the date and the time): a text of it is its wall time's RFC 3339 spelling but for that character. */
  isoLike: boolean;
}
const FAST_TOKENS: Readonly<Record<string, string>> = {
  yyyy: '\\d{4}',
  yy: '\\d{2,4}',
  M: '\\d{1,2}',
  MM: '\\d{2}',
  MMM: 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec',
  d: '\\d{1,2}',
  dd: '\\d{2}',
  H: '\\d{1,2}',
  HH: '\\d{2}',
  h: '\\d{1,2}',
  hh: '\\d{2}',
  m: '\\d{1,2}',
  mm: '\\d{2}',
  s: '\\d{1,2}',
  ss: '\\d{2}',
  a: 'AM|PM',
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const fastFormats = new Map<string, FastFormat | null>();

function compileFast(format: string): FastFormat | null {
  if (format.includes("'")) return null;
  let source = '';
  const fields: string[] = [];
  const seen = new Set<string>();
  for (const [run] of format.matchAll(/([A-Za-z])\1*|[^A-Za-z]/g)) {
    if (!/^[A-Za-z]/.test(run)) {
      source += `(${run.replace(/[-[\]{}()*+?.,\\^$|#\s/]/g, '\\$&')})`;
      fields.push('');
      continue;
    }
    const unit = FAST_TOKENS[run];
    // One of each field, and a whole date: luxon fills a missing date from today, which this does not.
    if (unit === undefined || seen.has(run[0]!)) return null;
    seen.add(run[0]!);
    source += `(${unit})`;
    fields.push(run);
  }
  if (!seen.has('y') || !seen.has('M') || !seen.has('d') || (seen.has('h') && seen.has('H'))) return null;
  const fixed = fixedFormat(format);
  return { regex: new RegExp(`^${source}$`, 'i'), fields, ...(fixed ? { fixed } : {}) };
}

const FIXED_FIELDS: Readonly<Record<string, keyof Omit<FixedFormat, 'length' | 'literals' | 'isoLike'>>> = {
  yyyy: 'year',
  MM: 'month',
  dd: 'day',
  HH: 'hour',
  hh: 'hour',
  mm: 'minute',
  ss: 'second',
};

/** The fixed-width reading of a format compileFast took, or undefined when a field has no fixed width or a character is not ASCII. */
function fixedFormat(format: string): FixedFormat | undefined {
  const f: FixedFormat = { length: 0, literals: [], year: -1, month: -1, day: -1, hour: -1, minute: -1, second: -1, isoLike: false };
  for (const [run] of format.matchAll(/([A-Za-z])\1*|[^A-Za-z]/g)) {
    if (!/^[A-Za-z]/.test(run)) {
      // A character the expression reads case-blind: only ASCII ones (no letters here) are the same code for code.
      if (run.charCodeAt(0) > 127) return undefined;
      f.literals.push(f.length, run.charCodeAt(0));
      f.length++;
      continue;
    }
    const field = FIXED_FIELDS[run];
    if (field === undefined) return undefined;
    f[field] = f.length;
    f.length += run.length;
  }
  f.isoLike =
    f.length === 19 &&
    f.year === 0 &&
    f.month === 5 &&
    f.day === 8 &&
    f.hour === 11 &&
    f.minute === 14 &&
    f.second === 17 &&
    f.literals.join() === [4, 45, 7, 45, 10, f.literals[5], 13, 58, 16, 58].join();
  return f;
}

/** The compiled reading of a format, null when it is not of plain fields; compiled once per format. */
function fastFormatOf(format: string): FastFormat | null {
  let fast = fastFormats.get(format);
  if (fast === undefined) fastFormats.set(format, (fast = compileFast(format)));
  return fast;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/**
 * The wall-clock time (epoch ms as if UTC) of `text` in `format`, read without
 * luxon when the format is one of plain fields; undefined when it is not, or
 * when the text does not match or is out of range (luxon then reads it, and
 * says why). Held to luxon by test/time/local-text-fast.test.ts.
 */
export function fastWallTime(text: string, format: string): number | undefined {
  const fast = fastFormatOf(format);
  if (fast === null) return undefined;
  return fast.fixed === undefined ? regexWallTime(fast, text) : fixedWallTime(fast.fixed, text);
}

/** fastWallTime's two readings of a text: by character codes (null for a format without a fixed width) and by the expression; for tests. */
export function fastWallTimeReadings(text: string, format: string): { fixed: number | undefined | null; regex: number | undefined } {
  const fast = fastFormatOf(format);
  if (fast === null) return { fixed: null, regex: undefined };
  return { fixed: fast.fixed === undefined ? null : fixedWallTime(fast.fixed, text), regex: regexWallTime(fast, text) };
}

function regexWallTime(fast: FastFormat, text: string): number | undefined {
  const m = fast.regex.exec(text);
  if (!m) return undefined;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let meridiem = -1;
  let twelve: number | undefined;
  for (let i = 0; i < fast.fields.length; i++) {
    const token = fast.fields[i]!;
    if (token === '') continue;
    const s = m[i + 1]!;
    if (token === 'MMM') month = MONTHS.indexOf(s.toLowerCase()) + 1;
    else if (token === 'a') meridiem = s.toLowerCase() === 'am' ? 0 : 1;
    else {
      const n = Number(s);
      if (token[0] === 'y') year = token === 'yy' && n <= 99 ? (n > 60 ? 1900 + n : 2000 + n) : n;
      else if (token[0] === 'M') month = n;
      else if (token[0] === 'd') day = n;
      else if (token[0] === 'H') hour = n;
      else if (token[0] === 'h') twelve = n;
      else if (token[0] === 'm') minute = n;
      else second = n;
    }
  }
  if (twelve !== undefined) hour = twelve < 12 && meridiem === 1 ? twelve + 12 : twelve === 12 && meridiem === 0 ? 0 : twelve;
  return wallTime(year, month, day, hour, minute, second);
}

/**
 * regexWallTime for a fixed-width format, without the expression: the text as long as the format, its
 * other characters the format's, two digits at each field's place (four for the year). A lone `hh`
 * (no `a`: fixed formats have none) is its hour as it stands, as regexWallTime reads it.
 */
function fixedWallTime(f: FixedFormat, text: string): number | undefined {
  if (text.length !== f.length) return undefined;
  const literals = f.literals;
  for (let k = 0; k < literals.length; k += 2) if (text.charCodeAt(literals[k]!) !== literals[k + 1]) return undefined;
  const century = twoDigits(text, f.year);
  const year = century * 100 + twoDigits(text, f.year + 2);
  const month = twoDigits(text, f.month);
  const day = twoDigits(text, f.day);
  const hour = f.hour < 0 ? 0 : twoDigits(text, f.hour);
  const minute = f.minute < 0 ? 0 : twoDigits(text, f.minute);
  const second = f.second < 0 ? 0 : twoDigits(text, f.second);
  // A place that holds anything but digits reads -1, and leaves the text to luxon.
  if (century < 0 || year < century * 100 || hour < 0 || minute < 0 || second < 0) return undefined;
  return wallTime(year, month, day, hour, minute, second);
}

/** The two digits at `at` as a number, -1 when either is not a digit. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The wall time of the fields as if UTC, undefined when a field is out of range (luxon then reads the text, and says why). */
function wallTime(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS[month - 1]! + (leap ? 1 : 0)) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const parsers = new Map<string, ReturnType<typeof DateTime.buildFormatParser>>();
/** luxon builds a parser from a format string each call; an export has one format and 100 000 rows. */
function formatParser(format: string): ReturnType<typeof DateTime.buildFormatParser> {
  let parser = parsers.get(format);
  if (!parser) parsers.set(format, (parser = DateTime.buildFormatParser(format, { locale: 'en-US' })));
  return parser;
}

/**
 * How one zone's offsets are read here: whether the zone is valid, and its offset (minutes east of UTC, as
 * luxon's `IANAZone#offset` gives it) at an instant, through a cache of windows (see `offsetAt`).
 */
interface ZoneReader {
  valid: boolean;
  /** The offset at each window edge read so far, by edge (`ms / WINDOW`). */
  edges: Map<number, number>;
  /** The first whole second of the new offset in a window whose edges differ, by window. */
  changes: Map<number, number>;
  /**
   * Runs `work` with the uncached reading: src/time/zone.ts's, where `TZ` is set once for all the
   * readings of one `work` (a run of edges, a bisection) rather than once for each; luxon's for a name of
   * another shape.
   */
  reading: <T>(work: (read: (ms: number) => number) => T) => T;
  /** By wall-clock day (`local / DAY`): the one offset all its wall times have, or NaN (see dayOffset). */
  days: Map<number, number>;
}

/**
 * The windows the offsets are cached over: 4 days, less than the shortest time between two changes of
 * offset of any zone the runtime lists from 1850 to 2100 (6.96 days: America/Noronha in October 2000,
 * Asia/Gaza's predicted rules), so a window holds at most one change, and none when its two edges read
 * the same offset. test/time/zone-windows.test.ts holds the bound in every zone.
 */
export const WINDOW = 4 * 86_400_000;
/** Edges read at a time, from the one asked on: a year of rows is read in a few runs. */
const EDGES_AT_ONCE = 16;

const readers = new Map<string, ZoneReader>();

/**
 * The reader of a zone: validity settled once per name (without luxon for the zones the runtime
 * knows, src/time/valid-zone.ts), each offset from src/time/zone.ts (Intl, or `TZ` on the main
 * thread) or, for a name of another shape, from luxon.
 */
function readerOf(zone: string): ZoneReader {
  let r = readers.get(zone);
  if (r === undefined) {
    const valid = isValidZone(zone);
    const fixed = fixedZoneOffset(zone);
    let slow: IANAZone | undefined;
    const luxon = (ms: number): number => (slow ??= IANAZone.create(zone)).offset(ms);
    const reading: ZoneReader['reading'] =
      fixed !== undefined
        ? (work) => work((ms) => (Number.isFinite(ms) ? fixed : Number.NaN))
        : (work) => withZoneOffsets(zone, (offsetMinutes) => work((ms) => offsetMinutes(ms) ?? luxon(ms)));
    r = { valid, edges: new Map(), changes: new Map(), reading, days: new Map() };
    readers.set(zone, r);
  }
  return r;
}

function edgeOffset(r: ZoneReader, edge: number): number {
  const offset = r.edges.get(edge);
  if (offset !== undefined) return offset;
  if (r.edges.size > 200_000) r.edges.clear();
  return r.reading((read) => {
    for (let e = edge; e < edge + EDGES_AT_ONCE; e++) if (!r.edges.has(e)) r.edges.set(e, read(e * WINDOW));
    return r.edges.get(edge)!;
  });
}

/**
 * The zone's offset (minutes) at an instant, the uncached reading's answer: the same at a window's two
 * edges, it is that offset all through the window (one change at most in a window, and a change
 * changes the offset); else the window's one change is found once, to the second, by bisection
 * (offsets are read in whole seconds), and the instant is on one side of it.
 */
function offsetAt(r: ZoneReader, ms: number): number {
  const w = Math.floor(ms / WINDOW);
  if (!Number.isFinite(w)) return r.reading((read) => read(ms));
  const a = edgeOffset(r, w);
  const b = edgeOffset(r, w + 1);
  if (a === b) return a;
  if (!(Number.isFinite(a) && Number.isFinite(b))) return r.reading((read) => read(ms));
  let change = r.changes.get(w);
  if (change === undefined) {
    change = r.reading((read) => {
      // Whole seconds: a reads at lo, b at hi.
      let lo = (w * WINDOW) / 1000;
      let hi = ((w + 1) * WINDOW) / 1000;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (read(mid * 1000) === a) lo = mid;
        else hi = mid;
      }
      return hi * 1000;
    });
    if (r.changes.size > 200_000) r.changes.clear();
    r.changes.set(w, change);
  }
  return ms < change ? a : b;
}

const DAY = 86_400_000;
/** Wall times the day cache answers: 1900 to 2100, where no zone's offsets change twice within 56 hours (see WINDOW). */
const STEADY_FROM = Date.UTC(1900, 0, 1);
const STEADY_TO = Date.UTC(2100, 0, 1);

/**
 * The offset (minutes) every wall-clock time of the day of `local` (as if UTC) happens at, once each;
 * NaN when that is not so or not known here (offsetsForWallTime then reads the wall time itself). The
 * zone's offset the same 16 hours before the day's first wall time and 16 hours after its last is its
 * offset all through (no zone changes twice within 56 hours from 1900 to 2100: WINDOW); every instant
 * that shows a wall time of the day is in that span (no offset is beyond ±14 hours), so each wall time
 * happens once, at that offset: what offsetsForWallTime finds (held by test/time/import-offsets.property.test.ts).
 */
function dayOffset(r: ZoneReader, local: number): number {
  if (!(local >= STEADY_FROM && local < STEADY_TO)) return Number.NaN;
  const day = Math.floor(local / DAY);
  let offset = r.days.get(day);
  if (offset === undefined) {
    const before = offsetAt(r, day * DAY - 16 * HOUR);
    offset = before === offsetAt(r, (day + 1) * DAY + 16 * HOUR) && Math.abs(before) <= 14 * 60 ? before : Number.NaN;
    if (r.days.size > 200_000) r.days.clear();
    r.days.set(day, offset);
  }
  return offset;
}

/** The offsets of a wall-clock time as readInstant settles them: through the day cache or not; for tests. */
export function wallTimeOffsets(zone: string, local: number, byDay: boolean): number[] {
  const r = readerOf(zone);
  const steady = byDay ? dayOffset(r, local) : Number.NaN;
  return Number.isNaN(steady) ? offsetsForWallTime(r, local) : [steady];
}

/** The offsets (minutes) at which the wall-clock time `local` (as if UTC) happens in the zone: one, none (skipped) or two (repeated). */
function offsetsForWallTime(r: ZoneReader, local: number): number[] {
  const o1 = offsetAt(r, local - 36 * HOUR);
  const o2 = offsetAt(r, local);
  const o3 = offsetAt(r, local + 36 * HOUR);
  const found: number[] = [];
  if (offsetAt(r, local - o1 * 60000) === o1) found.push(o1);
  if (o2 !== o1 && offsetAt(r, local - o2 * 60000) === o2) found.push(o2);
  if (o3 !== o1 && o3 !== o2 && offsetAt(r, local - o3 * 60000) === o3) found.push(o3);
  return found;
}

const UTC_NAMES = /^(?:UTC|Etc\/UTC|Etc\/GMT|GMT|Etc\/Universal|Universal|Etc\/Zulu|Zulu)$/;

/** `2026-10-25T03:30:00+01:00` for an instant at an offset (minutes); `Z` in the UTC zones (`utc`: UTC_NAMES), as luxon writes it. */
function formatAtOffset(ms: number, offset: number, utc: boolean): string {
  const iso = new Date(ms + offset * 60000).toISOString();
  return offsetText(iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23), offset, utc);
}

/** The wall time `body` (`2026-10-25T03:30:00`) at an offset (minutes): `+01:00` after it, `Z` in the UTC zones. */
function offsetText(body: string, offset: number, utc: boolean): string {
  if (offset === 0 && utc) return `${body}Z`;
  let suffix = suffixes.get(offset);
  if (suffix === undefined) {
    const a = Math.abs(offset);
    suffix = `${offset < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
    suffixes.set(offset, suffix);
  }
  return body + suffix;
}
/** `+01:00` by offset (minutes): a zone has a few. */
const suffixes = new Map<number, string>();

/** `2026-10-25T03:30:00+01:00`: seconds always, milliseconds only when there are some, `Z` for UTC. */
export function rfc3339(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

/** The zone's offset (minutes) at an instant, as luxon gives it (the cached readings above); for tests. */
export function offsetInZone(zone: string, ms: number): number {
  return offsetAt(readerOf(zone), ms);
}

/** The month (`2026-10`) an instant falls in, in a zone. */
export function monthOf(ms: number, zone: string): string {
  return new Date(ms + offsetAt(readerOf(zone), ms) * 60000).toISOString().slice(0, 7);
}

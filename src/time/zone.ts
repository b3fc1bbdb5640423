// A zone's UTC offset, read from the runtime's time-zone data.
//
// Two readings of the same ICU data. Through Intl, with the zone named in the
// call: nothing process-wide is set, so the answer is the same on the main
// thread and in a worker thread (where a `TZ` set at run time does not reach
// the runtime's zone data and every zone reads as UTC); but building the
// process's first formatter loads Intl's date data (10–25 ms, the largest
// start-up cost `sla`, `who`, `render` and `calendar` had). On the main thread
// only (`readZonesThroughTz`, which the CLI's runner calls), the first readings
// of a run are instead taken from `Date`'s local clock with `process.env.TZ`
// set to the zone for the one reading and put back at once (0.1 ms for the first, ~10 µs after): ICU's zone data without its
// date formats. A zone read that way must be one the runtime knows
// (`isKnownZone`), as an unknown `TZ` reads as UTC without a word. After
// `TZ_READINGS` of them (a calendar's time-zone rules ask ~900) the formatter
// is cheaper and takes over. test/time/zone-tz.test.ts holds the two readings
// to each other in every zone the runtime lists, 1850–2100, in a process of
// its own (a test worker is not the main thread). Callers ask only when a
// cheaper reading cannot settle the question (src/time/instant.ts); one
// formatter per zone is kept.

/**
 * Whether zones may be read through `TZ`: only on the main thread, where setting it reaches the
 * runtime. Off until the CLI's runner, which runs on the main thread only, turns it on
 * (src/cli/main.ts); a check or portfolio thread never does, so it reads through Intl.
 */
let tzAllowed = false;

/** Lets (or stops) this process read zones through `TZ`. Call it on the main thread only. */
export function readZonesThroughTz(on: boolean): void {
  tzAllowed = on;
}

/** An IANA zone name's shape (`Europe/Berlin`, `America/Argentina/Salta`); other names are left to the full reading. */
const IANA_NAME = /^[A-Z][A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** The formatter of one zone, or null when the runtime does not know the zone. */
function formatterOf(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** `11/14/2023 AD, 23:13:20`: how the formatter above writes an instant in en-US. */
const FORMATTED = /^(\d{1,2})\/(\d{1,2})\/(\d{1,6}) (AD|BC), (\d{2}):(\d{2}):(\d{2})$/;

/**
 * The wall-clock reading of `ms` in a zone, as if it were UTC (epoch ms), whole seconds: read from the
 * formatted text (a quarter of the cost of its parts, which a calendar's time-zone rules ask for a
 * thousand times), or from the parts when the text is not of the expected shape.
 */
function wallClock(f: Intl.DateTimeFormat, ms: number): number {
  const m = FORMATTED.exec(f.format(ms));
  if (m) {
    const d = new Date(Date.UTC(2000, Number(m[1]) - 1, Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7])));
    d.setUTCFullYear(m[4] === 'BC' ? 1 - Number(m[3]) : Number(m[3]));
    return d.getTime();
  }
  return wallClockFromParts(f, ms);
}

/** `wallClock` read from the formatter's parts. */
function wallClockFromParts(f: Intl.DateTimeFormat, ms: number): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of f.formatToParts(ms)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = /^B/i.test(part.value);
        break;
    }
  }
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  d.setUTCFullYear(bc ? 1 - year : year);
  return d.getTime();
}

/**
 * The UTC offset of `zone` at the instant `ms`, in minutes east of UTC, or
 * undefined when the runtime does not know the zone or the name is not an IANA
 * name (the caller settles those with the full reading, src/time/zoned.ts).
 */
export function zoneOffsetMinutes(zone: string, ms: number): number | undefined {
  if (tzAllowed && tzReadings < TZ_READINGS && !formatters.has(zone)) {
    const offset = zoneOffsetMinutesByTz(zone, ms);
    if (offset !== undefined) return offset;
  }
  return zoneOffsetMinutesByIntl(zone, ms);
}

/** How many readings a run takes from `Date`'s local clock before the formatter is cheaper (see the head of this file). */
export const TZ_READINGS = 256;
let tzReadings = 0;

/** The whole second an instant falls in, as the wall clock shows whole seconds. */
function wholeSecond(ms: number): number {
  return ms - (((ms % 1000) + 1000) % 1000);
}

/**
 * Whether `zone` can be read through `TZ`: a zone the runtime knows (an unknown `TZ` reads as UTC
 * without a word), and not a fixed offset's name (arithmetic, and `TZ=UTC` or `TZ=Etc/GMT+5` could
 * be read as POSIX rules).
 */
function readableThroughTz(zone: string): boolean {
  return IANA_NAME.test(zone) && fixedZoneOffset(zone) === undefined && isKnownZone(zone) === true;
}

/** Runs `work` with `process.env.TZ` set to `zone`, and the caller's `TZ` (set or not) put back when it returns or throws. */
function underTz<T>(zone: string, work: () => T): T {
  const env = process.env;
  const before = env.TZ;
  env.TZ = zone;
  try {
    return work();
  } finally {
    if (before === undefined) delete env.TZ;
    else env.TZ = before;
  }
}

/**
 * The offset (minutes east of UTC) of the process's local zone at `whole` (a whole second), from
 * `Date`'s local clock; undefined outside `Date`'s range.
 */
function localOffset(whole: number): number | undefined {
  const d = new Date(whole);
  const wall = new Date(Date.UTC(2000, d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
  wall.setUTCFullYear(d.getFullYear());
  const t = wall.getTime();
  return Number.isNaN(t) ? undefined : (t - whole) / 60000 || 0;
}

/**
 * Runs `work` with a reader of one zone's offsets (minutes east of UTC, undefined where
 * `zoneOffsetMinutes` would say so), for a caller that asks many in a row (a calendar's
 * time-zone rules, ~900). When zones may be read through `TZ` and this one can be, `TZ` is set to
 * the zone once for the whole of `work` (which must be synchronous and start no process, as a
 * child would inherit it) and put back when it returns or throws; otherwise each reading is
 * `zoneOffsetMinutes`'s. A reading of another zone inside `work` sets `TZ` and puts this zone back.
 */
export function withZoneOffsets<T>(zone: string, work: (offsetMinutes: (ms: number) => number | undefined) => T): T {
  if (!tzAllowed || !readableThroughTz(zone)) return work((ms) => zoneOffsetMinutes(zone, ms));
  return underTz(zone, () => work((ms) => (Number.isFinite(ms) ? (localOffset(wholeSecond(ms)) ?? zoneOffsetMinutesByIntl(zone, ms)) : undefined)));
}

/** The reading from the formatter alone (never `TZ`): what a worker thread, and every reading after `TZ_READINGS`, takes. */
export function zoneOffsetMinutesByIntl(zone: string, ms: number): number | undefined {
  if (!Number.isFinite(ms) || !IANA_NAME.test(zone)) return undefined;
  const f = formatterOf(zone);
  if (f === null) return undefined;
  const whole = wholeSecond(ms);
  return (wallClock(f, whole) - whole) / 60000 || 0;
}

/** The reading from `Date`'s local clock (main thread only; undefined for a name it cannot settle: not known to the runtime, or a fixed offset's). */
export function zoneOffsetMinutesByTz(zone: string, ms: number): number | undefined {
  if (!Number.isFinite(ms) || !readableThroughTz(zone)) return undefined;
  tzReadings++;
  return underTz(zone, () => localOffset(wholeSecond(ms)));
}

/** The offsets of one zone at several instants; undefined when any cannot be read. */
export function zoneOffsetsMinutes(zone: string, instants: readonly number[]): number[] | undefined {
  const out: number[] = [];
  for (const ms of instants) {
    const offset = zoneOffsetMinutes(zone, ms);
    if (offset === undefined) return undefined;
    out.push(offset);
  }
  return out;
}

/** `Etc/GMT+5` is UTC−5 (POSIX signs): the runtime knows GMT+1..+12 and GMT−1..−14. */
const ETC_GMT = /^Etc\/GMT([+-])(1[0-4]|[1-9])$/;
const UTC_ALIASES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'Etc/Greenwich']);

/**
 * The offset (minutes east of UTC) of a zone whose name says it outright:
 * the UTC names and `Etc/GMT±N`; undefined for any other name. Node 20's
 * list of zones (`Intl.supportedValuesOf`) lacks them, so without this they went to luxon.
 */
export function fixedZoneOffset(zone: string): number | undefined {
  if (UTC_ALIASES.has(zone)) return 0;
  const m = ETC_GMT.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  if (m[1] === '+' ? hours > 12 : hours > 14) return undefined;
  return (m[1] === '+' ? -hours : hours) * 60;
}

let canonical: Set<string> | undefined;

/**
 * Zones known without asking the runtime, besides the names of a fixed
 * offset (`fixedZoneOffset`: UTC's names, `Etc/GMT±N`): zones of the IANA database since before 2000, which the ICU
 * of every Node govern runs on knows. The runtime's own list
 * (`Intl.supportedValuesOf`, ~430 names built and sorted, 2-4 ms) is asked
 * only for other names. test/time/known-zones.test.ts holds each to Intl and luxon.
 */
export const COMMON_ZONES: ReadonlySet<string> = new Set(
  (
    'Europe/London Europe/Dublin Europe/Lisbon Europe/Paris Europe/Berlin Europe/Amsterdam Europe/Brussels Europe/Luxembourg ' +
    'Europe/Madrid Europe/Rome Europe/Zurich Europe/Vienna Europe/Prague Europe/Warsaw Europe/Budapest Europe/Stockholm ' +
    'Europe/Oslo Europe/Copenhagen Europe/Helsinki Europe/Athens Europe/Bucharest Europe/Sofia Europe/Istanbul Europe/Moscow ' +
    'America/New_York America/Chicago America/Denver America/Los_Angeles America/Phoenix America/Anchorage America/Toronto ' +
    'America/Vancouver America/Halifax America/St_Johns America/Mexico_City America/Sao_Paulo America/Santiago America/Bogota ' +
    'America/Lima Asia/Tokyo Asia/Seoul Asia/Shanghai Asia/Hong_Kong Asia/Singapore Asia/Taipei Asia/Kolkata Asia/Dubai ' +
    'Asia/Karachi Asia/Dhaka Asia/Bangkok Asia/Jakarta Asia/Manila Asia/Jerusalem Asia/Riyadh Asia/Tehran Asia/Kathmandu ' +
    'Australia/Sydney Australia/Melbourne Australia/Brisbane Australia/Perth Australia/Adelaide Pacific/Auckland ' +
    'Pacific/Honolulu Africa/Johannesburg Africa/Lagos Africa/Cairo Africa/Nairobi Africa/Casablanca'
  ).split(' '),
);

/**
 * True for a zone the runtime knows cheaply (a fixed offset's name, COMMON_ZONES, else the
 * runtime's list of canonical zones; no date data loaded); undefined when only
 * the full test can say (an alias such as `Asia/Calcutta`, a name of another
 * shape, a misspelling).
 */
export function isKnownZone(zone: string): boolean | undefined {
  if (COMMON_ZONES.has(zone) || fixedZoneOffset(zone) !== undefined) return true;
  if (!IANA_NAME.test(zone)) return undefined;
  canonical ??= new Set(Intl.supportedValuesOf('timeZone'));
  return canonical.has(zone) || undefined;
}

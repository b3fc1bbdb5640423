// A zone's UTC offset from the process's own clock machinery. Intl's date
// formatting loads locale data on first use (~12 ms, more than the rest of a
// small check); setting TZ and asking a Date for its offset reads the same
// ICU time-zone rules without it. The one place govern sets TZ: for the
// duration of a synchronous call, always restored.

/** An IANA zone name's shape (`Europe/Berlin`, `America/Argentina/Salta`); POSIX TZ strings are left to luxon. */
const IANA_NAME = /^[A-Z][A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/;

let canonical: Set<string> | undefined;

/**
 * The UTC offset of `zone` at the instant `ms`, in minutes east of UTC, or
 * undefined when the runtime does not know the zone (the caller settles those
 * with luxon). An unknown zone reads as UTC, so a zero offset is believed only
 * for a zone the runtime lists.
 */
export function zoneOffsetMinutes(zone: string, ms: number): number | undefined {
  return zoneOffsetsMinutes(zone, [ms])?.[0];
}

/** The offsets of one zone at several instants (TZ is set once: each change makes V8 reload the zone). */
export function zoneOffsetsMinutes(zone: string, instants: readonly number[]): number[] | undefined {
  if (!IANA_NAME.test(zone) || !instants.every(Number.isFinite)) return undefined;
  const saved = process.env.TZ;
  let offsets: number[];
  try {
    process.env.TZ = zone;
    offsets = instants.map((ms) => -new Date(ms).getTimezoneOffset() || 0);
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
  if (offsets.some((o) => o !== 0)) return offsets;
  canonical ??= new Set(Intl.supportedValuesOf('timeZone'));
  return canonical.has(zone) ? offsets : undefined;
}

/** True for a zone the runtime knows, mostly without loading Intl's data; undefined when only luxon can say. */
export function isKnownZone(zone: string): boolean | undefined {
  let known = knownZones.get(zone);
  if (known === undefined) {
    // A zone has a non-zero offset at one of these instants, or is listed.
    known = zoneOffsetsMinutes(zone, [Date.UTC(2024, 0, 15), Date.UTC(2024, 6, 15)]) !== undefined;
    knownZones.set(zone, known);
  }
  return known || undefined;
}

const knownZones = new Map<string, boolean>();

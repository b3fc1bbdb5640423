import { DateTime, IANAZone } from 'luxon';

/** An instant read from an export: its epoch milliseconds and its RFC 3339 spelling, or why it cannot be read. */
export type ReadInstant = { ok: true; ms: number; text: string } | { ok: false; why: string };

const HAS_OFFSET = /(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;
const HOUR = 3600000;

/** Whether a luxon format string reads an offset or a zone (a `Z` or `z` token outside quoted text). */
function formatHasOffset(format: string): boolean {
  return /[Zz]/.test(format.replace(/'[^']*'/g, ''));
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
  const value = text.trim();
  if (value === '') return { ok: false, why: 'no time given' };
  if (format !== undefined && formatHasOffset(format)) {
    const dt = DateTime.fromFormat(value, format, { setZone: true, locale: 'en-US' });
    if (!dt.isValid) return { ok: false, why: `\`${value}\` does not match the format \`${format}\`` };
    return { ok: true, ms: dt.toMillis(), text: rfc3339(dt) };
  }
  if (format === undefined && HAS_OFFSET.test(value)) {
    const dt = DateTime.fromISO(value, { setZone: true });
    if (!dt.isValid) return { ok: false, why: `\`${value}\` is not an ISO 8601 time` };
    return { ok: true, ms: dt.toMillis(), text: rfc3339(dt) };
  }
  const wall = format === undefined ? DateTime.fromISO(value, { zone: 'utc' }) : DateTime.fromFormat(value, format, { zone: 'utc', locale: 'en-US' });
  if (!wall.isValid) return { ok: false, why: format === undefined ? `\`${value}\` is not an ISO 8601 time (give \`format\` in govern.import.yaml for other spellings)` : `\`${value}\` does not match the format \`${format}\`` };
  const local = wall.toMillis();
  const z = IANAZone.create(zone);
  if (!z.isValid) return { ok: false, why: `\`${zone}\` is not an IANA time zone` };
  // The instants whose wall-clock time in the zone is `local`: one, none (skipped) or two (repeated).
  const offsets = new Set([z.offset(local - 36 * HOUR), z.offset(local), z.offset(local + 36 * HOUR)]);
  const found = [...offsets].map((o) => local - o * 60000).filter((t) => z.offset(t) * 60000 === local - t);
  const unique = [...new Set(found)];
  const shown = wall.toFormat("yyyy-MM-dd HH:mm");
  if (unique.length === 0) return { ok: false, why: `${shown} does not exist in ${zone} (the clocks go forward over it); give the time with its offset` };
  if (unique.length > 1) return { ok: false, why: `${shown} happens twice in ${zone} (the clocks go back over it); give the time with its offset` };
  return { ok: true, ms: unique[0]!, text: rfc3339(DateTime.fromMillis(unique[0]!, { zone })) };
}

/** `2026-10-25T03:30:00+01:00`: seconds always, milliseconds only when there are some, `Z` for UTC. */
export function rfc3339(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

/** The month (`2026-10`) an instant falls in, in a zone. */
export function monthOf(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM');
}

import { DateTime } from 'luxon';

/** A half-open stretch of time [start, end) in epoch milliseconds. */
export type Interval = readonly [start: number, end: number];

/** Sorts intervals and unites those that overlap or touch, dropping empty ones, so each instant counts once. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Cuts each interval to [from, to), dropping what falls outside. */
export function clipIntervals(list: readonly Interval[], from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (const [s, e] of list) {
    const lo = Math.max(s, from);
    const hi = Math.min(e, to);
    if (hi > lo) out.push([lo, hi]);
  }
  return out;
}

// RFC 3339 needs an offset; luxon would otherwise read a bare local time in the machine's zone.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** Reads an RFC 3339 instant with an offset into epoch milliseconds; null when absent, malformed or without offset. */
export function parseInstant(value: unknown): number | null {
  // YAML may hand over a Date when a timestamp slips through the core schema.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== 'string' || !RFC3339.test(value)) return null;
  const parsed = DateTime.fromISO(value.replace(' ', 'T'), { setZone: true });
  return parsed.isValid ? parsed.toMillis() : null;
}

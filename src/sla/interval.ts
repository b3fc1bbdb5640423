import { parseInstantQuickly } from '../time/instant.js';

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

/**
 * Reads an RFC 3339 instant with an offset into epoch milliseconds, in every spelling the schema accepts
 * (one parser for the rules and the SLA arithmetic: `parseInstantQuickly`); null when absent, malformed or
 * without offset (the date library would read a bare local time in the machine's zone).
 */
export function parseInstant(value: unknown): number | null {
  // YAML may hand over a Date when a timestamp slips through the core schema.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== 'string') return null;
  return parseInstantQuickly(value) ?? null;
}

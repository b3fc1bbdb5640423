import type { Downtime } from '../model/partnership.js';
import { type WorkCalendar, workingMs } from './calendar.js';
import { type Interval, clipIntervals, mergeIntervals, parseInstant } from './interval.js';

/** What availability is measured over. */
export interface AvailabilityInput {
  /** The service's calendar. */
  calendar: WorkCalendar;
  /** The period as epoch milliseconds, half-open [start, end). */
  periodStart: number;
  periodEnd: number;
  /** The service's downtime records; planned ones are left out here. */
  downtime: readonly Downtime[];
  /** Today; downtime without an end is counted as still going on up to here (default: the period's end). */
  now?: number;
}

/** A service's availability over a period. */
export interface Availability {
  /** Working minutes of the service's calendar in the period. */
  serviceMinutes: number;
  /** Working minutes lost to unplanned downtime, overlaps counted once. */
  downMinutes: number;
  /** 100 × (1 − down / service), unrounded; null when the calendar has no working time in the period. */
  availability: number | null;
}

const MINUTE = 60_000;

/** Availability = 1 − unplanned downtime / service time, both counted on the service's calendar within the period. */
export function computeAvailability(input: AvailabilityInput): Availability {
  const { calendar, periodStart, periodEnd } = input;
  const openEnd = Math.min(periodEnd, input.now ?? periodEnd);
  const down: Interval[] = [];
  for (const record of input.downtime) {
    if (record?.planned === true) continue;
    const from = parseInstant(record?.from);
    if (from === null) continue;
    const to = record.to === undefined ? openEnd : parseInstant(record.to);
    if (to === null) continue;
    down.push([from, to]);
  }
  let downMs = 0;
  for (const [s, e] of mergeIntervals(clipIntervals(down, periodStart, periodEnd))) downMs += workingMs(calendar, s, e);
  const serviceMs = workingMs(calendar, periodStart, periodEnd);
  return {
    serviceMinutes: serviceMs / MINUTE,
    downMinutes: downMs / MINUTE,
    availability: serviceMs > 0 ? (1 - downMs / serviceMs) * 100 : null,
  };
}

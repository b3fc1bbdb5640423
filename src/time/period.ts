// Where a reporting period starts and ends in a time zone.
import type { Period } from '../model/period.js';
import { steadyWallInstant } from './civil.js';
import { insidePeriodQuickly } from './instant.js';
import { zoneOffsetsMinutes } from './zone.js';
import { DateTime } from './zoned.js';

/** The half-open interval [start, end) of a period in a time zone. */
export function periodBounds(period: Period, zone: string): { start: DateTime; end: DateTime } {
  const start = DateTime.fromObject({ year: period.year, month: period.firstMonth, day: 1 }, { zone });
  return { start, end: start.plus({ months: period.months }) };
}

/**
 * The half-open interval [start, end) of a period in a time zone, as epoch ms: the same instants as
 * `periodBounds`, without the full date library unless an edge is near a clock change.
 */
export function periodEdges(period: Period, zone: string): { start: number; end: number } {
  const endMonth = period.firstMonth - 1 + period.months;
  const start = steadyWallInstant(zone, period.year, period.firstMonth, 1);
  const end = steadyWallInstant(zone, period.year + Math.floor(endMonth / 12), (endMonth % 12) + 1, 1);
  if (start !== undefined && end !== undefined) return { start, end };
  // Near a clock change luxon places them (a midnight skipped moves the start, and the end with it).
  const slow = periodBounds(period, zone);
  return { start: slow.start.toMillis(), end: slow.end.toMillis() };
}

/**
 * Whether an instant (epoch ms) lies in a period as counted in a zone; undefined
 * when the period's edges cannot be placed in the zone (an unknown zone the
 * full reading also refuses). Settled without the full date library unless
 * the instant is near an edge that a transition also lies near.
 */
export function insidePeriod(ms: number, period: Period, zone: string): boolean | undefined {
  const quick = insidePeriodQuickly(ms, period.year, period.firstMonth, period.months, zone, zoneOffsetsMinutes);
  if (quick !== undefined) return quick;
  const { start, end } = periodBounds(period, zone);
  if (!start.isValid || !end.isValid) return undefined;
  return ms >= start.toMillis() && ms < end.toMillis();
}

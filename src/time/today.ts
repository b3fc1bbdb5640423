// Today's date where a partnership is, from the clock.
import { dateAtOffset, todayQuickly } from './instant.js';
import { zoneOffsetMinutes } from './zone.js';
import { DateTime } from './zoned.js';

/** Today's date in a time zone; an unknown zone falls back to UTC (the zone itself is reported by a rule). */
export function todayIn(zone: string, now: number): string {
  // Most of the day the date is the same at every offset the zone may have; then no time-zone data is loaded.
  const quick = todayQuickly(zone, now);
  if (quick !== undefined) return quick;
  const offset = zoneOffsetMinutes(zone, now);
  if (offset !== undefined) return dateAtOffset(now, offset / 60);
  const local = DateTime.fromMillis(now, { zone });
  return (local.isValid ? local : DateTime.fromMillis(now, { zone: 'utc' })).toISODate()!;
}

/** Today's date in UTC. */
export function todayUtc(now: number): string {
  return dateAtOffset(now, 0);
}

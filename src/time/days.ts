// Calendar days: plain dates moved and counted, no time zone (a date in a
// file is a day on the calendar, wherever it is read).
import { addDaysToDate } from './instant.js';
import { DateTime } from './zoned.js';

/** The leading `YYYY-MM-DD` of a date or date-time text. */
const LEADING_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** A calendar date moved by whole days (`2027-12-31` − 90 → `2027-10-02`); a longer ISO text is read by its date. */
export function addDays(date: string, days: number): string {
  // Plain arithmetic first: every check runs this, and the full date library costs more than the rest of a small check.
  const lead = LEADING_DATE.exec(date)?.[0];
  const quick = lead === undefined ? undefined : addDaysToDate(lead, days);
  if (quick !== undefined) return quick;
  return DateTime.fromISO(lead ?? date, { zone: 'utc' })
    .plus({ days })
    .toISODate()!;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); a longer ISO text is read by its date. */
export function daysBetween(from: string, to: string): number {
  const a = utcDay(from);
  const b = utcDay(to);
  if (a !== undefined && b !== undefined) return Math.round((b - a) / 86_400_000);
  return Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);
}

/** The UTC midnight of a text's leading date, for the years Date.UTC reads as written (100 and later). */
function utcDay(text: string): number | undefined {
  const m = LEADING_DATE.exec(text);
  if (!m || Number(m[1]) < 100) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

import { DateTime } from '../time/zoned.js';
import type { Meeting } from '../model/partnership.js';

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One occurrence of a meeting: its local date and, when it has one, its local time of day. */
export interface Occurrence {
  date: string;
  /** `HH:MM`, or undefined for a meeting without a time of day (an all-day event). */
  time?: string;
}

/**
 * The dates a meeting falls on from `from` to `to` (inclusive, `YYYY-MM-DD`),
 * by the same rules as the recurring events of `govern calendar`
 * (src/render/icalendar.ts): weekly and biweekly on `day` (else the anchor's
 * weekday) from the anchor; monthly, quarterly and yearly on the first or last
 * `day` of the month (a bare weekday is the first), or on the anchor's day of
 * the month (months without that day are skipped, as RFC 5545 does); never
 * after `until` (the end of a contract that does not renew). Pure.
 */
export function meetingOccurrences(meeting: Meeting, anchor: string, from: string, to: string, until?: string): Occurrence[] {
  const cadence = meeting.cadence ?? 'monthly';
  const parsedDay = /^(?:(first|last)-)?(mon|tue|wed|thu|fri|sat|sun)$/.exec(meeting.day ?? '');
  const weekday = parsedDay ? DAY_NAMES.indexOf(parsedDay[2] as (typeof DAY_NAMES)[number]) : null;
  const nth = parsedDay?.[1] === 'last' ? -1 : 1;
  const start = DateTime.fromISO(anchor, { zone: 'utc' });
  const last = until !== undefined && until < to ? until : to;
  if (!start.isValid || last < from) return [];
  const time = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(meeting.time ?? '') ? (meeting.time === '24:00' ? '23:59' : meeting.time) : undefined;
  const dates: string[] = [];
  const push = (d: DateTime): boolean => {
    const iso = d.toISODate()!;
    if (iso > last) return false;
    if (iso >= from && iso >= anchor) dates.push(iso);
    return true;
  };
  if (cadence === 'weekly' || cadence === 'biweekly') {
    const wd = weekday ?? start.weekday - 1;
    const step = cadence === 'biweekly' ? 14 : 7;
    let d = start.plus({ days: (wd - (start.weekday - 1) + 7) % 7 });
    // Skip whole periods up to the window rather than walking from a contract start years ago.
    const behind = Math.floor(DateTime.fromISO(from, { zone: 'utc' }).diff(d, 'days').days / step);
    if (behind > 0) d = d.plus({ days: behind * step });
    while (push(d)) d = d.plus({ days: step });
  } else {
    const step = cadence === 'quarterly' ? 3 : cadence === 'yearly' ? 12 : 1;
    const firstMonth = start.startOf('month');
    let k = 0;
    const windowStart = DateTime.fromISO(from, { zone: 'utc' }).startOf('month');
    const behind = Math.floor((windowStart.year * 12 + windowStart.month - (firstMonth.year * 12 + firstMonth.month)) / step) - 1;
    if (behind > 0) k = behind;
    for (; ; k++) {
      const month = firstMonth.plus({ months: k * step });
      if (month.toISODate()! > last) break;
      if (weekday === null) {
        if (start.day > month.daysInMonth!) continue;
        if (!push(month.set({ day: start.day }))) break;
      } else {
        const d = nthWeekday(month, weekday, nth);
        // The first occurrence is the first such day on or after the anchor, in the anchor's month or the next of the cadence.
        if (d.toISODate()! < anchor) continue;
        if (!push(d)) break;
      }
    }
  }
  return dates.map((date) => ({ date, ...(time !== undefined ? { time } : {}) }));
}

/** The first (nth = 1) or last (nth = −1) given weekday (0 = Monday) of the month that `month` starts. */
function nthWeekday(month: DateTime, weekday: number, nth: 1 | -1): DateTime {
  if (nth === 1) return month.plus({ days: (weekday - (month.weekday - 1) + 7) % 7 });
  const lastDay = month.endOf('month').startOf('day');
  return lastDay.minus({ days: (lastDay.weekday - 1 - weekday + 7) % 7 });
}

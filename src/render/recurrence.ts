import { LAST_PLAIN_DAY, dayNumber, daysInMonth, isoOfDay, nthWeekdayDay, plainDateParts, weekdayOfDay } from '../time/civil.js';
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
  return plainOccurrences(meeting, anchor, from, to, until) ?? slowMeetingOccurrences(meeting, anchor, from, to, until);
}

/**
 * `meetingOccurrences` by plain date arithmetic (days since 1970), when the anchor and `from` are plain
 * dates of the years 1000–9999; undefined otherwise (luxon reads other ISO spellings). The same steps as
 * the reading through luxon below, which test/time/civil.property.test.ts holds it to.
 */
function plainOccurrences(meeting: Meeting, anchor: string, from: string, to: string, until?: string): Occurrence[] | undefined {
  const a = plainDateParts(anchor);
  const f = plainDateParts(from);
  if (a === undefined || f === undefined) return undefined;
  const cadence = meeting.cadence ?? 'monthly';
  const parsedDay = /^(?:(first|last)-)?(mon|tue|wed|thu|fri|sat|sun)$/.exec(meeting.day ?? '');
  const weekday = parsedDay ? DAY_NAMES.indexOf(parsedDay[2] as (typeof DAY_NAMES)[number]) : null;
  const nth = parsedDay?.[1] === 'last' ? -1 : 1;
  const start = dayNumber(a[0], a[1], a[2]);
  const last = until !== undefined && until < to ? until : to;
  if (last < from) return [];
  const time = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(meeting.time ?? '') ? (meeting.time === '24:00' ? '23:59' : meeting.time) : undefined;
  const dates: string[] = [];
  const push = (d: number): boolean => {
    // Past 9999 the text is no longer YYYY-MM-DD and no longer compares with `last`: stop there.
    if (d > LAST_PLAIN_DAY) return false;
    const iso = isoOfDay(d);
    if (iso > last) return false;
    if (iso >= from && iso >= anchor) dates.push(iso);
    return true;
  };
  if (cadence === 'weekly' || cadence === 'biweekly') {
    const startWd = weekdayOfDay(start);
    const wd = weekday ?? startWd;
    const step = cadence === 'biweekly' ? 14 : 7;
    let d = start + ((wd - startWd + 7) % 7);
    // Skip whole periods up to the window rather than walking from a contract start years ago.
    const behind = Math.floor((dayNumber(f[0], f[1], f[2]) - d) / step);
    if (behind > 0) d += behind * step;
    while (push(d)) d += step;
  } else {
    const step = cadence === 'quarterly' ? 3 : cadence === 'yearly' ? 12 : 1;
    const firstMonth = a[0] * 12 + (a[1] - 1);
    let k = 0;
    const behind = Math.floor((f[0] * 12 + (f[1] - 1) - firstMonth) / step) - 1;
    if (behind > 0) k = behind;
    for (; ; k++) {
      const total = firstMonth + k * step;
      const [year, month] = [Math.floor(total / 12), (total % 12) + 1];
      if (year > 9999) break;
      const monthStart = dayNumber(year, month, 1);
      if (isoOfDay(monthStart) > last) break;
      if (weekday === null) {
        if (a[2] > daysInMonth(year, month)) continue;
        if (!push(monthStart + a[2] - 1)) break;
      } else {
        const d = nthWeekdayDay(year, month, weekday, nth);
        // The first occurrence is the first such day on or after the anchor, in the anchor's month or the next of the cadence.
        if (isoOfDay(d) < anchor) continue;
        if (!push(d)) break;
      }
    }
  }
  return dates.map((date) => ({ date, ...(time !== undefined ? { time } : {}) }));
}

/** `meetingOccurrences` read through luxon: for anchors of other spellings, and the reference the plain reading is tested against. */
export function slowMeetingOccurrences(meeting: Meeting, anchor: string, from: string, to: string, until?: string): Occurrence[] {
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

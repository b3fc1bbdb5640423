import { ALWAYS } from '../model/partnership-index.js';
import { arrayOf, isObject, isString } from '../model/guards.js';

/** Minutes in a week: a calendar's weekly hours are compared minute by minute. */
const WEEK = 7 * 1440;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The minutes of a week a calendar is open (1) or closed (0), Monday 00:00 first. */
export type WeeklyHours = Uint8Array;

/** How two calendars' weekly hours relate. */
export type CoverageChange = 'same' | 'wider' | 'narrower' | 'different';

/** Weekly open minutes of a calendar's `hours`, or of `24x7`; null when they cannot be read. */
export function weeklyHours(hours: unknown): WeeklyHours | null {
  const week = new Uint8Array(WEEK);
  if (hours === ALWAYS) return week.fill(1);
  if (!isObject(hours)) return null;
  for (const [key, value] of Object.entries(hours)) {
    const days = dayRange(key);
    if (!days) return null;
    const ranges = Array.isArray(value) ? value : [value];
    for (const range of ranges) {
      const span = isString(range) ? /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(range) : null;
      if (!span) return null;
      const from = Number(span[1]) * 60 + Number(span[2]);
      const to = Number(span[3]) * 60 + Number(span[4]);
      if (to > 1440 || from >= to) return null;
      for (const day of days) week.fill(1, day * 1440 + from, day * 1440 + to);
    }
  }
  return week;
}

function dayRange(key: string): number[] | null {
  const [first, last] = key.split('-');
  const a = DAYS.indexOf(first ?? '');
  const b = last === undefined ? a : DAYS.indexOf(last);
  if (a < 0 || b < 0) return null;
  const out: number[] = [];
  for (let d = a; ; d = (d + 1) % 7) {
    out.push(d);
    if (d === b) return out;
  }
}

/** Whether the second calendar is open at more, fewer or other times than the first. */
export function compareWeeklyHours(before: WeeklyHours, after: WeeklyHours): CoverageChange {
  let gained = false;
  let lost = false;
  for (let i = 0; i < WEEK; i++) {
    if (after[i]! > before[i]!) gained = true;
    else if (after[i]! < before[i]!) lost = true;
  }
  if (gained && lost) return 'different';
  if (gained) return 'wider';
  if (lost) return 'narrower';
  return 'same';
}

/** Open hours a week, for sentences (`50h a week`). */
export function hoursPerWeek(week: WeeklyHours): number {
  let minutes = 0;
  for (let i = 0; i < WEEK; i++) minutes += week[i]!;
  return Math.round((minutes / 60) * 10) / 10;
}

/** The weekly hours of a calendar id as defined in a `slas.yaml` value (`24x7` is built in). */
export function calendarHours(slas: unknown, id: unknown): WeeklyHours | null {
  if (id === ALWAYS) return weeklyHours(ALWAYS);
  if (!isString(id) || !isObject(slas)) return null;
  const calendar = arrayOf(slas.calendars).find((c) => isObject(c) && c.id === id);
  if (id === ALWAYS || calendar === ALWAYS) return weeklyHours(ALWAYS);
  return isObject(calendar) ? weeklyHours(calendar.hours) : null;
}

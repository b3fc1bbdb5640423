import type { Calendar, Meeting } from '../model/partnership.js';
import { parseDuration } from '../sla/duration.js';
import { addDays, formatDate, weekdayOf } from './format.js';

/** Calendars, meeting cadences and schedules in words, and the next date a meeting falls on. Pure. */

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_WORDS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A calendar's opening hours in words: `Mon–Fri 08:00–18:00; Sat 09:00–12:00 and 13:00–15:00 (Europe/Berlin)`. */
export function describeCalendar(id: string | undefined, calendar: Calendar | undefined, defaultZone: string): string {
  if (id === undefined || id === '24x7') return 'around the clock (24×7)';
  if (!calendar) return `calendar \`${id}\` (not defined)`;
  const parts: string[] = [];
  for (const [days, ranges] of Object.entries(calendar.hours ?? {})) {
    const list = (Array.isArray(ranges) ? ranges : [ranges]).filter((r): r is string => typeof r === 'string');
    parts.push(`${dayRangeWords(days)} ${list.map((r) => r.replace(/\s*-\s*/, '–')).join(' and ')}`);
  }
  const zone = calendar.timezone ?? defaultZone;
  const holidays = Array.isArray(calendar.holidays) ? calendar.holidays.filter((h): h is string => typeof h === 'string') : [];
  const closed = holidays.length > 0 ? `; closed on ${holidays.map((h) => formatDate(h, 'short')).join(', ')}` : '';
  return `${parts.join('; ') || 'no opening hours'} (${zone})${closed}`;
}

function dayRangeWords(key: string): string {
  const [from, to] = key.split('-');
  const a = DAYS.indexOf(from as (typeof DAYS)[number]);
  const b = to === undefined ? -1 : DAYS.indexOf(to as (typeof DAYS)[number]);
  if (a < 0) return key;
  return b < 0 ? (DAY_SHORT[a] ?? key) : `${DAY_SHORT[a]}–${DAY_SHORT[b]}`;
}

/** The weekday a meeting's `day` names, 0 = Monday, and which one of the month (`first`, `last`, or any). */
function parseDay(day: string | undefined): { weekday: number; which: 'first' | 'last' | null } | null {
  const m = /^(?:(first|last)-)?(mon|tue|wed|thu|fri|sat|sun)$/.exec(day ?? '');
  if (!m) return null;
  return { weekday: DAYS.indexOf(m[2] as (typeof DAYS)[number]), which: (m[1] as 'first' | 'last' | undefined) ?? null };
}

/** `10:00–11:00`: the meeting's start and end on the wall clock. */
export function meetingTimes(meeting: Meeting): { time: string | null; endTime: string | null } {
  const time = typeof meeting.time === 'string' ? meeting.time : null;
  const minutes = parseDuration(meeting.duration)?.minutes ?? null;
  if (time === null || minutes === null) return { time, endTime: null };
  const [h = 0, m = 0] = time.split(':').map(Number);
  const end = (h * 60 + m + Math.round(minutes)) % 1440;
  return { time, endTime: `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}` };
}

/** How often and when a meeting takes place: `Monthly, first Tuesday, 10:00–11:00 (Europe/Berlin)`. */
export function describeCadence(meeting: Meeting, zone: string, contractStart: string | null): string {
  const day = parseDay(meeting.day);
  const dayWord = day ? DAY_WORDS[day.weekday] : null;
  const which = day?.which ? `${day.which} ${dayWord}` : dayWord;
  let when: string;
  switch (meeting.cadence) {
    case 'weekly':
      when = dayWord ? `Weekly on ${dayWord}s` : 'Weekly';
      break;
    case 'biweekly':
      when = dayWord ? `Every second ${dayWord}${contractStart ? ` (counted from ${formatDate(contractStart)})` : ''}` : 'Every two weeks';
      break;
    case 'monthly':
      when = which ? `Monthly, ${which} of the month` : 'Monthly';
      break;
    case 'quarterly':
      when = which ? `Quarterly, ${which} of January, April, July and October` : 'Quarterly';
      break;
    case 'yearly':
      when = which ? `Yearly, ${which} of ${yearlyMonthWord(contractStart)}` : 'Yearly';
      break;
    default:
      when = typeof meeting.cadence === 'string' ? meeting.cadence : 'No cadence';
  }
  const { time, endTime } = meetingTimes(meeting);
  const hours = time ? `, ${time}${endTime ? `–${endTime}` : ''}` : '';
  return `${when}${hours} (${typeof meeting.timezone === 'string' ? meeting.timezone : zone})`;
}

const MONTH_WORDS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function yearlyMonth(contractStart: string | null): number {
  const m = /^\d{4}-(\d{2})/.exec(contractStart ?? '');
  return m ? Number(m[1]) : 1;
}

function yearlyMonthWord(contractStart: string | null): string {
  return MONTH_WORDS[yearlyMonth(contractStart) - 1] ?? 'January';
}

/**
 * The first date on or after `from` on which a meeting falls, by its cadence:
 * weekly on its weekday; biweekly every 14 days from the first such weekday on
 * or after the contract start; monthly, quarterly (January, April, July,
 * October) and yearly (the contract start's month) on the first or last such
 * weekday of the month (a bare weekday means the first). Null when the meeting
 * has no usable cadence or day.
 */
export function nextMeetingDate(meeting: Meeting, from: string, contractStart: string | null): string | null {
  const day = parseDay(meeting.day);
  if (!day || weekdayOf(from) === null) return null;
  const onOrAfter = (date: string): string => addDays(date, (day.weekday - weekdayOf(date)! + 7) % 7);
  switch (meeting.cadence) {
    case 'weekly':
      return onOrAfter(from);
    case 'biweekly': {
      const anchor = onOrAfter(contractStart && weekdayOf(contractStart) !== null ? contractStart : from);
      if (anchor >= from) return anchor;
      const days = Math.round((Date.parse(from) - Date.parse(anchor)) / 86_400_000);
      return addDays(anchor, Math.ceil(days / 14) * 14);
    }
    case 'monthly':
    case 'quarterly':
    case 'yearly': {
      const step = meeting.cadence === 'monthly' ? 1 : meeting.cadence === 'quarterly' ? 3 : 12;
      const first = meeting.cadence === 'monthly' ? 1 : meeting.cadence === 'quarterly' ? 1 : yearlyMonth(contractStart);
      let year = Number(from.slice(0, 4));
      let month = first;
      // Walk the months the cadence uses from the first of that year until a date lands on or after `from`.
      for (let i = 0; i < 40; i++) {
        const date = dayInMonth(year, month, day.weekday, day.which ?? 'first');
        if (date >= from) return date;
        month += step;
        if (month > 12) {
          month -= 12;
          year += 1;
        }
      }
      return null;
    }
    default:
      return null;
  }
}

function dayInMonth(year: number, month: number, weekday: number, which: 'first' | 'last'): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  if (which === 'first') return addDays(first, (weekday - weekdayOf(first)! + 7) % 7);
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const last = addDays(nextMonth, -1);
  return addDays(last, -((weekdayOf(last)! - weekday + 7) % 7));
}

import { safeLines } from '../model/safe-text.js';
import { isValidZone } from '../time/valid-zone.js';
import {
  LAST_PLAIN_DAY,
  dayNumber,
  daysInMonth,
  isoOfDay,
  nthWeekdayDay,
  offsetAt,
  plainDateParts,
  steadyStartOfDate,
  steadyWallInstant,
  wallToInstant,
  weekdayOfDay,
} from '../time/civil.js';
import { addDays } from '../time/days.js';
import { DateTime } from '../time/zoned.js';
import { withZoneOffsets } from '../time/zone.js';
import { lastNoticeDay } from '../time/instant.js';
import type { PartnershipIndex } from '../model/partnership-index.js';
import type { Contact, Meeting, PartnershipFile, Role } from '../model/partnership.js';
import { parseDuration } from '../sla/duration.js';
import { partnershipId, partnershipZone } from '../sla/from-workspace.js';
import { attendeeLines, meetingPeople } from './people.js';

/** How the calendar file is stamped, so that the same files give the same bytes. */
export interface CalendarOptions {
  /** DTSTAMP of every event, `YYYY-MM-DD` (from `--today`, else the contract start; the CLI decides). */
  stampDate: string;
  /** govern's version, for PRODID. */
  version: string;
  /** The anchor of recurrences when a partnership has no contract start, `YYYY-MM-DD`. */
  fallbackAnchor: string;
}

/** One content line before folding: name (with parameters) and an already escaped value. */
type Line = [name: string, value: string];

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A meeting without a duration is shown as an hour long. */
const DEFAULT_MEETING_MINUTES = 60;

/**
 * An iCalendar file (RFC 5545) of the partnerships' governance meetings (recurring, in their own time
 * zone, with a VTIMEZONE for each), contract notice and end dates, and the due dates of open review
 * actions (all-day events). UIDs come from the partnership id and the item's id. Pure; CRLF line
 * endings, lines folded at 75 octets.
 */
export function renderICalendar(partnerships: readonly PartnershipIndex[], options: CalendarOptions): string {
  const stamp = `${compactDate(options.stampDate)}T000000Z`;
  const events: Line[][] = [];
  const zones = new Map<string, number>();
  for (const index of partnerships) {
    const pid = partnershipId(index);
    const zone = partnershipZone(index);
    const data: PartnershipFile = index.partnership?.value ?? {};
    const contract = data.contract ?? {};
    const start = typeof contract.start === 'string' && DATE.test(contract.start) ? contract.start : undefined;
    const end = typeof contract.end === 'string' && DATE.test(contract.end) ? contract.end : undefined;
    const anchor = start ?? options.fallbackAnchor;
    const label = typeof data.name === 'string' ? data.name : pid;
    const contacts = (id: unknown): string => {
      if (typeof id !== 'string') return '';
      const name = index.lookup<Contact>('contact', id)?.value.name;
      return typeof name === 'string' ? name : id;
    };
    // Attendees may be roles too: the role's name and who holds it (`Client IT lead (Jane Doe)`), not its id.
    const attendee = (id: unknown): string => {
      if (typeof id !== 'string' || index.lookup('contact', id) !== undefined) return contacts(id);
      const role = index.lookup<Role>('role', id)?.value;
      if (role === undefined) return id;
      const holders = Array.isArray(role.holders) ? role.holders.filter((h) => typeof h === 'string').map(contacts) : [];
      const name = typeof role.name === 'string' ? role.name : id;
      return holders.length > 0 ? `${name} (${holders.join(', ')})` : name;
    };

    for (const { value: meeting } of index.meetings) {
      if (typeof meeting.id !== 'string') continue;
      const meetingZone = typeof meeting.timezone === 'string' && isValidZone(meeting.timezone) ? meeting.timezone : zone;
      const event = meetingEvent(meeting, meetingZone, anchor, contract.renewal?.auto === false ? end : undefined);
      if (event.timed) zones.set(meetingZone, Math.min(zones.get(meetingZone) ?? Infinity, Number(anchor.slice(0, 4))));
      const about = [
        typeof meeting.chair === 'string' ? `Chair: ${contacts(meeting.chair)}` : '',
        Array.isArray(meeting.attendees) && meeting.attendees.length > 0 ? `Attendees: ${meeting.attendees.map(attendee).join(', ')}` : '',
        Array.isArray(meeting.agenda) && meeting.agenda.length > 0 ? `Agenda:\n${meeting.agenda.map((a) => `- ${String(a)}`).join('\n')}` : '',
        `Partnership: ${label}`,
      ].filter(Boolean);
      events.push([
        ['UID', uid(pid, 'meeting', meeting.id)],
        ['DTSTAMP', stamp],
        ...event.lines,
        ['SUMMARY', text(typeof meeting.name === 'string' ? meeting.name : meeting.id)],
        ['DESCRIPTION', text(about.join('\n'))],
        ['CATEGORIES', 'Governance meeting'],
        ...attendeeLines(meetingPeople(index, meeting), typeof meeting.chair === 'string' ? meeting.chair : undefined),
      ]);
    }

    const reference = typeof contract.reference === 'string' ? contract.reference : 'the contract';
    const noticeDays = contract.renewal?.noticeDays;
    const notice = end === undefined ? undefined : lastNoticeDay(end, noticeDays);
    if (end !== undefined && notice !== undefined) {
      const outcome = contract.renewal?.auto === true ? `it renews automatically after ${end}` : `it ends on ${end}`;
      events.push(
        allDay(
          pid,
          'contract',
          'notice',
          stamp,
          notice,
          `Last day to give notice on ${reference} (${label})`,
          `${noticeDays} days before the contract ends on ${end}. Without notice, ${outcome}.`,
          'Contract',
        ),
      );
    }
    if (end !== undefined) {
      const summary = contract.renewal?.auto === true ? `${reference} renews (${label})` : `${reference} ends (${label})`;
      const about =
        contract.renewal?.auto === true ? 'Last day of the current term; the contract renews automatically unless notice was given.' : 'Last day of the contract.';
      events.push(allDay(pid, 'contract', 'end', stamp, end, summary, about, 'Contract'));
    }

    const actions = index.actions
      .filter((a) => (a.value.status ?? 'open') === 'open' && typeof a.value.id === 'string' && typeof a.value.due === 'string' && DATE.test(a.value.due))
      .sort((a, b) => (a.value.due! < b.value.due! ? -1 : a.value.due! > b.value.due! ? 1 : a.value.id! < b.value.id! ? -1 : a.value.id! > b.value.id! ? 1 : 0));
    for (const { value: action, review } of actions) {
      const title = typeof action.title === 'string' ? action.title : action.id!;
      const about = [
        typeof action.owner === 'string' ? `Owner: ${contacts(action.owner)}` : '',
        review.period ? `From the review of ${review.period.label}` : '',
        `Partnership: ${label}`,
      ].filter(Boolean);
      events.push(allDay(pid, 'action', action.id!, stamp, action.due!, `${action.id} due: ${title}`, about.join('\n'), 'Review action'));
    }
  }

  const name = partnerships.length === 1 ? (partnerships[0]!.partnership?.value.name ?? partnershipId(partnerships[0]!)) : `govern: ${partnerships.length} partnerships`;
  const lines: Line[] = [
    ['BEGIN', 'VCALENDAR'],
    ['VERSION', '2.0'],
    ['PRODID', `-//govern//govern ${options.version}//EN`],
    ['CALSCALE', 'GREGORIAN'],
    ['METHOD', 'PUBLISH'],
    ['X-WR-CALNAME', text(String(name))],
  ];
  for (const [zone, fromYear] of [...zones.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) lines.push(...vtimezone(zone, fromYear));
  for (const event of events) lines.push(['BEGIN', 'VEVENT'], ...event, ['END', 'VEVENT']);
  lines.push(['END', 'VCALENDAR']);
  return lines.map(([n, v]) => foldLine(`${n}:${v}`)).join('');
}

/** DTSTART, DURATION or DTEND, RRULE of a meeting; `timed` when it has a time of day (so a TZID). */
function meetingEvent(meeting: Meeting, zone: string, anchor: string, until: string | undefined): { lines: Line[]; timed: boolean } {
  const cadence = meeting.cadence ?? 'monthly';
  const parsedDay = /^(?:(first|last)-)?(mon|tue|wed|thu|fri|sat|sun)$/.exec(meeting.day ?? '');
  const weekday = parsedDay ? DAY_NAMES.indexOf(parsedDay[2] as (typeof DAY_NAMES)[number]) : null;
  // A bare weekday on a monthly or longer cadence means the first one; first-/last- on a weekly one, that weekday.
  const nth = parsedDay?.[1] === 'last' ? -1 : 1;
  const plain = firstOfPlain(anchor, cadence, weekday, nth);
  const { first, month: firstMonth, wd } = plain ?? firstOfSlow(anchor, cadence, weekday, nth);
  const rule: string[] = [];
  if (cadence === 'weekly' || cadence === 'biweekly') {
    rule.push('FREQ=WEEKLY', ...(cadence === 'biweekly' ? ['INTERVAL=2'] : []), `BYDAY=${DAY_CODES[wd]}`);
  } else {
    const step = cadence === 'quarterly' ? 3 : cadence === 'yearly' ? 12 : 1;
    if (weekday === null) {
      rule.push(cadence === 'yearly' ? 'FREQ=YEARLY' : 'FREQ=MONTHLY', ...(step === 3 ? ['INTERVAL=3'] : []));
    } else {
      const byday = `BYDAY=${nth === -1 ? '-1' : '1'}${DAY_CODES[weekday]}`;
      if (cadence === 'yearly') rule.push('FREQ=YEARLY', `BYMONTH=${firstMonth}`, byday);
      else rule.push('FREQ=MONTHLY', ...(step === 3 ? ['INTERVAL=3'] : []), byday);
    }
  }
  // The schema's pattern: 00:00 to 23:59, or 24:00. Anything else ("25:00", "10am") would make a DTSTART that
  // is not a time of day at all, so it is read like a missing time (`govern check` reports it).
  const time = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(meeting.time ?? '') ? /^(\d{2}):(\d{2})$/.exec(meeting.time!) : null;
  if (!time) {
    // No time of day: an all-day event on the meeting's day.
    if (until !== undefined) rule.push(`UNTIL=${compactDate(until)}`);
    return {
      lines: [
        ['DTSTART;VALUE=DATE', compactDate(first)],
        ['RRULE', rule.join(';')],
      ],
      timed: false,
    };
  }
  // "24:00" would move the meeting to the next day and off its weekday: it is written as 23:59.
  const [hh, mm] = time[1] === '24' ? ['23', '59'] : [time[1]!, time[2]!];
  if (until !== undefined) {
    rule.push(`UNTIL=${untilStamp(until, zone)}`);
  }
  const minutes = parseDuration(meeting.duration)?.minutes ?? DEFAULT_MEETING_MINUTES;
  return {
    lines: [
      [`DTSTART;TZID=${zone}`, `${compactDate(first)}T${hh}${mm}00`],
      ['DURATION', isoDuration(minutes)],
      ['RRULE', rule.join(';')],
    ],
    timed: true,
  };
}

/** The first occurrence of a meeting (`YYYY-MM-DD`), its month and, for a weekly one, its weekday (0 = Monday). */
interface FirstOccurrence {
  first: string;
  month: number;
  wd: number;
}

/** The first occurrence by plain date arithmetic, for an anchor that is a plain date of the years 1000–9999. */
function firstOfPlain(anchor: string, cadence: string, weekday: number | null, nth: 1 | -1): FirstOccurrence | undefined {
  const a = plainDateParts(anchor);
  if (a === undefined) return undefined;
  const from = dayNumber(a[0], a[1], a[2]);
  const fromWd = weekdayOfDay(from);
  if (cadence === 'weekly' || cadence === 'biweekly') {
    const wd = weekday ?? fromWd;
    const first = from + ((wd - fromWd + 7) % 7);
    if (first > LAST_PLAIN_DAY) return undefined;
    return { first: isoOfDay(first), month: Number(isoOfDay(first).slice(5, 7)), wd };
  }
  if (weekday === null) return { first: anchor, month: a[1], wd: fromWd };
  const step = cadence === 'quarterly' ? 3 : cadence === 'yearly' ? 12 : 1;
  let first = nthWeekdayDay(a[0], a[1], weekday, nth);
  if (first < from) {
    const next = a[0] * 12 + (a[1] - 1) + step;
    first = nthWeekdayDay(Math.floor(next / 12), (next % 12) + 1, weekday, nth);
  }
  if (first > LAST_PLAIN_DAY) return undefined;
  const iso = isoOfDay(first);
  return { first: iso, month: Number(iso.slice(5, 7)), wd: fromWd };
}

/** The first occurrence read through luxon: an anchor of another spelling, and the reference the plain reading is tested against. */
export function firstOfSlow(anchor: string, cadence: string, weekday: number | null, nth: 1 | -1): FirstOccurrence {
  const from = DateTime.fromISO(anchor, { zone: 'utc' });
  let first: DateTime;
  let wd = from.weekday - 1;
  if (cadence === 'weekly' || cadence === 'biweekly') {
    wd = weekday ?? from.weekday - 1;
    first = from.plus({ days: (wd - (from.weekday - 1) + 7) % 7 });
  } else {
    const step = cadence === 'quarterly' ? 3 : cadence === 'yearly' ? 12 : 1;
    if (weekday === null) {
      first = from;
    } else {
      first = nthWeekday(from.startOf('month'), weekday, nth);
      if (first < from) first = nthWeekday(from.startOf('month').plus({ months: step }), weekday, nth);
    }
  }
  return { first: first.toISODate()!, month: first.month, wd };
}

/** The first occurrence, plainly when it can be: for the differential test. */
export const firstOccurrence = (anchor: string, cadence: string, weekday: number | null, nth: 1 | -1): FirstOccurrence =>
  firstOfPlain(anchor, cadence, weekday, nth) ?? firstOfSlow(anchor, cadence, weekday, nth);

/** The first (nth = 1) or last (nth = −1) given weekday (0 = Monday) of the month that `month` starts. */
function nthWeekday(month: DateTime, weekday: number, nth: 1 | -1): DateTime {
  if (nth === 1) return month.plus({ days: (weekday - (month.weekday - 1) + 7) % 7 });
  const last = month.endOf('month').startOf('day');
  return last.minus({ days: (last.weekday - 1 - weekday + 7) % 7 });
}

/**
 * UNTIL of a timed meeting: the last instant of the day `until` in the zone, in UTC, `yyyyMMddTHHmmssZ`
 * (the next day's start less a millisecond; luxon near a clock change).
 */
export function untilStamp(until: string, zone: string): string {
  const next = plainDateParts(until) === undefined ? undefined : steadyStartOfDate(addDays(until, 1), zone);
  if (next !== undefined) {
    const iso = new Date(next - 1).toISOString();
    if (iso.length === 24) return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  }
  return DateTime.fromISO(until, { zone }).endOf('day').toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
}

function allDay(pid: string, kind: string, id: string, stamp: string, date: string, summary: string, description: string, category: string): Line[] {
  const next = plainDateParts(date) === undefined ? DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toISODate()! : addDays(date, 1);
  return [
    ['UID', uid(pid, kind, id)],
    ['DTSTAMP', stamp],
    ['DTSTART;VALUE=DATE', compactDate(date)],
    ['DTEND;VALUE=DATE', compactDate(next)],
    ['SUMMARY', text(summary)],
    ['DESCRIPTION', text(description)],
    ['CATEGORIES', text(category)],
    ['TRANSP', 'TRANSPARENT'],
  ];
}

/** A UID that stays the same from run to run: partnership, kind and id, percent-encoded outside [A-Za-z0-9.-]. */
function uid(pid: string, kind: string, id: string): string {
  const safe = (s: string): string =>
    [...new TextEncoder().encode(s)]
      .map((b) => (/[A-Za-z0-9.-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
      .join('');
  return `${safe(pid)}.${kind}.${safe(id)}@govern`;
}

/**
 * A VTIMEZONE for a zone, from the zone data Luxon reads (the runtime's ICU): when the transitions follow
 * the same nth-weekday pattern in consecutive years, one STANDARD and one DAYLIGHT observance with a
 * yearly RRULE; otherwise each transition from `fromYear − 1` for ten years, listed; for a zone without
 * transitions, one STANDARD observance.
 */
export function vtimezone(zone: string, fromYear: number): Line[] {
  const firstYear = fromYear - 1;
  const transitions = findTransitions(zone, firstYear, firstYear + 10);
  const out: Line[] = [
    ['BEGIN', 'VTIMEZONE'],
    ['TZID', zone],
  ];
  if (transitions.length === 0) {
    const offset = offsetText(offsetAt(zone, wallToInstant(zone, fromYear, 1, 1)));
    out.push(['BEGIN', 'STANDARD'], ['DTSTART', '19700101T000000'], ['TZOFFSETFROM', offset], ['TZOFFSETTO', offset], ['END', 'STANDARD']);
  } else {
    const key = (t: Transition): string => `${t.month}|${t.nth}|${t.weekday}|${t.localTime}|${t.from}|${t.to}`;
    const byYear = new Map<number, string[]>();
    for (const t of transitions) byYear.set(t.year, [...(byYear.get(t.year) ?? []), key(t)]);
    const years = [...byYear.values()].map((keys) => keys.join(','));
    const regular = byYear.size >= 2 && years.every((k) => k === years[0]) && byYear.size === 11;
    const chosen = regular ? transitions.filter((t) => t.year === transitions[0]!.year) : transitions;
    for (const t of chosen) {
      const kind = t.dst ? 'DAYLIGHT' : 'STANDARD';
      out.push(['BEGIN', kind], ['DTSTART', t.local], ['TZOFFSETFROM', offsetText(t.from)], ['TZOFFSETTO', offsetText(t.to)]);
      if (regular) out.push(['RRULE', `FREQ=YEARLY;BYMONTH=${t.month};BYDAY=${t.nth}${DAY_CODES[t.weekday]}`]);
      out.push(['END', kind]);
    }
  }
  out.push(['END', 'VTIMEZONE']);
  return out;
}

interface Transition {
  year: number;
  month: number;
  /** 1–4 for the nth weekday of the month, −1 for the last. */
  nth: number;
  weekday: number;
  /** Local wall-clock time before the change, `YYYYMMDDTHHMMSS`, and its time part. */
  local: string;
  localTime: string;
  from: number;
  to: number;
  dst: boolean;
}

function findTransitions(zone: string, fromYear: number, toYear: number): Transition[] {
  const out: Transition[] = [];
  // A week at a time, then to the minute: zones change offset months apart, never twice in a week.
  const STEP = 7 * 86_400_000;
  let t = Date.UTC(fromYear, 0, 1);
  const stop = Date.UTC(toYear + 1, 0, 1);
  return withZoneOffsets(zone, (read) => {
    const offsetAt = (ms: number): number => read(ms) ?? offsetIn(zone, ms);
    let before = offsetAt(t);
    for (; t < stop; t += STEP) {
      const next = offsetAt(t + STEP);
      if (next === before) continue;
      // Narrow the change down to the minute.
      let lo = t;
      let hi = t + STEP;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetAt(mid) === before) lo = mid;
        else hi = mid;
      }
      const local = transitionLocal(hi, before);
      out.push({
        year: local.year,
        month: local.month,
        nth: local.day + 7 > local.daysInMonth ? -1 : Math.ceil(local.day / 7),
        weekday: local.weekday - 1,
        local: local.text,
        localTime: local.text.slice(9),
        from: before,
        to: next,
        dst: isInDst(zone, hi, next),
      });
      before = next;
    }
    return out;
  });
}

const offsetIn = offsetAt;

/** The wall clock just before a transition at `hi` (UTC ms), at the offset before it: its fields and `yyyyMMddTHHmmss`. */
export function transitionLocal(hi: number, before: number): { year: number; month: number; day: number; weekday: number; daysInMonth: number; text: string } {
  const d = new Date(hi + before * 60_000);
  const iso = d.toISOString();
  if (Number.isInteger(before) && iso.length === 24) {
    const [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    const text = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
    return { year, month, day, weekday: weekdayOfDay(dayNumber(year, month, day)) + 1, daysInMonth: daysInMonth(year, month), text };
  }
  const local = DateTime.fromMillis(hi, { zone: 'utc' }).plus({ minutes: before });
  return { year: local.year, month: local.month, day: local.day, weekday: local.weekday, daysInMonth: local.daysInMonth!, text: local.toFormat("yyyyMMdd'T'HHmmss") };
}

/**
 * Whether the zone is in daylight time at `hi`, as luxon's `isInDST` says: its offset then is more than
 * at the same wall-clock time on 1 January, or on the same day of May (luxon near a clock change).
 */
export function isInDst(zone: string, hi: number, offset: number): boolean {
  const d = new Date(hi + offset * 60_000);
  if (Number.isInteger(offset) && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0) {
    const [year, day, hour, minute] = [d.getUTCFullYear(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
    const january = steadyWallInstant(zone, year, 1, 1, hour, minute);
    const may = steadyWallInstant(zone, year, 5, day, hour, minute);
    if (january !== undefined && may !== undefined) return offset > offsetAt(zone, january) || offset > offsetAt(zone, may);
  }
  return DateTime.fromMillis(hi, { zone }).isInDST;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function isoDuration(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `PT${h > 0 ? `${h}H` : ''}${m > 0 || h === 0 ? `${m}M` : ''}`;
}

function compactDate(date: string): string {
  return date.replaceAll('-', '');
}

/**
 * A TEXT value (RFC 5545 §3.3.11). Line feeds (and CR LF) stay line breaks, as `\n`; every other control,
 * bidi or separator character, a lone CR included, becomes the visible escape `safeLines` gives it (RFC 5545
 * allows no control character in a value, and a calendar shows the text to people); then backslash,
 * semicolon and comma are escaped, so a value can neither end its property nor start another one.
 */
export function text(value: string): string {
  return safeLines(value).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

/**
 * One content line, folded (RFC 5545 §3.1): at most 75 octets a line, continuation lines starting with
 * a space, never splitting a UTF-8 character or a backslash escape; each line ends in CRLF.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  // An escape (`\,`) is kept on one line too: legal to split, but naive readers trip on it.
  for (const char of line.match(/\\.|[\s\S]/gu) ?? []) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return `${parts.join('\r\n')}\r\n`;
}

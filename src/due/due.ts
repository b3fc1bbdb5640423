import { isValidZone } from '../time/valid-zone.js';
import type { YamlPath } from '../model/diagnostic.js';
import { isString } from '../model/guards.js';
import type { PartnershipIndex } from '../model/partnership-index.js';
import type { Meeting } from '../model/partnership.js';
import { contactPerson, meetingPeople, type Person } from '../render/people.js';
import type { SourceFile } from '../model/source.js';
import { meetingOccurrences } from '../render/recurrence.js';
import { isDate } from '../schema/formats.js';
import { parseDuration } from '../sla/duration.js';
import { addDaysToDate, lastNoticeDay } from '../time/instant.js';
import { partnershipId, partnershipZone } from '../sla/from-workspace.js';
import { readWaiver } from '../waivers/waiver.js';

/** What kind of thing needs a person. */
export type DueKind = 'action' | 'risk' | 'waiver' | 'notice' | 'meeting';

/** A person to tell: name and, when the files give one, e-mail. */
export type DuePerson = Person;

/** One thing that needs a person in the window (or is already overdue): the stable JSON shape of `govern due --format json`. */
export interface DueItem {
  /** `YYYY-MM-DD` in the partnership's time zone. */
  date: string;
  /** `HH:MM` local time, for a meeting with a time of day. */
  time?: string;
  /** The meeting's zone, when it has a time of day. */
  timezone?: string;
  /** Meeting length in minutes. */
  minutes?: number;
  /** A meeting's chair (contact id). */
  chair?: string;
  /** Days from today (negative when overdue). */
  days: number;
  overdue: boolean;
  kind: DueKind;
  /** The partnership's id (its folder when it has none). */
  partnership: string;
  /** The partnership's name, for people. */
  partnershipName: string;
  /** The id of the thing: action, risk, meeting id; a waiver's rule. */
  id: string;
  /** One line for people. */
  title: string;
  /** Who must act: owner, chair; for a meeting, the chair then the attendees (roles expanded to their holders). */
  people: DuePerson[];
  /** Where it is written: file (as shown to users) and line. */
  file: string;
  line: number;
}

/** What `due` looks at. */
export interface DueOptions {
  /** Today by partnership (`--today`, or the clock in each partnership's zone). */
  todayOf(index: PartnershipIndex): string;
  /** How many days ahead to look. */
  days: number;
}

/**
 * Everything that needs a person from today up to `days` ahead, over the
 * partnerships: open review actions due (and those already overdue), risks
 * not closed that are to be reviewed (or overdue), waivers expiring (or
 * expired), the last day to give notice on a contract, and each occurrence
 * of a meeting. Sorted by date, time, partnership, kind and id. Pure.
 */
export function collectDue(partnerships: readonly PartnershipIndex[], options: DueOptions): DueItem[] {
  const out: DueItem[] = [];
  for (const index of partnerships) {
    const today = options.todayOf(index);
    const end = addDaysToDate(today, options.days) ?? today;
    const pid = partnershipId(index);
    const name = isString(index.partnership?.value.name) ? index.partnership!.value.name : pid;
    const people = { contact: (id: unknown) => contactPerson(index, id) };
    const item = (date: string, kind: DueKind, id: string, title: string, who: DuePerson[], file: SourceFile, path: YamlPath, extra: Partial<DueItem> = {}): DueItem => ({
      date,
      ...extra,
      days: daysBetween(today, date),
      overdue: date < today,
      kind,
      partnership: pid,
      partnershipName: name,
      id,
      title,
      people: who,
      file: file.path,
      line: file.locate(path).start.line,
    });
    const inWindow = (date: string, overdueToo: boolean) => date <= end && (overdueToo || date >= today);

    for (const a of index.actions) {
      const { id, due, status, title, owner } = a.value;
      if ((status ?? 'open') !== 'open' || !isString(due) || !isDate(due) || !inWindow(due, true)) continue;
      const label = isString(id) ? id : 'action';
      out.push(item(due, 'action', label, `${label} due: ${isString(title) ? title : label}`, people.contact(owner), a.file, [...a.path, 'due']));
    }
    for (const r of index.risks) {
      const { id, reviewBy, status, title, owner } = r.value;
      if (status === 'closed' || !isString(reviewBy) || !isDate(reviewBy) || !inWindow(reviewBy, true)) continue;
      const label = isString(id) ? id : 'risk';
      out.push(item(reviewBy, 'risk', label, `review ${label}: ${isString(title) ? title : label}`, people.contact(owner), r.file, [...r.path, 'reviewBy']));
    }
    for (const w of index.waivers) {
      const read = readWaiver(w);
      if (!read || !inWindow(read.waived.expires, true)) continue;
      const where = [read.file, read.at?.text].filter(Boolean).join(' at ');
      const verb = read.waived.expires < today ? 'expired' : 'expires';
      out.push(
        item(
          read.waived.expires,
          'waiver',
          read.rule,
          `waiver of ${read.rule}${where ? ` (${where})` : ''} ${verb}: ${read.waived.reason}`,
          people.contact(read.waived.owner),
          w.file,
          [...w.path, 'expires'],
        ),
      );
    }
    const part = index.partnership;
    const contract = part?.value.contract;
    if (part && contract && isString(contract.end) && isDate(contract.end)) {
      const notice = lastNoticeDay(contract.end, contract.renewal?.noticeDays);
      if (notice !== undefined && inWindow(notice, false)) {
        const reference = isString(contract.reference) ? contract.reference : 'the contract';
        const outcome = contract.renewal?.auto === true ? `without notice it renews after ${contract.end}` : `it ends on ${contract.end} unless renewed`;
        const owners = part.value.owners ?? {};
        out.push(
          item(
            notice,
            'notice',
            'notice',
            `last day to give notice on ${reference}; ${outcome}`,
            [...people.contact(owners.client), ...people.contact(owners.provider)],
            part.file,
            ['contract', 'renewal', 'noticeDays'],
          ),
        );
      }
    }
    const zone = partnershipZone(index);
    const anchor = isString(contract?.start) && isDate(contract.start) ? contract.start : today;
    const until = contract?.renewal?.auto === false && isString(contract.end) && isDate(contract.end) ? contract.end : undefined;
    for (const m of index.meetings) {
      const meeting: Meeting = m.value;
      if (!isString(meeting.id)) continue;
      const who = meetingPeople(index, meeting);
      const meetingZone = isString(meeting.timezone) && isValidZone(meeting.timezone) ? meeting.timezone : zone;
      const minutes = parseDuration(meeting.duration)?.minutes ?? 60;
      for (const o of meetingOccurrences(meeting, anchor, today, end, until)) {
        out.push(
          item(o.date, 'meeting', meeting.id, isString(meeting.name) ? meeting.name : meeting.id, who, m.file, m.path, {
            ...(o.time !== undefined ? { time: o.time, timezone: meetingZone, minutes } : {}),
            ...(isString(meeting.chair) ? { chair: meeting.chair } : {}),
          }),
        );
      }
    }
  }
  return out.sort(compareDue);
}

const KIND_ORDER: Readonly<Record<DueKind, number>> = { notice: 0, waiver: 1, action: 2, risk: 3, meeting: 4 };

function compareDue(a: DueItem, b: DueItem): number {
  const keys: [string | number, string | number][] = [
    [a.date, b.date],
    [a.time ?? '', b.time ?? ''],
    [a.partnership, b.partnership],
    [KIND_ORDER[a.kind], KIND_ORDER[b.kind]],
    [a.id, b.id],
    [a.line, b.line],
  ];
  for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
  return 0;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

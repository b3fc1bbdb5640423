import { isString } from '../model/guards.js';
import { hasUnsafe, safeText } from '../model/safe-text.js';
import type { PartnershipIndex } from '../model/partnership-index.js';
import type { Contact, Meeting, Role } from '../model/partnership.js';

/** A person to tell: contact id, name and, when the files give one, e-mail. */
export interface Person {
  id: string;
  name: string;
  email?: string;
}

/** The contact an id names (the id alone when it names none). */
export function contactPerson(index: PartnershipIndex, id: unknown): Person[] {
  if (!isString(id)) return [];
  const c = index.lookup<Contact>('contact', id)?.value;
  if (!c) return [{ id, name: id }];
  return [{ id, name: isString(c.name) ? c.name : id, ...(isString(c.email) ? { email: c.email } : {}) }];
}

/** The people of a meeting: its chair, then its attendees, a role standing for its holders; each once. */
export function meetingPeople(index: PartnershipIndex, meeting: Meeting): Person[] {
  const attendee = (id: unknown): Person[] => {
    if (!isString(id) || index.lookup('contact', id) !== undefined) return contactPerson(index, id);
    const role = index.lookup<Role>('role', id)?.value;
    if (!role) return [{ id, name: id }];
    return (Array.isArray(role.holders) ? role.holders : []).flatMap((h) => contactPerson(index, h));
  };
  const all = [...contactPerson(index, meeting.chair), ...(Array.isArray(meeting.attendees) ? meeting.attendees.flatMap(attendee) : [])];
  const seen = new Set<string>();
  return all.filter((p) => !seen.has(p.id) && seen.add(p.id));
}

/** An e-mail that can stand in a `mailto:` calendar address as written (the schema checks the format; this keeps out what would break the line). */
const MAILTO_SAFE = /^[^\s@",;:<>\\]+@[^\s@",;:<>\\]+$/;

/**
 * iCalendar ATTENDEE properties (RFC 5545 §3.8.4.1) for the people who have
 * an e-mail: the chair first (ROLE=CHAIR), then the others; the name as CN,
 * quoted, its control and bidi characters as visible escapes (`safeText`), `^`
 * and `"` written as RFC 6868's `^^` and `^'`, and `\` doubled (readers such as
 * ical.js unescape parameter values as TEXT), so the name reads back as written
 * and can neither end the parameter nor the line.
 */
export function attendeeLines(people: readonly Person[], chair?: string): [string, string][] {
  return people
    .filter((p) => p.email !== undefined && MAILTO_SAFE.test(p.email) && !hasUnsafe(p.email))
    .map((p) => {
      const cn = safeText(p.name).replace(/\\/g, '\\\\').replace(/\^/g, '^^').replace(/"/g, "^'");
      return [`ATTENDEE;CN="${cn}";ROLE=${p.id === chair ? 'CHAIR' : 'REQ-PARTICIPANT'}`, `mailto:${p.email}`];
    });
}

import type { PartnershipIndex } from '../model/partnership-index.js';
import type { Calendar, Contact, PartnershipFile, Role } from '../model/partnership.js';
import { describeCalendar } from './describe.js';
import { num, str, strings } from '../model/guards.js';

/** A person as documents show them. */
export interface Person {
  id: string;
  name: string;
  title: string | null;
  party: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * Lookups a document needs, by id, kept in Maps so that an id such as
 * `__proto__` or `constructor` is just a key and never an object's property.
 */
export class Directory {
  private readonly contacts = new Map<string, Contact>();
  private readonly roles = new Map<string, Role>();
  private readonly calendars = new Map<string, Calendar>();
  readonly zone: string;
  readonly partnership: PartnershipFile;

  constructor(index: PartnershipIndex, zone: string) {
    this.zone = zone;
    this.partnership = index.partnership?.value ?? {};
    for (const { value } of index.contacts) if (typeof value.id === 'string' && !this.contacts.has(value.id)) this.contacts.set(value.id, value);
    for (const { value } of index.roles) if (typeof value.id === 'string' && !this.roles.has(value.id)) this.roles.set(value.id, value);
    for (const { value } of index.calendars) if (typeof value.id === 'string' && !this.calendars.has(value.id)) this.calendars.set(value.id, value);
  }

  /** A contact as a person; an unknown id stands as itself, so a document still shows what the file says. */
  person(id: unknown): Person | null {
    if (typeof id !== 'string') return null;
    const c = this.contacts.get(id);
    return {
      id,
      name: str(c?.name) ?? id,
      title: str(c?.title),
      party: str(c?.party),
      email: str(c?.email),
      phone: str(c?.phone),
    };
  }

  /** A contact's name, or a role's name with its holders (`Client IT lead (Jane Doe)`), or the id itself. */
  who(id: unknown): string {
    if (typeof id !== 'string') return '';
    const c = this.contacts.get(id);
    if (c) return str(c.name) ?? id;
    const r = this.roles.get(id);
    if (r) {
      const holders = this.holders(id);
      return `${str(r.name) ?? id}${holders.length > 0 ? ` (${holders.join(', ')})` : ''}`;
    }
    return id;
  }

  /** The names of a role's holders. */
  holders(roleId: string): string[] {
    const r = this.roles.get(roleId);
    return (Array.isArray(r?.holders) ? r.holders : []).filter((h): h is string => typeof h === 'string').map((h) => str(this.contacts.get(h)?.name) ?? h);
  }

  /** A role's name, or its id. */
  roleName(id: string): string {
    return str(this.roles.get(id)?.name) ?? id;
  }

  /** A calendar id in words. */
  calendarWords(id: string | undefined): string {
    return describeCalendar(id, id === undefined ? undefined : this.calendars.get(id), this.zone);
  }

  /** The calendars defined in slas.yaml. */
  calendarList(): Calendar[] {
    return [...this.calendars.values()];
  }
}

export { num, str, strings };

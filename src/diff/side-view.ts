import type { Party } from '../model/partnership.js';
import { arrayOf, isObject, isString } from '../model/guards.js';
import { calendarHours, type WeeklyHours } from './coverage.js';

/** One partnership at one revision, as the change rules look things up in it: plain parsed data by file. */
export class SideView {
  constructor(private readonly files: ReadonlyMap<string, unknown>) {}

  /** The parsed value of a file (`slas.yaml`), if it is there. */
  data(relPath: string): unknown {
    return this.files.get(relPath);
  }

  private item(relPath: string, list: string, id: unknown): Record<string, unknown> | undefined {
    const data = this.data(relPath);
    if (!isObject(data) || !isString(id)) return undefined;
    const found = arrayOf(data[list]).find((x) => isObject(x) && x.id === id);
    return isObject(found) ? found : undefined;
  }

  service(id: unknown): Record<string, unknown> | undefined {
    return this.item('slas.yaml', 'services', id);
  }

  /** Weekly open minutes of a calendar id (`24x7` built in); null when unknown. */
  calendar(id: unknown): WeeklyHours | null {
    return calendarHours(this.data('slas.yaml'), id);
  }

  /** The calendar a priority is counted on: its own, else its service's. */
  priorityCalendar(serviceId: unknown, priorityId: unknown): unknown {
    const service = this.service(serviceId);
    const priority = arrayOf(service?.priorities).find((p) => isObject(p) && p.id === priorityId);
    return (isObject(priority) ? priority.calendar : undefined) ?? service?.calendar;
  }

  roleParty(id: unknown): Party | undefined {
    const party = this.item('raci.yaml', 'roles', id)?.party;
    return party === 'client' || party === 'provider' ? party : undefined;
  }

  contactParty(id: unknown): Party | undefined {
    const party = this.item('contacts.yaml', 'contacts', id)?.party;
    return party === 'client' || party === 'provider' ? party : undefined;
  }

  /** A name for an id of a list in a file, when the item has one. */
  nameOf(relPath: string, list: string, id: unknown): string | undefined {
    const item = this.item(relPath, list, id);
    const name = item?.name ?? item?.title;
    return isString(name) && name.trim() !== '' ? name : undefined;
  }
}

import { MAX_DURATION_MINUTES } from '../model/limits.js';
import { isoInZone } from '../time/civil.js';
import { ALWAYS, type PartnershipIndex } from '../model/partnership-index.js';
import type { Calendar, Contact, EscalationLevel, EscalationPath } from '../model/partnership.js';
import { type WorkCalendar, addWorking, compileCalendar, isCalendarError, isOpen, nextOpen } from './calendar.js';
import { parseDuration } from './duration.js';
import { partnershipId, partnershipZone } from './from-workspace.js';

/** A person on a level, with how to reach them. */
export interface LadderContact {
  id: string;
  /** Null when the id names no contact in contacts.yaml (a check finding). */
  name: string | null;
  title: string | null;
  party: string | null;
  phone: string | null;
  email: string | null;
}

/** One level of the ladder at a given moment. */
export interface LadderLevel {
  /** 1 for the first level. */
  level: number;
  name: string | null;
  /** `after` as written (`30m`), and in minutes of the priority's calendar. */
  after: string | null;
  afterMinutes: number | null;
  /**
   * When the level is due: `after` working time on the priority's calendar from the incident's start; null if
   * never, or if it cannot be worked out (the calendar cannot be read, or `after` is not a duration).
   */
  due: string | null;
  contacts: LadderContact[];
  /** The level's coverage calendar id; null when the file does not say (never read as 24x7). */
  coverage: string | null;
  /** Whether that calendar is open at the moment asked about; null for a calendar that cannot be read. */
  covered: boolean | null;
  /** When not covered: when coverage next starts (null if never). */
  nextCovered: string | null;
}

/** One escalation path that applies to the incident. */
export interface LadderPath {
  path: string;
  name: string | null;
  levels: LadderLevel[];
}

/** `govern who`: who to call for an incident of a service and priority opened at an instant. */
export interface EscalationLadder {
  partnership: string;
  service: string;
  priority: string;
  /** The moment asked about, in the partnership's zone. */
  at: string;
  timezone: string;
  /** The priority's calendar, on which `after` is counted. */
  calendar: string;
  /**
   * False when that calendar is not in slas.yaml or cannot be read (a check finding): then no `due` can be
   * worked out, and a null `due` means "unknown", not "never".
   */
  calendarReadable: boolean;
  paths: LadderPath[];
}

/** What `buildEscalationLadder` needs: ids that exist (the command checks them) and the moment. */
export interface LadderQuery {
  service: string;
  priority: string;
  /** Epoch milliseconds: when the incident opened (or now). */
  at: number;
}

/**
 * The escalation ladder for an incident: every path whose `appliesTo` covers the service and priority
 * (a missing list covers all), level by level, with who, how to reach them, whether their coverage
 * calendar is open at `at`, and when each level is due (`after` counted on the priority's calendar from
 * `at`, as FORMAT.md says). Pure.
 */
export function buildEscalationLadder(index: PartnershipIndex, query: LadderQuery): EscalationLadder {
  const zone = partnershipZone(index);
  const priority = index.priority(query.service, query.priority);
  const calendarId = priority?.value.calendar ?? priority?.service.value.calendar ?? ALWAYS;
  const calendars = new Map<string, WorkCalendar | null>();
  const calendar = (id: string): WorkCalendar | null => {
    if (!calendars.has(id)) {
      const found = id === ALWAYS ? ALWAYS : index.calendars.find((c) => c.value.id === id)?.value;
      const compiled = found === undefined ? null : compileCalendar(found as Calendar | '24x7', zone);
      calendars.set(id, compiled === null || isCalendarError(compiled) ? null : compiled);
    }
    return calendars.get(id) ?? null;
  };
  const clock = calendar(calendarId);
  const show = (ms: number): string | null => (Number.isFinite(ms) ? iso(ms, zone) : null);

  const paths: LadderPath[] = [];
  for (const item of index.paths) {
    const path: EscalationPath = item.value;
    if (!applies(path, query)) continue;
    const levels = (Array.isArray(path.levels) ? path.levels : []).map((level: EscalationLevel, i): LadderLevel => {
      // Longer than ten years is a finding (sla/duration-too-long) and is not worked out.
      const minutes = parseDuration(level?.after)?.minutes;
      const afterMinutes = minutes !== undefined && minutes <= MAX_DURATION_MINUTES ? minutes : null;
      const coverage = typeof level?.coverage === 'string' ? level.coverage : null;
      const cover = coverage === null ? null : calendar(coverage);
      const covered = cover === null ? null : isOpen(cover, query.at);
      return {
        level: i + 1,
        name: typeof level?.name === 'string' ? level.name : null,
        after: typeof level?.after === 'string' ? level.after : null,
        afterMinutes,
        due: clock === null || afterMinutes === null ? null : show(addWorking(clock, query.at, afterMinutes * 60_000)),
        contacts: (Array.isArray(level?.contacts) ? level.contacts : []).filter((c): c is string => typeof c === 'string').map((id) => person(index, id)),
        coverage,
        covered,
        nextCovered: cover === null || covered !== false ? null : show(nextOpen(cover, query.at)),
      };
    });
    paths.push({ path: String(path.id), name: typeof (path as { name?: unknown }).name === 'string' ? (path as { name: string }).name : null, levels });
  }
  return {
    partnership: partnershipId(index),
    service: query.service,
    priority: query.priority,
    at: iso(query.at, zone),
    timezone: zone,
    calendar: calendarId,
    calendarReadable: clock !== null,
    paths,
  };
}

function applies(path: EscalationPath, query: LadderQuery): boolean {
  const services = path.appliesTo?.services;
  const priorities = path.appliesTo?.priorities;
  return (!Array.isArray(services) || services.includes(query.service)) && (!Array.isArray(priorities) || priorities.includes(query.priority));
}

function person(index: PartnershipIndex, id: string): LadderContact {
  const c = index.lookup<Contact>('contact', id)?.value;
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return { id, name: text(c?.name), title: text(c?.title), party: text(c?.party), phone: text(c?.phone), email: text(c?.email) };
}

/** An instant as RFC 3339 in a zone, to the second: `2026-10-05T09:42:00+02:00`. */
export function iso(ms: number, zone: string): string {
  return isoInZone(ms, zone)!;
}

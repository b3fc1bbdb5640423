import type { Calendar, Downtime, Incident, MeasurementsFile, Priority, Service, SlasFile } from '../model/partnership.js';
import { computeAvailability } from './availability.js';
import { type WorkCalendar, ALWAYS_OPEN, compileCalendar, isCalendarError } from './calendar.js';
import { computePeriodCredit } from './credits.js';
import { parseDuration } from './duration.js';
import { type IncidentStatus, measureIncident } from './incident.js';
import { parseInstant } from './interval.js';
import { type Period, comparePeriods, monthsOf, periodContains } from '../model/period.js';
import { periodEdges } from '../time/period.js';

/** Everything the SLA report is computed from; all data, no files. */
export interface SlaReportInput {
  partnershipId: string;
  /** The partnership's IANA zone: periods are counted in it, and calendars without a zone use it. */
  timezone: string;
  slas: SlasFile;
  /** Every measurements file; incidents are picked by `opened`, downtime is clipped to the period. */
  measurements: readonly { period: Period; data: MeasurementsFile }[];
  period: Period;
  /** Today, as epoch milliseconds: nothing is counted beyond it. */
  now: number;
}

/** One priority's line in the report. */
export interface PriorityReport {
  priority: string;
  /** Incidents opened in the period. */
  incidents: number;
  met: number;
  breached: string[];
  open: string[];
  /** met / (met + breached) × 100; null when no incident is met or breached. */
  compliance: number | null;
  target: number | null;
}

/** One service's line in the report. */
export interface ServiceReport {
  service: string;
  name: string | null;
  /** Percent over the period, unrounded; null without an availability target. */
  availability: number | null;
  availabilityTarget: number | null;
  /** Credits worked out per month and summed; the percent is of the period's fees together. */
  creditPercent: number | null;
  creditAmount: number | null;
  currency: string | null;
  downMinutes: number | null;
  serviceMinutes: number | null;
  priorities: PriorityReport[];
}

/** The SLA report: the stable JSON shape of `govern sla`. */
export interface SlaReport {
  partnership: string;
  period: string;
  /**
   * The months of the period that have no measurements file (their own, or a quarter's or year's file
   * covering them): their service time, downtime and credits are left out, never counted as perfect.
   */
  monthsLeftOut: string[];
  /** The months of the period that have not ended on today (`now`): their figures are so far. */
  monthsRunning: string[];
  services: ServiceReport[];
}

/** One incident as measured, for review packs. */
export interface IncidentDetail {
  id: string;
  service: string;
  priority: string;
  opened: string;
  responseMin: number;
  resolutionMin: number;
  responseTargetMin: number | null;
  resolutionTargetMin: number | null;
  responseMet: boolean | null;
  resolutionMet: boolean | null;
  status: IncidentStatus;
}

const NO_ID = '(no id)';

/** Computes availability, credits and per-priority compliance for every service over the measured months of a period. */
export function computeSlaReport(input: SlaReportInput): SlaReport {
  return computeSlaReportWithDetails(input).report;
}

/**
 * The SLA report and, with it, every incident opened in the period as
 * `computeIncidentDetails` gives them (a review pack wants both): each incident
 * measured once for the two. An incident's measure depends on the period's
 * end and `now`, never on the month it was opened in, so the report's incidents
 * (those opened in a month with measurements) are the period's, picked by when
 * they were opened, in the same order (test/sla/report-details.property.test.ts).
 */
export function computeSlaReportWithDetails(input: SlaReportInput): { report: SlaReport; details: IncidentDetail[]; months: ReadonlyMap<string, ServiceAvailability[]> } {
  return buildReport(input, true);
}

/** A service's availability and credits over a period, without its incidents. */
export type ServiceAvailability = Omit<ServiceReport, 'priorities'>;

/**
 * The report's availability and credits per service (each service's line
 * without its priorities), as computeSlaReport gives them, without measuring
 * a single incident: the months of a quarter's review pack need no more (and
 * computeSlaReportWithDetails gives them for each month of its period too).
 */
export function computeAvailabilityReport(input: SlaReportInput): ServiceAvailability[] {
  return buildReport(input, false).report.services.map(({ priorities: _priorities, ...service }) => service);
}

/** What buildReport gives: the report, the period's incidents, and each month's availability lines (ServiceAvailability). */
interface Built {
  report: SlaReport;
  details: IncidentDetail[];
  /** Each month of the period (by label), its lines as computeAvailabilityReport gives them for that month alone. */
  months: Map<string, ServiceAvailability[]>;
}

/**
 * The report; without `withIncidents` no incident is measured, and every priority's figures are left empty (never
 * returned as such). A month's availability is computed once, and serves both the period's line and the month's
 * own (a month judged alone is judged over itself, with the same edges, downtime and `now`).
 */
function buildReport(input: SlaReportInput, withIncidents: boolean): Built {
  const calendars = compileCalendars(input.slas, input.timezone);
  const months = monthsOf(input.period).map((month) => {
    const b = periodEdges(month, input.timezone);
    return { month, start: b.start, end: b.end, measured: input.measurements.some((m) => periodContains(m.period, month)) };
  });
  // Quarters and years are judged over the months with measurements only (FORMAT.md v1.1).
  const judged = months.filter((m) => m.measured);
  const period = bounds(input);
  const measured = withIncidents
    ? measureAllAt(input, calendars, Math.min(period.start, ...judged.map((m) => m.start)), Math.max(period.end, ...judged.map((m) => m.end)), period.end)
    : [];
  const details = measured.filter((d) => judged.some((m) => m.start <= d.at && d.at < m.end));
  const downtime = collectDowntime(input.measurements);
  const byMonth = new Map<string, ServiceAvailability[]>(months.map((m) => [m.month.label, []]));

  const services: ServiceReport[] = [];
  for (const service of listById(input.slas.services)) {
    const id = service.id;
    const calendar = calendarFor(calendars, service.calendar);
    const own = downtime.filter((d) => d.service === id);
    const monthly = calendar ? judged.map((m) => computeAvailability({ calendar, periodStart: m.start, periodEnd: m.end, downtime: own, now: input.now })) : null;
    for (const m of months) {
      const i = judged.indexOf(m);
      byMonth.get(m.month.label)!.push(availabilityLine(service, monthly === null ? null : i < 0 ? [] : [monthly[i]!]));
    }
    services.push({
      ...availabilityLine(service, monthly),
      priorities: listById(service.priorities).map((priority) => {
        const mine = details.filter((d) => d.service === id && d.priority === priority.id);
        const met = mine.filter((d) => d.status === 'met').length;
        const breached = mine.filter((d) => d.status === 'breached').map((d) => d.id);
        return {
          priority: priority.id,
          incidents: mine.length,
          met,
          breached,
          open: mine.filter((d) => d.status === 'open').map((d) => d.id),
          compliance: met + breached.length === 0 ? null : (met / (met + breached.length)) * 100,
          target: typeof priority.target === 'number' ? priority.target : null,
        };
      }),
    });
  }
  const report = {
    partnership: input.partnershipId,
    period: input.period.label,
    monthsLeftOut: months.filter((m) => !m.measured).map((m) => m.month.label),
    monthsRunning: months.filter((m) => m.start < input.now && input.now < m.end).map((m) => m.month.label),
    services,
  };
  return { report, details: withoutAt(measured.filter((d) => period.start <= d.at && d.at < period.end)), months: byMonth };
}

/** A service's availability and credits over the judged months whose availability is given (null: no calendar). */
function availabilityLine(service: Service & { id: string }, monthly: ReturnType<typeof computeAvailability>[] | null): ServiceAvailability {
  const target = typeof service.availability?.target === 'number' ? service.availability.target : null;
  let whole: { availability: number | null; downMinutes: number; serviceMinutes: number } | null = null;
  if (monthly) {
    const serviceMinutes = monthly.reduce((sum, m) => sum + m.serviceMinutes, 0);
    const downMinutes = monthly.reduce((sum, m) => sum + m.downMinutes, 0);
    whole = { serviceMinutes, downMinutes, availability: serviceMinutes > 0 ? (1 - downMinutes / serviceMinutes) * 100 : null };
  }
  let credit: ReturnType<typeof computePeriodCredit> | null = null;
  if (monthly && target !== null && monthly.length > 0)
    credit = computePeriodCredit(
      monthly.map((m) => m.availability),
      service.credits,
      service.monthlyFee,
    );
  return {
    service: service.id,
    name: typeof service.name === 'string' ? service.name : null,
    availability: target === null ? null : (whole?.availability ?? null),
    availabilityTarget: target,
    creditPercent: credit?.percent ?? null,
    creditAmount: credit?.amount ?? null,
    currency: credit?.currency ?? null,
    downMinutes: whole?.downMinutes ?? null,
    serviceMinutes: whole?.serviceMinutes ?? null,
  };
}

function bounds(input: SlaReportInput): { start: number; end: number } {
  return periodEdges(input.period, input.timezone);
}

/** Every incident opened in the period, measured on its priority's calendar, in order of opening. */
export function computeIncidentDetails(input: SlaReportInput): IncidentDetail[] {
  const { start, end } = bounds(input);
  return withoutAt(measureAllAt(input, compileCalendars(input.slas, input.timezone), start, end, end));
}

function withoutAt(details: readonly (IncidentDetail & { at: number })[]): IncidentDetail[] {
  return details.map(({ at: _at, ...detail }) => detail);
}

/** The incidents opened from `openedFrom` to before `openedBefore`, measured, in order of opening, each with its opening instant. */
function measureAllAt(
  input: SlaReportInput,
  calendars: ReadonlyMap<string, WorkCalendar | null>,
  openedFrom: number,
  openedBefore: number,
  periodEnd: number,
): (IncidentDetail & { at: number })[] {
  const services = new Map(listById(input.slas.services).map((s) => [s.id, s]));
  const out: (IncidentDetail & { at: number })[] = [];
  for (const incident of collectIncidents(input.measurements)) {
    const opened = parseInstant(incident.opened);
    if (opened === null || opened < openedFrom || opened >= openedBefore) continue;
    const service = typeof incident.service === 'string' ? services.get(incident.service) : undefined;
    const priority = service && listById(service.priorities).find((p) => p.id === incident.priority);
    if (!service || !priority) continue;
    // An unknown or broken calendar is a check finding; the incident cannot be measured without one.
    const calendar = calendarFor(calendars, priority.calendar ?? service.calendar);
    if (!calendar) continue;
    const responseTargetMin = parseDuration(priority.response)?.minutes ?? null;
    const resolutionTargetMin = parseDuration(priority.resolution)?.minutes ?? null;
    const measure = measureIncident(incident, {
      calendar,
      responseMin: responseTargetMin,
      resolutionMin: resolutionTargetMin,
      allowedStops: Array.isArray(service.clockStops) ? service.clockStops : [],
      periodEnd,
      now: input.now,
    });
    if (!measure) continue;
    out.push({
      at: opened,
      id: typeof incident.id === 'string' ? incident.id : NO_ID,
      service: service.id,
      priority: priority.id,
      opened: String(incident.opened),
      responseMin: measure.responseMin,
      resolutionMin: measure.resolutionMin,
      responseTargetMin,
      resolutionTargetMin,
      responseMet: measure.responseMet,
      resolutionMet: measure.resolutionMet,
      status: measure.status,
    });
  }
  out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

function compileCalendars(slas: SlasFile, zone: string): Map<string, WorkCalendar | null> {
  const out = new Map<string, WorkCalendar | null>([['24x7', ALWAYS_OPEN]]);
  for (const cal of Array.isArray(slas.calendars) ? (slas.calendars as Calendar[]) : []) {
    if (typeof cal?.id !== 'string' || out.has(cal.id)) continue;
    const compiled = compileCalendar(cal, zone);
    out.set(cal.id, isCalendarError(compiled) ? null : compiled);
  }
  return out;
}

// A service without a calendar is counted around the clock.
function calendarFor(calendars: ReadonlyMap<string, WorkCalendar | null>, id: string | undefined): WorkCalendar | null {
  return calendars.get(id ?? '24x7') ?? null;
}

/** Items with a string id, first occurrence of each id only (duplicates are a check finding). */
function listById<T extends Service | Priority>(list: T[] | undefined): (T & { id: string })[] {
  const seen = new Set<string>();
  const out: (T & { id: string })[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    if (typeof item?.id !== 'string' || seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(item as T & { id: string });
  }
  return out;
}

/** Incidents from every file, earliest period first; one recorded in two files counts once. */
function collectIncidents(files: SlaReportInput['measurements']): Incident[] {
  const seen = new Set<string>();
  const out: Incident[] = [];
  for (const { data } of [...files].sort((a, b) => comparePeriods(a.period, b.period))) {
    for (const incident of Array.isArray(data?.incidents) ? data.incidents : []) {
      if (typeof incident?.id === 'string') {
        const key = `${String(incident.service)}\u0000${incident.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      out.push(incident);
    }
  }
  return out;
}

function collectDowntime(files: SlaReportInput['measurements']): Downtime[] {
  return files.flatMap(({ data }) => (Array.isArray(data?.downtime) ? data.downtime : []));
}

import type { PartnershipIndex } from '../../model/partnership-index.js';
import { buildSlaInput, endOfDay, measuredPeriods, partnershipZone } from '../../sla/from-workspace.js';
import type { Period } from '../../model/period.js';
import { civilDateOf } from '../../time/civil.js';
import { periodEdges } from '../../time/period.js';
import { type IncidentDetail, type ServiceAvailability, type SlaReport, computeAvailabilityReport, computeSlaReportWithDetails } from '../../sla/report.js';
import { Directory } from '../directory.js';
import { addDays } from '../format.js';
import type { ReviewPackOptions } from './types.js';

/** What every section builder of the pack reads: the files, the period's edges, and the SLA reports (each computed once). */
export interface PackContext {
  index: PartnershipIndex;
  dir: Directory;
  zone: string;
  period: Period;
  today: string;
  /** The end of `today` in the partnership's zone, as the SLA module's `now`. */
  now: number;
  /** The period's edges in the partnership's zone, epoch ms. */
  bounds: { start: number; end: number };
  /** The period's first day, the day after it, and its last day, `YYYY-MM-DD`. */
  first: string;
  after: string;
  last: string;
  /** The SLA report of any period, computed once per period. */
  reportFor(period: Period): SlaReport;
  /** The availability and credits of any period's services (its report's, without measuring incidents), computed once per period. */
  availabilityFor(period: Period): ServiceAvailability[];
  /** The SLA report of the pack's own period. */
  report: SlaReport;
  /** Every incident opened in the pack's own period, measured (`computeIncidentDetails`, computed with the report). */
  details: IncidentDetail[];
  measured: ReturnType<typeof measuredPeriods>;
  /** Only the period's own figures (ReviewPackOptions.periodOnly). */
  periodOnly: boolean;
}

/** Works out the shared facts of a pack once. Pure. */
export function packContext(index: PartnershipIndex, options: ReviewPackOptions): PackContext {
  const zone = partnershipZone(index);
  const dir = new Directory(index, zone);
  const { period, today } = options;
  const now = endOfDay(today, zone) ?? 0;
  const bounds = periodEdges(period, zone);
  const first = civilDateOf(bounds.start, zone)!.date;
  const after = civilDateOf(bounds.end, zone)!.date;
  const last = addDays(after, -1);

  const reports = new Map<string, ReturnType<typeof computeSlaReportWithDetails>>();
  const computed = (p: Period) => {
    let r = reports.get(p.label);
    if (!r) {
      r = computeSlaReportWithDetails(buildSlaInput(index, { period: p, now }));
      reports.set(p.label, r);
    }
    return r;
  };
  const reportFor = (p: Period): SlaReport => computed(p).report;
  const availability = new Map<string, ServiceAvailability[]>();
  const availabilityFor = (p: Period): ServiceAvailability[] => {
    // A month of a period already reported on has its lines in that report (computed with the period's own).
    let a = reports.get(p.label)?.report.services ?? availability.get(p.label);
    for (const r of reports.values()) a ??= r.months.get(p.label);
    if (!a) {
      a = computeAvailabilityReport(buildSlaInput(index, { period: p, now }));
      availability.set(p.label, a);
    }
    return a;
  };
  const { report, details } = computed(period);
  const measured = measuredPeriods(index);
  return {
    index,
    dir,
    zone,
    period,
    today,
    now,
    bounds,
    first,
    after,
    last,
    reportFor,
    availabilityFor,
    report,
    details,
    measured,
    periodOnly: options.periodOnly === true,
  };
}

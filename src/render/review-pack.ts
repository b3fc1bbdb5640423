import type { PartnershipIndex } from '../model/partnership-index.js';
import type { Incident, Meeting, TargetOp } from '../model/partnership.js';
import { buildSlaInput, endOfDay, isMeasured, measuredPeriods, partnershipZone } from '../sla/from-workspace.js';
import { type Period, monthsOf, periodBounds } from '../sla/period.js';
import { type Rag, ragStatus } from '../sla/rag.js';
import { totalCreditsOwed } from '../sla/credits.js';
import { type KpiTarget, kpiDirection, kpiRag, worstRag } from '../kpi/status.js';
import { kpiValue, trendPeriodsFor } from '../kpi/evaluate.js';
import { type BudgetRow, computeBudget } from '../budget/budget.js';
import { type SlaReport, computeIncidentDetails, computeSlaReport } from '../sla/report.js';
import { parseDuration } from '../sla/duration.js';
import { parseInstantQuickly } from '../sla/instant.js';
import { DateTime } from 'luxon';
import { type BarChart, type HeatMap, type LineChart, buildBarChart, buildHeatMap, buildLineChart, riskLevel } from './charts.js';
import { contractEvents, type ContractEvent, partnershipHeader, type PartnershipHeader } from './contract-summary.js';
import { describeCadence, meetingTimes, nextMeetingDate } from './describe.js';
import { Directory, num, str, strings } from './directory.js';
import { addDays, daysBetween, formatMonths, formatNumber, formatPercent, formatPeriod } from './format.js';

/** What the review pack shows, and nothing else: the templates only loop and format. */
export interface ReviewPack {
  kind: 'review-pack';
  /** `partiesInName`: the name already says who the two parties are (`Client and Provider`), so the subtitle does not repeat them. */
  partnership: PartnershipHeader & { partiesInName: boolean };
  period: { label: string; words: string; first: string; last: string; kind: string };
  today: string;
  meeting: ReviewMeeting | null;
  /** Things the reader must know about the data itself (rendered from invalid files, months without measurements). */
  warnings: string[];
  glance: Glance;
  objectives: ObjectiveRow[];
  kpis: KpiRow[];
  /** The periods the KPI trend covers, oldest first. */
  trendPeriods: string[];
  sla: {
    rows: SlaRow[];
    breaches: IncidentRow[];
    open: IncidentRow[];
    totals: { incidents: number; met: number; breached: number; open: number };
  };
  availability: { services: AvailabilityRow[]; creditsOwed: { amount: number; currency: string | null }[] };
  budget: { currency: string | null; lines: BudgetRow[] };
  /** The review record of this period, if it has been written: summary first, then decisions and feedback. */
  review: ReviewRecord | null;
  /** Downtime that started in the period, with the notes the files give. */
  downtime: DowntimeRow[];
  actions: ActionRow[];
  risks: { open: RiskRow[]; closed: RiskRow[]; heatMap: HeatMap };
  events: ContractEvent[];
  agenda: string[];
  charts: { compliance: BarChart };
}

/** The meeting the pack is for. */
export interface ReviewMeeting {
  id: string;
  name: string;
  date: string | null;
  time: string | null;
  endTime: string | null;
  timezone: string;
  cadence: string;
  chair: string | null;
  attendees: string[];
  /** True when a review record for the period says the meeting was held (the pack is then a record). */
  held: boolean;
}

/** The headline numbers. */
export interface Glance {
  kpis: { green: number; amber: number; red: number; none: number; total: number };
  incidents: number;
  breached: string[];
  creditsOwed: { amount: number; currency: string | null }[];
  openActions: number;
  overdueActions: number;
  openRisks: number;
  severeRisks: number;
  noticeBy: string | null;
  noticeInDays: number | null;
}

export interface ObjectiveRow {
  id: string;
  title: string;
  owner: string | null;
  rag: Rag | null;
  kpis: { name: string; value: number | null; unit: string; digits: number; rag: Rag | null }[];
}

export interface KpiRow {
  id: string;
  name: string;
  objective: string;
  unit: string;
  /** Decimals to show: availability needs three (99.921 %), the rest one or two. */
  digits: number;
  value: number | null;
  /** How the value was arrived at, when it is not simply the period's own figure. */
  note: string | null;
  source: string;
  target: KpiTarget | null;
  rag: Rag | null;
  trend: { period: string; value: number | null }[];
  /** Compared with the previous period: `better`, `worse`, `same`; null without both values. */
  direction: 'better' | 'worse' | 'same' | null;
  chart: LineChart;
}

export interface SlaRow {
  service: string;
  serviceName: string;
  priority: string;
  description: string | null;
  responseTargetMin: number | null;
  resolutionTargetMin: number | null;
  incidents: number;
  met: number;
  breached: string[];
  open: string[];
  compliance: number | null;
  target: number | null;
  rag: Rag | null;
}

export interface IncidentRow {
  id: string;
  service: string;
  serviceName: string;
  priority: string;
  summary: string | null;
  opened: string;
  responseMin: number;
  responseTargetMin: number | null;
  responseMet: boolean | null;
  resolutionMin: number;
  resolutionTargetMin: number | null;
  resolutionMet: boolean | null;
  /** For an incident open at the period's end: when it was resolved, if the file says so. */
  resolvedLater: string | null;
}

export interface AvailabilityRow {
  service: string;
  name: string;
  availability: number | null;
  target: number;
  rag: Rag | null;
  downMinutes: number | null;
  serviceMinutes: number | null;
  creditPercent: number | null;
  creditAmount: number | null;
  currency: string | null;
  /** For a quarter or a year: each month, since credits are worked out per month. */
  months: { label: string; availability: number | null; creditPercent: number | null; creditAmount: number | null; rag: Rag | null }[];
}

/** One budget line against its actuals (src/budget/budget.ts). */
export type { BudgetRow } from '../budget/budget.js';

/** What a review record says about its period, as written. */
export interface ReviewRecord {
  period: string;
  held: string | null;
  /** Free text that may hold Markdown; templates show it with `richText`. */
  summary: string | null;
  decisions: string[];
  feedback: { client: string | null; provider: string | null } | null;
}

export interface DowntimeRow {
  service: string;
  serviceName: string;
  from: string;
  to: string | null;
  /** Minutes from `from` to `to`, as instants (the night the clocks change, 02:50 to 02:05 can be 15 minutes). */
  minutes: number | null;
  planned: boolean;
  note: string | null;
}

export interface ActionRow {
  id: string;
  title: string;
  owner: string | null;
  due: string | null;
  overdue: boolean;
  /** Days past due (positive) or left (negative is never shown): due − today. */
  daysLeft: number | null;
  review: string;
}

export interface RiskRow {
  id: string;
  title: string;
  likelihood: number | null;
  impact: number | null;
  score: number | null;
  level: string | null;
  owner: string | null;
  mitigation: string | null;
  contingency: string | null;
  status: string;
  reviewBy: string | null;
  reviewOverdue: boolean;
}

/** What a review pack is built for. */
export interface ReviewPackOptions {
  period: Period;
  /** Today, `YYYY-MM-DD` in the partnership's zone. */
  today: string;
  /** Notes to print at the top (for example, that the files have check errors). */
  warnings?: readonly string[];
}

/**
 * Builds the review pack for a period: every number comes from the SLA module
 * (`computeSlaReport`, `computeIncidentDetails`) or straight from the files;
 * nothing is left for a template to work out. Pure.
 */
export function buildReviewPack(index: PartnershipIndex, options: ReviewPackOptions): ReviewPack {
  const zone = partnershipZone(index);
  const dir = new Directory(index, zone);
  const { period, today } = options;
  const now = endOfDay(today, zone) ?? 0;
  const bounds = periodBounds(period, zone);
  const first = bounds.start.toISODate()!;
  const after = bounds.end.toISODate()!;
  const last = addDays(after, -1);
  const warnings = [...(options.warnings ?? [])];

  const reports = new Map<string, SlaReport>();
  const reportFor = (p: Period): SlaReport => {
    let r = reports.get(p.label);
    if (!r) {
      r = computeSlaReport(buildSlaInput(index, { period: p, now }));
      reports.set(p.label, r);
    }
    return r;
  };
  const report = reportFor(period);
  const details = computeIncidentDetails(buildSlaInput(index, { period, now }));
  const measured = measuredPeriods(index);
  // What the figures are judged over (FORMAT.md v1.1): months left out, months still running, the contract's start.
  if (report.monthsLeftOut.length > 0) {
    const one = report.monthsLeftOut.length === 1;
    warnings.push(`No measurements for ${formatMonths(report.monthsLeftOut)}: ${one ? 'it is' : 'they are'} left out of the figures below.`);
  }
  if (report.monthsRunning.length > 0) {
    warnings.push(`${formatMonths(report.monthsRunning)} ${report.monthsRunning.length === 1 ? 'is' : 'are'} still running on ${today}: the figures are so far, not final.`);
  }
  const contractStart = str(index.partnership?.value.contract?.start);
  if (contractStart !== null && /^\d{4}-\d{2}-\d{2}$/.test(contractStart) && contractStart > first) {
    warnings.push(
      contractStart >= after
        ? `The contract starts on ${contractStart}, after this period: nothing was owed in it.`
        : `The contract starts on ${contractStart}, within this period: it is measured from then.`,
    );
  }

  // KPIs and their trend over the periods of the same length that have measurements.
  const trendPeriods = trendPeriodsFor(period, measured.map((m) => m.period));
  const kpis: KpiRow[] = index.kpis.map(({ value: kpi, objective }) => {
    const unit = str(kpi.unit) ?? '';
    const digits = unit === '%' ? (String(kpi.source ?? '').endsWith('.availability') ? 3 : 1) : 2;
    const warn = num(kpi.target?.warn);
    const target = num(kpi.target?.value) === null ? null : { op: str(kpi.target?.op) ?? '>=', value: kpi.target!.value!, ...(warn === null ? {} : { warn }) };
    const trend = trendPeriods.map((p) => ({ period: p.label, value: kpiValue(kpi, p, reportFor(p), measured).value }));
    const own = kpiValue(kpi, period, report, measured);
    const previous = trend.length > 1 ? (trend[trend.length - 2]?.value ?? null) : null;
    return {
      id: str(kpi.id) ?? '',
      name: str(kpi.name) ?? str(kpi.id) ?? '',
      objective: str(objective.value.title) ?? str(objective.value.id) ?? '',
      unit,
      digits,
      value: own.value,
      note: own.note,
      source: sourceWords(kpi.source, dir, index),
      target,
      rag: kpiRag(own.value, target, kpi.source),
      trend,
      direction: kpiDirection(previous, own.value, target?.op ?? '>='),
      chart: buildLineChart(trend, target?.value ?? null, (v) => (unit === '%' ? formatPercent(v, digits) : formatNumber(v, digits)), undefined, (p) => formatPeriod(p, 'short')),
    };
  });

  const objectives: ObjectiveRow[] = index.objectives.map(({ value: o }) => {
    const mine = kpis.filter((k) => index.kpis.some((x) => x.objective.value === o && str(x.value.id) === k.id));
    return {
      id: str(o.id) ?? '',
      title: str(o.title) ?? str(o.id) ?? '',
      owner: str(o.owner) === null ? null : dir.who(o.owner),
      rag: worstRag(mine.map((k) => k.rag)),
      kpis: mine.map((k) => ({ name: k.name, value: k.value, unit: k.unit, digits: k.digits, rag: k.rag })),
    };
  });

  // SLA compliance per service and priority, and the incidents behind it.
  const incidents = incidentIndex(index);
  const serviceNames = new Map(report.services.map((s) => [s.service, s.name ?? s.service]));
  const slaRows: SlaRow[] = report.services.flatMap((s) =>
    s.priorities.map((p) => {
      const def = index.priority(s.service, p.priority)?.value;
      return {
        service: s.service,
        serviceName: s.name ?? s.service,
        priority: p.priority,
        description: str(def?.description),
        responseTargetMin: parseDuration(def?.response)?.minutes ?? null,
        resolutionTargetMin: parseDuration(def?.resolution)?.minutes ?? null,
        incidents: p.incidents,
        met: p.met,
        breached: p.breached,
        open: p.open,
        compliance: p.compliance,
        target: p.target,
        rag: ragStatus(p.compliance, p.target),
      };
    }),
  );
  const toRow = (d: (typeof details)[number]): IncidentRow => {
    const source = incidents.get(`${d.service}\u0000${d.id}`);
    return {
      id: d.id,
      service: d.service,
      serviceName: serviceNames.get(d.service) ?? d.service,
      priority: d.priority,
      summary: str(source?.summary),
      opened: d.opened,
      responseMin: d.responseMin,
      responseTargetMin: d.responseTargetMin,
      responseMet: d.responseMet,
      resolutionMin: d.resolutionMin,
      resolutionTargetMin: d.resolutionTargetMin,
      resolutionMet: d.resolutionMet,
      resolvedLater: d.status === 'open' ? str(source?.resolved) : null,
    };
  };
  const breaches = details.filter((d) => d.status === 'breached').map(toRow);
  const openIncidents = details.filter((d) => d.status === 'open').map(toRow);

  // Availability and credits (worked out per month by the SLA module).
  const availability: AvailabilityRow[] = report.services
    .filter((s) => s.availabilityTarget !== null)
    .map((s) => ({
      service: s.service,
      name: s.name ?? s.service,
      availability: s.availability,
      target: s.availabilityTarget!,
      rag: ragStatus(s.availability, s.availabilityTarget),
      downMinutes: s.downMinutes,
      serviceMinutes: s.serviceMinutes,
      creditPercent: s.creditPercent,
      creditAmount: s.creditAmount,
      currency: s.currency,
      months:
        period.months === 1
          ? []
          : monthsOf(period).map((m) => {
              const ms = reportFor(m).services.find((x) => x.service === s.service);
              return {
                label: m.label,
                availability: ms?.availability ?? null,
                creditPercent: ms?.creditPercent ?? null,
                creditAmount: ms?.creditAmount ?? null,
                rag: ragStatus(ms?.availability ?? null, s.availabilityTarget),
              };
            }),
    }));
  const creditsOwed = totalCreditsOwed(availability);

  const budget = computeBudget(index, period, today);
  const actions = buildActions(index, dir, today);
  const review = buildReviewRecord(index, period);
  const downtime = buildDowntime(index, bounds, serviceNames);
  const risks = buildRisks(index, dir, today);
  const events = contractEvents(dir.partnership, today);
  const meeting = pickMeeting(index, dir, period, after, zone);
  const agenda = meeting ? strings(index.meetings.find((m) => m.value.id === meeting.id)?.value.agenda) : [];

  const ragCount = (r: Rag | null): number => kpis.filter((k) => k.rag === r).length;
  const notice = events.find((e) => e.kind === 'notice');
  return {
    kind: 'review-pack',
    partnership: withParties(partnershipHeader(index)),
    period: { label: period.label, words: formatPeriod(period.label), first, last, kind: period.kind },
    today,
    meeting,
    warnings,
    glance: {
      kpis: { green: ragCount('green'), amber: ragCount('amber'), red: ragCount('red'), none: ragCount(null), total: kpis.length },
      incidents: slaRows.reduce((n, r) => n + r.incidents, 0),
      breached: breaches.map((b) => b.id),
      creditsOwed,
      openActions: actions.length,
      overdueActions: actions.filter((a) => a.overdue).length,
      openRisks: risks.open.length,
      severeRisks: risks.open.filter((r) => r.level === 'severe').length,
      noticeBy: notice?.date ?? null,
      noticeInDays: notice?.days ?? null,
    },
    objectives,
    kpis,
    trendPeriods: trendPeriods.map((p) => p.label),
    sla: {
      rows: slaRows,
      breaches,
      open: openIncidents,
      totals: {
        incidents: slaRows.reduce((n, r) => n + r.incidents, 0),
        met: slaRows.reduce((n, r) => n + r.met, 0),
        breached: slaRows.reduce((n, r) => n + r.breached.length, 0),
        open: slaRows.reduce((n, r) => n + r.open.length, 0),
      },
    },
    availability: { services: availability, creditsOwed },
    budget,
    review,
    downtime,
    actions,
    risks,
    events,
    agenda,
    charts: {
      compliance: buildBarChart(
        slaRows.map((r) => ({
          label: `${r.serviceName} ${r.priority}`,
          value: r.compliance,
          target: r.target,
          rag: r.rag,
          valueLabel: r.compliance === null ? (r.incidents === 0 ? 'no incidents' : 'open only') : formatPercent(r.compliance, 1),
        })),
      ),
    },
  };
}

function sourceWords(source: unknown, dir: Directory, index: PartnershipIndex): string {
  const s = str(source) ?? 'measured';
  const sla = /^sla:([^.]+)\.(.+)$/.exec(s);
  if (!sla) return s === 'measured' ? 'measured' : s;
  const service = index.services.find((x) => x.value.id === sla[1]);
  const name = str(service?.value.name) ?? sla[1]!;
  void dir;
  return sla[2] === 'availability' ? `SLA: ${name} availability` : `SLA: ${name} ${sla[2]} compliance`;
}

function incidentIndex(index: PartnershipIndex): Map<string, Incident> {
  const out = new Map<string, Incident>();
  for (const m of index.measurements) {
    for (const incident of Array.isArray(m.data.incidents) ? m.data.incidents : []) {
      if (typeof incident?.id !== 'string') continue;
      const key = `${String(incident.service)}\u0000${incident.id}`;
      if (!out.has(key)) out.set(key, incident);
    }
  }
  return out;
}

function withParties(header: PartnershipHeader): PartnershipHeader & { partiesInName: boolean } {
  const name = header.name.toLowerCase();
  return { ...header, partiesInName: name.includes(header.client.toLowerCase()) && name.includes(header.provider.toLowerCase()) };
}

/** Every action still open from the reviews of periods that end when this one ends or earlier; overdue first, then by due date. */
/**
 * Every action still open on the day the pack is prepared, from every review
 * record whichever period it is for (FORMAT.md v1.1): an action agreed at a
 * later review, or filed under the month it was agreed in, is still open work.
 */
function buildActions(index: PartnershipIndex, dir: Directory, today: string): ActionRow[] {
  const rows: ActionRow[] = index.actions
    .filter(({ value }) => (value.status ?? 'open') === 'open')
    .map(({ value, review }) => {
      const due = str(value.due);
      const daysLeft = due === null ? null : daysBetween(today, due);
      return {
        id: str(value.id) ?? '',
        title: str(value.title) ?? 'title not stated',
        owner: str(value.owner) === null ? null : dir.who(value.owner),
        due,
        overdue: daysLeft !== null && daysLeft < 0,
        daysLeft,
        review: review.period?.label ?? '',
      };
    });
  return rows.sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999') .localeCompare(b.due ?? '9999') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The review record of the pack's own period (the first by file name if two claim it), or null. */
function buildReviewRecord(index: PartnershipIndex, period: Period): ReviewRecord | null {
  const record = index.reviews
    .filter((r) => r.period?.label === period.label)
    .sort((a, b) => (a.file.relPath < b.file.relPath ? -1 : a.file.relPath > b.file.relPath ? 1 : 0))[0];
  if (!record) return null;
  const data = record.data;
  const feedback = data.feedback !== null && typeof data.feedback === 'object' ? { client: str(data.feedback.client), provider: str(data.feedback.provider) } : null;
  return {
    period: period.label,
    held: str(data.held),
    summary: str(data.summary)?.trim() || null,
    decisions: strings(data.decisions),
    feedback: feedback && (feedback.client !== null || feedback.provider !== null) ? feedback : null,
  };
}

/** Downtime entries whose start falls in the period, in time order, with their notes. */
function buildDowntime(index: PartnershipIndex, bounds: { start: { toMillis(): number }; end: { toMillis(): number } }, names: ReadonlyMap<string, string>): DowntimeRow[] {
  const start = bounds.start.toMillis();
  const end = bounds.end.toMillis();
  const rows: (DowntimeRow & { at: number })[] = [];
  for (const m of index.measurements) {
    const entries = Array.isArray(m.data.downtime) ? m.data.downtime : [];
    for (const d of entries) {
      const from = str(d?.from);
      const service = str(d?.service);
      if (from === null || service === null) continue;
      const at = instantMillis(from);
      if (at === undefined || at < start || at >= end) continue;
      const to = str(d.to);
      const until = to === null ? undefined : instantMillis(to);
      const minutes = until === undefined || until < at ? null : Math.round((until - at) / 60000);
      rows.push({ at, service, serviceName: names.get(service) ?? service, from, to, minutes, planned: d.planned === true, note: str(d.note) });
    }
  }
  return rows.sort((a, b) => a.at - b.at || (a.service < b.service ? -1 : a.service > b.service ? 1 : 0)).map(({ at: _at, ...row }) => row);
}

function instantMillis(text: string): number | undefined {
  const quick = parseInstantQuickly(text);
  if (quick !== undefined) return quick;
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : undefined;
}

function buildRisks(index: PartnershipIndex, dir: Directory, today: string): ReviewPack['risks'] {
  const rows: RiskRow[] = index.risks.map(({ value: r }) => {
    const likelihood = num(r.likelihood);
    const impact = num(r.impact);
    const score = likelihood !== null && impact !== null ? likelihood * impact : null;
    const status = str(r.status) ?? 'open';
    const reviewBy = str(r.reviewBy);
    return {
      id: str(r.id) ?? '',
      title: str(r.title) ?? 'title not stated',
      likelihood,
      impact,
      score,
      level: score === null ? null : riskLevel(score),
      owner: str(r.owner) === null ? null : dir.who(r.owner),
      mitigation: str(r.mitigation),
      contingency: str(r.contingency),
      status,
      reviewBy,
      reviewOverdue: status !== 'closed' && reviewBy !== null && reviewBy < today,
    };
  });
  const open = rows.filter((r) => r.status !== 'closed').sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    open,
    closed: rows.filter((r) => r.status === 'closed'),
    heatMap: buildHeatMap(open.filter((r) => r.likelihood !== null && r.impact !== null).map((r) => ({ id: r.id, likelihood: r.likelihood!, impact: r.impact! }))),
  };
}

/**
 * The meeting that reviews this period: the one a review record for the period
 * names (then it was held), else the first meeting whose cadence matches the
 * period (monthly for a month, quarterly for a quarter, yearly for a year),
 * else the meeting most reviews name. Its date is the record's `held`, or the
 * first occurrence on or after the day after the period.
 */
function pickMeeting(index: PartnershipIndex, dir: Directory, period: Period, after: string, zone: string): ReviewMeeting | null {
  const record = index.reviews.find((r) => r.period?.label === period.label);
  const cadence = period.kind === 'month' ? 'monthly' : period.kind === 'quarter' ? 'quarterly' : 'yearly';
  const byId = (id: unknown): Meeting | undefined => index.meetings.find((m) => m.value.id === id)?.value;
  const named = index.reviews.map((r) => r.data.meeting).filter((m): m is string => typeof m === 'string');
  const meeting =
    byId(record?.data.meeting) ??
    index.meetings.find((m) => m.value.cadence === cadence)?.value ??
    byId(named.sort((a, b) => named.filter((x) => x === b).length - named.filter((x) => x === a).length)[0]);
  if (!meeting) return null;
  const start = str(dir.partnership.contract?.start);
  const held = str(record?.data.held);
  const { time, endTime } = meetingTimes(meeting);
  return {
    id: str(meeting.id) ?? '',
    name: str(meeting.name) ?? str(meeting.id) ?? '',
    date: held ?? nextMeetingDate(meeting, after, start),
    time,
    endTime,
    timezone: str(meeting.timezone) ?? zone,
    cadence: describeCadence(meeting, zone, start),
    chair: str(meeting.chair) === null ? null : dir.who(meeting.chair),
    attendees: strings(meeting.attendees).map((a) => dir.who(a)),
    held: held !== null,
  };
}

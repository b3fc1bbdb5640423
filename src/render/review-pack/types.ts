import type { BudgetRow } from '../../budget/budget.js';
import type { KpiTarget } from '../../kpi/status.js';
import type { Period } from '../../model/period.js';
import type { Rag } from '../../sla/rag.js';
import type { BarChart, HeatMap, LineChart } from '../charts.js';
import type { ContractEvent, PartnershipHeader } from '../contract-summary.js';

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
export type { BudgetRow };

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
  /**
   * Only the period's own figures, for the portfolio over 1 000 partnerships: no KPI trend over
   * earlier periods, no month-by-month availability, no incident-by-incident details (the breached
   * ids stay in `sla.rows`). Every figure given is the same as in the full pack.
   */
  periodOnly?: boolean;
}

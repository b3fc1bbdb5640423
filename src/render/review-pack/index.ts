import type { PartnershipIndex } from '../../model/partnership-index.js';
import { computeBudget } from '../../budget/budget.js';
import type { Rag } from '../../sla/rag.js';
import { buildBarChart } from '../charts.js';
import { contractEvents, partnershipHeader, type PartnershipHeader } from '../contract-summary.js';
import { strings } from '../directory.js';
import { formatPercent, formatPeriod } from '../format.js';
import { buildActions } from './actions.js';
import { buildAvailability } from './availability.js';
import { packContext } from './context.js';
import { buildDowntime } from './downtime.js';
import { buildKpis, buildObjectives } from './kpis.js';
import { pickMeeting } from './meeting.js';
import { buildReviewRecord } from './review-record.js';
import { buildRisks } from './risks.js';
import { buildSla } from './sla.js';
import type { ReviewPack, ReviewPackOptions } from './types.js';
import { buildWarnings } from './warnings.js';

export type * from './types.js';

/**
 * Builds the review pack for a period: every number comes from the SLA module
 * (`computeSlaReportWithDetails`: the report and its incidents) or straight from the files;
 * nothing is left for a template to work out. Pure.
 */
export function buildReviewPack(index: PartnershipIndex, options: ReviewPackOptions): ReviewPack {
  const ctx = packContext(index, options);
  const { dir, period, today, zone, first, after, last } = ctx;
  const warnings = buildWarnings(ctx, options.warnings ?? []);
  const { kpis, trendPeriods } = buildKpis(ctx);
  const objectives = buildObjectives(ctx, kpis);
  const { sla, serviceNames } = buildSla(ctx);
  const availability = buildAvailability(ctx);
  const budget = computeBudget(index, period, today);
  const actions = buildActions(index, dir, today);
  const review = buildReviewRecord(index, period);
  const downtime = buildDowntime(index, ctx.bounds, serviceNames);
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
      incidents: sla.totals.incidents,
      breached: sla.breaches.map((b) => b.id),
      creditsOwed: availability.creditsOwed,
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
    sla,
    availability,
    budget,
    review,
    downtime,
    actions,
    risks,
    events,
    agenda,
    charts: {
      compliance: buildBarChart(
        sla.rows.map((r) => ({
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

function withParties(header: PartnershipHeader): PartnershipHeader & { partiesInName: boolean } {
  const name = header.name.toLowerCase();
  return { ...header, partiesInName: name.includes(header.client.toLowerCase()) && name.includes(header.provider.toLowerCase()) };
}

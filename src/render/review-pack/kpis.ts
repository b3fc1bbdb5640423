import type { PartnershipIndex } from '../../model/partnership-index.js';
import { kpiValue, trendPeriodsFor } from '../../kpi/evaluate.js';
import { kpiDirection, kpiRag, worstRag } from '../../kpi/status.js';
import type { Period } from '../../model/period.js';
import { buildLineChart } from '../charts.js';
import type { Directory } from '../directory.js';
import { num, str } from '../directory.js';
import { formatNumber, formatPercent, formatPeriod } from '../format.js';
import type { PackContext } from './context.js';
import type { KpiRow, ObjectiveRow } from './types.js';

/** Each KPI with its value, status and trend over the periods of the same length that have measurements. */
export function buildKpis(ctx: PackContext): { kpis: KpiRow[]; trendPeriods: Period[] } {
  const { index, dir, period, report, reportFor, measured, periodOnly } = ctx;
  // KPIs and their trend over the periods of the same length that have measurements.
  const trendPeriods = periodOnly
    ? [period]
    : trendPeriodsFor(
        period,
        measured.map((m) => m.period),
      );
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
      chart: buildLineChart(
        trend,
        target?.value ?? null,
        (v) => (unit === '%' ? formatPercent(v, digits) : formatNumber(v, digits)),
        undefined,
        (p) => formatPeriod(p, 'short'),
      ),
    };
  });
  return { kpis, trendPeriods };
}

/** Each objective with its KPIs and the worst of their statuses. */
export function buildObjectives(ctx: PackContext, kpis: readonly KpiRow[]): ObjectiveRow[] {
  const { index, dir } = ctx;
  return index.objectives.map(({ value: o }) => {
    const mine = kpis.filter((k) => index.kpis.some((x) => x.objective.value === o && str(x.value.id) === k.id));
    return {
      id: str(o.id) ?? '',
      title: str(o.title) ?? str(o.id) ?? '',
      owner: str(o.owner) === null ? null : dir.who(o.owner),
      rag: worstRag(mine.map((k) => k.rag)),
      kpis: mine.map((k) => ({ name: k.name, value: k.value, unit: k.unit, digits: k.digits, rag: k.rag })),
    };
  });
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

import { num, str } from '../model/guards.js';
import type { Kpi } from '../model/partnership.js';
import type { measuredPeriods } from '../sla/from-workspace.js';
import { type Period, comparePeriods, monthsOf, parsePeriod, periodContains } from '../model/period.js';
import type { SlaReport } from '../sla/report.js';

/** The measurements files with their periods, as `measuredPeriods` gives them. */
export type Measured = ReturnType<typeof measuredPeriods>;

/** The periods of the same length as `period` that have measurements, up to it, the last six. */
export function trendPeriodsFor(period: Period, measured: readonly Period[]): Period[] {
  const labels = new Map<string, Period>([[period.label, period]]);
  for (const m of measured) {
    for (const month of monthsOf(m)) {
      const p = containing(month, period.kind);
      if (p && comparePeriods(p, period) <= 0) labels.set(p.label, p);
    }
  }
  return [...labels.values()].sort(comparePeriods).slice(-6);
}

function containing(month: Period, kind: Period['kind']): Period | null {
  if (kind === 'month') return month;
  if (kind === 'year') return parsePeriod(String(month.year));
  return parsePeriod(`${month.year}-Q${Math.ceil(month.firstMonth / 3)}`);
}

/**
 * A KPI's value for a period: from the SLA report for an `sla:` source, else the period's own measured
 * figure, else the mean of the measured months inside it (with a note saying so).
 */
export function kpiValue(kpi: Kpi, period: Period, report: SlaReport, measured: Measured): { value: number | null; note: string | null } {
  const source = str(kpi.source) ?? 'measured';
  const sla = /^sla:([^.]+)\.(.+)$/.exec(source);
  if (sla) {
    const service = report.services.find((s) => s.service === sla[1]);
    if (!service) return { value: null, note: null };
    if (sla[2] === 'availability') return { value: service.availability, note: null };
    return { value: service.priorities.find((p) => p.priority === sla[2])?.compliance ?? null, note: null };
  }
  const valueIn = (data: Measured[number]['data']): number | null => {
    const entry = (Array.isArray(data.kpis) ? data.kpis : []).find((k) => k?.kpi === kpi.id);
    return num(entry?.value);
  };
  const own = measured
    .filter((m) => m.period.label === period.label)
    .map((m) => valueIn(m.data))
    .find((v) => v !== null);
  if (own !== undefined) return { value: own, note: null };
  const inside = measured.filter((m) => m.period.label !== period.label && periodContains(period, m.period)).map((m) => valueIn(m.data));
  const values = inside.filter((v): v is number => v !== null);
  if (values.length === 0) return { value: null, note: null };
  if (values.length === 1) return { value: values[0]!, note: 'one month measured' };
  return { value: meanOf(values), note: `mean of ${values.length} months` };
}

/**
 * The mean as a person works it out: (4.1 + 4.3) / 2 is 4.2, not the 4.1999999999999995 of binary floating
 * point, which would show as 4.2 and yet miss a `>= 4.2` target. Twelve significant digits keep every figure a
 * measurements file can hold and drop only the noise of the sum.
 */
export function meanOf(values: readonly number[]): number {
  return Number((values.reduce((a, b) => a + b, 0) / values.length).toPrecision(12));
}

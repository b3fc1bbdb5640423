import { describe, expect, it } from 'vitest';
import { kpiValue, meanOf, trendPeriodsFor } from '../../src/kpi/evaluate.js';
import type { Kpi } from '../../src/model/partnership.js';
import { parsePeriod, type Period } from '../../src/model/period.js';
import type { SlaReport } from '../../src/sla/report.js';

const p = (label: string): Period => parsePeriod(label)!;
const measured = (entries: [string, { kpi: string; value: unknown }[]][]) =>
  entries.map(([label, kpis]) => ({ period: p(label), data: { kpis } })) as unknown as Parameters<typeof kpiValue>[3];
const report = { services: [{ service: 'desk', availability: 99.93, priorities: [{ priority: 'P1', compliance: 87.5 }] }] } as unknown as SlaReport;

describe('kpiValue', () => {
  const csat = { id: 'csat', source: 'measured' } as Kpi;
  const files = measured([
    ['2026-07', [{ kpi: 'csat', value: 4.1 }]],
    ['2026-08', [{ kpi: 'csat', value: 4.3 }]],
    ['2026-09', [{ kpi: 'other', value: 1 }]],
  ]);
  it.each([
    ['2026-08', 4.3, null],
    ['2026-09', null, null],
    ['2026-Q3', 4.2, 'mean of 2 months'],
    ['2026-Q2', null, null],
  ] as const)('%s: %s (%s)', (period, value, note) => {
    expect(kpiValue(csat, p(period), report, files)).toEqual({ value, note });
  });
  it('one measured month of a quarter says so', () => {
    expect(kpiValue(csat, p('2026-Q3'), report, files.slice(1))).toEqual({ value: 4.3, note: 'one month measured' });
  });
  it('an sla: source reads the report', () => {
    expect(kpiValue({ id: 'a', source: 'sla:desk.availability' } as Kpi, p('2026-10'), report, [])).toEqual({ value: 99.93, note: null });
    expect(kpiValue({ id: 'b', source: 'sla:desk.P1' } as Kpi, p('2026-10'), report, [])).toEqual({ value: 87.5, note: null });
    expect(kpiValue({ id: 'c', source: 'sla:desk.P9' } as Kpi, p('2026-10'), report, [])).toEqual({ value: null, note: null });
    expect(kpiValue({ id: 'd', source: 'sla:nope.availability' } as Kpi, p('2026-10'), report, [])).toEqual({ value: null, note: null });
  });
});

describe('meanOf and trendPeriodsFor', () => {
  it('means as a person does', () => {
    expect(meanOf([4.1, 4.3])).toBe(4.2);
    expect(meanOf([0.1, 0.2])).toBe(0.15);
  });
  it('the trend: periods of the same length with measurements, up to the period, the last six', () => {
    const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-12'].map(p);
    expect(trendPeriodsFor(p('2026-07'), months).map((x) => x.label)).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07']);
    expect(trendPeriodsFor(p('2026-Q3'), months).map((x) => x.label)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(trendPeriodsFor(p('2026'), months).map((x) => x.label)).toEqual(['2025', '2026']);
  });
});

// computeSlaReportWithDetails (src/sla/report.ts) measures each incident once
// for the report and the review pack's incident list, and computeAvailabilityReport
// gives the report's availability and credits without measuring any (and each
// month's, with the period's, as for the month alone): the report's incidents
// must be exactly the period's (computeIncidentDetails) opened in a month with
// measurements, in the same order, as when each judged month was measured on
// its own; and the list must be computeIncidentDetails' own.
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadWorkspaceFromDisk } from '../../src/io/load-workspace.js';
import type { MeasurementsFile } from '../../src/model/partnership.js';
import { PartnershipIndex } from '../../src/model/partnership-index.js';
import { monthsOf, parsePeriod, periodContains } from '../../src/model/period.js';
import { buildSlaInput } from '../../src/sla/from-workspace.js';
import { parseInstant } from '../../src/sla/interval.js';
import { type SlaReportInput, computeAvailabilityReport, computeIncidentDetails, computeSlaReport, computeSlaReportWithDetails } from '../../src/sla/report.js';
import { periodEdges } from '../../src/time/period.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TREES = [
  'examples/acme-northwind',
  'examples/portfolio/contoso-fabrikam',
  'examples/portfolio/globex-initech',
  'test/fixtures/sla/lite',
  'test/fixtures/sla/other',
];
const indexes = TREES.flatMap((t) => loadWorkspaceFromDisk([t], ROOT).partnerships.map((p) => new PartnershipIndex(p)));
const PERIODS = ['2026', '2026-Q2', '2026-Q3', '2026-Q4', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2025-Q4'];

/** The report's incidents the way each judged month was measured on its own: the period's, opened in a month with measurements. */
function judgedIncidents(input: SlaReportInput) {
  const months = monthsOf(input.period)
    .filter((m) => input.measurements.some((f) => periodContains(f.period, m)))
    .map((m) => periodEdges(m, input.timezone));
  return computeIncidentDetails(input).filter((d) => {
    const at = parseInstant(d.opened)!;
    return months.some((b) => b.start <= at && at < b.end);
  });
}

const input = fc
  .record({
    tree: fc.integer({ min: 0, max: indexes.length - 1 }),
    period: fc.constantFrom(...PERIODS),
    now: fc.date({ min: new Date('2026-06-01T00:00:00Z'), max: new Date('2027-02-01T00:00:00Z'), noInvalidDate: true }),
    // Files left out (months without measurements) and incidents moved to another file (opened outside it).
    dropped: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    moves: fc.array(fc.nat(), { maxLength: 40 }),
  })
  .map(({ tree, period, now, dropped, moves }): SlaReportInput => {
    const base = buildSlaInput(indexes[tree]!, { period: parsePeriod(period)!, now: now.getTime() });
    const files = base.measurements.map((m) => ({ period: m.period, data: { ...m.data, incidents: [...(m.data.incidents ?? [])] } as MeasurementsFile }));
    const all = files.flatMap((f) => f.data.incidents!.map((incident) => ({ incident, from: f })));
    for (const f of files) f.data.incidents = [];
    all.forEach(({ incident, from }, i) => {
      const to = moves[i] === undefined ? from : files[moves[i]! % files.length]!;
      to.data.incidents!.push(incident);
    });
    return { ...base, measurements: files.filter((_, i) => !dropped[i % dropped.length]) };
  });

describe('computeSlaReportWithDetails', () => {
  it('gives the report and the period incidents as computed apart, each incident measured once', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { report, details } = computeSlaReportWithDetails(i);
        expect(details).toEqual(computeIncidentDetails(i));
        expect(computeSlaReport(i)).toEqual(report);
        // The availability and credits alone, no incident measured: the report's, line by line.
        expect(computeAvailabilityReport(i)).toEqual(report.services.map(({ priorities: _p, ...rest }) => rest));
        // Each month's lines, given with the period's, are that month's own.
        const { months } = computeSlaReportWithDetails(i);
        expect([...months.keys()]).toEqual(monthsOf(i.period).map((m) => m.label));
        for (const m of monthsOf(i.period)) expect(months.get(m.label)).toEqual(computeAvailabilityReport({ ...i, period: m }));
        const judged = judgedIncidents(i);
        for (const s of report.services) {
          for (const p of s.priorities) {
            const mine = judged.filter((d) => d.service === s.service && d.priority === p.priority);
            expect(p.incidents).toBe(mine.length);
            expect(p.met).toBe(mine.filter((d) => d.status === 'met').length);
            expect(p.breached).toEqual(mine.filter((d) => d.status === 'breached').map((d) => d.id));
            expect(p.open).toEqual(mine.filter((d) => d.status === 'open').map((d) => d.id));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds incidents in the examples (the property above is not empty)', () => {
    const i = buildSlaInput(indexes[0]!, { period: parsePeriod('2026-Q3')!, now: Date.parse('2026-11-15T00:00:00Z') });
    expect(computeSlaReportWithDetails(i).details.length).toBeGreaterThan(3);
  });
});

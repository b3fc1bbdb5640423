import { describe, expect, it } from 'vitest';
import { objectivesKpiNeverMeasured as rule } from '../../src/rules/objectives-kpi-never-measured.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const OBJECTIVES = `objectives:
  - id: happy-users
    kpis:
      - { id: csat, source: measured }
      - { id: uptime, source: sla:hosting.availability }
`;
const at = (line: number) => ({ ruleId: 'objectives/kpi-never-measured', file: 'objectives.yaml', line, severity: 'warning' });
const run = (files: Record<string, string>) => only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'objectives.yaml': OBJECTIVES, ...files }, { rule }));

describe('objectives/kpi-never-measured', () => {
  it.each([
    { name: 'no measurement files', files: {}, expected: [at(4)] },
    { name: 'measurements of other KPIs only', files: { 'measurements/2026-10.yaml': 'period: 2026-10\nkpis:\n  - { kpi: nps, value: 30 }\n' }, expected: [at(4)] },
    {
      name: 'a value in one of several files',
      files: { 'measurements/2026-09.yaml': 'period: 2026-09\n', 'measurements/2026-10.yaml': 'period: 2026-10\nkpis:\n  - { kpi: csat, value: 4.4 }\n' },
      expected: [],
    },
    { name: 'a measurement file that does not parse', files: { 'measurements/2026-10.yaml': 'kpis: [\n' }, expected: [] },
  ])('$name', ({ files, expected }) => {
    expect(brief(run(files))).toEqual(expected);
  });

  it('says where to put the value', () => {
    const [finding] = run({});
    expect(finding!.message).toBe(
      'KPI `csat` is `measured` but no measurement file gives it a value: add `- { kpi: csat, value: … }` under `kpis` in measurements/<period>.yaml',
    );
  });
});

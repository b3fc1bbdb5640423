import { describe, expect, it } from 'vitest';
import { objectivesNoKpis as rule } from '../../src/rules/objectives-no-kpis.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const at = (line: number) => ({ ruleId: 'objectives/no-kpis', file: 'objectives.yaml', line, severity: 'warning' });
const run = (objectives: string) => only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'objectives.yaml': objectives }, { rule }));

describe('objectives/no-kpis', () => {
  it.each([
    { name: 'no kpis key', objectives: 'objectives:\n  - id: fewer-outages\n    title: Cut downtime\n', expected: [at(2)] },
    { name: 'an empty list', objectives: 'objectives:\n  - id: fewer-outages\n    title: Cut downtime\n    kpis: []\n', expected: [at(4)] },
    { name: 'one KPI', objectives: 'objectives:\n  - id: fewer-outages\n    kpis:\n      - { id: csat, source: measured }\n', expected: [] },
  ])('$name', ({ objectives, expected }) => {
    expect(brief(run(objectives))).toEqual(expected);
  });

  it('names the objective', () => {
    const [finding] = run('objectives:\n  - id: fewer-outages\n');
    expect(finding!.message).toBe('objective `fewer-outages` has no KPIs, so nobody can tell whether it is met: add at least one under `kpis`');
  });
});

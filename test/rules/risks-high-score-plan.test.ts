import { describe, expect, it } from 'vitest';
import { risksHighScorePlan } from '../../src/rules/risks-high-score-plan.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const risk = (fields: string) => `risks:\n  - id: key-person\n    title: Single engineer knows the legacy ERP\n${fields}`;

const run = (fields: string) => only('risks/high-score-plan', checkFiles({ 'partnership.yaml': PARTNERSHIP, 'risks.yaml': risk(fields) }, { rule: risksHighScorePlan }));

describe('risks/high-score-plan', () => {
  it.each([
    { name: 'score 16 with both plans', fields: '    likelihood: 4\n    impact: 4\n    mitigation: Pair\n    contingency: Vendor\n', lines: [] },
    { name: 'score 12 without plans', fields: '    likelihood: 3\n    impact: 4\n', lines: [] },
    { name: 'score 15 without a contingency', fields: '    likelihood: 3\n    impact: 5\n    mitigation: Pair\n', lines: [2] },
    { name: 'score 25 without either', fields: '    likelihood: 5\n    impact: 5\n', lines: [2] },
    { name: 'score 20 with an empty mitigation', fields: '    likelihood: 4\n    impact: 5\n    mitigation: ""\n    contingency: Vendor\n', lines: [2] },
  ])('$name', ({ fields, lines }) => {
    expect(brief(run(fields))).toEqual(lines.map((line) => ({ ruleId: 'risks/high-score-plan', file: 'risks.yaml', line, severity: 'error' })));
  });

  it('names the score and what is missing', () => {
    expect(run('    likelihood: 3\n    impact: 5\n    mitigation: Pair\n')[0]?.message).toBe(
      'risk `key-person` scores 15 (likelihood 3 × impact 5) but has no `contingency`: a risk scoring 15 or more needs both a mitigation and a contingency',
    );
    expect(run('    likelihood: 5\n    impact: 5\n')[0]?.message).toContain('has no `mitigation` or `contingency`');
  });
});

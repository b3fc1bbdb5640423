import { describe, expect, it } from 'vitest';
import { raciResponsibleMissing } from '../../src/rules/raci-responsible-missing.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const activity = (responsible: string | undefined) =>
  `activities:\n  - id: patching\n    accountable: provider-sdm\n${responsible === undefined ? '' : `    responsible: ${responsible}\n`}`;

const run = (responsible: string | undefined) =>
  only('raci/responsible-missing', checkFiles({ 'partnership.yaml': PARTNERSHIP, 'raci.yaml': activity(responsible) }, { rule: raciResponsibleMissing }));

describe('raci/responsible-missing', () => {
  it.each([
    { name: 'one responsible role', responsible: '[provider-ops]', lines: [] },
    { name: 'two responsible roles', responsible: '[provider-ops, client-it-lead]', lines: [] },
    { name: 'an empty list', responsible: '[]', lines: [4] },
    { name: 'no responsible at all', responsible: undefined, lines: [2] },
    { name: 'a bare string (the schema reports it)', responsible: 'provider-ops', lines: [] },
  ])('$name', ({ responsible, lines }) => {
    expect(brief(run(responsible))).toEqual(lines.map((line) => ({ ruleId: 'raci/responsible-missing', file: 'raci.yaml', line, severity: 'error' })));
  });

  it('names the activity', () => {
    const [finding] = run('[]');
    expect(finding?.message).toBe('activity `patching` has no responsible role: list at least one role that does the work in `responsible`');
  });
});

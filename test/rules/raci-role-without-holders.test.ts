import { describe, expect, it } from 'vitest';
import { raciRoleWithoutHolders } from '../../src/rules/raci-role-without-holders.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const run = (raci: string) => only('raci/role-without-holders', checkFiles({ 'partnership.yaml': PARTNERSHIP, 'raci.yaml': raci }, { rule: raciRoleWithoutHolders }));

describe('raci/role-without-holders', () => {
  it.each([
    { name: 'a role with a holder', raci: 'roles:\n  - id: provider-sdm\n    holders: [bob-smith]\n', lines: [] },
    { name: 'an empty holders list', raci: 'roles:\n  - id: provider-sdm\n    holders: []\n', lines: [3] },
    { name: 'no holders field', raci: 'roles:\n  - id: provider-sdm\n    party: provider\n', lines: [2] },
  ])('$name', ({ raci, lines }) => {
    expect(brief(run(raci))).toEqual(lines.map((line) => ({ ruleId: 'raci/role-without-holders', file: 'raci.yaml', line, severity: 'warning' })));
  });

  it('names the role', () => {
    const [finding] = run('roles:\n  - id: provider-sdm\n    holders: []\n');
    expect(finding?.message).toBe('role `provider-sdm` has no holders: list the contacts who fill it in `holders`');
  });
});

import { describe, expect, it } from 'vitest';
import { raciAccountableCount } from '../../src/rules/raci-accountable-count.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const activity = (accountable: string | undefined) =>
  `activities:\n  - id: patching\n    responsible: [provider-ops]\n${accountable === undefined ? '' : `    accountable: ${accountable}\n`}`;

const run = (accountable: string | undefined) =>
  only('raci/accountable-count', checkFiles({ 'partnership.yaml': PARTNERSHIP, 'raci.yaml': activity(accountable) }, { rule: raciAccountableCount }));

describe('raci/accountable-count', () => {
  it.each([
    { name: 'one role', accountable: 'provider-sdm', lines: [] },
    { name: 'a list of one role', accountable: '[provider-sdm]', lines: [] },
    { name: 'a list of two roles', accountable: '[client-it-lead, provider-sdm]', lines: [4] },
    { name: 'an empty list', accountable: '[]', lines: [4] },
    { name: 'no accountable at all', accountable: undefined, lines: [2] },
  ])('$name', ({ accountable, lines }) => {
    expect(brief(run(accountable))).toEqual(lines.map((line) => ({ ruleId: 'raci/accountable-count', file: 'raci.yaml', line, severity: 'error' })));
  });

  it('explains the classic mistake of a list of two', () => {
    const [finding] = run('[client-it-lead, provider-sdm]');
    expect(finding?.message).toBe('`accountable` must name exactly one role, but lists 2: client-it-lead, provider-sdm');
  });

  it('names an activity without an accountable role', () => {
    const [finding] = run(undefined);
    expect(finding?.message).toBe('activity `patching` has no accountable role: name exactly one in `accountable`');
  });
});

import { describe, expect, it } from 'vitest';
import { escalationAfterOrder as rule } from '../../src/rules/escalation-after-order.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const escalation = (afters: string[]) => `paths:
  - id: main
    levels:
${afters.map((after, i) => `      - { after: ${after}, contacts: [c${i}] }\n`).join('')}`;
const at = (line: number) => ({ ruleId: 'escalation/after-order', file: 'escalation.yaml', line, severity: 'error' });
const run = (afters: string[]) => only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'escalation.yaml': escalation(afters) }, { rule }));

describe('escalation/after-order', () => {
  it.each([
    { name: 'a level earlier than the one before', afters: ['0m', '2h', '30m'], expected: [at(6)] },
    { name: 'two levels at the same time', afters: ['0m', '30m', '30m'], expected: [at(6)] },
    { name: 'units compared as minutes', afters: ['0m', 'PT1H', '60m', '2h'], expected: [at(6)] },
    { name: 'only the first disorder of a path', afters: ['1h', '30m', '10m'], expected: [at(5)] },
    { name: 'strictly increasing', afters: ['0m', '30m', '2h', '1d'], expected: [] },
    { name: 'a malformed after is skipped', afters: ['0m', 'later', '30m'], expected: [] },
  ])('$name', ({ afters, expected }) => {
    expect(brief(run(afters))).toEqual(expected);
  });

  it('names both levels and points at the earlier one', () => {
    const [finding] = run(['0m', '2h', '30m']);
    expect(finding!.message).toBe('level 3 of path `main` is called after 30m, not later than level 2 (after 2h): each level must be called later than the one before');
    expect(finding!.related?.[0]).toMatchObject({ range: { start: { line: 5 } } });
  });
});

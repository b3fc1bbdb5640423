import { describe, expect, it } from 'vitest';
import { slaServiceWithoutPriorities as rule } from '../../src/rules/sla-service-without-priorities.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const at = (line: number) => ({ ruleId: 'sla/service-without-priorities', file: 'slas.yaml', line, severity: 'warning' });

describe('sla/service-without-priorities', () => {
  it.each([
    { name: 'no priorities key', slas: 'services:\n  - id: desk\n    name: Desk\n', expected: [at(2)] },
    { name: 'an empty list', slas: 'services:\n  - id: desk\n    name: Desk\n    priorities: []\n', expected: [at(4)] },
    { name: 'one priority', slas: 'services:\n  - id: desk\n    priorities:\n      - { id: P1, response: 1h, resolution: 4h }\n', expected: [] },
  ])('$name', ({ slas, expected }) => {
    expect(brief(only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': slas }, { rule })))).toEqual(expected);
  });

  it('says what is missing', () => {
    const [finding] = only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': 'services:\n  - id: desk\n' }, { rule }));
    expect(finding!.message).toBe('service `desk` has no priorities, so it promises no response or resolution time: add at least one under `priorities`');
  });
});

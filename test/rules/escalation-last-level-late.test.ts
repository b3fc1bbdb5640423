import { describe, expect, it } from 'vitest';
import { escalationLastLevelLate as rule } from '../../src/rules/escalation-last-level-late.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const SLAS = `calendars:
  - id: business-hours
    hours: { mon-fri: "08:00-18:00" }
services:
  - id: desk
    name: Desk
    calendar: business-hours
    priorities:
      - { id: P1, calendar: 24x7, response: 15m, resolution: 4h }
      - { id: P2, response: 1h, resolution: 8h }
`;
const escalation = (priorities: string, last: string) => `paths:
  - id: main
    appliesTo: { priorities: [${priorities}] }
    levels:
      - { after: 0m, contacts: [desk] }
      - { after: ${last}, contacts: [boss] }
`;
const at = (line: number) => ({ ruleId: 'escalation/last-level-late', file: 'escalation.yaml', line, severity: 'warning' });
const run = (priorities: string, last: string) =>
  only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': SLAS, 'escalation.yaml': escalation(priorities, last) }, { rule }));

describe('escalation/last-level-late', () => {
  it.each([
    { name: 'reached exactly at the resolution target', priorities: 'P1', last: '4h', expected: [at(6)] },
    { name: 'reached after the resolution target', priorities: 'P1', last: 'PT5H', expected: [at(6)] },
    { name: 'late for one of two priorities', priorities: 'P1, P2', last: '6h', expected: [at(6)] },
    { name: 'reached before the resolution target', priorities: 'P1, P2', last: '3h59m', expected: [] },
    { name: 'a path serving no priority', priorities: 'P9', last: '1d', expected: [] },
  ])('$name', ({ priorities, last, expected }) => {
    expect(brief(run(priorities, last))).toEqual(expected);
  });

  it('names the level time and the resolution target', () => {
    const [finding] = run('P1, P2', '6h');
    expect(finding!.message).toBe(
      'the last level of path `main` is called after 6h, not before the resolution target of `P1` of `desk` (4h): by then the target is already missed; call it earlier',
    );
  });
});

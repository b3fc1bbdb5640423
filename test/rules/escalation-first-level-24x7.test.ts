import { describe, expect, it } from 'vitest';
import { escalationFirstLevel24x7 as rule } from '../../src/rules/escalation-first-level-24x7.js';
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
const escalation = (appliesTo: string, first: string) => `paths:
  - id: main
    appliesTo: ${appliesTo}
    levels:
      - { after: 0m, contacts: [desk]${first} }
      - { after: 1h, contacts: [boss], coverage: 24x7 }
`;
const at = (line: number) => ({ ruleId: 'escalation/first-level-24x7', file: 'escalation.yaml', line, severity: 'error' });
const run = (appliesTo: string, first: string) =>
  only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': SLAS, 'escalation.yaml': escalation(appliesTo, first) }, { rule }));

describe('escalation/first-level-24x7', () => {
  it.each([
    { name: 'a 24x7 priority first answered in business hours', appliesTo: '{ priorities: [P1] }', first: ', coverage: business-hours', expected: [at(5)] },
    { name: 'a path for all priorities, first level without coverage', appliesTo: '{}', first: '', expected: [at(5)] },
    { name: 'a 24x7 first level', appliesTo: '{ services: [desk] }', first: ', coverage: 24x7', expected: [] },
    { name: 'a path serving only business-hours priorities', appliesTo: '{ priorities: [P2] }', first: ', coverage: business-hours', expected: [] },
    { name: 'a path for another service', appliesTo: '{ services: [web] }', first: ', coverage: business-hours', expected: [] },
  ])('$name', ({ appliesTo, first, expected }) => {
    expect(brief(run(appliesTo, first))).toEqual(expected);
  });

  it('points at the coverage and names the priority', () => {
    const [finding] = run('{ priorities: [P1, P2] }', ', coverage: business-hours');
    expect(finding!.range.start.column).toBe(50);
    expect(finding!.message).toBe(
      'path `main` serves `P1` of `desk`, counted 24x7, but its first level is covered only on `business-hours`: set `coverage: 24x7` so that someone answers at any hour',
    );
  });
});

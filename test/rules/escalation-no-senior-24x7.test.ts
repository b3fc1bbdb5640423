import { describe, expect, it } from 'vitest';
import { escalationNoSenior24x7 as rule } from '../../src/rules/escalation-no-senior-24x7.js';
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
const escalation = (priorities: string, later: string[]) => `paths:
  - id: main
    appliesTo: { priorities: [${priorities}] }
    levels:
      - { after: 0m, contacts: [desk], coverage: 24x7 }
${later.map((coverage, i) => `      - { after: ${i + 1}h, contacts: [c${i}], coverage: ${coverage} }\n`).join('')}`;
const at = (line: number) => ({ ruleId: 'escalation/no-senior-24x7', file: 'escalation.yaml', line, severity: 'warning' });
const run = (priorities: string, later: string[]) =>
  only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': SLAS, 'escalation.yaml': escalation(priorities, later) }, { rule }));

describe('escalation/no-senior-24x7', () => {
  it.each([
    { name: 'only business-hours levels after the desk', priorities: 'P1', later: ['business-hours', 'business-hours'], expected: [at(4)] },
    { name: 'a single level', priorities: 'P1', later: [], expected: [at(4)] },
    { name: 'a senior level covered 24x7', priorities: 'P1, P2', later: ['business-hours', '24x7'], expected: [] },
    { name: 'a path serving only business-hours priorities', priorities: 'P2', later: ['business-hours'], expected: [] },
  ])('$name', ({ priorities, later, expected }) => {
    expect(brief(run(priorities, later))).toEqual(expected);
  });

  it('explains who is missing', () => {
    const [finding] = run('P1', ['business-hours']);
    expect(finding!.message).toBe(
      'path `main` serves `P1` of `desk`, counted 24x7, but no level after the first is covered 24x7: at 3 a.m. nobody senior can be reached; cover a later level `24x7`',
    );
  });
});

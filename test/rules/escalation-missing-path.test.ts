import { describe, expect, it } from 'vitest';
import { escalationMissingPath as rule } from '../../src/rules/escalation-missing-path.js';
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
const escalation = (appliesTo: string) => `paths:
  - id: main
    appliesTo: ${appliesTo}
    levels:
      - { after: 0m, contacts: [desk], coverage: 24x7 }
`;
const at = (line: number) => ({ ruleId: 'escalation/missing-path', file: 'slas.yaml', line, severity: 'warning' });
const run = (files: Record<string, string>) => only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': SLAS, ...files }, { rule }));

describe('escalation/missing-path', () => {
  it.each([
    { name: 'a path for P1 only', files: { 'escalation.yaml': escalation('{ services: [desk], priorities: [P1] }') }, expected: [at(10)] },
    { name: 'a path for another service', files: { 'escalation.yaml': escalation('{ services: [web] }') }, expected: [at(9), at(10)] },
    { name: 'no escalation file at all', files: {}, expected: [at(9), at(10)] },
    { name: 'a path for every service and priority', files: { 'escalation.yaml': escalation('{ services: [], priorities: [] }') }, expected: [] },
    { name: 'a path without appliesTo', files: { 'escalation.yaml': 'paths:\n  - id: main\n' }, expected: [] },
    { name: 'an escalation file that does not parse', files: { 'escalation.yaml': 'paths: [\n' }, expected: [] },
  ])('$name', ({ files, expected }) => {
    expect(brief(run(files))).toEqual(expected);
  });

  it('says that nobody answers around the clock for a 24x7 priority', () => {
    const found = run({ 'escalation.yaml': escalation('{ priorities: [P2] }') });
    expect(found.map((f) => f.message)).toEqual([
      'priority `P1` of `desk` is counted 24x7 but no escalation path applies to it, so nobody is named to answer around the clock: add a path in escalation.yaml whose `appliesTo` covers it',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { slaDayDuration as rule } from '../../src/rules/sla-day-duration.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const slas = (desk: string, web: string) => `calendars:
  - id: business-hours
    hours: { mon-fri: "08:00-18:00" }
services:
  - id: desk
    name: Desk
    calendar: business-hours
    priorities:
      - { id: P1, calendar: 24x7, response: 15m, resolution: 2d }
      - { id: P2, ${desk} }
  - id: web
    name: Web
    calendar: 24x7
    priorities:
      - { id: P3, ${web} }
`;
const escalation = (priorities: string, after: string) => `paths:
  - id: main
    appliesTo: { services: [desk, web], priorities: [${priorities}] }
    levels:
      - { after: 0m, contacts: [a], coverage: 24x7 }
      - { after: ${after}, contacts: [b], coverage: 24x7 }
`;
const at = (file: string, line: number) => ({ ruleId: 'sla/day-duration', file, line, severity: 'error' });
const run = (files: Record<string, string>) => brief(only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, ...files }, { rule })));

describe('sla/day-duration', () => {
  it.each([
    {
      name: 'days on a business calendar inherited from the service',
      slas: slas('response: 4h, resolution: 2d', 'response: 1h, resolution: 1d'),
      expected: [at('slas.yaml', 10)],
    },
    { name: 'ISO days on a business calendar', slas: slas('response: P1D, resolution: 20h', 'response: 1h, resolution: 4h'), expected: [at('slas.yaml', 10)] },
    { name: 'days on 24x7, own or inherited', slas: slas('response: 4h, resolution: 20h', 'response: 1h, resolution: P2D'), expected: [] },
    { name: 'a business calendar that does not resolve is left to ref/unknown-calendar', slas: slas('calendar: nope, resolution: 2d', 'resolution: 4h'), expected: [] },
  ])('$name', ({ slas, expected }) => {
    expect(run({ 'slas.yaml': slas })).toEqual(expected);
  });

  it.each([
    { name: 'a path level in days serving a business-hours priority', priorities: 'P1, P2', after: '1d', expected: [at('escalation.yaml', 6)] },
    { name: 'a path level in days serving only 24x7 priorities', priorities: 'P1, P3', after: '1d', expected: [] },
    { name: 'a path level in hours', priorities: 'P2', after: '8h', expected: [] },
  ])('$name', ({ priorities, after, expected }) => {
    expect(run({ 'slas.yaml': slas('resolution: 20h', 'resolution: 4h'), 'escalation.yaml': escalation(priorities, after) })).toEqual(expected);
  });

  it('asks for hours and names the calendar', () => {
    const [finding] = only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': slas('response: 4h, resolution: 2d', 'resolution: 4h') }, { rule }));
    expect(finding!.message).toBe(
      '`resolution: 2d` of priority `P2` of `desk` counts days on the `business-hours` calendar; a day of business time means different things to different readers: write hours, e.g. `20h`',
    );
  });
});

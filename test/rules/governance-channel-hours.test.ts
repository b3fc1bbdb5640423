import { describe, expect, it } from 'vitest';
import { governanceChannelHours as rule } from '../../src/rules/governance-channel-hours.js';
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
const ESCALATION = `paths:
  - id: major
    appliesTo: { priorities: [P1] }
  - id: minor
    appliesTo: { priorities: [P2] }
`;
const governance = (hours: string, path: string) => `channels:
  - id: helpdesk
    kind: phone
    hours: ${hours}
    escalatesTo: ${path}
`;
const at = (line: number) => ({ ruleId: 'governance/channel-hours', file: 'governance.yaml', line, severity: 'warning' });
const run = (hours: string, path: string) =>
  only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': SLAS, 'escalation.yaml': ESCALATION, 'governance.yaml': governance(hours, path) }, { rule }));

describe('governance/channel-hours', () => {
  it.each([
    { name: 'business hours into a path serving a 24x7 priority', hours: 'business-hours', path: 'major', expected: [at(4)] },
    { name: '24x7 into a path serving a 24x7 priority', hours: '24x7', path: 'major', expected: [] },
    { name: 'business hours into a business-hours path', hours: 'business-hours', path: 'minor', expected: [] },
    { name: 'a path that does not exist', hours: 'business-hours', path: 'nowhere', expected: [] },
  ])('$name', ({ hours, path, expected }) => {
    expect(brief(run(hours, path))).toEqual(expected);
  });

  it('explains the gap and points at the path', () => {
    const [finding] = run('business-hours', 'major');
    expect(finding!.message).toBe(
      'channel `helpdesk` is open only on `business-hours`, but it escalates to path `major`, which serves `P1` of `desk` around the clock: the way in is closed when the path says it is open; set `hours: 24x7` or use another channel',
    );
    expect(finding!.related?.[0]).toMatchObject({ file: 'escalation.yaml', range: { start: { line: 2 } } });
  });
});

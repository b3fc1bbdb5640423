import { describe, expect, it } from 'vitest';
import { governanceMeetingDay as rule } from '../../src/rules/governance-meeting-day.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const governance = (cadence: string, day: string) => `meetings:
  - id: review
    cadence: ${cadence}
    day: ${day}
`;
const at = (line: number) => ({ ruleId: 'governance/meeting-day', file: 'governance.yaml', line, severity: 'error' });
const run = (cadence: string, day: string) => only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'governance.yaml': governance(cadence, day) }, { rule }));

describe('governance/meeting-day', () => {
  it.each([
    { cadence: 'weekly', day: 'first-tue', expected: [at(4)] },
    { cadence: 'biweekly', day: 'last-fri', expected: [at(4)] },
    { cadence: 'monthly', day: 'first-tue', expected: [] },
    { cadence: 'quarterly', day: 'last-fri', expected: [] },
    { cadence: 'yearly', day: 'first-mon', expected: [] },
    { cadence: 'weekly', day: 'tue', expected: [] },
    { cadence: 'weekly', day: 'second-tue', expected: [] },
  ])('$cadence on $day', ({ cadence, day, expected }) => {
    expect(brief(run(cadence, day))).toEqual(expected);
  });

  it('suggests the plain weekday', () => {
    const [finding] = run('weekly', 'first-tue');
    expect(finding!.message).toBe(
      'meeting `review` is weekly, so `day: first-tue` does not say which week: `first-<day>` is for monthly and longer cadences; write `day: tue`',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { governanceNoReviewMeeting as rule } from '../../src/rules/governance-no-review-meeting.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const at = (file: string, line: number) => ({ ruleId: 'governance/no-review-meeting', file, line, severity: 'warning' });
const run = (files: Record<string, string>) => only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, ...files }, { rule }));

describe('governance/no-review-meeting', () => {
  it.each([
    {
      name: 'meetings without a cadence',
      files: { 'governance.yaml': 'channels: []\nmeetings:\n  - id: kickoff\n    name: Kick-off\n' },
      expected: [at('governance.yaml', 2)],
    },
    { name: 'governance.yaml without meetings', files: { 'governance.yaml': '# nothing yet\nchannels:\n  - id: helpdesk\n' }, expected: [at('governance.yaml', 1)] },
    { name: 'no governance.yaml', files: {}, expected: [at('partnership.yaml', 1)] },
    { name: 'a monthly review', files: { 'governance.yaml': 'meetings:\n  - id: review\n    cadence: monthly\n' }, expected: [] },
    { name: 'governance.yaml that does not parse', files: { 'governance.yaml': 'meetings: [\n' }, expected: [] },
  ])('$name', ({ files, expected }) => {
    expect(brief(run(files))).toEqual(expected);
  });

  it('says what to add', () => {
    const [finding] = run({});
    expect(finding!.message).toBe(
      'no recurring meeting reviews the partnership: add a meeting with a `cadence` (weekly, biweekly, monthly, quarterly or yearly) to governance.yaml',
    );
  });
});

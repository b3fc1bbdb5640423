import { isObject } from '../model/guards.js';
import { defineRule } from './define-rule.js';

const CADENCES = new Set(['weekly', 'biweekly', 'monthly', 'quarterly', 'yearly']);

/** The partnership has at least one recurring meeting to review it. */
export const governanceNoReviewMeeting = defineRule({
  id: 'governance/no-review-meeting',
  severity: 'warning',
  description: 'The partnership has at least one recurring review meeting.',
  run(context) {
    const p = context.partnership;
    const governance = p.file('governance');
    if (governance && !governance.ok) return;
    if (p.meetings.some((m) => typeof m.value.cadence === 'string' && CADENCES.has(m.value.cadence))) return;
    const message = 'no recurring meeting reviews the partnership: add a meeting with a `cadence` (weekly, biweekly, monthly, quarterly or yearly) to governance.yaml';
    if (governance) {
      const data = p.dataOf<Record<string, unknown>>('governance');
      const hasMeetings = isObject(data) && data.meetings !== undefined;
      context.report({
        file: governance,
        path: hasMeetings ? ['meetings'] : [],
        ...(hasMeetings ? { at: 'key' as const } : {}),
        message,
        data: { meetings: p.meetings.length },
      });
      return;
    }
    const partnership = p.file('partnership');
    if (partnership) context.report({ file: partnership, path: [], message, data: { meetings: 0 } });
  },
});

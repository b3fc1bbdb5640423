import { isString } from '../model/guards.js';
import { defineRule } from './define-rule.js';

// The schema rejects any other form of `day`; this rule only judges forms it accepts.
const DAY = /^(first|last)-(mon|tue|wed|thu|fri|sat|sun)$/;
const SHORT_CADENCES = new Set(['weekly', 'biweekly']);

/** `first-<day>` and `last-<day>` are only used for meetings held monthly or less often. */
export const governanceMeetingDay = defineRule({
  id: 'governance/meeting-day',
  severity: 'error',
  description: '`first-<day>` and `last-<day>` are only used for monthly, quarterly and yearly meetings.',
  run(context) {
    for (const meeting of context.partnership.meetings) {
      const { day, cadence } = meeting.value;
      if (!isString(day) || !isString(cadence) || !SHORT_CADENCES.has(cadence)) continue;
      const match = DAY.exec(day);
      if (!match) continue;
      context.report({
        file: meeting.file,
        path: [...meeting.path, 'day'],
        message: `meeting \`${String(meeting.value.id)}\` is ${cadence}, so \`day: ${day}\` does not say which week: \`${match[1]!}-<day>\` is for monthly and longer cadences; write \`day: ${match[2]!}\``,
        data: { meeting: meeting.value.id, cadence, day, suggestion: match[2] },
      });
    }
  },
});

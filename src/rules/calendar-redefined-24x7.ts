import { isObject } from '../model/guards.js';
import { ALWAYS } from '../model/partnership-index.js';
import { defineRule } from './define-rule.js';

const REDEFINING = ['hours', 'holidays', 'timezone'] as const;

/** The built-in 24x7 calendar may be listed but not redefined. */
export const calendarRedefined24x7 = defineRule({
  id: 'calendar/redefined-24x7',
  severity: 'error',
  description: 'The built-in `24x7` calendar is never redefined with hours, holidays or a time zone.',
  run(context) {
    for (const calendar of context.partnership.calendars) {
      if (calendar.value.id !== ALWAYS || !isObject(calendar.value)) continue;
      const keys = REDEFINING.filter((k) => calendar.value[k] !== undefined);
      const first = keys[0];
      if (!first) continue;
      context.report({
        file: calendar.file,
        path: [...calendar.path, first],
        at: 'key',
        message: `\`24x7\` is built in and always open, so it cannot be given ${keys.map((k) => `\`${k}\``).join(', ')}: remove ${keys.length > 1 ? 'them' : 'it'}, or give this calendar another id`,
        data: { calendar: ALWAYS, keys },
      });
    }
  },
});

import { isObject } from '../model/guards.js';
import { validateCalendarHours } from '../sla/calendar.js';
import { defineRule } from './define-rule.js';

// What the schema already reports (a day key it does not know, a value that is not "HH:MM-HH:MM"):
// left to it, so one mistake makes one finding.
const DAY_KEY = /^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?$/;
const RANGE_SHAPE = /^\d{2}:\d{2}-\d{2}:\d{2}$/;

/** A calendar's opening hours can be counted: real times, each range ending after it starts, no overlaps. */
export const calendarHours = defineRule({
  id: 'calendar/hours',
  severity: 'error',
  description: 'Calendar hours are real times, each range ends after it starts ("24:00" only as an end), and no two ranges of a day overlap.',
  run: ({ partnership, report }) => {
    for (const calendar of partnership.calendars) {
      const { id, hours } = calendar.value;
      if (id === '24x7') continue;
      if (hours === undefined) {
        report({
          file: calendar.file,
          path: [...calendar.path, 'id'],
          message: `calendar \`${String(id)}\` has no \`hours\`, so its clock never runs; add them (mon-fri: "08:00-18:00"), or use the built-in 24x7`,
        });
        continue;
      }
      if (!isObject(hours)) continue;
      for (const problem of validateCalendarHours(hours)) {
        const [key, index] = problem.path;
        if (typeof key === 'string' && !DAY_KEY.test(key)) continue;
        if (key !== undefined) {
          const value: unknown = typeof index === 'number' ? (hours[key] as unknown[])[index] : hours[key];
          if (!Array.isArray(value) && (typeof value !== 'string' || !RANGE_SHAPE.test(value))) continue;
        }
        report({
          file: calendar.file,
          path: [...calendar.path, 'hours', ...problem.path],
          message: key === undefined ? `calendar \`${String(id)}\`: ${problem.message}` : problem.message,
          data: { calendar: id, ...(key !== undefined ? { day: key } : {}) },
        });
      }
    }
  },
});

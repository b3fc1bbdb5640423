import { isObject } from '../model/guards.js';
import { ALWAYS } from '../model/partnership-index.js';
import { parseDuration } from '../sla/duration.js';
import { defineRule } from './define-rule.js';
import { calendarOf, namePriority, prioritiesServedBy, type PriorityItem } from './escalation-missing-path.js';

const WHY = 'a day of business time means different things to different readers: write hours, e.g. `20h`';

/** Durations in days are only written where a day is 24 hours: on the 24x7 calendar. */
export const slaDayDuration = defineRule({
  id: 'sla/day-duration',
  severity: 'error',
  description: 'Durations counted on a calendar other than 24x7 are written in hours, not days.',
  run(context) {
    const p = context.partnership;
    // A calendar that is not named cannot be judged; one that does not resolve is reported by ref/unknown-calendar.
    const businessCalendar = (pr: PriorityItem): string | undefined => {
      const calendar = calendarOf(pr);
      return calendar !== undefined && calendar !== ALWAYS && p.lookup('calendar', calendar) ? calendar : undefined;
    };
    for (const pr of p.priorities) {
      const calendar = businessCalendar(pr);
      if (!calendar) continue;
      for (const field of ['response', 'resolution'] as const) {
        const value = pr.value[field];
        if (!parseDuration(value)?.usesDays) continue;
        context.report({
          file: pr.file,
          path: [...pr.path, field],
          message: `\`${field}: ${String(value)}\` of priority ${namePriority(pr)} counts days on the \`${calendar}\` calendar; ${WHY}`,
          data: { service: pr.service.value.id, priority: pr.value.id, field, value, calendar },
        });
      }
    }
    for (const path of p.paths) {
      const levels = Array.isArray(path.value.levels) ? path.value.levels : [];
      const counted = prioritiesServedBy(p, path).flatMap((pr) => {
        const calendar = businessCalendar(pr);
        return calendar ? [{ pr, calendar }] : [];
      });
      if (counted.length === 0) continue;
      const calendars = [...new Set(counted.map((c) => c.calendar))];
      levels.forEach((level, i) => {
        if (!isObject(level) || !parseDuration(level.after)?.usesDays) return;
        context.report({
          file: path.file,
          path: [...path.path, 'levels', i, 'after'],
          message: `\`after: ${String(level.after)}\` counts days, but path \`${String(path.value.id)}\` serves ${counted.map((c) => namePriority(c.pr)).join(', ')}, counted on the ${calendars.map((c) => `\`${c}\``).join(', ')} calendar; ${WHY}`,
          data: { path: path.value.id, after: level.after, calendars, priorities: counted.map((c) => ({ service: c.pr.service.value.id, priority: c.pr.value.id })) },
        });
      });
    }
  },
});

import { isObject } from '../model/guards.js';
import { MAX_DURATION_MINUTES } from '../model/limits.js';
import { parseDuration } from '../sla/duration.js';
import { defineRule } from './define-rule.js';
import { namePriority } from './escalation-missing-path.js';

const LIMIT = `ten years (${MAX_DURATION_MINUTES / 60}h)`;

/** No response, resolution or escalation delay is longer than ten years: such a number is a typo, and it is not computed. */
export const slaDurationTooLong = defineRule({
  id: 'sla/duration-too-long',
  severity: 'error',
  description: 'Response and resolution times and escalation delays are at most ten years.',
  run(context) {
    const p = context.partnership;
    const tooLong = (value: unknown): boolean => (parseDuration(value)?.minutes ?? 0) > MAX_DURATION_MINUTES;
    for (const pr of p.priorities) {
      for (const field of ['response', 'resolution'] as const) {
        const value = pr.value[field];
        if (!tooLong(value)) continue;
        context.report({
          file: pr.file,
          path: [...pr.path, field],
          message: `\`${field}: ${String(value)}\` of priority ${namePriority(pr)} is longer than ${LIMIT}: write the time it really is`,
          data: { service: pr.service.value.id, priority: pr.value.id, field, value, limitMinutes: MAX_DURATION_MINUTES },
        });
      }
    }
    for (const path of p.paths) {
      const levels = Array.isArray(path.value.levels) ? path.value.levels : [];
      levels.forEach((level, i) => {
        if (!isObject(level) || !tooLong(level.after)) return;
        context.report({
          file: path.file,
          path: [...path.path, 'levels', i, 'after'],
          message: `\`after: ${String(level.after)}\` on path \`${String(path.value.id)}\` is longer than ${LIMIT}: write the time it really is`,
          data: { path: path.value.id, after: level.after, limitMinutes: MAX_DURATION_MINUTES },
        });
      });
    }
  },
});

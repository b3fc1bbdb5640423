import { isObject } from '../model/guards.js';
import { parseDuration } from '../sla/duration.js';
import { defineRule } from './define-rule.js';

/** Each escalation level is called strictly later than the one before. */
export const escalationAfterOrder = defineRule({
  id: 'escalation/after-order',
  severity: 'error',
  description: 'Escalation levels are reached one after another: `after` grows strictly from level to level.',
  run(context) {
    for (const path of context.partnership.paths) {
      const levels = Array.isArray(path.value.levels) ? path.value.levels : [];
      let previous: { minutes: number; after: string; index: number } | undefined;
      for (const [i, level] of levels.entries()) {
        if (!isObject(level)) continue;
        const after = parseDuration(level.after);
        if (!after) continue;
        if (previous && after.minutes <= previous.minutes) {
          const levelPath = [...path.path, 'levels'];
          context.report({
            file: path.file,
            path: [...levelPath, i, 'after'],
            message: `level ${i + 1} of path \`${String(path.value.id)}\` is called after ${String(level.after)}, not later than level ${previous.index + 1} (after ${previous.after}): each level must be called later than the one before`,
            data: { path: path.value.id, level: i + 1, after: level.after, previousLevel: previous.index + 1, previousAfter: previous.after },
            related: [{ file: path.file, path: [...levelPath, previous.index, 'after'], message: `level ${previous.index + 1} is called after ${previous.after}` }],
          });
          break;
        }
        previous = { minutes: after.minutes, after: String(level.after), index: i };
      }
    }
  },
});

import { isObject } from '../model/guards.js';
import { parseDuration } from '../sla/duration.js';
import { defineRule } from './define-rule.js';
import { namePriority, prioritiesServedBy } from './escalation-missing-path.js';

/** The last escalation level is reached before the resolution target runs out. */
export const escalationLastLevelLate = defineRule({
  id: 'escalation/last-level-late',
  severity: 'warning',
  description: "A path's last level is called strictly before the resolution target of the priorities it serves.",
  run(context) {
    const p = context.partnership;
    for (const path of p.paths) {
      const levels = Array.isArray(path.value.levels) ? path.value.levels : [];
      const index = levels.length - 1;
      const last = levels[index];
      if (!isObject(last)) continue;
      const after = parseDuration(last.after);
      if (!after) continue;
      const late = prioritiesServedBy(p, path).flatMap((pr) => {
        const resolution = parseDuration(pr.value.resolution);
        return resolution && after.minutes >= resolution.minutes ? [{ pr, resolution: String(pr.value.resolution) }] : [];
      });
      if (late.length === 0) continue;
      context.report({
        file: path.file,
        path: [...path.path, 'levels', index, 'after'],
        message: `the last level of path \`${String(path.value.id)}\` is called after ${String(last.after)}, not before the resolution target of ${late.map((l) => `${namePriority(l.pr)} (${l.resolution})`).join(', ')}: by then the target is already missed; call it earlier`,
        data: {
          path: path.value.id,
          after: last.after,
          priorities: late.map((l) => ({ service: l.pr.service.value.id, priority: l.pr.value.id, resolution: l.resolution })),
        },
      });
    }
  },
});

import { isObject } from '../model/guards.js';
import { ALWAYS } from '../model/partnership-index.js';
import { defineRule } from './define-rule.js';
import { isAlways, namePriority, prioritiesServedBy } from './escalation-missing-path.js';

/** A path that serves a 24x7 priority is answered around the clock from its first level. */
export const escalationFirstLevel24x7 = defineRule({
  id: 'escalation/first-level-24x7',
  severity: 'error',
  description: 'A path serving a priority counted 24x7 has a first level covered 24x7.',
  run(context) {
    const p = context.partnership;
    for (const path of p.paths) {
      const levels = Array.isArray(path.value.levels) ? path.value.levels : [];
      const first = levels[0];
      if (!isObject(first) || first.coverage === ALWAYS) continue;
      const always = prioritiesServedBy(p, path).filter(isAlways);
      if (always.length === 0) continue;
      const coverage = typeof first.coverage === 'string' ? first.coverage : undefined;
      context.report({
        file: path.file,
        path: [...path.path, 'levels', 0, ...(first.coverage !== undefined ? ['coverage'] : [])],
        message: `path \`${String(path.value.id)}\` serves ${always.map(namePriority).join(', ')}, counted 24x7, but its first level ${coverage ? `is covered only on \`${coverage}\`` : 'does not say its `coverage`'}: set \`coverage: 24x7\` so that someone answers at any hour`,
        data: { path: path.value.id, coverage: coverage ?? null, priorities: always.map((pr) => ({ service: pr.service.value.id, priority: pr.value.id })) },
      });
    }
  },
});

import { isObject } from '../model/guards.js';
import { ALWAYS } from '../model/partnership-index.js';
import { defineRule } from './define-rule.js';
import { isAlways, namePriority, prioritiesServedBy } from './escalation-missing-path.js';

/** A path that serves a 24x7 priority has someone beyond the first level answering around the clock. */
export const escalationNoSenior24x7 = defineRule({
  id: 'escalation/no-senior-24x7',
  severity: 'warning',
  description: 'A path serving a priority counted 24x7 has a level after the first also covered 24x7.',
  run(context) {
    const p = context.partnership;
    for (const path of p.paths) {
      if (!Array.isArray(path.value.levels) || path.value.levels.length === 0) continue;
      const levels = path.value.levels;
      if (levels.slice(1).some((level) => isObject(level) && level.coverage === ALWAYS)) continue;
      const always = prioritiesServedBy(p, path).filter(isAlways);
      if (always.length === 0) continue;
      context.report({
        file: path.file,
        path: [...path.path, 'levels'],
        at: 'key',
        message: `path \`${String(path.value.id)}\` serves ${always.map(namePriority).join(', ')}, counted 24x7, but no level after the first is covered 24x7: at 3 a.m. nobody senior can be reached; cover a later level \`24x7\``,
        data: { path: path.value.id, priorities: always.map((pr) => ({ service: pr.service.value.id, priority: pr.value.id })) },
      });
    }
  },
});

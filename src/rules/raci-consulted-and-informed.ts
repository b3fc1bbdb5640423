import { isString, stringsOf } from '../model/guards.js';
import { defineRule } from './define-rule.js';

/** A role both consulted and informed on one activity: consulting someone already informs them. */
export const raciConsultedAndInformed = defineRule({
  id: 'raci/consulted-and-informed',
  severity: 'warning',
  description: 'No role is both consulted and informed on the same activity.',
  run(context) {
    for (const activity of context.partnership.activities) {
      const consulted = new Map(stringsOf(activity.value.consulted).map((c) => [c.value, c.index] as const));
      const name = isString(activity.value.id) ? ` on activity \`${activity.value.id}\`` : '';
      for (const { value: role, index } of stringsOf(activity.value.informed)) {
        const at = consulted.get(role);
        if (at === undefined) continue;
        context.report({
          file: activity.file,
          path: [...activity.path, 'informed', index],
          message: `role \`${role}\` is both consulted and informed${name}: a consulted role is informed anyway, so remove it from \`informed\``,
          data: { activity: activity.value.id, role },
          related: [{ file: activity.file, path: [...activity.path, 'consulted', at], message: `\`${role}\` is consulted here` }],
        });
      }
    }
  },
});

import { isString } from '../model/guards.js';
import { defineRule } from './define-rule.js';

/** Exactly one role is accountable for each activity. */
export const raciAccountableCount = defineRule({
  id: 'raci/accountable-count',
  severity: 'error',
  description: 'Each activity has exactly one accountable role.',
  run(context) {
    for (const activity of context.partnership.activities) {
      const { accountable, id } = activity.value;
      const name = isString(id) ? `activity \`${id}\`` : 'this activity';
      const path = [...activity.path, 'accountable'];
      if (accountable === undefined || accountable === null || accountable === '') {
        context.report({
          file: activity.file,
          path,
          message: `${name} has no accountable role: name exactly one in \`accountable\``,
          data: { activity: id, count: 0 },
        });
        continue;
      }
      // A single id, or a list of one, is fine; other types are the schema's to report.
      if (!Array.isArray(accountable) || accountable.length === 1) continue;
      const roles = accountable.filter(isString);
      context.report({
        file: activity.file,
        path,
        message:
          accountable.length === 0
            ? `\`accountable\` must name exactly one role, but the list is empty`
            : `\`accountable\` must name exactly one role, but lists ${accountable.length}: ${roles.join(', ')}`,
        data: { activity: id, count: accountable.length, roles },
      });
    }
  },
});

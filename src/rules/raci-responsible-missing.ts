import { isString } from '../model/guards.js';
import { defineRule } from './define-rule.js';

/** Somebody does the work of each activity. */
export const raciResponsibleMissing = defineRule({
  id: 'raci/responsible-missing',
  severity: 'error',
  description: 'Each activity has at least one responsible role.',
  run(context) {
    for (const activity of context.partnership.activities) {
      const { responsible, id } = activity.value;
      const empty = responsible === undefined || responsible === null || (Array.isArray(responsible) && responsible.length === 0);
      // Another type (a bare string) is the schema's to report.
      if (!empty) continue;
      const name = isString(id) ? `activity \`${id}\`` : 'this activity';
      context.report({
        file: activity.file,
        path: [...activity.path, 'responsible'],
        message: `${name} has no responsible role: list at least one role that does the work in \`responsible\``,
        data: { activity: id },
      });
    }
  },
});

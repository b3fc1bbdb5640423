import { isString } from '../model/guards.js';
import { defineRule } from './define-rule.js';

/** An open review action is not past its due date. */
export const reviewsOverdueAction = defineRule({
  id: 'reviews/overdue-action',
  severity: 'warning',
  description: 'An open action from a review is not past its `due` date.',
  run(context) {
    for (const action of context.partnership.actions) {
      const { status, due } = action.value;
      // An action without a status is still to do.
      if ((status !== undefined && status !== 'open') || !isString(due) || !/^\d{4}-\d{2}-\d{2}$/.test(due)) continue;
      if (due >= context.today) continue;
      context.report({
        file: action.file,
        path: [...action.path, 'due'],
        message: `${isString(action.value.id) ? `action \`${action.value.id}\`` : 'an action'}${isString(action.value.owner) ? ` (owner \`${action.value.owner}\`)` : ''} was due on ${due} and is still open: mark it \`done\` or \`dropped\`, or agree a new \`due\` date`,
        data: { action: action.value.id ?? null, due, today: context.today, owner: action.value.owner ?? null },
      });
    }
  },
});

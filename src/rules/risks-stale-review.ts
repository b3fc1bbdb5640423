import { isString } from '../model/guards.js';
import { isDate } from '../schema/formats.js';
import { defineRule } from './define-rule.js';

/** An open risk whose review date has passed. */
export const risksStaleReview = defineRule({
  id: 'risks/stale-review',
  severity: 'warning',
  description: 'A risk that is not closed is reviewed by its `reviewBy` date.',
  run(context) {
    for (const risk of context.partnership.risks) {
      const { reviewBy, status, id } = risk.value;
      if (status === 'closed' || !isString(reviewBy) || !isDate(reviewBy) || reviewBy >= context.today) continue;
      const name = isString(id) ? `risk \`${id}\`` : 'this risk';
      context.report({
        file: risk.file,
        path: [...risk.path, 'reviewBy'],
        message: `${name} was due for review by ${reviewBy}: review it and set the next \`reviewBy\` date, or close it`,
        data: { risk: id, reviewBy, today: context.today },
      });
    }
  },
});

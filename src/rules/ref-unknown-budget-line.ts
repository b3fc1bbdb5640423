import { defineRule } from './define-rule.js';
import { reportUnknownReferences } from './unknown-reference.js';

/** Every reference to a budget line resolves. */
export const refUnknownBudgetLine = defineRule({
  id: 'ref/unknown-budget-line',
  severity: 'error',
  description: 'Actuals name a budget line that exists in budget.yaml.',
  run: (context) => reportUnknownReferences(context, 'budget-line'),
});

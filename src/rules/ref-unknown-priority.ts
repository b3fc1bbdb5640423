import { defineRule } from './define-rule.js';
import { reportUnknownReferences } from './unknown-reference.js';

/** Every reference to a priority resolves. */
export const refUnknownPriority = defineRule({
  id: 'ref/unknown-priority',
  severity: 'error',
  description: 'References to a priority name one that is defined.',
  run: (context) => reportUnknownReferences(context, 'priority'),
});

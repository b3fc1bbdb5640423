import { defineRule } from './define-rule.js';
import { reportUnknownReferences } from './unknown-reference.js';

/** Every reference to a kpi resolves. */
export const refUnknownKpi = defineRule({
  id: 'ref/unknown-kpi',
  severity: 'error',
  description: 'References to a kpi name one that is defined.',
  run: (context) => reportUnknownReferences(context, 'kpi'),
});

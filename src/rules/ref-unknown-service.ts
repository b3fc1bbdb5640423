import { defineRule } from './define-rule.js';
import { reportUnknownReferences } from './unknown-reference.js';

/** Every reference to a service resolves. */
export const refUnknownService = defineRule({
  id: 'ref/unknown-service',
  severity: 'error',
  description: 'References to a service name one that is defined.',
  run: (context) => reportUnknownReferences(context, 'service'),
});

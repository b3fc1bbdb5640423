import { defineRule } from './define-rule.js';
import { reportUnknownReferences } from './unknown-reference.js';

/** Every reference to a role resolves. */
export const refUnknownRole = defineRule({
  id: 'ref/unknown-role',
  severity: 'error',
  description: 'References to a role name one that is defined.',
  run: (context) => reportUnknownReferences(context, 'role'),
});

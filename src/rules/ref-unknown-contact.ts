import { defineRule } from './define-rule.js';
import { reportUnknownReferences } from './unknown-reference.js';

/** Every reference to a contact resolves. */
export const refUnknownContact = defineRule({
  id: 'ref/unknown-contact',
  severity: 'error',
  description: 'References to a contact name one that is defined.',
  run: (context) => reportUnknownReferences(context, 'contact'),
});

import { defineRule } from './define-rule.js';
import { reportUnknownReferences } from './unknown-reference.js';

/** Every reference to a role or-contact resolves. */
export const refUnknownRoleOrContact = defineRule({
  id: 'ref/unknown-role-or-contact',
  severity: 'error',
  description: 'Meeting attendees name a role or a contact that exists.',
  run: (context) => reportUnknownReferences(context, 'role-or-contact'),
});

import { defineRule } from './define-rule.js';
import { reportUnknownReferences } from './unknown-reference.js';

/** Every reference to a path resolves. */
export const refUnknownPath = defineRule({
  id: 'ref/unknown-path',
  severity: 'error',
  description: 'Channels escalate to an escalation path that exists.',
  run: (context) => reportUnknownReferences(context, 'path'),
});

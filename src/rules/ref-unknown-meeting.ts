import { defineRule } from './define-rule.js';
import { reportUnknownReferences } from './unknown-reference.js';

/** Every reference to a meeting resolves. */
export const refUnknownMeeting = defineRule({
  id: 'ref/unknown-meeting',
  severity: 'error',
  description: 'References to a meeting name one that is defined.',
  run: (context) => reportUnknownReferences(context, 'meeting'),
});

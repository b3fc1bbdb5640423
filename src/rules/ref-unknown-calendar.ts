import { defineRule } from './define-rule.js';
import { reportUnknownReferences } from './unknown-reference.js';

/** Every reference to a calendar resolves. */
export const refUnknownCalendar = defineRule({
  id: 'ref/unknown-calendar',
  severity: 'error',
  description: 'References to a calendar name one that is defined.',
  run: (context) => reportUnknownReferences(context, 'calendar'),
});

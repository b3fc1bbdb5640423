import { defineRule } from './define-rule.js';
import { reportPeriodMismatch } from './measurements-period-mismatch.js';

/** A review file is named after the period it reviews. */
export const reviewsPeriodMismatch = defineRule({
  id: 'reviews/period-mismatch',
  severity: 'error',
  description: 'A review file is named after its `period` (`reviews/2026-Q3.yaml` holds `period: 2026-Q3`).',
  run: (context) => reportPeriodMismatch(context, context.partnership.reviews, 'reviews'),
});

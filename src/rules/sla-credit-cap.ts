import { arrayOf, isNumber, isObject } from '../model/guards.js';
import { defineRule } from './define-rule.js';

/** The credit cap is at least the largest tier. */
export const slaCreditCap = defineRule({
  id: 'sla/credit-cap',
  severity: 'error',
  description: 'The credit `cap` is at least the largest credit tier.',
  run(context) {
    for (const service of context.partnership.services) {
      const credits = service.value.credits;
      if (!isObject(credits) || !isNumber(credits.cap)) continue;
      let largest: { percent: number; index: number } | undefined;
      arrayOf(credits.tiers).forEach((tier, index) => {
        if (isObject(tier) && isNumber(tier.percent) && (!largest || tier.percent > largest.percent)) largest = { percent: tier.percent, index };
      });
      if (!largest || credits.cap >= largest.percent) continue;
      context.report({
        file: service.file,
        path: [...service.path, 'credits', 'cap'],
        message: `the credit cap of \`${String(service.value.id)}\` is ${credits.cap} %, below its largest tier of ${largest.percent} %: that tier could never be paid in full; raise \`cap\` to at least ${largest.percent}`,
        data: { service: service.value.id, cap: credits.cap, largest: largest.percent },
        related: [{ file: service.file, path: [...service.path, 'credits', 'tiers', largest.index, 'percent'], message: `the largest tier: ${largest.percent} %` }],
      });
    }
  },
});

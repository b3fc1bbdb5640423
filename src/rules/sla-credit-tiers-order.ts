import { arrayOf, isNumber, isObject } from '../model/guards.js';
import { defineRule } from './define-rule.js';

/** Credit tiers never give a smaller credit for a lower availability. */
export const slaCreditTiersOrder = defineRule({
  id: 'sla/credit-tiers-order',
  severity: 'error',
  description: 'Credit tiers never give a smaller credit for a lower availability.',
  run(context) {
    for (const service of context.partnership.services) {
      const credits = service.value.credits;
      if (!isObject(credits)) continue;
      const tiers = arrayOf(credits.tiers).flatMap((tier, index) =>
        isObject(tier) && isNumber(tier.below) && isNumber(tier.percent) ? [{ below: tier.below, percent: tier.percent, index }] : [],
      );
      const tiersPath = [...service.path, 'credits', 'tiers'];
      // Report the later tier of each conflicting pair, once: that is the one written against the order.
      for (const [i, later] of tiers.entries()) {
        const earlier = tiers.slice(0, i).find((t) => (t.below < later.below && t.percent < later.percent) || (later.below < t.below && later.percent < t.percent));
        if (!earlier) continue;
        const [low, high] = earlier.below < later.below ? [earlier, later] : [later, earlier];
        context.report({
          file: service.file,
          path: [...tiersPath, later.index, 'percent'],
          message: `credit tiers of \`${String(service.value.id)}\` give less for worse availability: below ${low.below} % earns ${low.percent} %, but below ${high.below} % earns ${high.percent} %; a lower availability must never earn a smaller credit`,
          data: { service: service.value.id, lower: { below: low.below, percent: low.percent }, higher: { below: high.below, percent: high.percent } },
          related: [{ file: service.file, path: [...tiersPath, earlier.index, 'percent'], message: `the tier below ${earlier.below} % earns ${earlier.percent} %` }],
        });
      }
    }
  },
});

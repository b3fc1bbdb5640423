import { isExpired, readWaiver } from '../waivers/waiver.js';
import { defineRule } from './define-rule.js';

/** A waiver past its expiry no longer covers its findings, and says so. */
export const waiversExpired = defineRule({
  id: 'waivers/expired',
  severity: 'warning',
  description: 'A waiver in `waivers.yaml` has not passed its `expires` date (an expired one no longer applies).',
  run(context) {
    for (const item of context.partnership.waivers) {
      const w = readWaiver(item);
      if (!w || !isExpired(w.waived, context.today)) continue;
      context.report({
        file: item.file,
        path: [...item.path, 'expires'],
        message: `the waiver of \`${w.rule}\` expired on ${w.waived.expires}, so its findings count again: fix them, or renew the waiver with ${w.waived.owner}'s agreement and a new \`expires\` date`,
        data: { rule: w.rule, expires: w.waived.expires, owner: w.waived.owner, today: context.today },
      });
    }
  },
});

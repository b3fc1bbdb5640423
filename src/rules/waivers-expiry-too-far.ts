import { addDaysToDate } from '../time/instant.js';
import { readWaiver } from '../waivers/waiver.js';
import { defineRule } from './define-rule.js';

/** The longest a waiver may run from today: a year, leap day included. */
export const MAX_WAIVER_DAYS = 366;

/** A waiver is for a while, not for ever. */
export const waiversExpiryTooFar = defineRule({
  id: 'waivers/expiry-too-far',
  severity: 'warning',
  description: 'A waiver expires at most 366 days after today.',
  run(context) {
    const latest = addDaysToDate(context.today, MAX_WAIVER_DAYS);
    if (!latest) return;
    for (const item of context.partnership.waivers) {
      const w = readWaiver(item);
      if (!w || w.waived.expires <= latest) continue;
      context.report({
        file: item.file,
        path: [...item.path, 'expires'],
        message: `the waiver of \`${w.rule}\` runs until ${w.waived.expires}, more than a year from today (${context.today}): a waiver is for a while, not for ever; set \`expires\` on or before ${latest}`,
        data: { rule: w.rule, expires: w.waived.expires, latest, today: context.today },
      });
    }
  },
});

import { defineRule } from './define-rule.js';
import { addDays, contractName, CONTRACT_PATHS, daysBetween, inDays, readContractTerm } from './contract-term.js';

/** How long before the last day to give notice the reminder starts. */
export const NOTICE_LEAD_DAYS = 90;

/** Names the last day to give notice while it is coming up. */
export const contractNoticeWindow = defineRule({
  id: 'contract/notice-window',
  severity: 'warning',
  description: 'Names the last day to give notice on the contract in the 90 days before it.',
  run(context) {
    const term = readContractTerm(context.partnership);
    if (!term?.notice) return;
    const { lastDay, days } = term.notice;
    const today = context.today;
    if (today < addDays(lastDay, -NOTICE_LEAD_DAYS) || today > lastDay) return;
    const left = daysBetween(today, lastDay);
    const outcome = term.auto ? `without notice it renews after ${term.end}` : `it ends on ${term.end} unless renewed`;
    context.report({
      file: term.file,
      path: CONTRACT_PATHS.noticeDays,
      message: `the last day to give notice on ${contractName(term)} is ${lastDay}, ${inDays(left)} (${days} days before its end on ${term.end}); ${outcome}`,
      data: { lastNoticeDay: lastDay, daysLeft: left, end: term.end, noticeDays: days, auto: term.auto },
    });
  },
});

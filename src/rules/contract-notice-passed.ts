import { defineRule } from './define-rule.js';
import { contractName, CONTRACT_PATHS, readContractTerm } from './contract-term.js';

/** Says that the notice period has passed while the term is still running. */
export const contractNoticePassed = defineRule({
  id: 'contract/notice-passed',
  severity: 'warning',
  description: 'Says when the last day to give notice has passed and what happens at the end of the term.',
  run(context) {
    const term = readContractTerm(context.partnership);
    if (!term?.notice) return;
    const { lastDay } = term.notice;
    const today = context.today;
    // `end` is the last day of the term, so on that day the contract still runs.
    if (today <= lastDay || today > term.end) return;
    const outcome = term.auto ? `it renews automatically after ${term.end}` : `it ends on ${term.end}`;
    context.report({
      file: term.file,
      path: CONTRACT_PATHS.noticeDays,
      message: `the notice period of ${contractName(term)} has passed (the last day to give notice was ${lastDay}): ${outcome}`,
      data: { lastNoticeDay: lastDay, end: term.end, auto: term.auto },
    });
  },
});

import { defineRule } from './define-rule.js';
import { contractName, CONTRACT_PATHS, readContractTerm } from './contract-term.js';

/** A contract that does not renew and whose end has passed. */
export const contractExpired = defineRule({
  id: 'contract/expired',
  severity: 'error',
  description: 'A contract that does not renew automatically has not passed its `end`.',
  run(context) {
    const term = readContractTerm(context.partnership);
    if (!term || term.auto || context.today <= term.end) return;
    const why = term.autoGiven ? 'it does not renew automatically' : 'it does not say it renews (`renewal.auto`)';
    context.report({
      file: term.file,
      path: CONTRACT_PATHS.end,
      message: `${contractName(term)} expired on ${term.end} and ${why}: record the new term in \`start\` and \`end\`, or end the partnership`,
      data: { end: term.end, today: context.today },
    });
  },
});

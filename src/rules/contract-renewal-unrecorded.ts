import { defineRule } from './define-rule.js';
import { contractName, CONTRACT_PATHS, readContractTerm } from './contract-term.js';

/** An automatically renewed contract whose files still show the old term. */
export const contractRenewalUnrecorded = defineRule({
  id: 'contract/renewal-unrecorded',
  severity: 'warning',
  description: 'After an automatic renewal, the renewed term is recorded in `start` and `end`.',
  run(context) {
    const term = readContractTerm(context.partnership);
    if (!term || !term.auto || context.today <= term.end) return;
    context.report({
      file: term.file,
      path: CONTRACT_PATHS.end,
      message: `${contractName(term)} ended on ${term.end} and renewed automatically: record the renewed term in \`start\` and \`end\``,
      data: { end: term.end, today: context.today },
    });
  },
});

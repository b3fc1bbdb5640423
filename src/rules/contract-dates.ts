import { isObject, isString } from '../model/guards.js';
import { isDate } from '../schema/formats.js';
import { defineRule } from './define-rule.js';
import { CONTRACT_PATHS } from './contract-term.js';

/** A contract ends after it starts. */
export const contractDates = defineRule({
  id: 'contract/dates',
  severity: 'error',
  description: 'The contract `end` is after its `start`.',
  run(context) {
    const part = context.partnership.partnership;
    const contract = part?.value.contract;
    if (!part || !isObject(contract)) return;
    const { start, end } = contract;
    // Malformed dates are reported by the schema.
    if (!isString(start) || !isString(end) || !isDate(start) || !isDate(end)) return;
    if (end > start) return;
    context.report({
      file: part.file,
      path: CONTRACT_PATHS.end,
      message:
        end === start
          ? `the contract ends on the day it starts (${end}): \`end\` must be after \`start\``
          : `the contract ends on ${end}, before it starts on ${start}: \`end\` must be after \`start\``,
      data: { start, end },
      related: [{ file: part.file, path: CONTRACT_PATHS.start, message: `the contract starts on ${start}` }],
    });
  },
});

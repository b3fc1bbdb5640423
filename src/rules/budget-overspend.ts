import { isNumber, isString } from '../model/guards.js';
import type { BudgetFile } from '../model/partnership.js';
import { BUDGET_TOLERANCE, monthsPer, overTolerance, sumByPeriod } from '../budget/budget.js';
import { defineRule } from './define-rule.js';

/** Spend over a line's own period (month, quarter, year) stays within 10 % of its amount. */
export const budgetOverspend = defineRule({
  id: 'budget/overspend',
  severity: 'warning',
  description: "Actuals summed over a budget line's period are at most 10 % over its amount.",
  run(context) {
    const p = context.partnership;
    const budget = p.dataOf<BudgetFile>('budget');
    const currency = isString(budget?.currency) ? ` ${budget.currency}` : '';
    const seen = new Set<string>();
    for (const line of p.budgetLines) {
      const { id, amount, per } = line.value;
      // A repeated line id is `id/duplicate`'s finding; its actuals count towards the first.
      if (!isString(id) || seen.has(id)) continue;
      seen.add(id);
      if (!isNumber(amount) || !isString(per) || monthsPer(per) === undefined) continue;
      for (const bucket of sumByPeriod(line, p.actuals)) {
        // sum > amount × 1.1, in whole tenths so that 10 % exactly is never "over" through rounding.
        if (!overTolerance(bucket.sum, amount, 'whole-tenths')) continue;
        const over = amount > 0 ? `, ${percentOver((bucket.sum - amount) / amount)} over` : '';
        context.report({
          file: bucket.last.file,
          path: [...bucket.last.path, 'amount'],
          message: `budget line \`${id}\` spent ${money(bucket.sum)}${currency} in ${bucket.label} against ${money(amount)}${currency} per ${per}${over}: more than ${percent(BUDGET_TOLERANCE)} over budget`,
          data: { line: id, period: bucket.label, spent: bucket.sum, amount, per, ...(amount > 0 ? { overBy: (bucket.sum - amount) / amount } : {}) },
          related: [{ file: line.file, path: [...line.path, 'amount'], message: `\`${id}\` is budgeted at ${money(amount)}${currency} per ${per}` }],
        });
      }
    }
  },
});

function money(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10} %`;
}

/** How far over, rounded up when rounding would make it read as the tolerance itself ("10 % over: more than 10 %"). */
function percentOver(fraction: number): string {
  const rounded = Math.round(fraction * 1000) / 10;
  return rounded > BUDGET_TOLERANCE * 100 ? `${rounded} %` : `${Math.ceil(fraction * 1000) / 10} %`;
}

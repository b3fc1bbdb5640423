import { isNumber, isString } from '../model/guards.js';
import type { Item } from '../model/partnership-index.js';
import type { Actual, BudgetFile, BudgetLine } from '../model/partnership.js';
import { parsePeriod, type Period } from '../model/period.js';
import { defineRule } from './define-rule.js';

/** How far actuals may go over a line's amount before a warning: 10 %. */
export const OVERSPEND_TOLERANCE = 0.1;

const MONTHS = { month: 1, quarter: 3, year: 12 } as const;

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
      if (!isNumber(amount) || !isString(per) || !(per in MONTHS)) continue;
      for (const bucket of sumByPeriod(line, p.actuals)) {
        // sum > amount × 1.1, in whole tenths so that 10 % exactly is never "over" through rounding.
        if (bucket.sum * 10 <= amount * 11) continue;
        const over = amount > 0 ? `, ${percentOver((bucket.sum - amount) / amount)} over` : '';
        context.report({
          file: bucket.last.file,
          path: [...bucket.last.path, 'amount'],
          message: `budget line \`${id}\` spent ${money(bucket.sum)}${currency} in ${bucket.label} against ${money(amount)}${currency} per ${per}${over}: more than ${percent(OVERSPEND_TOLERANCE)} over budget`,
          data: { line: id, period: bucket.label, spent: bucket.sum, amount, per, ...(amount > 0 ? { overBy: (bucket.sum - amount) / amount } : {}) },
          related: [{ file: line.file, path: [...line.path, 'amount'], message: `\`${id}\` is budgeted at ${money(amount)}${currency} per ${per}` }],
        });
      }
    }
  },
});

interface Bucket {
  label: string;
  sum: number;
  last: Item<Actual>;
}

/**
 * The actuals of one line grouped by the line's own period: a quarterly line
 * adds up its months and any whole-quarter actual. An actual for a longer
 * period than the line's (a year against a monthly line) cannot be split, so
 * it is left out.
 */
function sumByPeriod(line: Item<BudgetLine>, actuals: readonly Item<Actual>[]): Bucket[] {
  const per = line.value.per as keyof typeof MONTHS;
  const buckets = new Map<string, Bucket>();
  for (const actual of actuals) {
    const { amount } = actual.value;
    const period = parsePeriod(actual.value.period);
    if (actual.value.line !== line.value.id || !isNumber(amount) || !period || period.months > MONTHS[per]) continue;
    const label = labelOf(period, per);
    const bucket = buckets.get(label);
    if (bucket) {
      bucket.sum += amount;
      bucket.last = actual;
    } else {
      buckets.set(label, { label, sum: amount, last: actual });
    }
  }
  return [...buckets.values()];
}

/** The label of the month, quarter or year that holds a period. */
function labelOf(period: Period, per: keyof typeof MONTHS): string {
  if (per === 'year') return String(period.year);
  if (per === 'quarter') return `${period.year}-Q${Math.ceil(period.firstMonth / 3)}`;
  return period.label;
}

function money(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10} %`;
}

/** How far over, rounded up when rounding would make it read as the tolerance itself ("10 % over: more than 10 %"). */
function percentOver(fraction: number): string {
  const rounded = Math.round(fraction * 1000) / 10;
  return rounded > OVERSPEND_TOLERANCE * 100 ? `${rounded} %` : `${Math.ceil(fraction * 1000) / 10} %`;
}

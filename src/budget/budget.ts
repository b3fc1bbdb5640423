import { isNumber, num, str } from '../model/guards.js';
import type { Item, PartnershipIndex } from '../model/partnership-index.js';
import type { Actual, BudgetLine } from '../model/partnership.js';
import { parsePeriod, type Period, periodContains } from '../model/period.js';

/** How many months each budget line period (`per`) holds: the one month table. */
export const PER_MONTHS: Readonly<Record<'month' | 'quarter' | 'year', number>> = { month: 1, quarter: 3, year: 12 };

/** The budget periods a line may have. */
export type Per = keyof typeof PER_MONTHS;

/** How far actuals may go over a line's amount before they count as over budget: 10 %. */
export const BUDGET_TOLERANCE = 0.1;

/**
 * Whether `spent` is more than `BUDGET_TOLERANCE` over `amount` (10 % exactly is not). Two readings are
 * kept, as they were before this function (docs/format.md, "Budget"): `whole-tenths` (the
 * `budget/overspend` rule) compares `spent × 10 > amount × 11`; `product` (the review pack's red) compares
 * `spent > amount × 1.1`. They differ only where binary fractions round differently at exactly 10 %.
 */
export function overTolerance(spent: number, amount: number, reading: 'whole-tenths' | 'product'): boolean {
  if (reading === 'whole-tenths') return spent * 10 > amount * (10 + BUDGET_TOLERANCE * 10);
  return spent > amount * (1 + BUDGET_TOLERANCE);
}

/** The months of a `per`, or undefined for a value the schema does not allow. */
export function monthsPer(per: unknown): number | undefined {
  return typeof per === 'string' && Object.hasOwn(PER_MONTHS, per) ? PER_MONTHS[per as Per] : undefined;
}

/** The actuals of one line summed over one of the line's own periods. */
export interface Bucket {
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
export function sumByPeriod(line: Item<BudgetLine>, actuals: readonly Item<Actual>[]): Bucket[] {
  const per = line.value.per as Per;
  const buckets = new Map<string, Bucket>();
  for (const actual of actuals) {
    const { amount } = actual.value;
    const period = parsePeriod(actual.value.period);
    if (actual.value.line !== line.value.id || !isNumber(amount) || !period || period.months > PER_MONTHS[per]) continue;
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
function labelOf(period: Period, per: Per): string {
  if (per === 'year') return String(period.year);
  if (per === 'quarter') return `${period.year}-Q${Math.ceil(period.firstMonth / 3)}`;
  return period.label;
}

/** One budget line against its actuals over a review period. */
export interface BudgetRow {
  id: string;
  name: string;
  per: string;
  /** The period the line is compared over: its own period holding the review period, or the review period. */
  window: string;
  /** True when that period runs on after the review period: the actuals are so far. */
  toDate: boolean;
  budget: number | null;
  actual: number;
  /** Actual − budget; null while a window is running and still under budget. */
  variance: number | null;
  variancePercent: number | null;
  rag: 'red' | 'amber' | 'green' | null;
  /** No actual at all in a window that has ended: shown as "nothing booked", never as within budget. */
  nothingBooked: boolean;
  booked: string[];
  /** Months (or quarters) inside the window with nothing booked. */
  notBooked: string[];
  notes: string[];
}

/**
 * Budget against actuals. A line is compared over its own period when that is
 * at least as long as the review period (a yearly licence in an October pack:
 * the year, so far), otherwise over the review period (a monthly line in a
 * quarter: three months' budget). Actuals count when their period lies inside
 * the window and starts before the review period ends. A window whose last
 * month has not ended by `today` is still running (so far), and months or
 * quarters that have not ended yet are not reported as having nothing booked.
 */
export function computeBudget(index: PartnershipIndex, period: Period, today: string): { currency: string | null; lines: BudgetRow[] } {
  const data = index.dataOf<{ currency?: unknown }>('budget');
  const actuals = index.actuals
    .map((a) => ({ value: a.value, period: parsePeriod(a.value.period) }))
    .filter((a): a is { value: Actual; period: Period } => a.period !== null);
  const periodEnd = period.year * 12 + period.firstMonth - 1 + period.months;
  // Today's month, counted like the ends above: a window or sub-period has ended when its end is at most this.
  const thisMonth = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  const lines: BudgetRow[] = index.budgetLines.map(({ value: line }) => {
    const per = str(line.per) ?? 'month';
    const lineMonths = monthsPer(per) ?? 1;
    let window: Period;
    let budget: number | null = num(line.amount);
    if (lineMonths >= period.months) {
      const firstMonth = Math.floor((period.firstMonth - 1) / lineMonths) * lineMonths + 1;
      window = lineMonths === 12 ? parsePeriod(String(period.year))! : lineMonths === 3 ? parsePeriod(`${period.year}-Q${Math.ceil(firstMonth / 3)}`)! : period;
    } else {
      window = period;
      if (budget !== null) budget = budget * (period.months / lineMonths);
    }
    const windowEnd = window.year * 12 + window.firstMonth - 1 + window.months;
    const toDate = windowEnd > periodEnd || windowEnd > thisMonth;
    const counted = actuals.filter((a) => a.value.line === line.id && periodContains(window, a.period) && a.period.year * 12 + a.period.firstMonth - 1 < periodEnd);
    const actual = Math.round(counted.reduce((sum, a) => sum + (num(a.value.amount) ?? 0), 0) * 100) / 100;
    const over = budget !== null && actual > budget;
    // Nothing booked is not "within budget": the spending may simply not be recorded yet.
    const nothingBooked = counted.length === 0 && !toDate;
    const variance = budget === null || counted.length === 0 || (toDate && !over) ? null : Math.round((actual - budget) * 100) / 100;
    const variancePercent = variance === null || budget === null || budget === 0 ? null : (variance / budget) * 100;
    const booked = [...new Set(counted.map((a) => a.period.label))].sort();
    const subPeriods =
      lineMonths < window.months
        ? subdivide(window, lineMonths).filter((p) => p.year * 12 + p.firstMonth - 1 < periodEnd && p.year * 12 + p.firstMonth - 1 + p.months <= thisMonth)
        : [];
    return {
      id: str(line.id) ?? '',
      name: str(line.name) ?? str(line.id) ?? '',
      per,
      window: window.label,
      toDate,
      budget,
      actual,
      variance,
      variancePercent,
      rag: budget === null || counted.length === 0 ? null : overTolerance(actual, budget, 'product') ? 'red' : over ? 'amber' : toDate ? null : 'green',
      nothingBooked,
      booked,
      notBooked: subPeriods.filter((p) => !counted.some((a) => periodContains(p, a.period))).map((p) => p.label),
      notes: counted.map((a) => str(a.value.note)).filter((n): n is string => n !== null),
    };
  });
  return { currency: str(data?.currency), lines };
}

function subdivide(window: Period, months: number): Period[] {
  const out: Period[] = [];
  for (let m = window.firstMonth; m < window.firstMonth + window.months; m += months) {
    const label = months === 3 ? `${window.year}-Q${Math.ceil(m / 3)}` : `${window.year}-${String(m).padStart(2, '0')}`;
    out.push(parsePeriod(label)!);
  }
  return out;
}

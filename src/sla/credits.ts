import type { Money, Service } from '../model/partnership.js';

/** A service credit owed for a month (or summed over a period). */
export interface Credit {
  /** Percent of the monthly fee (for several months: of their fees together). */
  percent: number;
  /** In the fee's currency, rounded to cents; null without a fee amount. */
  amount: number | null;
  currency: string | null;
}

/**
 * The credit for one month: among the tiers whose `below` the availability is strictly under, the largest
 * `percent`, capped at `cap`, taken of the monthly fee. No availability (no service time) earns nothing.
 */
export function computeCredit(availability: number | null, credits: Service['credits'], monthlyFee: Money | undefined): Credit {
  let percent = 0;
  if (availability !== null) {
    for (const tier of Array.isArray(credits?.tiers) ? credits.tiers : []) {
      if (typeof tier?.below === 'number' && typeof tier.percent === 'number' && availability < tier.below) {
        percent = Math.max(percent, tier.percent);
      }
    }
  }
  if (typeof credits?.cap === 'number') percent = Math.min(percent, credits.cap);
  percent = Math.max(0, percent);
  const fee = typeof monthlyFee?.amount === 'number' ? monthlyFee.amount : null;
  return {
    percent,
    amount: fee === null ? null : toCents((fee * percent) / 100),
    currency: typeof monthlyFee?.currency === 'string' ? monthlyFee.currency : null,
  };
}

/**
 * Credits over several months: each month worked out on its own availability, amounts summed; the
 * percent is the total as a share of the months' fees together (the mean of the monthly percents).
 */
export function computePeriodCredit(
  monthlyAvailability: readonly (number | null)[],
  credits: Service['credits'],
  monthlyFee: Money | undefined,
): Credit & { months: Credit[] } {
  const months = monthlyAvailability.map((a) => computeCredit(a, credits, monthlyFee));
  const percentSum = months.reduce((sum, m) => sum + m.percent, 0);
  const fee = typeof monthlyFee?.amount === 'number' ? monthlyFee.amount : null;
  return {
    percent: months.length === 0 ? 0 : percentSum / months.length,
    amount: fee === null ? null : toCents(months.reduce((sum, m) => sum + (m.amount ?? 0), 0)),
    currency: typeof monthlyFee?.currency === 'string' ? monthlyFee.currency : null,
    months,
  };
}

// Rounds half away from zero at the cent, nudged so that 1.005 (stored as 1.00499…) still goes up.
function toCents(value: number): number {
  return Math.round((value + Math.sign(value) * Number.EPSILON * Math.abs(value)) * 100) / 100;
}

/**
 * The credits owed over a period's services, totalled once per currency (sorted by currency, rounded to
 * cents); services owing nothing are left out, so nothing owed is an empty list.
 */
export function totalCreditsOwed(services: readonly { creditAmount: number | null; currency: string | null }[]): { amount: number; currency: string | null }[] {
  const owed = new Map<string, number>();
  for (const s of services) if (s.creditAmount !== null && s.creditAmount > 0) owed.set(s.currency ?? '', (owed.get(s.currency ?? '') ?? 0) + s.creditAmount);
  return [...owed.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, amount]) => ({ amount: Math.round(amount * 100) / 100, currency: currency === '' ? null : currency }));
}

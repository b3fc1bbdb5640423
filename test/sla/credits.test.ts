import { describe, it, expect } from 'vitest';
import { computeCredit, computePeriodCredit } from '../../src/sla/credits.js';

const credits = {
  tiers: [
    { below: 99.9, percent: 5 },
    { below: 99.5, percent: 10 },
  ],
  cap: 20,
};
const fee = { amount: 12_000, currency: 'EUR' };

describe('computeCredit', () => {
  it.each([
    // availability, percent, amount: tiers whose `below` the availability is strictly under, largest percent
    [99.95, 0, 0], //  under no tier
    [99.9, 0, 0], //   equal to 99.9 is not strictly under it
    [99.89, 5, 600], // under 99.9 only: 5 % of 12,000 = 600
    [99.5, 5, 600], // under 99.9, not strictly under 99.5
    [99.2, 10, 1_200], // under both: max(5, 10) = 10 % of 12,000 = 1,200
  ])('at %s%% availability credits %s%% = %s', (availability, percent, amount) => {
    expect(computeCredit(availability, credits, fee)).toEqual({ percent, amount, currency: 'EUR' });
  });

  it('caps the credit', () => {
    // Under 98 → 30 %, but the cap is 20 %: 20 % of 12,000 = 2,400.
    const steep = { tiers: [...credits.tiers, { below: 98, percent: 30 }], cap: 20 };
    expect(computeCredit(97, steep, fee)).toEqual({ percent: 20, amount: 2_400, currency: 'EUR' });
  });

  it('rounds to cents and copes with a missing fee or availability', () => {
    // 99.7 is under 99.9 only: 5 % of 999.99 = 49.9995 → 50.00.
    expect(computeCredit(99.7, credits, { amount: 999.99, currency: 'USD' }).amount).toBe(50);
    // 99 is under both: 10 % of 1,234.56 = 123.456 → 123.46.
    expect(computeCredit(99, credits, { amount: 1_234.56, currency: 'USD' }).amount).toBe(123.46);
    expect(computeCredit(99, credits, undefined)).toEqual({ percent: 10, amount: null, currency: null });
    expect(computeCredit(null, credits, fee)).toEqual({ percent: 0, amount: 0, currency: 'EUR' });
  });
});

describe('computePeriodCredit', () => {
  it('works credits out per month and sums them', () => {
    // Oct 99.95 → 0; Nov 99.7 → 5 % = 600; Dec 99.2 → 10 % = 1,200. Quarter: 1,800,
    // which is 1,800 / 36,000 = 5 % of the quarter's fees (the mean of 0, 5, 10).
    // The quarter's own availability (~99.62) would have earned 600 alone: months are not averaged first.
    const out = computePeriodCredit([99.95, 99.7, 99.2], credits, fee);
    expect(out).toMatchObject({ percent: 5, amount: 1_800, currency: 'EUR' });
    expect(out.months.map((m) => m.amount)).toEqual([0, 600, 1_200]);
  });
});

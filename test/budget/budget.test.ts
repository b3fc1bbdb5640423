import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUDGET_TOLERANCE, monthsPer, overTolerance, PER_MONTHS } from '../../src/budget/budget.js';

describe('the budget tolerance', () => {
  it('is 10 %', () => expect(BUDGET_TOLERANCE).toBe(0.1));

  it.each([
    // [spent, amount, whole-tenths (the rule), product (the pack)]
    [13200, 12000, false, false],
    [13201, 12000, true, true],
    [13199.99, 12000, false, false],
    [110, 100, false, false],
    [110.01, 100, true, true],
    [0, 0, false, false],
    [0.01, 0, true, true],
    // Where binary fractions split the two readings at exactly 10 % (docs/format.md, "Budget").
    [0.33, 0.3, true, false],
    [7.7, 7, false, false],
  ] as const)('%d against %d: rule %s, pack %s', (spent, amount, rule, pack) => {
    expect(overTolerance(spent, amount, 'whole-tenths')).toBe(rule);
    expect(overTolerance(spent, amount, 'product')).toBe(pack);
  });

  it('both readings agree on whole amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: -3, max: 3 }), (amount, nudge) => {
        const spent = Math.round(amount * 1.1) + nudge;
        expect(overTolerance(spent, amount, 'whole-tenths')).toBe(overTolerance(spent, amount, 'product'));
      }),
    );
  });

  it('one month table', () => {
    expect(PER_MONTHS).toEqual({ month: 1, quarter: 3, year: 12 });
    expect(monthsPer('quarter')).toBe(3);
    expect(monthsPer('week')).toBeUndefined();
    expect(monthsPer('toString')).toBeUndefined();
    expect(monthsPer(12)).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUDGET_TOLERANCE, computeBudget, monthsPer, overTolerance, PER_MONTHS } from '../../src/budget/budget.js';
import { PartnershipIndex } from '../../src/model/partnership-index.js';
import { parsePeriod } from '../../src/model/period.js';
import { memoryWorkspace, PARTNERSHIP } from '../helpers/memory.js';

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

/** One line of `amount` per `per`, written the way another author might: a comment, a block list, quoted periods. */
const indexWith = (per: string, amount: number, actuals: [string, number][]): PartnershipIndex =>
  new PartnershipIndex(
    memoryWorkspace({
      'p/partnership.yaml': PARTNERSHIP,
      'p/budget.yaml': `# Costs & "actuals"\ncurrency: EUR\nlines:\n  - id: desk\n    name: 'Service desk & on-call'\n    amount: ${amount}\n    per: ${per}\nactuals:\n${actuals.map(([p, a]) => `  - period: '${p}'\n    line: desk\n    amount: ${a}\n`).join('')}`,
    }).partnerships[0]!,
  );

describe("computeBudget (the review pack's budget lines)", () => {
  it.each([
    // [per, amount, actuals, period, rag, variance]
    ['month', 1000, [['2026-10', 1000]], '2026-10', 'green', 0],
    ['month', 1000, [['2026-10', 1000.01]], '2026-10', 'amber', 0.01],
    ['month', 1000, [['2026-10', 1100]], '2026-10', 'amber', 100],
    ['month', 1000, [['2026-10', 1100.01]], '2026-10', 'red', 100.01],
    ['month', 0.3, [['2026-10', 0.33]], '2026-10', 'amber', 0.03],
    // A monthly line over a quarter: three months' budget.
    [
      'month',
      1000,
      [
        ['2026-07', 1100],
        ['2026-08', 1100],
        ['2026-09', 1100],
      ],
      '2026-Q3',
      'amber',
      300,
    ],
    ['month', 1000, [['2026-07', 3301]], '2026-Q3', 'red', 301],
  ] as [string, number, [string, number][], string, string, number][])('%s line of %d, actuals %j over %s: %s', (per, amount, actuals, period, rag, variance) => {
    const { currency, lines } = computeBudget(indexWith(per, amount, actuals), parsePeriod(period)!, '2026-11-15');
    expect(currency).toBe('EUR');
    expect(lines[0]).toMatchObject({ id: 'desk', name: 'Service desk & on-call', rag, variance, toDate: false, nothingBooked: false });
  });

  it('a yearly line in a month is judged over the year so far, and never green while under budget', () => {
    const { lines } = computeBudget(indexWith('year', 12000, [['2026-03', 5000]]), parsePeriod('2026-10')!, '2026-11-15');
    expect(lines[0]).toMatchObject({ window: '2026', toDate: true, actual: 5000, variance: null, rag: null });
  });

  it('an ended month with nothing booked says so, never "within budget"', () => {
    const { lines } = computeBudget(indexWith('month', 1000, []), parsePeriod('2026-10')!, '2026-11-15');
    expect(lines[0]).toMatchObject({ nothingBooked: true, rag: null, variance: null, actual: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { budgetOverspend } from '../../src/rules/budget-overspend.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

/** A budget with one line of `amount` per `per`; each actual is `[period, amount]`. Actual n is on line 4 + n. */
const budget = (per: string, amount: number, actuals: [string, number][]) => `currency: EUR
lines:
  - { id: desk, name: Service desk, amount: ${amount}, per: ${per} }
actuals:
${actuals.map(([period, value]) => `  - { period: "${period}", line: desk, amount: ${value} }`).join('\n')}
`;

const run = (per: string, amount: number, actuals: [string, number][]) =>
  only('budget/overspend', checkFiles({ 'partnership.yaml': PARTNERSHIP, 'budget.yaml': budget(per, amount, actuals) }, { rule: budgetOverspend }));

describe('budget/overspend', () => {
  it.each([
    { name: 'a month within 10 %', per: 'month', amount: 12000, actuals: [['2026-10', 13200]] as [string, number][], lines: [] },
    { name: 'a month just over 10 %', per: 'month', amount: 12000, actuals: [['2026-10', 13201]] as [string, number][], lines: [5] },
    {
      name: 'a monthly line summed per month, not across months',
      per: 'month',
      amount: 12000,
      actuals: [
        ['2026-10', 8000],
        ['2026-11', 8000],
        ['2026-10', 6000],
      ] as [string, number][],
      lines: [7],
    },
    {
      name: 'a quarter: its months and a whole-quarter actual',
      per: 'quarter',
      amount: 10000,
      actuals: [
        ['2026-10', 4000],
        ['2026-Q4', 4000],
        ['2026-12', 4000],
        ['2027-01', 9000],
      ] as [string, number][],
      lines: [7],
    },
    {
      name: 'a year within budget over its quarters and months',
      per: 'year',
      amount: 9000,
      actuals: [
        ['2026-Q1', 3000],
        ['2026-07', 3000],
        ['2026', 3000],
        ['2027', 9900],
      ] as [string, number][],
      lines: [],
    },
    {
      name: 'a yearly actual against a monthly line cannot be split, so it is left out',
      per: 'month',
      amount: 1000,
      actuals: [['2026', 50000]] as [string, number][],
      lines: [],
    },
  ])('$name', ({ per, amount, actuals, lines }) => {
    expect(brief(run(per, amount, actuals))).toEqual(lines.map((line) => ({ ruleId: 'budget/overspend', file: 'budget.yaml', line, severity: 'warning' })));
  });

  it('names the period, the sum, the amount and the percentage', () => {
    const [finding] = run('quarter', 10000, [
      ['2026-10', 4000],
      ['2026-Q4', 4000],
      ['2026-12', 4000],
    ]);
    expect(finding?.message).toBe('budget line `desk` spent 12,000 EUR in 2026-Q4 against 10,000 EUR per quarter, 20 % over: more than 10 % over budget');
    expect(finding?.data).toMatchObject({ period: '2026-Q4', spent: 12000, amount: 10000 });
    expect(finding?.related?.[0]?.range.start.line).toBe(3);
  });

  it('never says a line is "10 % over: more than 10 % over budget"', () => {
    // 13,201 against 12,000 is 10.008 % over: rounded to one place that would read as 10 %.
    expect(run('month', 12000, [['2026-10', 13201]])[0]?.message).toContain(', 10.1 % over: more than 10 % over budget');
  });
});

import { describe, expect, it } from 'vitest';
import { budgetCurrency, suggestCurrency } from '../../src/rules/budget-currency.js';
import { ISO_4217 } from '../../src/rules/iso-4217.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const files = (budget: string, contract: string, fee: string) => ({
  'partnership.yaml': `${PARTNERSHIP}contract:\n  start: 2025-01-01\n  end: 2027-12-31\n  value: { amount: 480000, currency: ${contract}, per: year }\n`,
  'budget.yaml': `currency: ${budget}\nlines: []\n`,
  'slas.yaml': `services:\n  - id: desk\n    name: Service desk\n    calendar: 24x7\n    monthlyFee: { amount: 12000, currency: ${fee} }\n`,
});

const run = (budget: string, contract: string, fee: string) => checkFiles(files(budget, contract, fee), { rule: budgetCurrency });

describe('budget/currency', () => {
  it.each([
    { name: 'known codes everywhere', codes: ['EUR', 'USD', 'CHF'] as const, at: [] },
    { name: 'an unknown budget currency', codes: ['EUX', 'EUR', 'EUR'] as const, at: [{ file: 'budget.yaml', line: 1 }] },
    { name: 'an unknown contract currency', codes: ['EUR', 'GPB', 'EUR'] as const, at: [{ file: 'partnership.yaml', line: 9 }] },
    { name: 'an unknown service fee currency', codes: ['EUR', 'EUR', 'XXX'] as const, at: [{ file: 'slas.yaml', line: 5 }] },
  ])('$name', ({ codes, at }) => {
    expect(brief(only('budget/currency', run(...codes)))).toEqual(at.map(({ file, line }) => ({ ruleId: 'budget/currency', file, line, severity: 'error' })));
  });

  it('suggests a close code', () => {
    expect(only('budget/currency', run('EUX', 'EUR', 'EUR'))[0]?.message).toBe('`EUX` is not an ISO 4217 currency code; did you mean `EUR`?');
    expect(suggestCurrency('GPB')).toBe('GBP');
    expect(suggestCurrency('QQQ')).toBeUndefined();
  });

  it('leaves a code that is not three capitals to the schema, so it is reported once', () => {
    expect(run('eur', 'EUR', 'EUR').map((d) => d.ruleId)).toEqual(['schema']);
  });

  it('ships its own list of active codes', () => {
    expect(ISO_4217.has('EUR')).toBe(true);
    expect(ISO_4217.has('XCG')).toBe(true);
    expect(ISO_4217.has('XAU')).toBe(false);
    expect(ISO_4217.size).toBe(157);
  });
});

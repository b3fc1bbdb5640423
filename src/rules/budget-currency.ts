import type { YamlPath } from '../model/diagnostic.js';
import { isObject, isString } from '../model/guards.js';
import type { BudgetFile } from '../model/partnership.js';
import type { SourceFile } from '../model/source.js';
import { defineRule } from './define-rule.js';
import { ISO_4217 } from './iso-4217.js';
import { didYouMean } from '../text/suggest.js';

/** Three capital letters: anything else already has a schema finding. */
const CODE_SHAPE = /^[A-Z]{3}$/;

/** Currency codes are ISO 4217, checked against govern's own list rather than the runtime's. */
export const budgetCurrency = defineRule({
  id: 'budget/currency',
  severity: 'error',
  description: 'Currency codes (budget, contract value, service fees) are ISO 4217 codes.',
  run(context) {
    const p = context.partnership;
    const places: { file: SourceFile; path: YamlPath; value: unknown }[] = [];
    const budgetFile = p.file('budget');
    const budget = p.dataOf<BudgetFile>('budget');
    if (budgetFile && budget) places.push({ file: budgetFile, path: ['currency'], value: budget.currency });
    const part = p.partnership;
    const contract = part?.value.contract;
    if (part && isObject(contract) && isObject(contract.value)) {
      places.push({ file: part.file, path: ['contract', 'value', 'currency'], value: contract.value.currency });
    }
    for (const service of p.services) {
      const fee = service.value.monthlyFee;
      if (isObject(fee)) places.push({ file: service.file, path: [...service.path, 'monthlyFee', 'currency'], value: fee.currency });
    }
    for (const { file, path, value } of places) {
      if (!isString(value) || !CODE_SHAPE.test(value) || ISO_4217.has(value)) continue;
      const suggestion = suggestCurrency(value);
      context.report({
        file,
        path,
        message: `\`${value}\` is not an ISO 4217 currency code${suggestion ? `; did you mean \`${suggestion}\`?` : ' (such as EUR, USD or GBP)'}`,
        data: { currency: value, ...(suggestion ? { suggestion } : {}) },
      });
    }
  },
});

/** A close code: two letters swapped (`GPB` → `GBP`) first, then one letter off (`EUX` → `EUR`). */
export function suggestCurrency(code: string): string | undefined {
  for (let i = 0; i + 1 < code.length; i++) {
    const swapped = code.slice(0, i) + code.charAt(i + 1) + code.charAt(i) + code.slice(i + 2);
    if (ISO_4217.has(swapped)) return swapped;
  }
  return didYouMean(code, ISO_4217);
}

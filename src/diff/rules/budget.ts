import { isObject, isString } from '../../model/guards.js';
import { displayMoney, labelOf } from '../values.js';
import { type ChangeRule, type DiffContext, id, itemOf, money, nameOf, tightened, type Verdict, weakened } from './context.js';

/** A budget line with the file's `currency`, which its amounts are in (`12000 EUR a month`, not `12000 a month`). */
const inCurrency = (line: unknown, currency: unknown): unknown => (isObject(line) && line.currency === undefined && isString(currency) ? { ...line, currency } : line);

const budgetLineMoney = (c: DiffContext): Verdict => {
  const line = c.path.slice(0, 2);
  const inner: DiffContext = { ...c, before: inCurrency(c.atBase(line), c.atBase(['currency'])), after: inCurrency(c.atHead(line), c.atHead(['currency'])) };
  const verdict = money(inner, `Budget line ${nameOf(c, 'budget.yaml', 'lines', id(c, 0))}`);
  return verdict;
};

/** The change rules of budget files. */
export const budget: ChangeRule[] = [
  {
    pattern: 'lines.*',
    category: 'commercial',
    classify: (c) => {
      const item = itemOf(c);
      const currency = c.change === 'removed' ? c.atBase(['currency']) : c.atHead(['currency']);
      const subject = `Budget line ${labelOf(item, id(c, 0))} (${displayMoney(inCurrency(item, currency))})`;
      return c.change === 'added' ? weakened(`${subject} added`) : tightened(`${subject} removed`);
    },
  },
  { pattern: 'lines.*.amount', category: 'commercial', classify: budgetLineMoney },
  { pattern: 'lines.*.per', category: 'commercial', classify: budgetLineMoney },
];

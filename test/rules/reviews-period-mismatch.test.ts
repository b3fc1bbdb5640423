import { describe, expect, it } from 'vitest';
import { reviewsPeriodMismatch as rule } from '../../src/rules/reviews-period-mismatch.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const run = (name: string, period: string) =>
  only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, [`reviews/${name}`]: `period: ${period}\nheld: 2026-10-08\n` }, { rule }));
const at = (name: string) => [{ ruleId: 'reviews/period-mismatch', file: `reviews/${name}`, line: 1, severity: 'error' }];

describe('reviews/period-mismatch', () => {
  it.each([
    { name: '2026-Q3.yaml', period: '2026-09', expected: at('2026-Q3.yaml') },
    { name: '2026-Q3.yaml', period: '2026-Q3', expected: [] },
    { name: '2025.yaml', period: '2025', expected: [] },
  ])('$name holding period $period', ({ name, period, expected }) => {
    expect(brief(run(name, period))).toEqual(expected);
  });

  it('says how to fix it', () => {
    const [finding] = run('2026-Q3.yaml', '2026-09');
    expect(finding!.message).toBe(
      'reviews/2026-Q3.yaml says `period: 2026-09`: the file name and the period must agree; rename the file to reviews/2026-09.yaml or correct `period`',
    );
  });
});

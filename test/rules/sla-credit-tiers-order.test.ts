import { describe, expect, it } from 'vitest';
import { slaCreditTiersOrder as rule } from '../../src/rules/sla-credit-tiers-order.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const slas = (tiers: string) => `services:
  - id: hosting
    name: Hosting
    credits:
      tiers:
${tiers}      cap: 50
`;
const at = (line: number) => ({ ruleId: 'sla/credit-tiers-order', file: 'slas.yaml', line, severity: 'error' });

describe('sla/credit-tiers-order', () => {
  it.each([
    {
      name: 'a lower threshold earning less',
      tiers: '        - { below: 99.9, percent: 10 }\n        - { below: 99.5, percent: 5 }\n',
      expected: [at(7)],
    },
    {
      name: 'out of order in the file, still inconsistent',
      tiers: '        - { below: 99.0, percent: 5 }\n        - { below: 99.9, percent: 10 }\n',
      expected: [at(7)],
    },
    {
      name: 'only the tier written against the order',
      tiers: '        - { below: 99.9, percent: 5 }\n        - { below: 99.5, percent: 10 }\n        - { below: 99.0, percent: 8 }\n',
      expected: [at(8)],
    },
    {
      name: 'ascending credits for falling availability',
      tiers: '        - { below: 99.9, percent: 5 }\n        - { below: 99.5, percent: 10 }\n        - { below: 99.0, percent: 10 }\n',
      expected: [],
    },
    {
      name: 'listed from the lowest threshold up',
      tiers: '        - { below: 99.0, percent: 20 }\n        - { below: 99.9, percent: 5 }\n',
      expected: [],
    },
  ])('$name', ({ tiers, expected }) => {
    expect(brief(only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': slas(tiers) }, { rule })))).toEqual(expected);
  });

  it('names both tiers and points at the other one', () => {
    const [finding] = only(
      rule.id,
      checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': slas('        - { below: 99.9, percent: 10 }\n        - { below: 99.5, percent: 5 }\n') }, { rule }),
    );
    expect(finding!.message).toBe(
      'credit tiers of `hosting` give less for worse availability: below 99.5 % earns 5 %, but below 99.9 % earns 10 %; a lower availability must never earn a smaller credit',
    );
    expect(finding!.related?.[0]).toMatchObject({ file: 'slas.yaml', range: { start: { line: 6 } } });
  });
});

import { describe, expect, it } from 'vitest';
import { slaCreditCap as rule } from '../../src/rules/sla-credit-cap.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const slas = (cap: string) => `services:
  - id: hosting
    name: Hosting
    credits:
      tiers:
        - { below: 99.9, percent: 5 }
        - { below: 99.5, percent: 15 }
${cap}`;
const at = (line: number) => ({ ruleId: 'sla/credit-cap', file: 'slas.yaml', line, severity: 'error' });

describe('sla/credit-cap', () => {
  it.each([
    { name: 'a cap below the largest tier', cap: '      cap: 10\n', expected: [at(8)] },
    { name: 'a cap equal to the largest tier', cap: '      cap: 15\n', expected: [] },
    { name: 'a cap above the largest tier', cap: '      cap: 20\n', expected: [] },
    { name: 'no cap at all', cap: '', expected: [] },
  ])('$name', ({ cap, expected }) => {
    expect(brief(only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': slas(cap) }, { rule })))).toEqual(expected);
  });

  it('names the cap and the largest tier', () => {
    const [finding] = only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': slas('      cap: 10\n') }, { rule }));
    expect(finding!.message).toBe(
      'the credit cap of `hosting` is 10 %, below its largest tier of 15 %: that tier could never be paid in full; raise `cap` to at least 15',
    );
    expect(finding!.related?.[0]).toMatchObject({ range: { start: { line: 7 } } });
  });
});

// The review pack's actions are sorted by due date in `localeCompare`'s order;
// compareDue (src/render/review-pack/actions.ts) compares dates as the format
// writes them by code unit instead, which must be the same order in every locale.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDue } from '../../src/render/review-pack/actions.js';

const LOCALES = [undefined, 'en', 'de', 'sv', 'th', 'ja', 'ar', 'hi', 'zh'] as const;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const date = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const due = fc.oneof(date, fc.constant('9999'), fc.constantFrom('9999-12-31', '9999-01-01', '2026-10-20', '2026-10-02'));
const sign = (n: number) => Math.sign(n);

describe('compareDue', () => {
  it('orders dates and the `9999` of no date as localeCompare does, in every locale', () => {
    fc.assert(
      fc.property(due, due, (a, b) => {
        for (const locale of LOCALES) expect(sign(compareDue(a, b)), `${a} ${b} ${locale}`).toBe(sign(a.localeCompare(b, locale)));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves any other text to localeCompare', () => {
    const text = fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-zA-Z -]{0,12}$/), due);
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(sign(compareDue(a, b))).toBe(sign(a.localeCompare(b)));
      }),
      { numRuns: 3000 },
    );
    // Where code units and the collation disagree (a lower-case letter before a capital, `-` against a letter).
    expect(sign(compareDue('a', 'B'))).toBe(sign('a'.localeCompare('B')));
    expect(sign(compareDue('next week', 'Next Week'))).toBe(sign('next week'.localeCompare('Next Week')));
    expect(sign(compareDue('2026-1-5', '2026-10-1'))).toBe(sign('2026-1-5'.localeCompare('2026-10-1')));
  });
});

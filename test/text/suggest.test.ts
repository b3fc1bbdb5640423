import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/text/suggest.js';

describe('did you mean', () => {
  it.each([
    { word: '=', candidates: ['>=', '>', '<=', '<', '=='], meant: '==' },
    { word: '=>', candidates: ['>=', '>', '<=', '<', '=='], meant: '>=' },
    { word: '=<', candidates: ['>=', '>', '<=', '<', '=='], meant: '<=' },
    { word: 'jane-deo', candidates: ['jane-doe', 'john-doe'], meant: 'jane-doe' },
    { word: 'mitigated', candidates: ['open', 'mitigating', 'closed'], meant: 'mitigating' },
    { word: 'montly', candidates: ['weekly', 'biweekly', 'monthly', 'quarterly', 'yearly'], meant: 'monthly' },
    { word: 'zzz', candidates: ['open', 'closed'], meant: undefined },
  ])('$word → $meant', ({ word, candidates, meant }) => {
    expect(didYouMean(word, candidates)).toBe(meant);
  });

  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('=>', '>=')).toBe(1);
    expect(editDistance('jnae', 'jane')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

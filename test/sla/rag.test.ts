import { describe, expect, it } from 'vitest';
import { ragStatus } from '../../src/sla/rag.js';

describe('ragStatus', () => {
  it.each([
    // value, target, expected
    [99.89, 99.9, 'red'],
    [99.9, 99.9, 'amber'], // equal meets the target, with the whole allowance used
    [99.919, 99.9, 'amber'], // 81 % of the 0.1-point allowance used
    [99.92, 99.9, 'green'], // exactly 80 % used
    [94.9, 95, 'red'],
    [95.5, 95, 'amber'],
    [96, 95, 'green'],
    [100, 100, 'green'], // a 100 % target allows nothing: met is green
    [99.99, 100, 'red'],
  ] as const)('%s against %s is %s', (value, target, expected) => {
    expect(ragStatus(value, target)).toBe(expected);
  });

  it('has nothing to say without a value or a target', () => {
    expect(ragStatus(null, 95)).toBeNull();
    expect(ragStatus(99, null)).toBeNull();
  });
});

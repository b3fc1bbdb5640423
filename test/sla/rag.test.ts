import { describe, expect, it } from 'vitest';
import { ragStatus } from '../../src/sla/rag.js';
import { kpiStatus } from '../../src/kpi/status.js';

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

describe('kpiStatus (FORMAT.md v1.1, "Status of a KPI")', () => {
  const t = (op: string, value: number, warn?: number) => ({ op, value, ...(warn === undefined ? {} : { warn }) });
  it.each([
    // [value, target, availability figure?, expected]
    // Without warn: green or red, whatever the unit; a 5.0 % against >= 2.5 is simply met.
    [5.0, t('>=', 2.5), false, 'green'],
    [2.5, t('>=', 2.5), false, 'green'],
    [2.4, t('>=', 2.5), false, 'red'],
    [99.91, t('>=', 99.9), false, 'green'], // a compliance figure near its target: no 80 % rule
    [4.3, t('>', 4.2), false, 'green'],
    [4.2, t('>', 4.2), false, 'red'],
    [3, t('<=', 4), false, 'green'],
    [4, t('<=', 4), false, 'green'],
    [4.1, t('<=', 4), false, 'red'],
    [3.9, t('<', 4), false, 'green'],
    [4, t('<', 4), false, 'red'],
    [7, t('==', 7), false, 'green'],
    [8, t('==', 7), false, 'red'],
    // With warn: amber from warn up to the target, red beyond warn.
    [4.2, t('>=', 4.2, 4.0), false, 'green'],
    [4.1, t('>=', 4.2, 4.0), false, 'amber'],
    [4.0, t('>=', 4.2, 4.0), false, 'amber'],
    [3.9, t('>=', 4.2, 4.0), false, 'red'],
    [4.2, t('>', 4.2, 4.0), false, 'amber'],
    [4.0, t('>', 4.2, 4.0), false, 'amber'],
    [3.99, t('>', 4.2, 4.0), false, 'red'],
    [8, t('<=', 8, 10), false, 'green'],
    [9, t('<=', 8, 10), false, 'amber'],
    [10, t('<=', 8, 10), false, 'amber'],
    [10.5, t('<=', 8, 10), false, 'red'],
    [8, t('<', 8, 10), false, 'amber'],
    [7.9, t('<', 8, 10), false, 'green'],
    [11, t('<', 8, 10), false, 'red'],
    [7.5, t('==', 7, 8), false, 'amber'],
    [6.2, t('==', 7, 8), false, 'amber'],
    [5.9, t('==', 7, 8), false, 'red'],
    // A warn on the wrong side is refused by objectives/warn-side; here it makes no amber.
    [4.1, t('>=', 4.2, 4.5), false, 'red'],
    [9, t('<=', 8, 6), false, 'red'],
    // Availability: amber when met with more than 80 % of the allowed downtime used.
    [99.96, t('>=', 99.95), true, 'green'], // exactly 80 % of the 0.05-point allowance used: not more
    [99.959, t('>=', 99.95), true, 'amber'], // 82 % used
    [99.955, t('>=', 99.95), true, 'amber'],
    [99.97, t('>=', 99.95), true, 'green'],
    [99.95, t('>=', 99.95), true, 'amber'],
    [99.94, t('>=', 99.95), true, 'red'],
    [99.94, t('>=', 99.95, 99.9), true, 'amber'], // missed, but within the file's warn
    [99.89, t('>=', 99.95, 99.9), true, 'red'],
    [99.955, t('>=', 99.95), false, 'green'], // the same figure as a compliance KPI
  ] as const)('%s against %j (availability: %s) is %s', (value, target, availability, expected) => {
    expect(kpiStatus(value, target, availability)).toBe(expected);
  });

  it('is "not measured" (null), never green, without a value; null without a target', () => {
    expect(kpiStatus(null, t('>=', 4.2), false)).toBeNull();
    expect(kpiStatus(null, t('>=', 99.9), true)).toBeNull();
    expect(kpiStatus(4.5, null, false)).toBeNull();
  });
});

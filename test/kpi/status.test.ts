import { describe, expect, it } from 'vitest';
import { type KpiTarget, kpiDirection, kpiRag, kpiStatus, meetsTarget, warnOnRightSide, worstRag } from '../../src/kpi/status.js';

const t = (op: string, value: number, warn?: number): KpiTarget => ({ op, value, ...(warn === undefined ? {} : { warn }) });

describe('kpiStatus at its edges', () => {
  it.each([
    // >= with warn: equal meets, warn itself is amber, under warn is red.
    { value: 4.2, target: t('>=', 4.2, 4.0), expected: 'green' },
    { value: 4.19, target: t('>=', 4.2, 4.0), expected: 'amber' },
    { value: 4.0, target: t('>=', 4.2, 4.0), expected: 'amber' },
    { value: 3.99, target: t('>=', 4.2, 4.0), expected: 'red' },
    // without warn a miss is red, never amber.
    { value: 4.19, target: t('>=', 4.2), expected: 'red' },
    // > : equal misses.
    { value: 4.2, target: t('>', 4.2, 4.0), expected: 'amber' },
    { value: 4.21, target: t('>', 4.2, 4.0), expected: 'green' },
    // <= KPIs: lower is better, warn above the target.
    { value: 8, target: t('<=', 8, 10), expected: 'green' },
    { value: 8.01, target: t('<=', 8, 10), expected: 'amber' },
    { value: 10, target: t('<=', 8, 10), expected: 'amber' },
    { value: 10.01, target: t('<=', 8, 10), expected: 'red' },
    // < : equal misses.
    { value: 8, target: t('<', 8, 10), expected: 'amber' },
    { value: 7.99, target: t('<', 8), expected: 'green' },
    // warn on the wrong side is ignored: a miss is red.
    { value: 8.5, target: t('<=', 8, 6), expected: 'red' },
    { value: 4.1, target: t('>=', 4.2, 4.5), expected: 'red' },
    // == : amber within the warn distance on either side.
    { value: 5, target: t('==', 5, 6), expected: 'green' },
    { value: 4, target: t('==', 5, 6), expected: 'amber' },
    { value: 3.9, target: t('==', 5, 6), expected: 'red' },
  ] as const)('$value against $target.op $target.value (warn $target.warn) is $expected', ({ value, target, expected }) => {
    expect(kpiStatus(value, target, false)).toBe(expected);
  });

  it('is null without a value, a finite value, or a target, never green', () => {
    expect(kpiStatus(null, t('>=', 1), false)).toBeNull();
    expect(kpiStatus(Number.NaN, t('>=', 1), false)).toBeNull();
    expect(kpiStatus(5, null, false)).toBeNull();
  });

  it('an availability KPI that meets its target turns amber past 80 % of the allowance', () => {
    expect(kpiRag(99.95, t('>=', 99.9), 'sla:desk.availability')).toBe('green');
    expect(kpiRag(99.91, t('>=', 99.9), 'sla:desk.availability')).toBe('amber');
    expect(kpiRag(99.91, t('>=', 99.9), 'sla:desk.P1')).toBe('green');
    expect(kpiRag(99.91, t('>=', 99.9), 'measured')).toBe('green');
  });
});

describe('the helpers beside it', () => {
  it.each([
    ['>=', 5, 5, true],
    ['>', 5, 5, false],
    ['<=', 5, 5, true],
    ['<', 5, 5, false],
    ['==', 5, 5, true],
    ['==', 5.1, 5, false],
  ] as const)('%s: %d against %d meets is %s', (op, value, target, expected) => {
    expect(meetsTarget(value, op, target)).toBe(expected);
  });
  it('warn sides', () => {
    expect(warnOnRightSide('>=', 4.2, 4)).toBe(true);
    expect(warnOnRightSide('<=', 8, 10)).toBe(true);
    expect(warnOnRightSide('<=', 8, 6)).toBe(false);
    expect(warnOnRightSide('==', 5, 5)).toBe(false);
  });
  it('direction follows the operator', () => {
    expect(kpiDirection(4, 4.2, '>=')).toBe('better');
    expect(kpiDirection(4, 4.2, '<=')).toBe('worse');
    expect(kpiDirection(4, 4, '<=')).toBe('same');
    expect(kpiDirection(4, 5, '==')).toBe('same');
    expect(kpiDirection(null, 5, '>=')).toBeNull();
  });
  it('worst of several', () => {
    expect(worstRag(['green', null, 'amber'])).toBe('amber');
    expect(worstRag(['green', 'red', 'amber'])).toBe('red');
    expect(worstRag([null, null])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { measurementsPeriodMismatch as rule } from '../../src/rules/measurements-period-mismatch.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const run = (name: string, period: string) =>
  only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, [`measurements/${name}`]: `# measured by the provider\nperiod: ${period}\n` }, { rule }));
const at = (name: string) => [{ ruleId: 'measurements/period-mismatch', file: `measurements/${name}`, line: 2, severity: 'error' }];

describe('measurements/period-mismatch', () => {
  it.each([
    { name: '2026-10.yaml', period: '2026-11', expected: at('2026-10.yaml') },
    { name: '2026-10.yaml', period: '2026-Q4', expected: at('2026-10.yaml') },
    { name: 'october.yaml', period: '2026-10', expected: at('october.yaml') },
    { name: '2026.yaml', period: '"2026-Q1"', expected: at('2026.yaml') },
    { name: '2026-10.yaml', period: '2026-10', expected: [] },
    { name: '2026-Q4.yaml', period: '2026-Q4', expected: [] },
    { name: '2026.yaml', period: '2026', expected: [] },
    { name: '2026.yaml', period: '"2026"', expected: [] },
    { name: '2026-10.yaml', period: 'October', expected: [] },
  ])('$name holding period $period', ({ name, period, expected }) => {
    expect(brief(run(name, period))).toEqual(expected);
  });

  it('says how to fix it', () => {
    const [finding] = run('2026-10.yaml', '2026-11');
    expect(finding!.message).toBe(
      'measurements/2026-10.yaml says `period: 2026-11`: the file name and the period must agree; rename the file to measurements/2026-11.yaml or correct `period`',
    );
  });
});

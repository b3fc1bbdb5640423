import { describe, expect, it } from 'vitest';
import { measurementsOutsidePeriod as rule } from '../../src/rules/measurements-outside-period.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const measurements = (period: string, opened: string, from: string) => `period: ${period}
incidents:
  - id: INC-1
    service: desk
    priority: P1
    opened: ${opened}
    resolved: 2027-02-01T00:00:00Z
downtime:
  - service: desk
    from: ${from}
    to: 2027-02-01T00:00:00Z
`;
const at = (file: string, line: number) => ({ ruleId: 'measurements/outside-period', file, line, severity: 'error' });
const run = (period: string, opened: string, from: string) =>
  only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, [`measurements/${period}.yaml`]: measurements(period, opened, from) }, { rule }));

describe('measurements/outside-period', () => {
  it.each([
    {
      name: 'the last minute of September in Berlin',
      period: '2026-10',
      opened: '2026-09-30T23:59:00+02:00',
      from: '2026-10-01T00:00:00+02:00',
      expected: [at('measurements/2026-10.yaml', 6)],
    },
    {
      name: 'the first instant of the next month',
      period: '2026-10',
      opened: '2026-10-05T09:00:00+02:00',
      from: '2026-11-01T00:00:00+01:00',
      expected: [at('measurements/2026-10.yaml', 10)],
    },
    { name: 'UTC late on the 30th is already October in Berlin', period: '2026-10', opened: '2026-09-30T22:30:00Z', from: '2026-10-31T23:30:00+01:00', expected: [] },
    {
      name: 'New Year in Berlin ends Q4',
      period: '2026-Q4',
      opened: '2026-12-31T23:00:00Z',
      from: '2026-12-31T22:59:00Z',
      expected: [at('measurements/2026-Q4.yaml', 6)],
    },
    { name: 'a year', period: '2026', opened: '2026-01-01T00:00:00+01:00', from: '2026-07-01T00:00:00Z', expected: [] },
    { name: 'an instant that does not parse is left to the schema', period: '2026-10', opened: 'yesterday', from: '2026-10-03T02:10:00Z', expected: [] },
  ])('$name', ({ period, opened, from, expected }) => {
    expect(brief(run(period, opened, from))).toEqual(expected);
  });

  it('says which side of the period and in which time zone', () => {
    const [finding] = run('2026-10', '2026-09-30T23:59:00+02:00', '2026-10-01T00:00:00+02:00');
    expect(finding!.message).toBe(
      'incident `INC-1` was opened at 2026-09-30T23:59:00+02:00, before period 2026-10 (2026-10-01 to 2026-10-31 in Europe/Berlin): record it in the file of the period it belongs to',
    );
  });
});

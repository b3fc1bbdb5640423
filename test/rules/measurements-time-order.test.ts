import { describe, expect, it } from 'vitest';
import { measurementsTimeOrder as rule } from '../../src/rules/measurements-time-order.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

interface Times {
  responded?: string;
  resolved?: string;
  stopFrom?: string;
  stopTo?: string;
  downFrom?: string;
  downTo?: string;
}

const measurements = (t: Times) => `period: 2026-10
incidents:
  - id: INC-1
    service: desk
    priority: P1
    opened: 2026-10-05T09:00:00+02:00
    responded: ${t.responded ?? '2026-10-05T09:10:00+02:00'}
    resolved: ${t.resolved ?? '2026-10-05T12:00:00+02:00'}
    clockStops:
      - from: ${t.stopFrom ?? '2026-10-05T10:00:00+02:00'}
        to: ${t.stopTo ?? '2026-10-05T11:00:00+02:00'}
        reason: awaiting-client
downtime:
  - service: desk
    from: ${t.downFrom ?? '2026-10-03T02:10:00Z'}
    to: ${t.downTo ?? '2026-10-03T02:55:00Z'}
`;
const at = (...lines: number[]) => lines.map((line) => ({ ruleId: 'measurements/time-order', file: 'measurements/2026-10.yaml', line, severity: 'error' }));
const run = (t: Times) => only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'measurements/2026-10.yaml': measurements(t) }, { rule }));

describe('measurements/time-order', () => {
  it.each([
    { name: 'responded before opened', times: { responded: '2026-10-05T08:59:00+02:00' }, expected: at(7) },
    { name: 'resolved before opened, in another offset', times: { resolved: '2026-10-05T06:30:00Z' }, expected: at(8) },
    { name: 'a clock stop starting before the incident', times: { stopFrom: '2026-10-05T08:00:00+02:00' }, expected: at(10) },
    { name: 'a clock stop ending after the resolution', times: { stopTo: '2026-10-05T12:30:00+02:00' }, expected: at(11) },
    { name: 'a clock stop ending before it starts', times: { stopFrom: '2026-10-05T10:30:00+02:00', stopTo: '2026-10-05T10:00:00+02:00' }, expected: at(11) },
    { name: 'downtime ending before it starts', times: { downTo: '2026-10-03T02:00:00Z' }, expected: at(16) },
    { name: 'everything in order', times: {}, expected: [] },
    {
      name: 'equal instants are in order',
      times: { responded: '2026-10-05T07:00:00Z', stopFrom: '2026-10-05T09:00:00+02:00', stopTo: '2026-10-05T12:00:00+02:00', downTo: '2026-10-03T02:10:00Z' },
      expected: [],
    },
    { name: 'an instant that does not parse is left to the schema', times: { responded: 'soon' }, expected: [] },
  ])('$name', ({ times, expected }) => {
    expect(brief(run(times))).toEqual(expected);
  });

  it('allows a clock stop in an incident that is still open to run on', () => {
    const text = measurements({ stopTo: '2026-10-20T00:00:00+02:00' }).replace(/    resolved: .*\n/, '');
    expect(only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'measurements/2026-10.yaml': text }, { rule }))).toEqual([]);
  });

  it('names both instants', () => {
    const [finding] = run({ responded: '2026-10-05T08:59:00+02:00' });
    expect(finding!.message).toBe('incident `INC-1` was responded to at 2026-10-05T08:59:00+02:00, before it was opened at 2026-10-05T09:00:00+02:00');
  });
});

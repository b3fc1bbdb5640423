import { describe, expect, it } from 'vitest';
import { measurementsClockStopReason as rule } from '../../src/rules/measurements-clock-stop-reason.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const SLAS = `services:
  - id: desk
    name: Desk
    clockStops: [awaiting-client, planned-maintenance]
    priorities:
      - { id: P1, response: 15m, resolution: 4h }
  - id: web
    name: Web
    priorities:
      - { id: P1, response: 15m, resolution: 4h }
`;
const measurements = (service: string, reason: string) => `period: 2026-10
incidents:
  - id: INC-1
    service: ${service}
    priority: P1
    opened: 2026-10-05T09:00:00+02:00
    clockStops:
      - { from: 2026-10-05T10:00:00+02:00, to: 2026-10-05T11:00:00+02:00, reason: ${reason} }
`;
const at = (line: number) => ({ ruleId: 'measurements/clock-stop-reason', file: 'measurements/2026-10.yaml', line, severity: 'error' });
const run = (service: string, reason: string, slas = SLAS) =>
  only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': slas, 'measurements/2026-10.yaml': measurements(service, reason) }, { rule }));

describe('measurements/clock-stop-reason', () => {
  it.each([
    { name: 'a reason the service does not list', service: 'desk', reason: 'vendor-delay', expected: [at(8)] },
    { name: 'a service that allows no clock stops', service: 'web', reason: 'awaiting-client', expected: [at(8)] },
    { name: 'a listed reason', service: 'desk', reason: 'awaiting-client', expected: [] },
    { name: 'an unknown service is left to ref/unknown-service', service: 'nowhere', reason: 'awaiting-client', expected: [] },
  ])('$name', ({ service, reason, expected }) => {
    expect(brief(run(service, reason))).toEqual(expected);
  });

  it('says nothing when slas.yaml does not parse', () => {
    expect(run('desk', 'vendor-delay', 'services: [\n')).toEqual([]);
  });

  it('suggests a close listed reason and points at the list', () => {
    const [finding] = run('desk', 'awaiting-clients');
    expect(finding!.message).toBe(
      'the clock of incident `INC-1` is stopped for `awaiting-clients`, which the contract does not allow: service `desk` allows only `awaiting-client`, `planned-maintenance`; did you mean `awaiting-client`?',
    );
    expect(finding!.related?.[0]).toMatchObject({ file: 'slas.yaml', range: { start: { line: 4 } } });
  });
});

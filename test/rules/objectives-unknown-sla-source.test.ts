import { describe, expect, it } from 'vitest';
import { objectivesUnknownSlaSource as rule } from '../../src/rules/objectives-unknown-sla-source.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const SLAS = `services:
  - id: cloud-hosting
    name: Cloud hosting
    availability: { target: 99.95 }
    priorities:
      - { id: P1, response: 15m, resolution: 4h }
  - id: service-desk
    name: Service desk
`;
const objectives = (source: string) => `objectives:
  - id: fewer-outages
    kpis:
      - id: k
        source: ${source}
`;
const at = (line: number) => ({ ruleId: 'objectives/unknown-sla-source', file: 'objectives.yaml', line, severity: 'error' });
const run = (source: string, slas: string | null = SLAS) =>
  only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'objectives.yaml': objectives(source), ...(slas === null ? {} : { 'slas.yaml': slas }) }, { rule }));

describe('objectives/unknown-sla-source', () => {
  it.each([
    { name: 'an unknown service', source: 'sla:cloud-hostng.availability', expected: [at(5)] },
    { name: 'availability of a service without a target', source: 'sla:service-desk.availability', expected: [at(5)] },
    { name: 'an unknown priority', source: 'sla:cloud-hosting.P2', expected: [at(5)] },
    { name: 'a malformed source', source: 'sla:cloud-hosting', expected: [at(5)] },
    { name: 'a service when slas.yaml is absent', source: 'sla:cloud-hosting.P1', slas: null, expected: [at(5)] },
    { name: 'availability with a target', source: 'sla:cloud-hosting.availability', expected: [] },
    { name: 'a known priority', source: 'sla:cloud-hosting.P1', expected: [] },
    { name: 'measured', source: 'measured', expected: [] },
    { name: 'slas.yaml that does not parse', source: 'sla:nothing.P1', slas: 'services: [\n', expected: [] },
  ])('$name', ({ source, slas, expected }) => {
    expect(brief(run(source, slas))).toEqual(expected);
  });

  it.each([
    {
      source: 'sla:cloud-hostng.availability',
      message: 'KPI `k` takes its values from service `cloud-hostng`, which slas.yaml does not define; did you mean `cloud-hosting`?',
    },
    {
      source: 'sla:service-desk.availability',
      message: 'KPI `k` takes the availability of service `service-desk`, but that service has no availability target in slas.yaml',
    },
    { source: 'sla:cloud-hosting.P2', message: 'KPI `k` takes the compliance of priority `P2`, but service `cloud-hosting` has no such priority; did you mean `P1`?' },
    {
      source: 'sla:cloud-hosting.availabilty',
      message: 'KPI `k` takes the compliance of priority `availabilty`, but service `cloud-hosting` has no such priority; did you mean `availability`?',
    },
    { source: 'weekly', message: 'KPI `k` has `source: weekly`; write `measured`, `sla:<service>.availability` or `sla:<service>.<priority>`' },
  ])('says what is wrong with $source', ({ source, message }) => {
    expect(run(source).map((f) => f.message)).toEqual([message]);
  });
});

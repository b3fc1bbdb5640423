// A measurement file `govern import` creates is written by newFileText without parsing its head
// (src/import/entry-text.ts); it must be, byte for byte, what applyYamlOps writes into that head.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newFileHead, newFileText } from '../../src/import/entry-text.js';
import { applyYamlOps, type YamlOp } from '../../src/import/yaml-edit.js';

const value = fc.oneof(
  fc.constantFrom(
    'INC0001',
    'service-desk',
    'P1',
    '2026-01-01T08:00:00+01:00',
    '2026-10-25T01:30:00Z',
    'true',
    'null',
    '3.5',
    'a: b',
    'x #y',
    'trail ',
    '',
    'é ü',
    '{x}',
    '- dash',
  ),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.integer(),
  fc.constant(undefined),
);
const entry = fc.dictionary(fc.constantFrom('id', 'service', 'priority', 'opened', 'responded', 'resolved', 'from', 'to', 'planned', 'note'), value, { minKeys: 1 });
const op = fc.oneof(
  fc.record({ op: fc.constant('append' as const), path: fc.constant(['incidents']), entries: fc.array(entry, { maxLength: 6 }), flow: fc.constant(false) }),
  fc.record({ op: fc.constant('append' as const), path: fc.constant(['downtime']), entries: fc.array(entry, { maxLength: 6 }), flow: fc.constant(true) }),
);

describe('a new measurement file', () => {
  it('is what applyYamlOps writes into its head', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.constantFrom('2026-01', '2027-12', '1999-10'), fc.array(op, { minLength: 1, maxLength: 2 }), (period, ops: YamlOp[]) => {
        const fast = newFileText(period, ops);
        if (fast === undefined) return;
        taken++;
        expect(fast).toBe(applyYamlOps(newFileHead(period), ops, 'f.yaml'));
      }),
      { seed: 20261203, numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(1000);
  });

  it('leaves any other change to applyYamlOps', () => {
    expect(newFileText('2026-01', [{ op: 'set', path: ['incidents', 0], key: 'id', value: 'x' }])).toBeUndefined();
    expect(newFileText('2026-01', [{ op: 'append', path: ['incidents', 0, 'clockStops'], entries: [], flow: true }])).toBeUndefined();
    expect(newFileText('2026-Q1', [{ op: 'append', path: ['incidents'], entries: [{ id: 'a' }], flow: false }])).toBeUndefined();
  });
});

// `govern import` reads govern.import.yaml with the quick readers (readMappingQuickly) and leaves to the
// full reading (readMapping, with `yaml`) only a file they decline or one with a problem. Whatever mapping
// the quick reading gives must be readMapping's, for any file; and it must take the usual ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMappingQuickly } from '../../src/import/mapping-data.js';
import { IMPORT_KINDS, readMapping } from '../../src/import/mapping.js';

const BENCH =
  'incidents:\n  preset: servicenow\n  values:\n    service: { "Cloud Ops": cloud-hosting, "Service Desk": service-desk }\n    priority: { "1 - Critical": P1, "2 - High": P2, "3 - Moderate": P3 }\n';

/** Lines of a mapping file: sections, settings, columns, values, skips, in block and flow style, with slips (unknown keys, wrong types, YAML errors). */
const line = fc.constantFrom(
  'incidents:',
  'downtime:',
  'clockStops:',
  'tickets:',
  '  preset: servicenow',
  '  preset: jira',
  '  preset: zendesk',
  '  timezone: Europe/Berlin',
  '  timezone: 5',
  "  format: 'dd.MM.yyyy HH:mm'",
  '  format: yyyy-MM-dd HH:mm:ss',
  '  columns:',
  '    id: number',
  '    service: "Business service"',
  '    opened: 3',
  '    ticket: id',
  '    incident: task',
  '  columns: { id: Key, opened: Created }',
  '  values:',
  '    service: { "Cloud Ops": cloud-hosting, Desk: service-desk }',
  '    priority: { "1 - Critical": P1 }',
  '    planned: { yes: true, "no": false }',
  '    service: nope',
  '  skip:',
  '    state: [Canceled, Cancelled]',
  '    state: Closed',
  '  skip: { Status: [Cancelled] }',
  '  colums: {}',
  '  values: [a]',
  '# a comment',
  '',
  '  - x',
  'incidents: 3',
  '  id: &a x',
  '  dup: 1',
  '  dup: 2',
  '\t tab: 1',
  '  "quoted key": "v # not a comment"',
  '  preset: servicenow # the usual',
);

describe('govern.import.yaml read quickly', () => {
  it('gives readMapping’s mapping whenever it gives one', () => {
    let taken = 0;
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.constantFrom(...IMPORT_KINDS),
        fc.constantFrom(undefined, 'servicenow', 'none', 'x'),
        fc.boolean(),
        (lines, kind, preset, crlf) => {
          const text = lines.join(crlf ? '\r\n' : '\n') + (lines.length > 0 ? '\n' : '');
          const quick = readMappingQuickly(text, kind, preset);
          if (quick === undefined) return;
          taken++;
          expect(quick, JSON.stringify(text)).toEqual(readMapping(text, kind, preset));
        },
      ),
      { seed: 20261203, numRuns: 20_000 },
    );
    expect(taken).toBeGreaterThan(1000);
  });

  it('takes the usual files, and no file at all, problems included', () => {
    for (const kind of IMPORT_KINDS) {
      expect(readMappingQuickly(BENCH, kind), kind).toEqual(readMapping(BENCH, kind));
      expect(readMappingQuickly(`\uFEFF${BENCH}`, kind), kind).toEqual(readMapping(`\uFEFF${BENCH}`, kind));
      for (const preset of [undefined, 'servicenow', 'jira', 'none', 'zendesk'])
        expect(readMappingQuickly(undefined, kind, preset)).toEqual(readMapping(undefined, kind, preset));
    }
    expect(readMappingQuickly(BENCH, 'incidents')?.mapping.preset).toBe('servicenow');
  });

  it('leaves a file with a problem to the full reading, for its lines', () => {
    expect(readMappingQuickly('incidents:\n  preset: zendesk\n', 'incidents')).toBeUndefined();
    expect(readMapping('incidents:\n  preset: zendesk\n', 'incidents').problems).toEqual([
      { line: 2, message: '`zendesk` is not a preset; the presets are servicenow, jira, none' },
    ]);
  });
});

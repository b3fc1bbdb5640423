import { describe, expect, it } from 'vitest';
import { importMapping as rule } from '../../src/rules/import-mapping.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const SLAS = `services:
  - id: desk
    name: Desk
    clockStops: [awaiting-client]
    priorities:
      - { id: P1, response: 15m, resolution: 4h }
`;
const run = (map: string) => only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': SLAS, 'govern.import.yaml': map }, { rule }));
const at = (line: number) => ({ ruleId: 'import/mapping', file: 'govern.import.yaml', line, severity: 'error' });

describe('import/mapping', () => {
  it.each([
    [
      'a good mapping',
      'incidents:\n  preset: jira\n  values:\n    service: { Desk: desk }\n    priority: { Highest: P1 }\nclockStops:\n  values: { reason: { Waiting: awaiting-client } }\n',
      [],
    ],
    ['a misspelt section', '# ours\nincident:\n  preset: jira\n', [at(2)]],
    ['an unknown setting and preset', 'incidents:\n  preset: zendesk\n  colums: {}\n', [at(2), at(3)]],
    ['a column for a field that does not exist', 'downtime:\n  columns:\n    start: started\n', [at(3)]],
    [
      'a word mapped to an unknown service, priority and reason',
      "incidents:\n  values:\n    service: { 'Cloud & Ops': cloud }\n    priority: { '1 - Critical': P0 }\nclockStops:\n  values: { reason: { Hold: lunch } }\n",
      [at(3), at(4), at(6)],
    ],
  ])('%s', (_, map, expected) => {
    expect(brief(run(map))).toEqual(expected);
  });
  it('says what exists', () => {
    const [f] = run('incidents:\n  values:\n    service: { Desk: dsk }\n');
    expect(f!.message).toBe('`Desk` maps to `dsk`, which is not a service in slas.yaml: they are desk');
  });
});

import { BASE } from './fixture.js';
import { edit } from './repo.js';

/** The head of the "every example" change: one edit for each example of issue 7, item 2. */
export function everyExample(): Record<string, string> {
  let head = edit(
    BASE,
    'slas.yaml',
    ['    hours: { mon-fri: "08:00-18:00" }\n', '    hours: { mon-fri: "08:00-18:00" }\n    holidays: [2026-12-24]\n'],
    ['      - id: P1\n        calendar: 24x7\n        response: 15m', '      - id: P1\n        calendar: business-hours\n        response: 10m'],
    ['        resolution: 8h\n        target: 90\n  - id: hosting', '        resolution: 8h\n        target: 85\n  - id: hosting'],
    ['availability: { target: 99.9, per: month }', 'availability: { target: 99.5, per: month }'],
    ['[planned-maintenance]', '[planned-maintenance, awaiting-client]'],
    ['        response: 30m\n        resolution: 4h', '        response: 30m\n        resolution: PT4H'],
    ['        response: 2h\n        resolution: 8h', '        response: 2h\n        resolution: 12h'],
    ['{ below: 99.9, percent: 5 }', '{ below: 99.9, percent: 3 }'],
    ['cap: 20', 'cap: 15'],
  );
  head = {
    ...head,
    'slas.yaml': `${head['slas.yaml']}  - id: backup\n    name: Backup\n    calendar: 24x7\n    priorities:\n      - { id: P1, response: 1h, resolution: 8h, target: 90 }\n`,
  };
  head = edit(
    head,
    'escalation.yaml',
    ['        after: 30m', '        after: 1h'],
    ['      - name: Provider CTO\n        after: 2h\n        contacts: [kim-lee]\n        coverage: 24x7\n', ''],
  );
  head = edit(head, 'raci.yaml', ['accountable: provider-sdm', 'accountable: client-it-lead']);
  head = edit(
    head,
    'partnership.yaml',
    ['end: 2027-12-31', 'end: 2026-12-31'],
    ['noticeDays: 90', 'noticeDays: 120'],
    ['amount: 480000', 'amount: 500000'],
    ['services: [service-desk, hosting]', 'services: [service-desk, hosting, backup]'],
    ['exclusions: [End-user hardware procurement]', 'exclusions: [End-user hardware procurement, Printer support]'],
  );
  head = edit(head, 'objectives.yaml', ['value: 99.95', 'value: 99.9']);
  head = edit(
    head,
    'contacts.yaml',
    ['jane.doe@acme.example', 'jane@acme.example'],
    ['  - id: kim-lee', '  - id: lee-chan\n    name: Lee Chan\n    party: client\n    email: lee.chan@acme.example\n  - id: kim-lee'],
  );
  head = edit(head, 'risks.yaml', ['likelihood: 3', 'likelihood: 5']);
  head = edit(head, 'governance.yaml', ['cadence: monthly', 'cadence: quarterly']);
  return head;
}

/** What the "every example" change must report: file, path, change, category, impact. */
export const EXPECTED: readonly [string, (string | number)[], string, string, string][] = [
  ['slas.yaml', ['calendars', 'business-hours', 'holidays', '2026-12-24'], 'added', 'operational', 'weakened'],
  ['slas.yaml', ['services', 'service-desk', 'priorities', 'P1', 'calendar'], 'changed', 'operational', 'weakened'],
  ['slas.yaml', ['services', 'service-desk', 'priorities', 'P1', 'response'], 'changed', 'operational', 'tightened'],
  ['slas.yaml', ['services', 'service-desk', 'priorities', 'P2', 'target'], 'changed', 'operational', 'weakened'],
  ['slas.yaml', ['services', 'hosting', 'availability', 'target'], 'changed', 'operational', 'weakened'],
  ['slas.yaml', ['services', 'hosting', 'clockStops', 'awaiting-client'], 'added', 'operational', 'weakened'],
  ['slas.yaml', ['services', 'hosting', 'priorities', 'P2', 'resolution'], 'changed', 'operational', 'weakened'],
  ['slas.yaml', ['services', 'hosting', 'credits', 'tiers'], 'changed', 'commercial', 'weakened'],
  ['slas.yaml', ['services', 'hosting', 'credits', 'cap'], 'changed', 'commercial', 'weakened'],
  ['slas.yaml', ['services', 'backup'], 'added', 'operational', 'tightened'],
  ['escalation.yaml', ['paths', 'major-incident', 'levels', 'Service delivery manager', 'after'], 'changed', 'operational', 'weakened'],
  ['escalation.yaml', ['paths', 'major-incident', 'levels', 'Provider CTO'], 'removed', 'operational', 'weakened'],
  ['raci.yaml', ['activities', 'patching', 'accountable'], 'changed', 'people', 'weakened'],
  ['partnership.yaml', ['contract', 'end'], 'changed', 'commercial', 'weakened'],
  ['partnership.yaml', ['contract', 'renewal', 'noticeDays'], 'changed', 'commercial', 'weakened'],
  ['partnership.yaml', ['contract', 'value'], 'changed', 'commercial', 'weakened'],
  ['partnership.yaml', ['scope', 'services', 'backup'], 'added', 'operational', 'tightened'],
  ['partnership.yaml', ['scope', 'exclusions', 'Printer support'], 'added', 'operational', 'weakened'],
  ['objectives.yaml', ['objectives', 'fewer-outages', 'kpis', 'hosting-availability', 'target'], 'changed', 'operational', 'weakened'],
  ['contacts.yaml', ['contacts', 'jane-doe', 'email'], 'changed', 'people', 'neutral'],
  ['contacts.yaml', ['contacts', 'lee-chan'], 'added', 'people', 'neutral'],
  ['risks.yaml', ['risks', 'key-person', 'likelihood'], 'changed', 'governance', 'weakened'],
  ['governance.yaml', ['meetings', 'monthly-service-review', 'cadence'], 'changed', 'governance', 'weakened'],
];

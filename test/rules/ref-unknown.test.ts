import { describe, expect, it } from 'vitest';
import { refUnknownContact } from '../../src/rules/ref-unknown-contact.js';
import { refUnknownPriority } from '../../src/rules/ref-unknown-priority.js';
import { refUnknownCalendar } from '../../src/rules/ref-unknown-calendar.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const CONTACTS = `contacts:
  - id: jane-doe
    name: Jane Doe
    party: client
    email: jane.doe@acme.example
  - { id: bob-smith, name: Bob Smith, party: provider, phone: "+49 30 1234567" }
`;

describe('ref/unknown-contact', () => {
  it('reports an owner that names no contact, with a suggestion and where candidates are', () => {
    const found = checkFiles(
      { 'partnership.yaml': `${PARTNERSHIP}owners: { client: jane-do, provider: bob-smith }\n`, 'contacts.yaml': CONTACTS },
      { rule: refUnknownContact },
    );
    expect(brief(found)).toEqual([{ ruleId: 'ref/unknown-contact', file: 'partnership.yaml', line: 6, severity: 'error' }]);
    expect(found[0]!.message).toBe('no contact `jane-do`; did you mean `jane-doe`?');
    expect(found[0]!.range.start.column).toBe(19);
    expect(found[0]!.related?.[0]).toMatchObject({ file: 'contacts.yaml', range: { start: { line: 2, column: 9 } } });
  });

  it('says nothing about references into a contacts file that does not parse', () => {
    const found = checkFiles(
      { 'partnership.yaml': `${PARTNERSHIP}owners: { client: jane-do, provider: bob-smith }\n`, 'contacts.yaml': 'contacts: [\n' },
      { rule: refUnknownContact },
    );
    expect(found.filter((d) => d.ruleId === 'ref/unknown-contact')).toEqual([]);
  });

  it.each([
    { shape: 'a list', contacts: '- { id: jane-doe, name: Jane, party: client }\n' },
    { shape: 'a bare text', contacts: 'jane-doe\n' },
  ])('says nothing about references into a contacts file that is $shape: its schema finding says what is wrong', ({ contacts }) => {
    const found = checkFiles({ 'partnership.yaml': `${PARTNERSHIP}owners: { client: jane-doe, provider: bob-smith }\n`, 'contacts.yaml': contacts });
    expect(found.filter((d) => d.ruleId.startsWith('ref/'))).toEqual([]);
    expect(brief(found.filter((d) => d.ruleId === 'schema'))).toEqual([{ ruleId: 'schema', file: 'contacts.yaml', line: 1, severity: 'error' }]);
  });

  it('still reports references into an empty contacts file, which defines nobody', () => {
    const found = checkFiles(
      { 'partnership.yaml': `${PARTNERSHIP}owners: { client: jane-doe, provider: bob-smith }\n`, 'contacts.yaml': '# nobody yet\n' },
      { rule: refUnknownContact },
    );
    // Both owners name nobody.
    expect(brief(only('ref/unknown-contact', found))).toEqual(
      [1, 2].map(() => ({ ruleId: 'ref/unknown-contact', file: 'partnership.yaml', line: 6, severity: 'error' })),
    );
  });

  it('accepts a reference that resolves', () => {
    const found = checkFiles(
      { 'partnership.yaml': `${PARTNERSHIP}owners: { client: jane-doe, provider: bob-smith }\n`, 'contacts.yaml': CONTACTS },
      { rule: refUnknownContact },
    );
    expect(found).toEqual([]);
  });
});

describe('ref/unknown-priority', () => {
  it('checks an incident priority against the priorities of its own service', () => {
    const slas = `services:
  - id: desk
    name: Desk
    calendar: 24x7
    priorities:
      - { id: P1, response: 15m, resolution: 4h, target: 95 }
`;
    const measurements = `period: 2026-10
incidents:
  - id: INC-1
    service: desk
    priority: P9
    opened: 2026-10-05T09:00:00+02:00
`;
    const found = checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': slas, 'measurements/2026-10.yaml': measurements }, { rule: refUnknownPriority });
    expect(brief(found)).toEqual([{ ruleId: 'ref/unknown-priority', file: 'measurements/2026-10.yaml', line: 5, severity: 'error' }]);
    expect(found[0]!.message).toContain('for service `desk`');
  });
});

describe('ref/unknown-calendar', () => {
  it('knows the built-in 24x7 calendar', () => {
    const slas = `services:
  - { id: desk, name: Desk, calendar: 24x7 }
  - { id: web, name: Web, calendar: busines-hours }
calendars:
  - { id: business-hours, hours: { mon-fri: "08:00-18:00" } }
`;
    const found = checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': slas }, { rule: refUnknownCalendar });
    expect(brief(found)).toEqual([{ ruleId: 'ref/unknown-calendar', file: 'slas.yaml', line: 3, severity: 'error' }]);
    expect(found[0]!.message).toContain('did you mean `business-hours`');
  });
});

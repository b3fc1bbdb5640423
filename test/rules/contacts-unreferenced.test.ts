import { describe, expect, it } from 'vitest';
import { contactsUnreferenced } from '../../src/rules/contacts-unreferenced.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const CONTACTS = `contacts:
  - { id: jane-doe, name: Jane Doe, party: client }
  - { id: bob-smith, name: Bob Smith, party: provider }
  - { id: kim-lee, name: Kim Lee, party: provider }
`;

const run = (files: Record<string, string>) =>
  only('contacts/unreferenced', checkFiles({ 'partnership.yaml': PARTNERSHIP, 'contacts.yaml': CONTACTS, ...files }, { rule: contactsUnreferenced }));

describe('contacts/unreferenced', () => {
  it.each([
    { name: 'nobody named anywhere', files: {}, lines: [2, 3, 4] },
    {
      name: 'named as owner, role holder and meeting attendee',
      files: {
        'partnership.yaml': `${PARTNERSHIP}owners: { client: jane-doe }\n`,
        'raci.yaml': 'roles:\n  - { id: provider-sdm, holders: [bob-smith] }\n',
        'governance.yaml': 'meetings:\n  - { id: review, attendees: [kim-lee] }\n',
      },
      lines: [],
    },
    {
      name: 'one contact left over',
      files: {
        'escalation.yaml': 'paths:\n  - id: major\n    levels:\n      - { after: 0m, contacts: [jane-doe, bob-smith] }\n',
      },
      lines: [4],
    },
    { name: 'a file that does not parse might name them', files: { 'raci.yaml': 'roles: [\n' }, lines: [] },
  ])('$name', ({ files, lines }) => {
    expect(brief(run(files))).toEqual(lines.map((line) => ({ ruleId: 'contacts/unreferenced', file: 'contacts.yaml', line, severity: 'warning' })));
  });

  it('names the contact', () => {
    const found = run({ 'escalation.yaml': 'paths:\n  - id: major\n    levels:\n      - { after: 0m, contacts: [jane-doe, bob-smith] }\n' });
    expect(found[0]?.message).toBe(
      'contact `kim-lee` is not named anywhere (no role, escalation level, meeting, owner or action): remove it, or add it where it belongs',
    );
  });
});

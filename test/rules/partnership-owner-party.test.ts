import { describe, expect, it } from 'vitest';
import { partnershipOwnerParty } from '../../src/rules/partnership-owner-party.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const CONTACTS = `contacts:
  - id: jane-doe
    name: Jane Doe
    party: client
  - id: bob-smith
    name: Bob Smith
    party: provider
`;

const run = (owners: string) =>
  only('partnership/owner-party', checkFiles({ 'partnership.yaml': `${PARTNERSHIP}owners:\n${owners}`, 'contacts.yaml': CONTACTS }, { rule: partnershipOwnerParty }));

describe('partnership/owner-party', () => {
  it.each([
    { name: 'each lead on their own side', owners: '  client: jane-doe\n  provider: bob-smith\n', lines: [] },
    { name: 'the leads swapped', owners: '  client: bob-smith\n  provider: jane-doe\n', lines: [7, 8] },
    { name: 'a provider contact as client lead', owners: '  client: bob-smith\n', lines: [7] },
    { name: 'an unknown contact (ref/unknown-contact reports it)', owners: '  client: nobody\n', lines: [] },
  ])('$name', ({ owners, lines }) => {
    expect(brief(run(owners))).toEqual(lines.map((line) => ({ ruleId: 'partnership/owner-party', file: 'partnership.yaml', line, severity: 'error' })));
  });

  it('says which side the contact is on and where', () => {
    const [finding] = run('  client: bob-smith\n');
    expect(finding?.message).toBe('`owners.client` must be a client contact, but `bob-smith` is on the provider side');
    expect(finding?.related?.[0]).toMatchObject({ file: 'contacts.yaml', range: { start: { line: 7 } } });
  });
});

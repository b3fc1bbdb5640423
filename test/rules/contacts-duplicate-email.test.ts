import { describe, expect, it } from 'vitest';
import { contactsDuplicateEmail } from '../../src/rules/contacts-duplicate-email.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const contacts = (...emails: string[]) =>
  `contacts:\n${emails.map((email, i) => `  - id: person-${i}\n    name: Person ${i}\n    party: client\n    email: ${email}\n`).join('')}`;

const run = (text: string) => only('contacts/duplicate-email', checkFiles({ 'partnership.yaml': PARTNERSHIP, 'contacts.yaml': text }, { rule: contactsDuplicateEmail }));

describe('contacts/duplicate-email', () => {
  it.each([
    { name: 'distinct addresses', emails: ['jane@acme.example', 'bob@acme.example'], lines: [] },
    { name: 'the same address twice', emails: ['jane@acme.example', 'jane@acme.example'], lines: [9] },
    { name: 'the same address in another case', emails: ['jane@acme.example', 'bob@acme.example', 'Jane@ACME.example'], lines: [13] },
  ])('$name', ({ emails, lines }) => {
    expect(brief(run(contacts(...emails)))).toEqual(lines.map((line) => ({ ruleId: 'contacts/duplicate-email', file: 'contacts.yaml', line, severity: 'error' })));
  });

  it('names the contact that has it first', () => {
    const [finding] = run(contacts('jane@acme.example', 'JANE@acme.example'));
    expect(finding?.message).toBe('the email address `JANE@acme.example` is already used by contact `person-0`: each contact needs their own');
    expect(finding?.related?.[0]?.range.start.line).toBe(5);
  });
});

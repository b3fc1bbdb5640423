import { describe, expect, it } from 'vitest';
import { contactsPhone } from '../../src/rules/contacts-phone.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const run = (phone: string) =>
  checkFiles(
    { 'partnership.yaml': PARTNERSHIP, 'contacts.yaml': `contacts:\n  - id: jane-doe\n    name: Jane Doe\n    party: client\n    phone: "${phone}"\n` },
    { rule: contactsPhone },
  );

describe('contacts/phone', () => {
  it.each([
    { phone: '+49 30 1234567', lines: [] },
    { phone: '+1 (212) 555-0100', lines: [] },
    { phone: '+44.20.7946.0958', lines: [] },
    { phone: '+1234567', lines: [] },
    { phone: '+12 34 56', lines: [5] },
    { phone: '+1 (2) 3-4.5 6', lines: [5] },
    { phone: '+49 30 1234 5678 9012 34', lines: [5] },
  ])('$phone', ({ phone, lines }) => {
    expect(brief(only('contacts/phone', run(phone)))).toEqual(lines.map((line) => ({ ruleId: 'contacts/phone', file: 'contacts.yaml', line, severity: 'error' })));
  });

  it('counts the digits in its message', () => {
    const [finding] = run('+49 30 1234 5678 9012 34');
    expect(finding?.message).toBe(
      '`+49 30 1234 5678 9012 34` has 18 digits, too many for a phone number: write `+`, the country code and the number, 7 to 15 digits in all',
    );
  });

  it('leaves a number of the wrong shape to the schema, so it is reported once', () => {
    const found = run('030 1234567');
    expect(found.map((d) => d.ruleId)).toEqual(['schema']);
  });
});

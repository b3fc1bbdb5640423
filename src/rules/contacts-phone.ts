import { isString } from '../model/guards.js';
import { defineRule } from './define-rule.js';

/**
 * The shape the contacts schema accepts. A value outside it already has a
 * schema finding, so this rule only counts the digits of the rest.
 */
const SCHEMA_SHAPE = /^\+[0-9 ().-]{7,25}$/;

/** The digits an international number may have after the `+` (E.164 allows at most 15). */
export const PHONE_DIGITS = { min: 7, max: 15 } as const;

/** A phone number is `+` and 7–15 digits, with spaces, dashes, dots and parentheses allowed between them. */
export const contactsPhone = defineRule({
  id: 'contacts/phone',
  severity: 'error',
  description: 'A contact phone number is `+` and 7 to 15 digits (spaces, dashes, dots and parentheses allowed).',
  run(context) {
    for (const contact of context.partnership.contacts) {
      const phone = contact.value.phone;
      if (!isString(phone) || !SCHEMA_SHAPE.test(phone)) continue;
      const digits = phone.replace(/\D/g, '').length;
      if (digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max) continue;
      const problem = digits < PHONE_DIGITS.min ? 'too few' : 'too many';
      context.report({
        file: contact.file,
        path: [...contact.path, 'phone'],
        message: `\`${phone}\` has ${digits} digits, ${problem} for a phone number: write \`+\`, the country code and the number, 7 to 15 digits in all`,
        data: { phone, digits, min: PHONE_DIGITS.min, max: PHONE_DIGITS.max },
      });
    }
  },
});

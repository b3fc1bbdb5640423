import { isString } from '../model/guards.js';
import type { Item } from '../model/partnership-index.js';
import type { Contact } from '../model/partnership.js';
import { defineRule } from './define-rule.js';

/** No two contacts share an email address (compared without regard to case). */
export const contactsDuplicateEmail = defineRule({
  id: 'contacts/duplicate-email',
  severity: 'error',
  description: 'No two contacts share an email address (ignoring case).',
  run(context) {
    const first = new Map<string, Item<Contact>>();
    for (const contact of context.partnership.contacts) {
      const email = contact.value.email;
      if (!isString(email) || email.trim() === '') continue;
      const key = email.trim().toLowerCase();
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, contact);
        continue;
      }
      const who = isString(earlier.value.id) ? `contact \`${earlier.value.id}\`` : 'another contact';
      context.report({
        file: contact.file,
        path: [...contact.path, 'email'],
        message: `the email address \`${email}\` is already used by ${who}: each contact needs their own`,
        data: { email, first: earlier.value.id },
        related: [{ file: earlier.file, path: [...earlier.path, 'email'], message: `\`${String(earlier.value.email)}\` is first used here` }],
      });
    }
  },
});

import { isString } from '../model/guards.js';
import { defineRule } from './define-rule.js';
import { referencesOf } from './references.js';

/** A contact that no file names: a leaver never removed, or a reference spelled differently. */
export const contactsUnreferenced = defineRule({
  id: 'contacts/unreferenced',
  severity: 'warning',
  description: 'Every contact is named somewhere: as an owner, role holder, escalation contact, chair, attendee…',
  run(context) {
    const p = context.partnership;
    // A file that did not parse may be the one naming a contact: say nothing rather than guess.
    if (p.files.some((f) => f.kind !== null && f.kind !== 'config' && !f.ok)) return;
    const named = new Set(
      referencesOf(p)
        .filter((r) => r.target === 'contact' || r.target === 'role-or-contact')
        .map((r) => r.id),
    );
    for (const contact of p.contacts) {
      const id = contact.value.id;
      if (!isString(id) || named.has(id)) continue;
      context.report({
        file: contact.file,
        path: [...contact.path, 'id'],
        message: `contact \`${id}\` is not named anywhere (no role, escalation level, meeting, owner or action): remove it, or add it where it belongs`,
        data: { id },
      });
    }
  },
});

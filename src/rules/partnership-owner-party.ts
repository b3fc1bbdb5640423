import { isObject, isString } from '../model/guards.js';
import type { Contact, Party } from '../model/partnership.js';
import { defineRule } from './define-rule.js';

/** Each account lead belongs to the side they lead. */
export const partnershipOwnerParty = defineRule({
  id: 'partnership/owner-party',
  severity: 'error',
  description: '`owners.client` is a client contact and `owners.provider` a provider contact.',
  run(context) {
    const p = context.partnership;
    const part = p.partnership;
    if (!part || !isObject(part.value.owners)) return;
    for (const side of ['client', 'provider'] as const satisfies readonly Party[]) {
      const id = part.value.owners[side];
      if (!isString(id)) continue;
      // An unknown contact is `ref/unknown-contact`'s finding.
      const contact = p.lookup<Contact>('contact', id);
      const party = contact?.value.party;
      if (!contact || (party !== 'client' && party !== 'provider') || party === side) continue;
      context.report({
        file: part.file,
        path: ['owners', side],
        message: `\`owners.${side}\` must be a ${side} contact, but \`${id}\` is on the ${party} side`,
        data: { owner: side, contact: id, party },
        related: [{ file: contact.file, path: [...contact.path.slice(0, -1), 'party'], message: `\`${id}\` is a ${party} contact` }],
      });
    }
  },
});

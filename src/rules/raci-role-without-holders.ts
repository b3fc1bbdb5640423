import { isString } from '../model/guards.js';
import { defineRule } from './define-rule.js';

/** A role that nobody holds: whoever is accountable through it is nobody. */
export const raciRoleWithoutHolders = defineRule({
  id: 'raci/role-without-holders',
  severity: 'warning',
  description: 'Every role has at least one holder.',
  run(context) {
    for (const role of context.partnership.roles) {
      const { holders, id } = role.value;
      const empty = holders === undefined || holders === null || (Array.isArray(holders) && holders.length === 0);
      if (!empty) continue;
      const name = isString(id) ? `role \`${id}\`` : 'this role';
      context.report({
        file: role.file,
        path: [...role.path, 'holders'],
        message: `${name} has no holders: list the contacts who fill it in \`holders\``,
        data: { role: id },
      });
    }
  },
});

import { isObject, stringsOf } from '../model/guards.js';
import { defineRule } from './define-rule.js';

/** Escalating means reaching someone new: a path's levels do not all name the same contacts. */
export const escalationSameContacts = defineRule({
  id: 'escalation/same-contacts',
  severity: 'warning',
  description: 'The levels of an escalation path do not all name the same contacts.',
  run(context) {
    for (const path of context.partnership.paths) {
      const levels = Array.isArray(path.value.levels) ? path.value.levels : [];
      if (levels.length < 2) continue;
      const sets = levels.map((level) =>
        isObject(level) && Array.isArray(level.contacts) ? [...new Set(stringsOf(level.contacts).map((c) => c.value))].sort() : undefined,
      );
      const first = sets[0];
      if (!first || first.length === 0) continue;
      const key = first.join('\0');
      if (!sets.every((s) => s !== undefined && s.join('\0') === key)) continue;
      const lastIndex = levels.length - 1;
      context.report({
        file: path.file,
        path: [...path.path, 'levels', lastIndex, 'contacts'],
        message: `every level of path \`${String(path.value.id)}\` names the same contacts (${first.map((c) => `\`${c}\``).join(', ')}): there is nobody to escalate to; name someone more senior in the later levels`,
        data: { path: path.value.id, contacts: first, levels: levels.length },
        related: [{ file: path.file, path: [...path.path, 'levels', 0, 'contacts'], message: 'the first level names the same contacts' }],
      });
    }
  },
});

import type { RuleContext } from './define-rule.js';
import { didYouMean } from '../text/suggest.js';
import { DEFINED_IN, referencesTo, resolves, type RefTarget } from './references.js';

/** Reports every reference of one target kind that names nothing; shared by the `ref/unknown-*` rules. */
export function reportUnknownReferences(context: RuleContext, target: RefTarget): void {
  const p = context.partnership;
  for (const ref of referencesTo(p, target)) {
    if (resolves(p, ref)) continue;
    const kinds: Exclude<RefTarget, 'role-or-contact'>[] = target === 'role-or-contact' ? ['role', 'contact'] : [target];
    let candidates = kinds.flatMap((k) => p.idsOf(k));
    if (target === 'priority') {
      candidates = p.priorities
        .filter((pr) => !ref.services?.length || ref.services.includes(String(pr.service.value.id)))
        .flatMap((pr) => (typeof pr.value.id === 'string' ? [{ id: pr.value.id, value: pr.value, file: pr.file, path: [...pr.path, 'id'] }] : []));
    }
    const ids = candidates.map((c) => c.id);
    if (target === 'calendar' && !ids.includes('24x7')) ids.push('24x7');
    const suggestion = didYouMean(ref.id, ids);
    const noun = target === 'role-or-contact' ? 'role or contact' : DEFINED_IN[target].noun;
    const where = kinds
      .map((k) => DEFINED_IN[k].file)
      .filter((f, i, all) => all.indexOf(f) === i)
      .join(' and ');
    const scope = target === 'priority' && ref.services?.length ? ` for service \`${ref.services.join('`, `')}\`` : '';
    const unread = kinds.filter((k) => p.file(DEFINED_IN[k].kind)?.refused).map((k) => DEFINED_IN[k].file);
    const none = unread.length > 0 ? `${[...new Set(unread)].join(' and ')} is not read: a symbolic link govern does not follow` : `${where} defines none`;
    const hint = suggestion ? `; did you mean \`${suggestion}\`?` : ids.length > 0 ? ` (known: ${preview(ids)})` : ` (${none})`;
    const candidate = suggestion ? candidates.find((c) => c.id === suggestion) : undefined;
    context.report({
      file: ref.file,
      path: ref.path,
      message: `no ${noun} \`${ref.id}\`${scope}${hint}`,
      data: { target, id: ref.id, ...(suggestion ? { suggestion } : {}), definedIn: where },
      ...(candidate ? { related: [{ file: candidate.file, path: candidate.path, message: `\`${candidate.id}\` is defined here` }] } : {}),
    });
  }
}

function preview(ids: string[]): string {
  const shown = ids
    .slice(0, 5)
    .map((id) => `\`${id}\``)
    .join(', ');
  return ids.length > 5 ? `${shown}, … ${ids.length - 5} more` : shown;
}

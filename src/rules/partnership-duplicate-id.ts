import { type Diagnostic, FILE_START, type Range } from '../model/diagnostic.js';
import { defineRule } from './define-rule.js';

/** Where a partnership's id is written: plain data, so that it crosses from a worker thread. */
export interface PartnershipIdentity {
  id: string;
  /** The folder, as shown to users. */
  root: string;
  /** Its partnership.yaml, as shown, and the text (for the excerpt under a finding). */
  file: string;
  text: string;
  /** Where `id` is in it; left out by the check, which finds it only for a duplicate (`rangeOf`). */
  range?: Range;
}

/**
 * Two partnerships of one portfolio have the same id: `--partnership`, `govern sla` and `diff` tell
 * partnerships apart by it. This rule looks across partnerships, so the check runs it once over all of
 * them (`duplicatePartnershipIds`), not inside each one.
 */
export const partnershipDuplicateId = defineRule({
  id: 'partnership/duplicate-id',
  severity: 'error',
  phase: 'portfolio',
  description: 'Every partnership of a portfolio has its own `id`.',
  run() {},
});

/** A finding at each partnership.yaml whose id an earlier partnership already has, the first as related. Pure. */
export function duplicatePartnershipIds(
  identities: readonly PartnershipIdentity[],
  rangeOf: (identity: PartnershipIdentity) => Range = (identity) => identity.range ?? FILE_START,
): Omit<Diagnostic, 'severity'>[] {
  const first = new Map<string, PartnershipIdentity>();
  const out: Omit<Diagnostic, 'severity'>[] = [];
  for (const identity of identities) {
    if (identity.id === '') continue;
    const earlier = first.get(identity.id);
    if (!earlier) {
      first.set(identity.id, identity);
      continue;
    }
    out.push({
      ruleId: partnershipDuplicateId.id,
      message: `partnership id \`${identity.id}\` is also the id of the partnership in ${earlier.root}: give each partnership its own id, so that --partnership and reports can tell them apart`,
      file: identity.file,
      path: ['id'],
      range: rangeOf(identity),
      related: [{ file: earlier.file, range: rangeOf(earlier), message: `\`${identity.id}\` first used here` }],
      data: { id: identity.id, first: earlier.root, second: identity.root },
    });
  }
  return out;
}

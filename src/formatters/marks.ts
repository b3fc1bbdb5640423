import type { Diagnostic, Waived } from '../model/diagnostic.js';
import type { CheckSummary } from '../check/run-check.js';
import { safeText as visible } from '../model/safe-text.js';

/** One line on a waived finding: `waived until 2027-03-31 (owner jane-doe): <reason>`. */
export function waivedNote(w: Waived): string {
  return `waived until ${w.expires} (owner ${visible(w.owner)}): ${visible(w.reason)}`;
}

/** How a finding is marked, if it does not count: `waived` or `known` (in the baseline). */
export function markOf(d: Pick<Diagnostic, 'waived' | 'baselineState'>): 'waived' | 'known' | undefined {
  if (d.waived) return 'waived';
  if (d.baselineState === 'unchanged') return 'known';
  return undefined;
}

/** The part of a summary line about findings that do not count: `12 known, 2 waived`; '' when there are none. */
export function notCounted(summary: CheckSummary): string {
  return [summary.known ? `${summary.known} known` : '', summary.waived ? `${summary.waived} waived` : ''].filter(Boolean).join(', ');
}

/** What a run with a baseline says about known findings that are gone. */
export function fixedNote(count: number): string {
  return count === 1 ? '1 known finding is fixed: run --write-baseline to drop it' : `${count} known findings are fixed: run --write-baseline to drop them`;
}

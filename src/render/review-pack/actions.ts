import type { PartnershipIndex } from '../../model/partnership-index.js';
import type { Directory } from '../directory.js';
import { str } from '../directory.js';
import { daysBetween } from '../format.js';
import type { ActionRow } from './types.js';

/** Every action still open from the reviews of periods that end when this one ends or earlier; overdue first, then by due date. */
/**
 * Every action still open on the day the pack is prepared, from every review
 * record whichever period it is for (FORMAT.md v1.1): an action agreed at a
 * later review, or filed under the month it was agreed in, is still open work.
 */
export function buildActions(index: PartnershipIndex, dir: Directory, today: string): ActionRow[] {
  const rows: ActionRow[] = index.actions
    .filter(({ value }) => (value.status ?? 'open') === 'open')
    .map(({ value, review }) => {
      const due = str(value.due);
      const daysLeft = due === null ? null : daysBetween(today, due);
      return {
        id: str(value.id) ?? '',
        title: str(value.title) ?? 'title not stated',
        owner: str(value.owner) === null ? null : dir.who(value.owner),
        due,
        overdue: daysLeft !== null && daysLeft < 0,
        daysLeft,
        review: review.period?.label ?? '',
      };
    });
  return rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || compareDue(a.due ?? '9999', b.due ?? '9999') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A due date as the format writes it, or the `9999` an action without one sorts as. */
const DATE_OR_NONE = /^(?:\d{4}-\d{2}-\d{2}|9999)$/;

/**
 * Two due dates in `localeCompare`'s order. Dates as the format writes them
 * compare by code unit, which is the same order in every locale (the `-` stand
 * in the same places, so the first difference is a digit, and digits collate
 * in order; `9999` is a prefix or differs in a digit) without the first
 * `localeCompare` of the run, which builds the runtime's collator (about 6 ms
 * of a review pack). Any other text (a file with errors, rendered with
 * `--allow-invalid`) still goes to `localeCompare`.
 */
export function compareDue(a: string, b: string): number {
  if (DATE_OR_NONE.test(a) && DATE_OR_NONE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

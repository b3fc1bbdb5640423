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
  return rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

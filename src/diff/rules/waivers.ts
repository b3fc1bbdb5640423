import { isObject, isString } from '../../model/guards.js';
import { asDate, type ChangeRule, contactName, type DiffContext, id, itemOf, onScale, show, tightened, weakened } from './context.js';

/** A waiver in words: `Waiver of escalation/last-level-late at major-incident (until 2027-03-31, owner jane-doe)`. */
function waiverLabel(c: DiffContext): string {
  const w = itemOf(c);
  if (!isObject(w)) return `Waiver ${id(c, 0)}`;
  const where = [isString(w.file) ? `in ${w.file}` : '', w.at !== undefined ? `at ${show(w.at)}` : ''].filter(Boolean).join(' ');
  const terms = [isString(w.expires) ? `until ${w.expires}` : '', isString(w.owner) ? `owner ${contactName(c, w.owner)}` : ''].filter(Boolean).join(', ');
  return `Waiver of ${show(w.rule)}${where ? ` ${where}` : ''}${terms ? ` (${terms})` : ''}`;
}

// A waiver lets a finding pass the check: adding or extending one weakens the partnership's checks.
/** The change rules of waivers files. */
export const waivers: ChangeRule[] = [
  {
    pattern: 'waivers.*',
    category: 'governance',
    classify: (c) =>
      c.change === 'added'
        ? weakened(`${waiverLabel(c)} added: its findings no longer fail the check`)
        : tightened(`${waiverLabel(c)} removed: its findings fail the check again`),
  },
  {
    pattern: 'waivers.*.expires',
    category: 'governance',
    classify: (c) =>
      onScale(c, `Waiver of ${show(c.atHead([...c.path.slice(0, 2), 'rule']) ?? c.atBase([...c.path.slice(0, 2), 'rule']))}`, {
        measure: asDate,
        worse: 'higher',
        up: 'extended',
        down: 'shortened',
        added: 'weakened',
        removed: 'tightened',
      }),
  },
];

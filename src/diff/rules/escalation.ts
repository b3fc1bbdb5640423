import { arrayOf, isObject } from '../../model/guards.js';
import { labelOf, sameScalar, sameSet } from '../values.js';
import { calendarRef, type ChangeRule, contactName, duration, id, itemOf, nameOf, neutral, obligation, onScale, quote, show, tightened, weakened } from './context.js';

/** The change rules of escalation files. */
export const escalation: ChangeRule[] = [
  { pattern: 'paths.*', category: 'operational', classify: obligation((c) => `Escalation path ${id(c, 0)}`) },
  {
    pattern: 'paths.*.appliesTo.services.*',
    category: 'operational',
    classify: (c) =>
      c.change === 'added'
        ? tightened(`Escalation path ${id(c, 0)} now also covers ${nameOf(c, 'slas.yaml', 'services', id(c, 1))}`)
        : weakened(`Escalation path ${id(c, 0)} no longer covers ${nameOf(c, 'slas.yaml', 'services', id(c, 1))}`),
  },
  {
    pattern: 'paths.*.appliesTo.priorities.*',
    category: 'operational',
    classify: (c) =>
      c.change === 'added' ? tightened(`Escalation path ${id(c, 0)} now also covers ${id(c, 1)}`) : weakened(`Escalation path ${id(c, 0)} no longer covers ${id(c, 1)}`),
  },
  {
    pattern: 'paths.*.levels.*',
    category: 'operational',
    classify: (c) => {
      const level = itemOf(c);
      const after = isObject(level) && level.after !== undefined ? ` (after ${show(level.after)})` : '';
      return c.change === 'added'
        ? tightened(`Escalation path ${id(c, 0)}: level ${quote(labelOf(level, id(c, 1)))}${after} added`)
        : weakened(`Escalation path ${id(c, 0)}: level ${quote(labelOf(level, id(c, 1)))}${after} removed`);
    },
  },
  {
    pattern: 'paths.*.levels.*.after',
    category: 'operational',
    classify: (c) => onScale(c, `Escalation to ${quote(id(c, 1))} on path ${id(c, 0)}`, duration('delayed', 'brought forward')),
  },
  {
    pattern: 'paths.*.levels.*.contacts',
    category: 'people',
    whole: true,
    same: (a, b) => sameSet(arrayOf(a), arrayOf(b)),
    classify: (c) => {
      const b = arrayOf(c.before);
      const a = arrayOf(c.after);
      const names = (list: unknown[]): string => list.map((x) => contactName(c, x)).join(', ') || '(nobody)';
      const subject = `Contacts at level ${quote(id(c, 1))} of escalation path ${id(c, 0)}`;
      const gone = b.filter((x) => !a.some((y) => sameScalar(x, y)));
      const come = a.filter((x) => !b.some((y) => sameScalar(x, y)));
      if (come.length === 0 && gone.length > 0) return weakened(`${subject}: ${names(gone)} removed, leaving ${names(a)}`);
      if (gone.length === 0 && come.length > 0) return tightened(`${subject}: ${names(come)} added`);
      return neutral(`${subject} changed from ${names(b)} to ${names(a)}`);
    },
  },
  {
    pattern: 'paths.*.levels.*.coverage',
    category: 'operational',
    classify: (c) => calendarRef(c, `Coverage of level ${quote(id(c, 1))} on escalation path ${id(c, 0)}`),
  },
];

import { isObject, isString } from '../../model/guards.js';
import { labelOf } from '../values.js';
import { calendarRef, type ChangeRule, contactName, id, itemOf, neutral } from './context.js';

/** The change rules of contacts files. */
export const contacts: ChangeRule[] = [
  {
    pattern: 'contacts.*',
    category: 'people',
    classify: (c) => {
      const item = itemOf(c);
      const party = isObject(item) && isString(item.party) ? `, ${item.party}` : '';
      return neutral(`Contact ${labelOf(item, id(c, 0))} (${id(c, 0)}${party}) ${c.change}`);
    },
  },
  {
    pattern: 'contacts.*.hours',
    category: 'people',
    classify: (c) => {
      const verdict = calendarRef(c, `Hours of contact ${contactName(c, id(c, 0))}`);
      return c.head.contactParty(id(c, 0)) === 'provider' ? verdict : { ...verdict, impact: 'neutral' };
    },
  },
];

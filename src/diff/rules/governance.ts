import { isObject, isString } from '../../model/guards.js';
import { labelOf } from '../values.js';
import { calendarRef, type ChangeRule, duration, id, itemOf, nameOf, neutral, obligation, onScale, plain, quote, show, tightened, weakened } from './context.js';
import { clientVoice } from './raci.js';

// --- governance ---

const CADENCE_RANK: Readonly<Record<string, number>> = { weekly: 1, biweekly: 2, monthly: 3, quarterly: 4, yearly: 5 };
export const PER_RANK: Readonly<Record<string, number>> = { month: 1, quarter: 2, year: 3 };
export const rank =
  (table: Readonly<Record<string, number>>) =>
  (v: unknown): number | null =>
    isString(v) ? (table[v] ?? null) : null;

/** The change rules of governance files. */
export const governance: ChangeRule[] = [
  {
    pattern: 'meetings.*',
    category: 'governance',
    classify: obligation((c) => {
      const meeting = itemOf(c);
      const cadence = isObject(meeting) && meeting.cadence !== undefined ? ` (${show(meeting.cadence)})` : '';
      return `Meeting ${labelOf(meeting, id(c, 0))}${cadence}`;
    }),
  },
  {
    pattern: 'meetings.*.cadence',
    category: 'governance',
    classify: (c) =>
      onScale(c, `Meeting ${nameOf(c, 'governance.yaml', 'meetings', id(c, 0))}`, {
        measure: rank(CADENCE_RANK),
        worse: 'higher',
        up: 'thinned',
        down: 'made more frequent',
        added: 'neutral',
        removed: 'neutral',
      }),
  },
  {
    pattern: 'meetings.*.duration',
    category: 'governance',
    classify: (c) =>
      onScale(c, `Duration of meeting ${nameOf(c, 'governance.yaml', 'meetings', id(c, 0))}`, {
        ...duration('lengthened', 'shortened'),
        worse: 'lower',
        added: 'neutral',
        removed: 'neutral',
      }),
  },
  { pattern: 'meetings.*.chair', category: 'people', classify: (c) => neutral(plain(c, `Chair of meeting ${nameOf(c, 'governance.yaml', 'meetings', id(c, 0))}`)) },
  {
    pattern: 'meetings.*.attendees.*',
    category: 'people',
    classify: (c) => {
      const meeting = nameOf(c, 'governance.yaml', 'meetings', id(c, 0));
      return clientVoice(c, (who) => ({ added: `${who} now attends ${meeting}`, removed: `${who} no longer attends ${meeting}` }));
    },
  },
  {
    pattern: 'meetings.*.agenda.*',
    category: 'governance',
    classify: (c) => {
      const meeting = nameOf(c, 'governance.yaml', 'meetings', id(c, 0));
      return c.change === 'added'
        ? tightened(`${quote(c.after)} added to the agenda of ${meeting}`)
        : weakened(`${quote(c.before)} removed from the agenda of ${meeting}`);
    },
  },
  { pattern: 'channels.*', category: 'operational', classify: obligation((c) => `Channel ${id(c, 0)}`) },
  { pattern: 'channels.*.hours', category: 'operational', classify: (c) => calendarRef(c, `Hours of channel ${id(c, 0)}`) },
  {
    pattern: 'channels.*.staffing',
    category: 'operational',
    classify: (c) =>
      onScale(c, `Staffing of channel ${id(c, 0)}`, {
        measure: rank({ 'first-line': 1, senior: 2 }),
        worse: 'lower',
        up: 'raised',
        down: 'lowered',
        added: 'neutral',
        removed: 'neutral',
      }),
  },
];

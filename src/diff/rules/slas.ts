import { arrayOf, isNumber, isObject } from '../../model/guards.js';
import { weeklyHours } from '../coverage.js';
import type { SideView } from '../side-view.js';
import { labelOf } from '../values.js';
import {
  asNumber,
  calendarRef,
  type ChangeRule,
  coverage,
  type DiffContext,
  duration,
  id,
  itemOf,
  money,
  neutral,
  obligation,
  onScale,
  percent,
  service,
  show,
  tightened,
  type Verdict,
  weakened,
} from './context.js';
import { PER_RANK, rank } from './governance.js';

// --- credit tiers ---

interface Tier {
  below: number;
  percent: number;
}

function tiersOf(value: unknown): Tier[] {
  return arrayOf(value).flatMap((t) => (isObject(t) && isNumber(t.below) && isNumber(t.percent) ? [{ below: t.below, percent: t.percent }] : []));
}

/** The credit a tier list gives at an availability: the largest percent among tiers it is strictly under. */
function creditAt(tiers: readonly Tier[], availability: number): number {
  return tiers.reduce((best, t) => (availability < t.below && t.percent > best ? t.percent : best), 0);
}

const showTiers = (value: unknown): string => {
  const tiers = tiersOf(value);
  return tiers.length === 0 ? '(none)' : tiers.map((t) => `${t.percent}% below ${t.below}%`).join(', ');
};

function creditTiers(c: DiffContext): Verdict {
  const subject = `Service credits for ${service(c)}`;
  if (c.change === 'added') return tightened(`${subject} introduced: ${showTiers(c.after)}`);
  if (c.change === 'removed') return weakened(`${subject} removed (were ${showTiers(c.before)})`);
  const b = tiersOf(c.before);
  const a = tiersOf(c.after);
  const points = [0, ...[...b, ...a].flatMap((t) => [t.below, t.below - 1e-6])];
  let lower = false;
  let higher = false;
  for (const p of points) {
    const diff = creditAt(a, p) - creditAt(b, p);
    if (diff < 0) lower = true;
    if (diff > 0) higher = true;
  }
  const fromTo = `from ${showTiers(c.before)} to ${showTiers(c.after)}`;
  if (lower && higher) return weakened(`${subject} lower at some availability levels and higher at others, ${fromTo}`);
  if (lower) return weakened(`${subject} lowered ${fromTo}`);
  if (higher) return tightened(`${subject} raised ${fromTo}`);
  return neutral(`${subject} rewritten with the same effect, ${fromTo}`);
}

const sameTiers = (x: unknown, y: unknown): boolean => {
  const a = tiersOf(x);
  const b = tiersOf(y);
  return a.length === b.length && arrayOf(x).length === arrayOf(y).length && a.every((t) => b.some((u) => u.below === t.below && u.percent === t.percent));
};

/** The change rules of slas files. */
export const slas: ChangeRule[] = [
  { pattern: 'calendars.*', category: 'operational', classify: (c) => neutral(`Calendar ${id(c, 0)} ${c.change}`) },
  {
    pattern: 'calendars.*.hours',
    category: 'operational',
    whole: true,
    classify: (c) => coverage(`Hours of calendar ${id(c, 0)}`, c.before, c.after, weeklyHours(c.before), weeklyHours(c.after)),
  },
  {
    pattern: 'calendars.*.holidays.*',
    category: 'operational',
    classify: (c) =>
      c.change === 'added'
        ? weakened(`Holiday ${show(c.after)} added to calendar ${id(c, 0)}: no service time that day`)
        : tightened(`Holiday ${show(c.before)} removed from calendar ${id(c, 0)}: service time that day again`),
  },
  { pattern: 'services.*', category: 'operational', classify: obligation((c) => `Service ${labelOf(itemOf(c), id(c, 0))}`) },
  { pattern: 'services.*.calendar', category: 'operational', classify: (c) => calendarRef(c, `Calendar of ${service(c)}`) },
  {
    pattern: 'services.*.availability.target',
    category: 'operational',
    classify: (c) =>
      onScale(c, `Availability target for ${service(c)}`, {
        measure: asNumber,
        worse: 'lower',
        up: 'raised',
        down: 'lowered',
        added: 'tightened',
        removed: 'weakened',
        show: percent,
      }),
  },
  {
    pattern: 'services.*.availability.per',
    category: 'operational',
    classify: (c) =>
      onScale(c, `Availability period for ${service(c)}`, {
        measure: rank(PER_RANK),
        worse: 'higher',
        up: 'lengthened|outages are averaged over a longer time',
        down: 'shortened',
        added: 'neutral',
        removed: 'neutral',
      }),
  },
  { pattern: 'services.*.monthlyFee', category: 'commercial', whole: true, classify: (c) => money(c, `Monthly fee for ${service(c)}`, 'month') },
  {
    pattern: 'services.*.clockStops.*',
    category: 'operational',
    classify: (c) =>
      c.change === 'added'
        ? weakened(`Clock-stop reason ${show(c.after)} added for ${service(c)}: the SLA clock may now stop for it`)
        : tightened(`Clock-stop reason ${show(c.before)} removed for ${service(c)}: the SLA clock no longer stops for it`),
  },
  { pattern: 'services.*.priorities.*', category: 'operational', classify: obligation((c) => `Priority ${id(c, 1)} of ${service(c)}`) },
  {
    pattern: 'services.*.priorities.*.response',
    category: 'operational',
    classify: (c) => onScale(c, `${id(c, 1)} response for ${service(c)}`, duration('loosened', 'tightened')),
  },
  {
    pattern: 'services.*.priorities.*.resolution',
    category: 'operational',
    classify: (c) => onScale(c, `${id(c, 1)} resolution for ${service(c)}`, duration('loosened', 'tightened')),
  },
  {
    pattern: 'services.*.priorities.*.target',
    category: 'operational',
    classify: (c) =>
      onScale(c, `${id(c, 1)} target for ${service(c)} (incidents that must meet the SLA)`, {
        measure: asNumber,
        worse: 'lower',
        up: 'raised',
        down: 'lowered',
        added: 'tightened',
        removed: 'weakened',
        show: percent,
      }),
  },
  {
    pattern: 'services.*.priorities.*.calendar',
    category: 'operational',
    classify: (c) =>
      calendarRef(
        c,
        `${id(c, 1)} calendar for ${service(c)}`,
        c.before ?? c.base.priorityCalendar(id(c, 0), id(c, 1)),
        c.after ?? c.head.priorityCalendar(id(c, 0), id(c, 1)),
      ),
  },
  { pattern: 'services.*.credits.tiers', category: 'commercial', whole: true, same: sameTiers, classify: creditTiers },
  {
    pattern: 'services.*.credits.cap',
    category: 'commercial',
    classify: (c) => {
      const subject = `Credit cap for ${service(c)}`;
      // A cap that leaves or arrives with the tiers it caps changes nothing by itself: the tiers' change says what the client loses or gains.
      const tiersAt = (side: SideView): number => {
        const credits = side.service(id(c, 0))?.credits;
        return tiersOf(isObject(credits) ? credits.tiers : undefined).length;
      };
      if (c.change === 'removed' && tiersAt(c.head) === 0) return neutral(`${subject} removed with the credits (was ${percent(c.before)})`);
      if (c.change === 'added' && tiersAt(c.base) === 0) return neutral(`${subject} set to ${percent(c.after)} with the new credits`);
      return onScale(c, subject, { measure: asNumber, worse: 'lower', up: 'raised', down: 'lowered', added: 'weakened', removed: 'tightened', show: percent });
    },
  },
];

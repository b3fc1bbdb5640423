import { arrayOf, isObject, isString } from '../../model/guards.js';
import { parseInstantQuickly } from '../../time/instant.js';
import type { SideView } from '../side-view.js';
import { minutesOf } from '../values.js';
import { asDate, type ChangeRule, type DiffContext, id, itemOf, neutral, onScale, plain, type Scale, show, tightened, type Verdict, weakened } from './context.js';

/** An incident moved to another priority: looser targets (a longer resolution) are worse for the client. */
function incidentPriority(c: DiffContext): Verdict {
  const subject = `Incident ${id(c, 0)}`;
  if (c.change !== 'changed') return neutral(plain(c, `Priority of incident ${id(c, 0)}`));
  const serviceId = (data: unknown): unknown => (isObject(data) ? data.service : undefined);
  const resolution = (side: SideView, service: unknown, priority: unknown): number | null => {
    const found = arrayOf(side.service(service)?.priorities).find((p) => isObject(p) && p.id === priority);
    return isObject(found) ? minutesOf(found.resolution) : null;
  };
  const b = resolution(c.base, serviceId(c.atBase(c.path.slice(0, 2))), c.before);
  const a = resolution(c.head, serviceId(c.atHead(c.path.slice(0, 2))), c.after);
  const sentence = `${subject} moved from ${show(c.before)} to ${show(c.after)}`;
  if (b === null || a === null || a === b) return neutral(sentence);
  return a > b ? weakened(`${sentence}: it is held to looser targets`) : tightened(`${sentence}: it is held to stricter targets`);
}

// Instants are read as `govern sla` and the rules read them, in every spelling the schema accepts.
const asInstant = (v: unknown): number | null => (isString(v) ? (parseInstantQuickly(v) ?? asDate(v)) : null);
const instantScale = (up: string, down: string, worse: 'higher' | 'lower'): Scale => ({ measure: asInstant, worse, up, down, added: 'neutral', removed: 'neutral' });

/** The change rules of measurements files. */
export const measurements: ChangeRule[] = [
  {
    pattern: 'incidents.*',
    category: 'operational',
    classify: (c) =>
      c.change === 'added' ? neutral(`Incident ${id(c, 0)} recorded`) : weakened(`Incident ${id(c, 0)} removed from the record: it no longer counts against the SLA`),
  },
  {
    pattern: 'incidents.*.clockStops.*',
    category: 'operational',
    classify: (c) => {
      const stop = itemOf(c);
      const reason = isObject(stop) && stop.reason !== undefined ? ` (${show(stop.reason)})` : '';
      return c.change === 'added'
        ? weakened(`Clock stop${reason} added to incident ${id(c, 0)}: less of its time counts`)
        : tightened(`Clock stop${reason} removed from incident ${id(c, 0)}: more of its time counts`);
    },
  },
  {
    pattern: 'incidents.*.responded',
    category: 'operational',
    classify: (c) =>
      onScale(c, `Response time recorded for incident ${id(c, 0)}`, instantScale('moved later', 'moved earlier|the incident looks better than before', 'lower')),
  },
  {
    pattern: 'incidents.*.resolved',
    category: 'operational',
    classify: (c) =>
      onScale(c, `Resolution time recorded for incident ${id(c, 0)}`, instantScale('moved later', 'moved earlier|the incident looks better than before', 'lower')),
  },
  {
    pattern: 'incidents.*.opened',
    category: 'operational',
    classify: (c) =>
      onScale(c, `Opening time recorded for incident ${id(c, 0)}`, instantScale('moved later|the incident looks better than before', 'moved earlier', 'higher')),
  },
  {
    pattern: 'incidents.*.clockStops.*.to',
    category: 'operational',
    classify: (c) =>
      onScale(
        c,
        `End of clock stop ${id(c, 1)} on incident ${id(c, 0)}`,
        instantScale('moved later|more of its time is paused', 'moved earlier|less of its time is paused', 'higher'),
      ),
  },
  { pattern: 'incidents.*.priority', category: 'operational', classify: incidentPriority },
  {
    pattern: 'downtime.*',
    category: 'operational',
    classify: (c) =>
      c.change === 'added'
        ? neutral(`Downtime ${id(c, 0)} recorded`)
        : weakened(`Downtime ${id(c, 0)} removed from the record: it no longer counts against availability`),
  },
  {
    pattern: 'downtime.*.to',
    category: 'operational',
    classify: (c) => onScale(c, `End of downtime ${id(c, 0)}`, instantScale('moved later', 'moved earlier|less downtime counts', 'lower')),
  },
  {
    pattern: 'downtime.*.planned',
    category: 'operational',
    classify: (c) =>
      c.after === true
        ? weakened(`Downtime ${id(c, 0)} now counted as planned: it no longer counts against availability`)
        : c.before === true
          ? tightened(`Downtime ${id(c, 0)} no longer counted as planned`)
          : neutral(plain(c, `Downtime ${id(c, 0)} planned`)),
  },
];

import { arrayOf, isObject, isString } from '../model/guards.js';
import type { YamlPath } from '../model/diagnostic.js';
import { defineRule } from './define-rule.js';
import { readInstant } from './measurements-outside-period.js';

/** Times in a measurement file run forwards: nothing ends before it starts, clock stops lie inside their incident. */
export const measurementsTimeOrder = defineRule({
  id: 'measurements/time-order',
  severity: 'error',
  description: 'Responses and resolutions come after opening, downtime ends after it starts, and clock stops lie inside their incident.',
  run(context) {
    for (const m of context.partnership.measurements) {
      const report = (path: YamlPath, message: string, data: Record<string, unknown>): void => context.report({ file: m.file, path, message, data });

      // Plain loops, with no closure, callback or iterator per incident: an import's check runs this over
      // every incident in code V8 has not optimised (bin/load-bundle.cjs), where those cost more than the reading.
      const incidents = arrayOf(m.data.incidents);
      for (let i = 0; i < incidents.length; i++) {
        const inc = incidents[i];
        if (!isObject(inc)) continue;
        const opened = readInstant(inc.opened);
        // A resolution before the opening is reported on its own; it is no bound for the clock stops.
        const resolvedAt = readInstant(inc.resolved);
        const resolved = resolvedAt && (!opened || resolvedAt >= opened) ? resolvedAt : null;
        if (opened) {
          const respondedAt = readInstant(inc.responded);
          if (respondedAt && respondedAt < opened) reportEarly(report, inc, i, 'responded');
          if (resolvedAt && resolvedAt < opened) reportEarly(report, inc, i, 'resolved');
        }
        if (Array.isArray(inc.clockStops)) checkClockStops(report, inc, i, inc.clockStops, opened, resolved);
      }

      arrayOf(m.data.downtime).forEach((dt, i) => {
        if (!isObject(dt)) return;
        const from = readInstant(dt.from);
        const to = readInstant(dt.to);
        if (!from || !to || to >= from) return;
        report(['downtime', i, 'to'], `downtime${isString(dt.service) ? ` of \`${dt.service}\`` : ''} ends at ${String(dt.to)}, before it starts at ${String(dt.from)}`, {
          service: dt.service ?? null,
          from: dt.from,
          to: dt.to,
        });
      });
    }
  },
});

type Report = (path: YamlPath, message: string, data: Record<string, unknown>) => void;

/** The name of an incident in a message: its id, else its place in the list. */
function incidentName(inc: Record<string, unknown>, i: number): string {
  return `incident ${isString(inc.id) ? `\`${inc.id}\`` : i + 1}`;
}

/** A response or resolution before the opening. */
function reportEarly(report: Report, inc: Record<string, unknown>, i: number, field: 'responded' | 'resolved'): void {
  report(
    ['incidents', i, field],
    `${incidentName(inc, i)} was ${field === 'responded' ? 'responded to' : 'resolved'} at ${String(inc[field])}, before it was opened at ${String(inc.opened)}`,
    { incident: inc.id ?? null, field, value: inc[field], opened: inc.opened },
  );
}

/** Clock stops lie inside their incident, and each ends after it starts. */
function checkClockStops(report: Report, inc: Record<string, unknown>, i: number, stops: unknown[], opened: number | null, resolved: number | null): void {
  stops.forEach((stop, j) => {
    if (!isObject(stop)) return;
    const from = readInstant(stop.from);
    const to = readInstant(stop.to);
    if (!((from && opened && from < opened) || (from && to && to < from) || (to && resolved && to > resolved))) return;
    const path = ['incidents', i, 'clockStops', j];
    const name = incidentName(inc, i);
    const data = { incident: inc.id ?? null, from: stop.from, to: stop.to };
    if (from && opened && from < opened) {
      report(
        [...path, 'from'],
        `a clock stop of ${name} starts at ${String(stop.from)}, before the incident was opened at ${String(inc.opened)}: the clock can only stop while the incident is open`,
        { ...data, opened: inc.opened },
      );
    }
    if (from && to && to < from) {
      report([...path, 'to'], `a clock stop of ${name} ends at ${String(stop.to)}, before it starts at ${String(stop.from)}`, data);
    } else if (to && resolved && to > resolved) {
      report(
        [...path, 'to'],
        `a clock stop of ${name} ends at ${String(stop.to)}, after the incident was resolved at ${String(inc.resolved)}: the clock can only stop while the incident is open`,
        { ...data, resolved: inc.resolved },
      );
    }
  });
}

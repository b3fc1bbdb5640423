import { arrayOf, isObject, isString } from '../model/guards.js';
import type { YamlPath } from '../model/diagnostic.js';
import { defineRule } from './define-rule.js';
import { readInstant } from './measurements-outside-period.js';

const TIMES = ['responded', 'resolved'] as const;

/** Times in a measurement file run forwards: nothing ends before it starts, clock stops lie inside their incident. */
export const measurementsTimeOrder = defineRule({
  id: 'measurements/time-order',
  severity: 'error',
  description: 'Responses and resolutions come after opening, downtime ends after it starts, and clock stops lie inside their incident.',
  run(context) {
    for (const m of context.partnership.measurements) {
      const report = (path: YamlPath, message: string, data: Record<string, unknown>): void => context.report({ file: m.file, path, message, data });

      arrayOf(m.data.incidents).forEach((inc, i) => {
        if (!isObject(inc)) return;
        // The name and path only for a finding: most incidents have none.
        const nameOf = (): string => `incident ${isString(inc.id) ? `\`${inc.id}\`` : i + 1}`;
        const opened = readInstant(inc.opened);
        // A resolution before the opening is reported on its own; it is no bound for the clock stops.
        const resolvedAt = readInstant(inc.resolved);
        const resolved = resolvedAt && (!opened || resolvedAt >= opened) ? resolvedAt : null;
        for (const field of TIMES) {
          const at = field === 'resolved' ? resolvedAt : readInstant(inc[field]);
          if (opened && at && at < opened) {
            const base = ['incidents', i];
            const name = nameOf();
            report(
              [...base, field],
              `${name} was ${field === 'responded' ? 'responded to' : 'resolved'} at ${String(inc[field])}, before it was opened at ${String(inc.opened)}`,
              { incident: inc.id ?? null, field, value: inc[field], opened: inc.opened },
            );
          }
        }
        if (!Array.isArray(inc.clockStops)) return;
        inc.clockStops.forEach((stop, j) => {
          if (!isObject(stop)) return;
          const from = readInstant(stop.from);
          const to = readInstant(stop.to);
          if (!((from && opened && from < opened) || (from && to && to < from) || (to && resolved && to > resolved))) return;
          const path = ['incidents', i, 'clockStops', j];
          const name = nameOf();
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
      });

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

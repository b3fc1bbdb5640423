import { arrayOf, isObject, isString, stringsOf } from '../model/guards.js';
import type { Service } from '../model/partnership.js';
import { defineRule } from './define-rule.js';
import { didYouMean } from '../text/suggest.js';

/** Incidents only stop the SLA clock for reasons their service's contract allows. */
export const measurementsClockStopReason = defineRule({
  id: 'measurements/clock-stop-reason',
  severity: 'error',
  description: "A clock stop's `reason` is one of the `clockStops` its service allows in slas.yaml.",
  run(context) {
    const p = context.partnership;
    if (!p.canResolve('slas')) return;
    for (const m of p.measurements) {
      arrayOf(m.data.incidents).forEach((inc, i) => {
        // Most incidents have no clock stop: nothing to look up for them.
        if (!isObject(inc) || !isString(inc.service) || arrayOf(inc.clockStops).length === 0) return;
        const service = p.lookup<Service>('service', inc.service);
        if (!service) return;
        const allowed = stringsOf(service.value.clockStops).map((s) => s.value);
        arrayOf(inc.clockStops).forEach((stop, j) => {
          if (!isObject(stop) || !isString(stop.reason) || allowed.includes(stop.reason)) return;
          const suggestion = didYouMean(stop.reason, allowed);
          const listed =
            allowed.length === 0
              ? `service \`${inc.service as string}\` allows no clock stops`
              : `service \`${inc.service as string}\` allows only ${allowed.map((a) => `\`${a}\``).join(', ')}`;
          context.report({
            file: m.file,
            path: ['incidents', i, 'clockStops', j, 'reason'],
            message: `the clock of incident ${isString(inc.id) ? `\`${inc.id}\`` : i + 1} is stopped for \`${stop.reason}\`, which the contract does not allow: ${listed}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
            data: { incident: inc.id ?? null, service: inc.service, reason: stop.reason, allowed, ...(suggestion ? { suggestion } : {}) },
            related: [
              {
                file: service.file,
                path: service.value.clockStops !== undefined ? [...service.path.slice(0, -1), 'clockStops'] : service.path,
                message: `the clock stops \`${inc.service as string}\` allows`,
              },
            ],
          });
        });
      });
    }
  },
});

import { DateTime } from 'luxon';
import { arrayOf, isObject, isString } from '../model/guards.js';
import { periodBounds } from '../sla/period.js';
import { defineRule } from './define-rule.js';

/** Reads an instant with its own offset; null when it does not parse (the schema reports it). */
export function readInstant(value: unknown): DateTime | null {
  if (!isString(value)) return null;
  const instant = DateTime.fromISO(value, { setZone: true });
  return instant.isValid ? instant : null;
}

/** Incidents are opened, and downtime starts, inside the period of their file. */
export const measurementsOutsidePeriod = defineRule({
  id: 'measurements/outside-period',
  severity: 'error',
  description: "An incident's `opened` and a downtime's `from` fall inside the period of their measurement file.",
  run(context) {
    const p = context.partnership;
    for (const m of p.measurements) {
      if (!m.period) continue;
      const { start, end } = periodBounds(m.period, p.timezone);
      if (!start.isValid || !end.isValid) continue;
      const label = m.period.label;
      const check = (value: unknown, path: (string | number)[], what: string): void => {
        const instant = readInstant(value);
        if (!instant || (instant >= start && instant < end)) return;
        context.report({
          file: m.file,
          path,
          message: `${what} ${String(value)}, ${instant < start ? 'before' : 'after'} period ${label} (${start.toISODate()} to ${end.minus({ days: 1 }).toISODate()} in ${p.timezone}): record it in the file of the period it belongs to`,
          data: { period: label, value, timezone: p.timezone, start: start.toISO(), end: end.toISO() },
        });
      };
      arrayOf(m.data.incidents).forEach((inc, i) => {
        if (isObject(inc)) check(inc.opened, ['incidents', i, 'opened'], `incident ${isString(inc.id) ? `\`${inc.id}\` ` : ''}was opened at`);
      });
      arrayOf(m.data.downtime).forEach((dt, i) => {
        if (isObject(dt)) check(dt.from, ['downtime', i, 'from'], `downtime${isString(dt.service) ? ` of \`${dt.service}\`` : ''} starts at`);
      });
    }
  },
});

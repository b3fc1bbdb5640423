import { arrayOf, isObject, isString } from '../model/guards.js';
import { parseInstantQuickly } from '../time/instant.js';
import { insidePeriod, periodBounds } from '../time/period.js';
import { defineRule } from './define-rule.js';

/**
 * Reads an instant with its own offset, as epoch milliseconds; null when it
 * does not parse (the schema reports it). Every spelling the schema accepts is
 * read, by the same parser as `govern sla`'s, without the full date library: these rules read
 * every instant of every incident.
 */
export function readInstant(value: unknown): number | null {
  if (!isString(value)) return null;
  return parseInstantQuickly(value) ?? null;
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
      const period = m.period;
      // The zone's bounds in full only for the message.
      let bounds: ReturnType<typeof periodBounds> | undefined;
      const label = period.label;
      // The path and words are made only for a finding: most instants are inside. Plain loops, with no
      // closure or callback per entry: an import's check runs this over every incident in code V8 has not
      // optimised (bin/load-bundle.cjs), where those cost more than the reading.
      const report = (value: unknown, instant: number, path: (string | number)[], what: string): void => {
        bounds ??= periodBounds(period, p.timezone);
        const { start, end } = bounds;
        if (!start.isValid || !end.isValid) return;
        context.report({
          file: m.file,
          path,
          message: `${what} ${String(value)}, ${instant < start.toMillis() ? 'before' : 'after'} period ${label} (${start.toISODate()} to ${end.minus({ days: 1 }).toISODate()} in ${p.timezone}): record it in the file of the period it belongs to`,
          data: { period: label, value, timezone: p.timezone, start: start.toISO(), end: end.toISO() },
        });
      };
      const incidents = arrayOf(m.data.incidents);
      for (let i = 0; i < incidents.length; i++) {
        const inc = incidents[i];
        if (!isObject(inc)) continue;
        const instant = readInstant(inc.opened);
        if (instant === null || insidePeriod(instant, period, p.timezone) !== false) continue;
        report(inc.opened, instant, ['incidents', i, 'opened'], `incident ${isString(inc.id) ? `\`${inc.id}\` ` : ''}was opened at`);
      }
      const downtime = arrayOf(m.data.downtime);
      for (let i = 0; i < downtime.length; i++) {
        const dt = downtime[i];
        if (!isObject(dt)) continue;
        const instant = readInstant(dt.from);
        if (instant === null || insidePeriod(instant, period, p.timezone) !== false) continue;
        report(dt.from, instant, ['downtime', i, 'from'], `downtime${isString(dt.service) ? ` of \`${dt.service}\`` : ''} starts at`);
      }
    }
  },
});

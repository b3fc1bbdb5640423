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
      // Each entry's instant (an incident's `opened`, a downtime's `from`) inside the period.
      const scan = (kind: 'incidents' | 'downtime', field: 'opened' | 'from', what: (entry: Record<string, unknown>) => string): void => {
        const entries = arrayOf(m.data[kind]);
        for (let i = 0; i < entries.length; i++) {
          const entry = entries[i];
          if (!isObject(entry)) continue;
          const instant = readInstant(entry[field]);
          if (instant === null || insidePeriod(instant, period, p.timezone) !== false) continue;
          report(entry[field], instant, [kind, i, field], what(entry));
        }
      };
      scan('incidents', 'opened', openedWords);
      scan('downtime', 'from', startsWords);
    }
  },
});

/** The words before an incident's `opened` in a message. */
function openedWords(inc: Record<string, unknown>): string {
  return `incident ${isString(inc.id) ? `\`${inc.id}\` ` : ''}was opened at`;
}

/** The words before a downtime's `from` in a message. */
function startsWords(dt: Record<string, unknown>): string {
  return `downtime${isString(dt.service) ? ` of \`${dt.service}\`` : ''} starts at`;
}

import { totalCreditsOwed } from '../../sla/credits.js';
import { monthsOf } from '../../model/period.js';
import { ragStatus } from '../../sla/rag.js';
import type { PackContext } from './context.js';
import type { AvailabilityRow, ReviewPack } from './types.js';

/** Availability and credits per service, worked out per month by the SLA module; a quarter or year lists its months. */
export function buildAvailability(ctx: PackContext): ReviewPack['availability'] {
  const { period, report, availabilityFor, periodOnly } = ctx;
  const services: AvailabilityRow[] = report.services
    .filter((s) => s.availabilityTarget !== null)
    .map((s) => ({
      service: s.service,
      name: s.name ?? s.service,
      availability: s.availability,
      target: s.availabilityTarget!,
      rag: ragStatus(s.availability, s.availabilityTarget),
      downMinutes: s.downMinutes,
      serviceMinutes: s.serviceMinutes,
      creditPercent: s.creditPercent,
      creditAmount: s.creditAmount,
      currency: s.currency,
      months:
        period.months === 1 || periodOnly
          ? []
          : monthsOf(period).map((m) => {
              const ms = availabilityFor(m).find((x) => x.service === s.service);
              return {
                label: m.label,
                availability: ms?.availability ?? null,
                creditPercent: ms?.creditPercent ?? null,
                creditAmount: ms?.creditAmount ?? null,
                rag: ragStatus(ms?.availability ?? null, s.availabilityTarget),
              };
            }),
    }));
  return { services, creditsOwed: totalCreditsOwed(services) };
}

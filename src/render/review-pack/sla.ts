import type { PartnershipIndex } from '../../model/partnership-index.js';
import type { Incident } from '../../model/partnership.js';
import { parseDuration } from '../../sla/duration.js';
import { ragStatus } from '../../sla/rag.js';
import { str } from '../directory.js';
import type { PackContext } from './context.js';
import type { IncidentRow, ReviewPack, SlaRow } from './types.js';

/** SLA compliance per service and priority, and the incidents behind it: the breached and those still open. */
export function buildSla(ctx: PackContext): { sla: ReviewPack['sla']; serviceNames: Map<string, string> } {
  const { index, report, periodOnly } = ctx;
  const details = periodOnly ? [] : ctx.details;
  const incidents = incidentIndex(index);
  const serviceNames = new Map(report.services.map((s) => [s.service, s.name ?? s.service]));
  const slaRows: SlaRow[] = report.services.flatMap((s) =>
    s.priorities.map((p) => {
      const def = index.priority(s.service, p.priority)?.value;
      return {
        service: s.service,
        serviceName: s.name ?? s.service,
        priority: p.priority,
        description: str(def?.description),
        responseTargetMin: parseDuration(def?.response)?.minutes ?? null,
        resolutionTargetMin: parseDuration(def?.resolution)?.minutes ?? null,
        incidents: p.incidents,
        met: p.met,
        breached: p.breached,
        open: p.open,
        compliance: p.compliance,
        target: p.target,
        rag: ragStatus(p.compliance, p.target),
      };
    }),
  );
  const toRow = (d: (typeof details)[number]): IncidentRow => {
    const source = incidents.get(`${d.service}\u0000${d.id}`);
    return {
      id: d.id,
      service: d.service,
      serviceName: serviceNames.get(d.service) ?? d.service,
      priority: d.priority,
      summary: str(source?.summary),
      opened: d.opened,
      responseMin: d.responseMin,
      responseTargetMin: d.responseTargetMin,
      responseMet: d.responseMet,
      resolutionMin: d.resolutionMin,
      resolutionTargetMin: d.resolutionTargetMin,
      resolutionMet: d.resolutionMet,
      resolvedLater: d.status === 'open' ? str(source?.resolved) : null,
    };
  };
  const breaches = details.filter((d) => d.status === 'breached').map(toRow);
  const openIncidents = details.filter((d) => d.status === 'open').map(toRow);

  const sla = {
    rows: slaRows,
    breaches,
    open: openIncidents,
    totals: {
      incidents: slaRows.reduce((n, r) => n + r.incidents, 0),
      met: slaRows.reduce((n, r) => n + r.met, 0),
      breached: slaRows.reduce((n, r) => n + r.breached.length, 0),
      open: slaRows.reduce((n, r) => n + r.open.length, 0),
    },
  };
  return { sla, serviceNames };
}

function incidentIndex(index: PartnershipIndex): Map<string, Incident> {
  const out = new Map<string, Incident>();
  for (const m of index.measurements) {
    for (const incident of Array.isArray(m.data.incidents) ? m.data.incidents : []) {
      if (typeof incident?.id !== 'string') continue;
      const key = `${String(incident.service)}\u0000${incident.id}`;
      if (!out.has(key)) out.set(key, incident);
    }
  }
  return out;
}

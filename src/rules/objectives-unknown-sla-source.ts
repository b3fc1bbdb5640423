import { isObject, isString } from '../model/guards.js';
import { defineRule } from './define-rule.js';
import { didYouMean } from '../text/suggest.js';

/** A KPI source, read: values entered by hand, or an SLA figure of a service. */
export type KpiSource = { kind: 'measured' } | { kind: 'availability'; service: string } | { kind: 'priority'; service: string; priority: string };

/** Reads `measured`, `sla:<service>.availability` or `sla:<service>.<priority>`; null for anything else. */
export function parseKpiSource(source: string): KpiSource | null {
  if (source === 'measured') return { kind: 'measured' };
  const match = /^sla:([^.]+)\.(.+)$/.exec(source);
  if (!match) return null;
  const [, service, rest] = match as unknown as [string, string, string];
  return rest === 'availability' ? { kind: 'availability', service } : { kind: 'priority', service, priority: rest };
}

/** `source: sla:…` names an SLA figure that exists. */
export const objectivesUnknownSlaSource = defineRule({
  id: 'objectives/unknown-sla-source',
  severity: 'error',
  description: 'A KPI `source: sla:<service>.availability` or `sla:<service>.<priority>` names a service figure that exists.',
  run(context) {
    const p = context.partnership;
    for (const kpi of p.kpis) {
      const source = kpi.value.source;
      if (!isString(source)) continue;
      const at = { file: kpi.file, path: [...kpi.path, 'source'] };
      const parsed = parseKpiSource(source);
      if (!parsed) {
        context.report({
          ...at,
          message: `KPI \`${String(kpi.value.id)}\` has \`source: ${source}\`; write \`measured\`, \`sla:<service>.availability\` or \`sla:<service>.<priority>\``,
          data: { kpi: kpi.value.id, source },
        });
        continue;
      }
      if (parsed.kind === 'measured' || !p.canResolve('slas')) continue;
      const service = p.services.find((s) => s.value.id === parsed.service);
      if (!service) {
        const suggestion = didYouMean(
          parsed.service,
          p.idsOf('service').map((s) => s.id),
        );
        context.report({
          ...at,
          message: `KPI \`${String(kpi.value.id)}\` takes its values from service \`${parsed.service}\`, which slas.yaml does not define${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
          data: { kpi: kpi.value.id, source, service: parsed.service, ...(suggestion ? { suggestion } : {}) },
        });
        continue;
      }
      if (parsed.kind === 'availability') {
        const availability = service.value.availability;
        if (isObject(availability) && availability.target !== undefined) continue;
        context.report({
          ...at,
          message: `KPI \`${String(kpi.value.id)}\` takes the availability of service \`${parsed.service}\`, but that service has no availability target in slas.yaml`,
          data: { kpi: kpi.value.id, source, service: parsed.service },
          related: [{ file: service.file, path: [...service.path, 'id'], message: `service \`${parsed.service}\` is defined here` }],
        });
        continue;
      }
      if (p.priority(parsed.service, parsed.priority)) continue;
      const known = p.priorities.filter((pr) => pr.service === service && isString(pr.value.id)).map((pr) => String(pr.value.id));
      // `sla:desk.availabilty` is a typo of the other form, not a priority.
      const suggestion = didYouMean(parsed.priority, [...known, 'availability']);
      context.report({
        ...at,
        message: `KPI \`${String(kpi.value.id)}\` takes the compliance of priority \`${parsed.priority}\`, but service \`${parsed.service}\` has no such priority${suggestion ? `; did you mean \`${suggestion}\`?` : known.length > 0 ? ` (it has ${known.map((k) => `\`${k}\``).join(', ')})` : ''}`,
        data: { kpi: kpi.value.id, source, service: parsed.service, priority: parsed.priority, ...(suggestion ? { suggestion } : {}) },
      });
    }
  },
});

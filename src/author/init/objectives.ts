import { scalar } from '../yaml-text.js';
import type { InitFacts } from './facts.js';

/** Adds objectives.yaml to `files`. */
export function addObjectives(facts: InitFacts, files: Map<string, string>): void {
  const { clientLead, services } = facts;
  const kpis = services.map((s) => {
    if (s.profile.availability !== undefined) {
      return `      - id: ${s.id}-availability
        name: ${scalar(`${s.name} availability`)}
        unit: "%"
        target: { op: ">=", value: ${s.profile.availability} }
        source: sla:${s.id}.availability
`;
    }
    const p = s.profile.priorities[0]!;
    return `      - id: ${s.id}-${p.id.toLowerCase()}
        name: ${scalar(`${s.name} ${p.id} incidents within target`)}
        unit: "%"
        target: { op: ">=", value: ${p.target} }
        source: sla:${s.id}.${p.id}
`;
  });
  files.set(
    'objectives.yaml',
    `# What the partnership is trying to achieve, and the KPIs that show it.
objectives:
  - id: meet-service-levels
    title: Meet the agreed service levels
    owner: ${scalar(clientLead)}
    kpis:
${kpis.join('')}`,
  );
}

import { flowList, scalar } from '../yaml-text.js';
import type { InitFacts } from './facts.js';

/** Adds escalation.yaml to `files`. */
export function addEscalation(facts: InitFacts, files: Map<string, string>): void {
  const { services, who, pathId } = facts;
  files.set(
    'escalation.yaml',
    `# Who is called, level by level, when an incident is not resolved.
# \`after\` counts from when the incident opened, on the priority's calendar.
paths:
${services
  .map(
    (s) => `  - id: ${pathId(s)}
    name: ${scalar(`${s.name} incidents`)}
    appliesTo: { services: ${flowList([s.id])}, priorities: ${flowList(s.profile.priorities.map((p) => p.id))} }
    levels:
${s.profile.levels.map((l) => `      - { name: ${scalar(l.name)}, after: ${l.after}, contacts: ${flowList([who[l.who]])}, coverage: ${l.coverage} }\n`).join('')}`,
  )
  .join('\n')}`,
  );
}

import { defineRule } from './define-rule.js';

/** Every objective is measured by at least one KPI. */
export const objectivesNoKpis = defineRule({
  id: 'objectives/no-kpis',
  severity: 'warning',
  description: 'Every objective has at least one KPI.',
  run(context) {
    for (const objective of context.partnership.objectives) {
      const kpis = objective.value.kpis;
      if (kpis !== undefined && !Array.isArray(kpis)) continue;
      if (Array.isArray(kpis) && kpis.length > 0) continue;
      context.report({
        file: objective.file,
        path: Array.isArray(kpis) ? [...objective.path, 'kpis'] : [...objective.path, 'id'],
        ...(Array.isArray(kpis) ? { at: 'key' as const } : {}),
        message: `objective \`${String(objective.value.id)}\` has no KPIs, so nobody can tell whether it is met: add at least one under \`kpis\``,
        data: { objective: objective.value.id },
      });
    }
  },
});

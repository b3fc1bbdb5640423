import { arrayOf, isObject, isString } from '../model/guards.js';
import { defineRule } from './define-rule.js';

/** A KPI whose values are entered by hand has a value in some measurement file. */
export const objectivesKpiNeverMeasured = defineRule({
  id: 'objectives/kpi-never-measured',
  severity: 'warning',
  description: 'A `measured` KPI has a value in at least one measurement file.',
  run(context) {
    const p = context.partnership;
    // A measurement file that did not parse may hold the value: judge only when all of them were read.
    if (p.files.some((f) => f.kind === 'measurements' && !f.ok)) return;
    const measured = new Set<string>();
    for (const m of p.measurements) {
      for (const entry of arrayOf(m.data.kpis)) {
        if (isObject(entry) && isString(entry.kpi) && entry.value !== undefined && entry.value !== null) measured.add(entry.kpi);
      }
    }
    for (const kpi of p.kpis) {
      if (kpi.value.source !== 'measured' || !isString(kpi.value.id) || measured.has(kpi.value.id)) continue;
      context.report({
        file: kpi.file,
        path: [...kpi.path, 'id'],
        message: `KPI \`${kpi.value.id}\` is \`measured\` but no measurement file gives it a value: add \`- { kpi: ${kpi.value.id}, value: … }\` under \`kpis\` in measurements/<period>.yaml`,
        data: { kpi: kpi.value.id, files: p.measurements.length },
      });
    }
  },
});

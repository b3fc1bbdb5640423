import { defineRule } from './define-rule.js';
import { warnOnRightSide } from '../kpi/status.js';

const SIDE: Record<string, string> = { '>=': 'below', '>': 'below', '<=': 'above', '<': 'above' };

/** A KPI's `warn` lies on the side of the target where amber can be. */
export const objectivesWarnSide = defineRule({
  id: 'objectives/warn-side',
  severity: 'error',
  description: "A KPI target's `warn` (where amber starts) lies below `value` for `>=` and `>`, above it for `<=` and `<`.",
  run(context) {
    for (const kpi of context.partnership.kpis) {
      const target = kpi.value.target;
      if (typeof target !== 'object' || target === null) continue;
      const { op, value, warn } = target as { op?: unknown; value?: unknown; warn?: unknown };
      if (typeof warn !== 'number' || typeof value !== 'number' || typeof op !== 'string') continue;
      if (warnOnRightSide(op, value, warn)) continue;
      const side = SIDE[op];
      context.report({
        file: kpi.file,
        path: [...kpi.path, 'target', 'warn'],
        message: side
          ? `KPI \`${String(kpi.value.id)}\` has \`warn: ${warn}\`, which is not ${side} its target ${value}: with \`${op}\`, amber starts ${side} the target, so \`warn\` must be ${side === 'below' ? 'smaller' : 'larger'} than \`value\``
          : `KPI \`${String(kpi.value.id)}\` has \`warn: ${warn}\`, the same as its target: \`warn\` says how far from the target amber reaches, so it must differ from \`value\``,
        data: { kpi: kpi.value.id, op, value, warn },
      });
    }
  },
});

import type { RuleContext } from './define-rule.js';
import type { PeriodFile } from '../model/partnership-index.js';
import { parsePeriod } from '../model/period.js';
import { defineRule } from './define-rule.js';

/** Reports period files whose name does not say the period they hold; shared with reviews/period-mismatch. */
export function reportPeriodMismatch(context: RuleContext, files: readonly PeriodFile<unknown>[], folder: string): void {
  for (const { file, period } of files) {
    if (!period) continue;
    const name = file.relPath.slice(file.relPath.lastIndexOf('/') + 1).replace(/\.yaml$/, '');
    if (parsePeriod(name)?.label === period.label) continue;
    context.report({
      file,
      path: ['period'],
      message: `${file.relPath} says \`period: ${period.label}\`: the file name and the period must agree; rename the file to ${folder}/${period.label}.yaml or correct \`period\``,
      data: { fileName: `${name}.yaml`, period: period.label, expected: `${folder}/${period.label}.yaml` },
    });
  }
}

/** A measurement file is named after the period it holds. */
export const measurementsPeriodMismatch = defineRule({
  id: 'measurements/period-mismatch',
  severity: 'error',
  description: 'A measurement file is named after its `period` (`measurements/2026-10.yaml` holds `period: 2026-10`).',
  run: (context) => reportPeriodMismatch(context, context.partnership.measurements, 'measurements'),
});

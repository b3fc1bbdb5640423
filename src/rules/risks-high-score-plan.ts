import { isNumber, isString } from '../model/guards.js';
import { defineRule } from './define-rule.js';

/** The score (likelihood × impact) from which a risk needs both a mitigation and a contingency. */
export const HIGH_RISK_SCORE = 15;

/** A high risk has a plan to make it less likely and a plan for when it happens anyway. */
export const risksHighScorePlan = defineRule({
  id: 'risks/high-score-plan',
  severity: 'error',
  description: 'A risk scoring 15 or more (likelihood × impact) has both a `mitigation` and a `contingency`.',
  run(context) {
    for (const risk of context.partnership.risks) {
      const { likelihood, impact, id } = risk.value;
      if (!isNumber(likelihood) || !isNumber(impact)) continue;
      const score = likelihood * impact;
      if (score < HIGH_RISK_SCORE) continue;
      const missing = (['mitigation', 'contingency'] as const).filter((key) => {
        const text = risk.value[key];
        return !isString(text) || text.trim() === '';
      });
      if (missing.length === 0) continue;
      const name = isString(id) ? `risk \`${id}\`` : 'this risk';
      const what = missing.map((m) => `\`${m}\``).join(' or ');
      context.report({
        file: risk.file,
        path: isString(id) ? [...risk.path, 'id'] : risk.path,
        message: `${name} scores ${score} (likelihood ${likelihood} × impact ${impact}) but has no ${what}: a risk scoring ${HIGH_RISK_SCORE} or more needs both a mitigation and a contingency`,
        data: { risk: id, score, likelihood, impact, missing },
      });
    }
  },
});

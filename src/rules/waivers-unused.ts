import { defineRule } from './define-rule.js';

/**
 * A waiver in force that covers no finding. It is made by the engine once
 * every other rule has run (src/waivers/apply.ts), since it needs their findings.
 */
export const waiversUnused = defineRule({
  id: 'waivers/unused',
  severity: 'warning',
  description: 'Every waiver in force covers at least one finding (one that covers none is stale, or names the wrong place).',
  phase: 'waivers',
  run: () => undefined,
});

import { scalar } from '../yaml-text.js';
import type { InitFacts } from './facts.js';

/** Adds budget.yaml to `files`. */
export function addBudget(facts: InitFacts, files: Map<string, string>): void {
  const { services, answers } = facts;
  files.set(
    'budget.yaml',
    `# Planned cost lines and actual spend. Amounts start at 0: fill in the contract's figures.
currency: ${answers.currency}
lines:
${services.map((s) => `  - { id: ${scalar(s.id)}, name: ${scalar(s.name)}, amount: 0, per: month, service: ${scalar(s.id)} }\n`).join('')}
actuals: []
`,
  );
}

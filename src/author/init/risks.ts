import { scalar } from '../yaml-text.js';
import type { InitFacts } from './facts.js';

/** Adds risks.yaml to `files`. */
export function addRisks(facts: InitFacts, files: Map<string, string>): void {
  const { clientLead, providerLead, reviewBy } = facts;
  files.set(
    'risks.yaml',
    `# Risk register. Score = likelihood × impact (1–5 each); 15 or more needs
# both a mitigation and a contingency.
risks:
  - id: transition
    title: Knowledge transfer is incomplete when the service starts
    likelihood: 3
    impact: 3
    owner: ${scalar(providerLead)}
    mitigation: Joint transition plan with weekly checkpoints until go-live
    contingency: Keep the previous support arrangement for one extra month
    status: open
    reviewBy: ${reviewBy}
  - id: key-person
    title: Key knowledge is held by few people on either side
    likelihood: 2
    impact: 3
    owner: ${scalar(clientLead)}
    mitigation: Document runbooks and name a deputy for every role
    status: open
    reviewBy: ${reviewBy}
`,
  );
}

import { flowList, scalar } from '../yaml-text.js';
import type { InitFacts } from './facts.js';

/** Adds partnership.yaml to `files`. */
export function addPartnership(facts: InitFacts, files: Map<string, string>): void {
  const { clientId, providerId, ids, clientLead, providerLead, services, who, answers } = facts;
  files.set(
    'partnership.yaml',
    `# The partnership: who the two parties are and the contract between them.
# Format: https://github.com/govern-tool/govern/blob/main/docs/format.md
id: ${scalar(`${clientId}-${providerId}`)}
name: ${scalar(`${answers.client} and ${answers.provider}`)}
client:   { id: ${scalar(clientId)}, name: ${scalar(answers.client)} }
provider: { id: ${scalar(providerId)}, name: ${scalar(answers.provider)} }
timezone: ${answers.timezone}
contract:
  start: ${answers.start}
  end: ${answers.end}
  renewal: { auto: true, noticeDays: ${answers.noticeDays} }   # auto: false if the contract simply ends
owners: { client: ${scalar(clientLead)}, provider: ${scalar(providerLead)} }   # account leads, from contacts.yaml
scope:
  services: ${flowList(services.map((s) => s.id))}   # ids in slas.yaml
`,
  );
}

import { flowList, scalar } from '../yaml-text.js';
import type { InitFacts, Service } from './facts.js';

/** Adds raci.yaml to `files`. */
export function addRaci(facts: InitFacts, files: Map<string, string>): void {
  const { clientLead, providerLead, desk, duty, needsDuty, who } = facts;
  const roles = [
    { id: 'client-account-lead', name: 'Client account lead', party: 'client', holders: [clientLead] },
    { id: 'provider-account-lead', name: 'Provider account lead', party: 'provider', holders: [providerLead] },
    { id: 'service-desk', name: 'Service desk', party: 'provider', holders: [desk] },
    ...(needsDuty ? [{ id: 'duty-manager', name: 'On-call duty manager', party: 'provider', holders: [duty] }] : []),
  ];
  files.set(
    'raci.yaml',
    `# Roles, who holds them, and who is Responsible, Accountable, Consulted and Informed.
roles:
${roles.map((r) => `  - { id: ${scalar(r.id)}, name: ${scalar(r.name)}, party: ${r.party}, holders: ${flowList(r.holders)} }`).join('\n')}

activities:
  - id: incident-management
    name: Incident management
    responsible: ${flowList(needsDuty ? ['service-desk', 'duty-manager'] : ['service-desk'])}
    accountable: provider-account-lead
    informed: [client-account-lead]
  - id: service-review
    name: Monthly service review
    responsible: [provider-account-lead]
    accountable: client-account-lead
  - id: contract-renewal
    name: Contract renewal and notice
    responsible: [client-account-lead]
    accountable: client-account-lead
    consulted: [provider-account-lead]
`,
  );
}

import { scalar } from '../yaml-text.js';
import type { InitFacts } from './facts.js';

/** Adds governance.yaml to `files`. */
export function addGovernance(facts: InitFacts, files: Map<string, string>): void {
  const { clientLead, providerLead, desk, services, deskEmail, pathId } = facts;
  const firstPath = services[0];
  const channelHours = firstPath && firstPath.profile.calendar === '24x7' ? '24x7' : 'business-hours';
  files.set(
    'governance.yaml',
    `# Recurring meetings and the ways in to the provider.
meetings:
  - id: monthly-service-review
    name: Monthly service review
    cadence: monthly
    day: first-tue
    time: "10:00"
    duration: 1h
    chair: ${scalar(providerLead)}
    attendees: [client-account-lead, provider-account-lead]
    agenda: [SLA performance, Incidents and escalations, Open actions, Risks, Changes]
  - id: quarterly-business-review
    name: Quarterly business review
    cadence: quarterly
    day: first-thu
    time: "14:00"
    duration: 2h
    chair: ${scalar(clientLead)}
    attendees: [client-account-lead, provider-account-lead]
    agenda: [Objectives and KPIs, Budget, Contract and renewal, Improvements]

channels:
${
  firstPath
    ? `  - id: service-desk
    kind: email
    address: ${deskEmail}
    hours: ${channelHours}
    staffing: first-line
    escalatesTo: ${pathId(firstPath)}
`
    : ''
}`,
  );
}

import { scalar } from '../yaml-text.js';
import type { InitFacts, Service } from './facts.js';

/** Adds contacts.yaml to `files`. */
export function addContacts(facts: InitFacts, files: Map<string, string>): void {
  const { clientLead, providerLead, desk, duty, any24x7, needsDuty, deskEmail, dutyEmail, answers } = facts;
  const contact = (id: string, name: string, party: string, title: string, email: string, hours: string, phone?: string): string =>
    `  - id: ${scalar(id)}
    name: ${scalar(name)}
    party: ${party}
    title: ${scalar(title)}
    email: ${email}
${phone ? `    phone: ${scalar(phone, true)}\n` : ''}    hours: ${hours}
`;
  files.set(
    'contacts.yaml',
    `# People on both sides. Other files refer to them by id.
contacts:
${contact(clientLead, answers.clientLead.name, 'client', 'Account lead', answers.clientLead.email, 'business-hours', answers.clientLead.phone)}
${contact(providerLead, answers.providerLead.name, 'provider', 'Account lead', answers.providerLead.email, 'business-hours', answers.providerLead.phone)}
${contact(desk, `${answers.provider} service desk`, 'provider', 'Service desk', deskEmail, any24x7 ? '24x7' : 'business-hours')}${
  needsDuty ? `\n${contact(duty, `${answers.provider} on-call duty manager`, 'provider', 'Duty manager (on call)', dutyEmail, '24x7')}` : ''
}`,
  );
}

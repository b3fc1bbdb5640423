import { scalar } from '../yaml-text.js';
import type { InitFacts, Service } from './facts.js';

/** Adds slas.yaml to `files`. */
export function addSlas(facts: InitFacts, files: Map<string, string>): void {
  const { services, answers } = facts;
  const serviceText = (s: Service): string =>
    `  - id: ${scalar(s.id)}
    name: ${scalar(s.name)}
    calendar: ${s.profile.calendar}
${s.profile.availability !== undefined ? `    availability: { target: ${s.profile.availability}, per: month }\n` : ''}    clockStops: [awaiting-client]
    priorities:
${s.profile.priorities
  .map(
    (p) => `      - id: ${p.id}
        description: ${scalar(p.description)}
        response: ${p.response}
        resolution: ${p.resolution}
        target: ${p.target}
`,
  )
  .join('')}`;
  files.set(
    'slas.yaml',
    `# Calendars, services, priorities and their targets. Durations count on the
# service's calendar: 4h on business hours means four business hours.
calendars:
  - id: business-hours
    name: Business hours
    timezone: ${answers.timezone}
    hours: { mon-fri: "08:00-18:00" }
    holidays: []                     # public holidays, such as 2026-12-25

services:
${services.map(serviceText).join('\n')}`,
  );
}

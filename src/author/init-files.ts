import { DateTime } from 'luxon';
import type { InitAnswers } from './init-questions.js';
import { findProfile, type SlaProfile } from './profiles.js';
import { slugify, uniqueId } from './validate.js';
import { flowList, scalar } from './yaml-text.js';

/** What `init` writes besides the answers: the version to pin in CI, the schemas for the editor, and which extras. */
export interface InitOptions {
  /** Today, `YYYY-MM-DD`: risk review dates are set from it. */
  today: string;
  /** govern's version, pinned in the CI workflow. */
  version: string;
  /** The JSON Schemas by file kind, copied to `.govern/schemas/` for the editor. */
  schemas: ReadonlyMap<string, unknown>;
  /** Write `.vscode/settings.json` and `.govern/schemas/` (default true). */
  editor?: boolean;
  /** Write `.github/workflows/govern.yml` (default true). */
  ci?: boolean;
  /** Write `.pre-commit-config.yaml` (default true). */
  hook?: boolean;
}

/**
 * The files that work only at the top of a git repository, by their path there: GitHub's
 * workflows, pre-commit's config, and govern's own config, which `govern check` run at the top
 * (as CI and the hook run it) looks for there and not in the folders below.
 */
export const REPOSITORY_FILES: readonly string[] = ['.github/workflows/govern.yml', '.pre-commit-config.yaml', 'govern.config.yaml'];

/** Where each schema applies, as globs relative to the partnership folder. */
const SCHEMA_GLOBS: Readonly<Record<string, string[]>> = {
  partnership: ['partnership.yaml'],
  contacts: ['contacts.yaml'],
  raci: ['raci.yaml'],
  slas: ['slas.yaml'],
  escalation: ['escalation.yaml'],
  objectives: ['objectives.yaml'],
  governance: ['governance.yaml'],
  risks: ['risks.yaml'],
  budget: ['budget.yaml'],
  measurements: ['measurements/*.yaml'],
  review: ['reviews/*.yaml'],
  waivers: ['waivers.yaml'],
  config: ['govern.config.yaml'],
};

interface Service {
  id: string;
  name: string;
  profile: SlaProfile;
}

/**
 * Every file of a new partnership, path → text, in the order they are listed.
 * The result passes `govern check` with no findings: every contact is
 * referenced, every priority has an escalation path that meets the escalation
 * rules, there is a recurring review meeting, each objective has a KPI, and
 * review dates lie ahead. Pure.
 */
export function buildInitFiles(answers: InitAnswers, options: InitOptions): Map<string, string> {
  const clientId = slugify(answers.client);
  const providerId = uniqueId(slugify(answers.provider), new Set([clientId]), 'provider');
  const ids = new Set<string>();
  const clientLead = uniqueId(slugify(answers.clientLead.name), ids, 'client-lead');
  ids.add(clientLead);
  const providerLead = uniqueId(slugify(answers.providerLead.name), ids, 'provider-lead');
  ids.add(providerLead);
  const desk = uniqueId(`${providerId}-service-desk`, ids);
  ids.add(desk);
  const duty = uniqueId(`${providerId}-duty-manager`, ids);

  const serviceIds = new Set<string>();
  const services: Service[] = answers.services.map((s) => {
    const id = uniqueId(slugify(s.name), serviceIds, 'service');
    serviceIds.add(id);
    return { id, name: s.name, profile: findProfile(s.profile)! };
  });
  const any24x7 = services.some((s) => s.profile.calendar === '24x7');
  const needsDuty = services.some((s) => s.profile.levels.some((l) => l.who === 'duty-manager'));
  const domain = answers.providerLead.email.split('@')[1] ?? `${providerId}.example`;
  const taken = new Set([answers.clientLead.email.toLowerCase(), answers.providerLead.email.toLowerCase()]);
  const freeEmail = (local: string): string => {
    for (let n = 1; ; n++) {
      const candidate = `${local}${n === 1 ? '' : n}@${domain}`;
      if (!taken.has(candidate.toLowerCase())) {
        taken.add(candidate.toLowerCase());
        return candidate;
      }
    }
  };
  const deskEmail = freeEmail('servicedesk');
  const dutyEmail = needsDuty ? freeEmail('oncall') : '';
  const who = { desk, 'duty-manager': duty, 'account-lead': providerLead } as const;
  const pathId = (s: Service): string => `${s.id}-escalation`;
  const reviewBy = DateTime.fromISO(answers.start > options.today ? answers.start : options.today).plus({ months: 3 }).toISODate()!;

  const files = new Map<string, string>();

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

  files.set(
    'escalation.yaml',
    `# Who is called, level by level, when an incident is not resolved.
# \`after\` counts from when the incident opened, on the priority's calendar.
paths:
${services
  .map(
    (s) => `  - id: ${pathId(s)}
    name: ${scalar(`${s.name} incidents`)}
    appliesTo: { services: ${flowList([s.id])}, priorities: ${flowList(s.profile.priorities.map((p) => p.id))} }
    levels:
${s.profile.levels.map((l) => `      - { name: ${scalar(l.name)}, after: ${l.after}, contacts: ${flowList([who[l.who]])}, coverage: ${l.coverage} }\n`).join('')}`,
  )
  .join('\n')}`,
  );

  const kpis = services.map((s) => {
    if (s.profile.availability !== undefined) {
      return `      - id: ${s.id}-availability
        name: ${scalar(`${s.name} availability`)}
        unit: "%"
        target: { op: ">=", value: ${s.profile.availability} }
        source: sla:${s.id}.availability
`;
    }
    const p = s.profile.priorities[0]!;
    return `      - id: ${s.id}-${p.id.toLowerCase()}
        name: ${scalar(`${s.name} ${p.id} incidents within target`)}
        unit: "%"
        target: { op: ">=", value: ${p.target} }
        source: sla:${s.id}.${p.id}
`;
  });
  files.set(
    'objectives.yaml',
    `# What the partnership is trying to achieve, and the KPIs that show it.
objectives:
  - id: meet-service-levels
    title: Meet the agreed service levels
    owner: ${scalar(clientLead)}
    kpis:
${kpis.join('')}`,
  );

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

  files.set(
    'budget.yaml',
    `# Planned cost lines and actual spend. Amounts start at 0: fill in the contract's figures.
currency: ${answers.currency}
lines:
${services.map((s) => `  - { id: ${scalar(s.id)}, name: ${scalar(s.name)}, amount: 0, per: month, service: ${scalar(s.id)} }\n`).join('')}
actuals: []
`,
  );

  files.set(
    'govern.config.yaml',
    `# Settings for govern in this folder and the folders below. Rule ids are listed by \`govern rules\`;
# each can be set to off, warning or error, for example:
#   rules:
#     risks/stale-review: error
rules: {}
`,
  );

  if (options.editor !== false) {
    const mapping: Record<string, string[]> = {};
    for (const [kind, globs] of Object.entries(SCHEMA_GLOBS)) {
      if (!options.schemas.has(kind)) continue;
      mapping[`.govern/schemas/${kind}.schema.json`] = globs;
      files.set(`.govern/schemas/${kind}.schema.json`, `${JSON.stringify(options.schemas.get(kind), null, 2)}\n`);
    }
    files.set('.vscode/settings.json', `${JSON.stringify({ 'yaml.schemas': mapping }, null, 2)}\n`);
  }

  if (options.hook !== false) {
    files.set(
      '.pre-commit-config.yaml',
      `# pre-commit (https://pre-commit.com): run \`pre-commit install\` once to check before every commit.
# pre-commit installs govern itself from its repository at this tag (the
# release of the govern that wrote this file; docs/install.md): nothing to build.
repos:
  - repo: https://github.com/govern-tool/govern
    rev: v${options.version}
    hooks:
      - id: govern-check
`,
    );
  }

  if (options.ci !== false) {
    files.set(
      '.github/workflows/govern.yml',
      `# Checks the partnership on every push and pull request with govern's action
# (pinned to the release of the govern that wrote this file; docs/install.md):
# findings as annotations and in the job summary, and on a pull request one
# comment kept up to date with what the change does, also when check failed.
name: govern

on:
  push:
  pull_request:

permissions:
  contents: read
  pull-requests: write

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0             # govern diff compares with the base branch
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - uses: govern-tool/govern@v${options.version}
`,
    );
  }
  return files;
}

/** The paths `buildInitFiles` writes with these options, whatever the answers. */
export function plannedInitPaths(options: InitOptions): string[] {
  const answers: InitAnswers = {
    client: 'a',
    provider: 'b',
    timezone: 'UTC',
    start: options.today,
    end: options.today,
    noticeDays: 0,
    clientLead: { name: 'a', email: 'a@a.example' },
    providerLead: { name: 'b', email: 'b@b.example' },
    services: [],
    currency: 'EUR',
  };
  return [...buildInitFiles(answers, options).keys()];
}

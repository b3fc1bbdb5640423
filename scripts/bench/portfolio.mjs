// Generates realistic, valid partnership portfolios for `npm run bench`:
// every file kind, a year of monthly measurements with a few hundred
// incidents per partnership, deterministic for a given seed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { STYLES, STYLE_NAMES } from './styles.mjs';

/** The date the bench pins with `--today`, so that date rules stay quiet. */
export const BENCH_TODAY = '2026-11-15';

/** A small deterministic PRNG (mulberry32); the tests' seeded random source too. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Jane', 'Marco', 'Tom', 'Lena', 'Bob', 'Kim', 'Ana', 'Raj', 'Sofia', 'Omar', 'Yuki', 'Lars', 'Ines', 'Paul', 'Mia', 'Noah', 'Eva', 'Ravi', 'Chen', 'Zoe'];
const LAST = [
  'Doe',
  'Rossi',
  'Becker',
  'Fischer',
  'Smith',
  'Lee',
  'Silva',
  'Patel',
  'Novak',
  'Haddad',
  'Tanaka',
  'Berg',
  'Costa',
  'Meyer',
  'Larsen',
  'Adams',
  'Kowalski',
  'Nair',
  'Wang',
  'Dubois',
];
const ZONES = [
  ['Europe/Berlin', '+49 30'],
  ['Europe/London', '+44 20'],
  ['America/New_York', '+1 212'],
  ['Europe/Paris', '+33 1'],
];
const CLIENT_TITLES = ['Head of IT', 'ERP service owner', 'Information security officer', 'IT controller', 'Workplace lead', 'Procurement manager'];
const PROVIDER_TITLES = [
  'Service delivery manager',
  'Chief technology officer',
  'Senior cloud engineer (on-call lead)',
  'Operations engineer',
  'Network engineer',
  'Database administrator',
];
const SUMMARIES = [
  'ERP print server down, no delivery notes',
  'Scanner-to-email broken at the branch office',
  'Load-balancer health checks flapping',
  'SharePoint permissions for the audit folder',
  'Warehouse handheld scanners cannot sync orders',
  'Intermittent Wi-Fi drops in meeting rooms',
  'VPN clients disconnect every hour',
  'Nightly backup job failed on the file server',
  'Password reset for a locked-out finance user',
  'Customer portal slow during the lunch peak',
  'Certificate about to expire on the API gateway',
  'Mailbox quota reached for the sales team',
];

const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const QUARTERS = [
  ['2025-Q4', '2026-01-08'],
  ['2026-Q1', '2026-04-09'],
  ['2026-Q2', '2026-07-09'],
  ['2026-Q3', '2026-10-08'],
];

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Writes one partnership folder in an author's style (styles.mjs); returns the number of incidents written. */
export function writePartnership(dir, index, seed, style = 'house') {
  const rnd = random(seed * 7919 + index * 104729 + 1);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const [zone, dial] = ZONES[index % ZONES.length];
  const client = `client${index}`;
  const provider = `provider${index % 37}`;
  const files = {};

  // Contacts: five client people, six provider people, a desk and a NOC.
  const people = [];
  const used = new Set();
  for (let i = 0; i < 11; i++) {
    let first;
    let last;
    let id;
    do {
      first = pick(FIRST);
      last = pick(LAST);
      id = `${first}-${last}`.toLowerCase();
    } while (used.has(id));
    used.add(id);
    const party = i < 5 ? 'client' : 'provider';
    const title = party === 'client' ? CLIENT_TITLES[i] : PROVIDER_TITLES[i - 5];
    people.push({ id, name: `${first} ${last}`, party, title, domain: party === 'client' ? `${client}.example` : `${provider}.example` });
  }
  const [cLead, cOwner, cSec, cFin, cWork, pSdm, pCto, pOncall, pOps, pNet, pDba] = people;
  const desk = { id: `${provider}-desk`, name: 'Service desk', party: 'provider', domain: `${provider}.example` };
  const noc = { id: `${provider}-noc`, name: 'Network operations centre', party: 'provider', domain: `${provider}.example` };
  const contactLines = ['contacts:'];
  let phone = 1000 + index;
  for (const p of [...people, desk, noc]) {
    contactLines.push(`  - id: ${p.id}`, `    name: ${p.name}`, `    party: ${p.party}`);
    if (p.title) contactLines.push(`    title: ${p.title}`);
    contactLines.push(`    email: ${p.id.replace(/-/, '.')}@${p.domain}`, `    phone: "${dial} ${pad(phone++ % 10000, 4)} ${int(100, 999)}"`);
    if (p === pSdm || p === cLead) contactLines.push(`    timezone: ${zone}`);
    contactLines.push(`    hours: ${p === desk || p === noc || p === pCto || p === pOncall ? '24x7' : 'business-hours'}`);
    if (p === desk) contactLines.push('    notes: Shared first-line desk; German and English.');
  }
  files['contacts.yaml'] = contactLines;

  files['partnership.yaml'] = [
    `# ${client} buys managed IT services from ${provider}.`,
    `id: ${client}-${provider}`,
    `name: ${client} and ${provider} managed services`,
    'description: >-',
    `  ${provider} runs the service desk for ${int(80, 900)} staff and hosts the ERP,`,
    '  customer portal and file services in its cloud.',
    `client:   { id: ${client}, name: ${client[0].toUpperCase()}${client.slice(1)} Ltd }`,
    `provider: { id: ${provider}, name: ${provider[0].toUpperCase()}${provider.slice(1)} MSP }`,
    `timezone: ${zone}`,
    '',
    'contract:',
    `  reference: MSA-2025-${pad(index % 1000, 3)}`,
    '  start: 2025-01-01',
    '  end: 2028-12-31',
    '  renewal: { auto: true, noticeDays: 90 }',
    `  value: { amount: ${int(200, 900) * 1000}, currency: EUR, per: year }`,
    '',
    `owners: { client: ${cLead.id}, provider: ${pSdm.id} }`,
    '',
    'scope:',
    '  services: [service-desk, cloud-hosting]',
    '  exclusions:',
    '    - End-user hardware procurement',
    '    - Telephony and mobile contracts',
    '',
    'changeManagement:',
    '  mode: batched',
    '  window: { days: [tue], from: "18:00", to: "22:00" }',
    '  approvers: [client-it-lead]',
  ];

  files['raci.yaml'] = [
    'roles:',
    ...role('client-it-lead', 'Client IT lead', 'client', [cLead]),
    ...role('client-service-owner', 'Client ERP service owner', 'client', [cOwner]),
    ...role('client-security', 'Client security officer', 'client', [cSec]),
    ...role('client-finance', 'Client IT controlling', 'client', [cFin, cWork]),
    ...role('provider-sdm', 'Service delivery manager', 'provider', [pSdm]),
    ...role('provider-exec', 'Provider executive sponsor', 'provider', [pCto]),
    ...role('provider-ops', 'Provider operations', 'provider', [pOncall, pOps, pNet, pDba]),
    ...role('provider-desk', 'Provider first-line desk', 'provider', [desk, noc]),
    '',
    'activities:',
    ...activity('patching', 'Monthly server patching', ['provider-ops'], 'provider-sdm', ['client-it-lead'], ['client-security', 'client-service-owner']),
    ...activity(
      'incident-management',
      'Incident handling and communication',
      ['provider-desk', 'provider-ops'],
      'provider-sdm',
      ['client-service-owner'],
      ['client-it-lead'],
    ),
    ...activity(
      'change-approval',
      'Approving changes for the Tuesday window',
      ['client-it-lead'],
      'client-it-lead',
      ['provider-sdm', 'client-security'],
      ['provider-ops'],
    ),
    ...activity('backup-restore-test', 'Quarterly backup restore test', ['provider-ops'], 'provider-sdm', [], ['client-it-lead', 'client-security']),
    ...activity('access-review', 'Half-yearly review of admin accounts', ['client-security'], 'client-it-lead', ['provider-sdm'], ['provider-exec']),
    ...activity('invoicing', 'Monthly invoice and service-credit statement', ['provider-sdm'], 'provider-exec', [], ['client-finance']),
  ];

  const holidays = ['2025-12-25', '2025-12-26', '2026-01-01', '2026-05-01', '2026-12-25', '2026-12-26'];
  files['slas.yaml'] = [
    'calendars:',
    '  - id: business-hours',
    `    name: ${client} business hours`,
    `    timezone: ${zone}`,
    '    hours: { mon-fri: "08:00-18:00", sat: ["09:00-12:00", "13:00-15:00"] }',
    `    holidays: [${holidays.join(', ')}]`,
    '  - id: 24x7',
    '',
    'services:',
    '  - id: service-desk',
    '    name: Service desk',
    '    description: First- and second-line support by phone, e-mail and portal.',
    '    calendar: business-hours',
    `    monthlyFee: { amount: ${int(8, 20) * 1000}, currency: EUR }`,
    '    clockStops: [awaiting-client, awaiting-third-party]',
    '    priorities:',
    ...priority('P1', 'Business-critical service down for many users', '15m', '4h', 95, '24x7'),
    ...priority('P2', 'Important function impaired, workaround hard', '30m', '8h', 90),
    ...priority('P3', 'One user or a minor function affected', '2h', '20h', 90),
    ...priority('P4', 'Service request or question', '8h', 'PT50H', 85),
    '',
    '  - id: cloud-hosting',
    '    name: Cloud hosting',
    '    description: ERP, customer portal and file services in the provider data centre.',
    '    calendar: 24x7',
    '    availability: { target: 99.95, per: month }',
    `    monthlyFee: { amount: ${int(10, 30) * 1000}, currency: EUR }`,
    '    clockStops: [awaiting-client, planned-maintenance]',
    '    priorities:',
    ...priority('P1', 'Production system down or data at risk', '15m', '4h', 95),
    ...priority('P2', 'Production degraded', '30m', '8h', 95),
    ...priority('P3', 'Non-production issue or minor degradation', '4h', '2d', 90),
    '    credits:',
    '      tiers:',
    '        - { below: 99.95, percent: 5 }',
    '        - { below: 99.9, percent: 10 }',
    '        - { below: 99.5, percent: 25 }',
    '      cap: 30',
  ];

  files['escalation.yaml'] = [
    'paths:',
    ...path4(
      'desk-major',
      'Service desk major incidents',
      'service-desk',
      ['P1'],
      [
        ['Service desk', '0m', desk, '24x7'],
        ['Service delivery manager', '30m', pSdm, 'business-hours'],
        ['On-call lead engineer', '1h', pOncall, '24x7'],
        ['Provider CTO', '2h', pCto, '24x7'],
      ],
    ),
    ...path4(
      'desk-standard',
      'Service desk, other priorities',
      'service-desk',
      ['P2', 'P3', 'P4'],
      [
        ['Service desk', '0m', desk, 'business-hours'],
        ['Service delivery manager', '2h', pSdm, 'business-hours'],
        ['Provider CTO', '4h', pCto, 'business-hours'],
      ],
    ),
    ...path4(
      'hosting-critical',
      'Hosting outages',
      'cloud-hosting',
      ['P1', 'P2'],
      [
        ['Network operations centre', '0m', noc, '24x7'],
        ['On-call lead engineer', '30m', pOncall, '24x7'],
        ['Service delivery manager', '1h', pSdm, 'business-hours'],
        ['Provider CTO', '2h', pCto, '24x7'],
      ],
    ),
    ...path4(
      'hosting-standard',
      'Hosting, minor issues',
      'cloud-hosting',
      ['P3'],
      [
        ['Network operations centre', '0m', noc, '24x7'],
        ['On-call lead engineer', '4h', pOncall, '24x7'],
        ['Service delivery manager', '1d', pSdm, 'business-hours'],
      ],
    ),
  ];

  files['objectives.yaml'] = [
    'objectives:',
    '  - id: fewer-outages',
    '    title: Cut unplanned downtime',
    `    owner: ${cLead.id}`,
    '    kpis:',
    ...kpi('hosting-availability', 'Cloud hosting availability', '"%"', '">="', 99.95, 'sla:cloud-hosting.availability'),
    ...kpi('desk-p1-compliance', 'Service desk P1 incidents within SLA', '"%"', '">="', 95, 'sla:service-desk.P1'),
    '  - id: happier-users',
    '    title: Staff get help quickly and well',
    `    owner: ${cOwner.id}`,
    '    kpis:',
    ...kpi('csat', 'Customer satisfaction', 'score', '">="', 4.2, 'measured'),
    ...kpi('first-contact-resolution', 'Tickets solved on first contact', '"%"', '">="', 70, 'measured'),
    '  - id: less-rework',
    '    title: Fewer tickets that come back',
    `    owner: ${cFin.id}`,
    '    kpis:',
    ...kpi('repeat-tickets', 'Tickets reopened within 7 days', 'tickets', '"<"', 15, 'measured'),
  ];

  files['governance.yaml'] = [
    'meetings:',
    ...meeting(
      'monthly-service-review',
      'Monthly service review',
      'monthly',
      'first-tue',
      '"10:00"',
      '1h',
      pSdm,
      ['client-it-lead', 'client-service-owner', 'provider-sdm'],
      ['SLA performance', 'Open actions', 'Risks', 'Changes'],
    ),
    ...meeting(
      'quarterly-business-review',
      'Quarterly business review',
      'quarterly',
      'first-thu',
      '"14:00"',
      '2h',
      cLead,
      ['client-it-lead', 'client-finance', 'provider-sdm', 'provider-exec'],
      ['Objectives and KPIs', 'Budget against actuals', 'Service credits', 'Roadmap'],
    ),
    ...meeting(
      'weekly-ops-sync',
      'Weekly operations sync',
      'weekly',
      'wed',
      '"09:30"',
      '30m',
      pOps,
      ['provider-ops', 'client-it-lead'],
      ['Open incidents', 'Changes for Tuesday', 'Capacity'],
    ),
    '',
    'channels:',
    ...channel('helpdesk-phone', 'phone', `"${dial} 999000"`, '24x7', 'first-line', 'desk-major'),
    ...channel('helpdesk-email', 'email', `servicedesk@${provider}.example`, 'business-hours', 'first-line', 'desk-standard'),
    ...channel('noc-hotline', 'phone', `"${dial} 999111"`, '24x7', 'senior', 'hosting-critical'),
    ...channel('ops-chat', 'chat', `"#${client}-ops"`, 'business-hours', 'senior'),
  ];

  const riskLines = ['# Score = likelihood × impact; 15 or more needs a mitigation and a contingency.', 'risks:'];
  const owners = [pSdm, cSec, pCto, cFin, cLead, pOps];
  const riskCount = int(6, 12);
  for (let r = 0; r < riskCount; r++) {
    const likelihood = int(1, 5);
    const impact = int(1, 5);
    const closed = rnd() < 0.2;
    riskLines.push(
      `  - id: risk-${r + 1}`,
      `    title: ${pick(['Single engineer knows the legacy ERP', 'Phishing leads to a compromised admin account', 'All hosting runs in one data centre', 'Licences billed in a foreign currency', 'Backup restore never tested end to end'])} (${r + 1})`,
    );
    riskLines.push(`    likelihood: ${likelihood}`, `    impact: ${impact}`, `    owner: ${pick(owners).id}`);
    riskLines.push('    mitigation: Pair a second engineer; document runbooks');
    if (likelihood * impact >= 15 || rnd() < 0.5) riskLines.push('    contingency: Vendor support contract as a fallback');
    riskLines.push(`    status: ${closed ? 'closed' : pick(['open', 'mitigating'])}`, `    reviewBy: ${closed ? '2026-06-30' : `2027-0${int(1, 9)}-${pad(int(1, 28))}`}`);
  }
  files['risks.yaml'] = riskLines;

  const deskFee = 12000;
  const budget = [
    'currency: EUR',
    'lines:',
    `  - { id: desk, name: Service desk, amount: ${deskFee}, per: month, service: service-desk }`,
    '  - { id: hosting, name: Cloud hosting, amount: 15000, per: month, service: cloud-hosting }',
    '  - { id: projects, name: Project hours (pool), amount: 30000, per: quarter }',
    '  - { id: licences, name: Monitoring licences, amount: 9000, per: year }',
    'actuals:',
  ];
  for (const m of MONTHS) {
    budget.push(`  - { period: ${m}, line: desk, amount: ${deskFee + int(-500, 900)} }`);
    budget.push(`  - { period: ${m}, line: hosting, amount: ${15000 - int(0, 1500)}, note: "Less service credits, if any" }`);
    budget.push(`  - { period: ${m}, line: projects, amount: ${int(6, 10) * 1000} }`);
  }
  budget.push('  - { period: 2026, line: licences, amount: 9400, note: "Price rise of 4.4 % at renewal" }');
  files['budget.yaml'] = budget;

  // Measurements: a year of months, 15 to 35 incidents each.
  const deskPriorities = ['P1', 'P2', 'P3', 'P3', 'P4', 'P4'];
  const hostingPriorities = ['P1', 'P2', 'P3', 'P3'];
  let incidents = 0;
  let ticket = 1000;
  for (const m of MONTHS) {
    const [year, month] = m.split('-').map(Number);
    const lines = [`# ${m}: incidents, downtime and KPI values.`, `period: ${m}`, '', 'incidents:'];
    const count = int(15, 35);
    for (let k = 0; k < count; k++) {
      const hosting = rnd() < 0.35;
      const service = hosting ? 'cloud-hosting' : 'service-desk';
      const prio = pick(hosting ? hostingPriorities : deskPriorities);
      const opened = Date.UTC(year, month - 1, int(2, 26), int(6, 17), int(0, 59));
      const responded = opened + int(2, 90) * 60000;
      const resolved = responded + int(10, 60 * 30) * 60000;
      lines.push(`  - id: INC-${index}-${ticket++}`, `    service: ${service}`, `    priority: ${prio}`, `    summary: ${pick(SUMMARIES)}`);
      lines.push(`    opened: ${instant(opened)}`, `    responded: ${instant(responded)}`, `    resolved: ${instant(resolved)}`);
      if (rnd() < 0.15) {
        const from = responded + 5 * 60000;
        const to = Math.min(resolved, from + int(10, 240) * 60000);
        lines.push('    clockStops:', `      - { from: ${instant(from)}, to: ${instant(to)}, reason: awaiting-client }`);
      }
      incidents++;
    }
    lines.push('', 'downtime:');
    for (let k = int(1, 3); k > 0; k--) {
      const from = Date.UTC(year, month - 1, int(2, 26), int(0, 22), int(0, 59));
      lines.push('  - service: cloud-hosting', `    from: ${instant(from)}`, `    to: ${instant(from + int(5, 90) * 60000)}`, `    planned: ${rnd() < 0.3}`);
    }
    lines.push(
      '',
      'kpis:',
      `  - { kpi: csat, value: ${(3.8 + rnd()).toFixed(1)} }`,
      `  - { kpi: first-contact-resolution, value: ${int(60, 85)} }`,
      `  - { kpi: repeat-tickets, value: ${int(3, 20)} }`,
    );
    files[`measurements/${m}.yaml`] = lines;
  }

  let action = 1;
  for (const [q, held] of QUARTERS) {
    const lines = [
      `period: ${q}`,
      `held: ${held}`,
      'meeting: quarterly-business-review',
      `attendees: [${cLead.id}, ${cFin.id}, ${pSdm.id}, ${pCto.id}]`,
      'decisions:',
      '  - Keep the project-hours pool at 30000 EUR per quarter',
      '  - Review the second hosting region at the next meeting',
      'actions:',
    ];
    for (let k = int(2, 5); k > 0; k--) {
      const due = `${Number(held.slice(0, 4)) + (q === '2026-Q3' ? 1 : 0)}-${q === '2026-Q3' ? '01' : pad(Number(held.slice(5, 7)) + 1)}-${pad(int(1, 28))}`;
      const open = due > BENCH_TODAY;
      lines.push(
        `  - id: A-${action++}`,
        '    title: Document the ERP runbooks and share them',
        `    owner: ${pick([pSdm, cFin, pCto, cLead]).id}`,
        `    due: ${due}`,
        `    status: ${open ? 'open' : pick(['done', 'dropped'])}`,
      );
    }
    lines.push('feedback:', '  client: Availability met the target in most months.', '  provider: Earlier notice of migration plans would help us staff the desk.');
    files[`reviews/${q}.yaml`] = lines;
  }

  const write = STYLES[style];
  if (!write) throw new Error(`bench: no style ${style} (styles: ${STYLE_NAMES.join(', ')})`);
  const styleRnd = random(seed * 31 + index * 7 + 3);
  for (const [name, lines] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, write(lines, styleRnd));
  }
  return incidents;
}

function role(id, name, party, holders) {
  return [`  - id: ${id}`, `    name: ${name}`, `    party: ${party}`, `    holders: [${holders.map((h) => h.id).join(', ')}]`];
}

function activity(id, name, responsible, accountable, consulted, informed) {
  const out = [`  - id: ${id}`, `    name: ${name}`, `    responsible: [${responsible.join(', ')}]`, `    accountable: ${accountable}`];
  if (consulted.length > 0) out.push(`    consulted: [${consulted.join(', ')}]`);
  if (informed.length > 0) out.push(`    informed: [${informed.join(', ')}]`);
  return out;
}

function priority(id, description, response, resolution, target, calendar) {
  const out = [`      - id: ${id}`, `        description: ${description}`];
  if (calendar) out.push(`        calendar: ${calendar}`);
  out.push(`        response: ${response}`, `        resolution: ${resolution}`, `        target: ${target}`);
  return out;
}

function path4(id, name, service, priorities, levels) {
  const out = [`  - id: ${id}`, `    name: ${name}`, `    appliesTo: { services: [${service}], priorities: [${priorities.join(', ')}] }`, '    levels:'];
  for (const [levelName, after, contact, coverage] of levels) {
    out.push(`      - name: ${levelName}`, `        after: ${after}`, `        contacts: [${contact.id}]`, `        coverage: ${coverage}`);
  }
  return out;
}

function kpi(id, name, unit, op, value, source) {
  return [`      - id: ${id}`, `        name: ${name}`, `        unit: ${unit}`, `        target: { op: ${op}, value: ${value} }`, `        source: ${source}`];
}

function meeting(id, name, cadence, day, time, duration, chair, attendees, agenda) {
  return [
    `  - id: ${id}`,
    `    name: ${name}`,
    `    cadence: ${cadence}`,
    `    day: ${day}`,
    `    time: ${time}`,
    `    duration: ${duration}`,
    `    chair: ${chair.id}`,
    `    attendees: [${attendees.join(', ')}]`,
    `    agenda: [${agenda.join(', ')}]`,
  ];
}

function channel(id, kind, address, hours, staffing, escalatesTo) {
  const out = [`  - id: ${id}`, `    kind: ${kind}`, `    address: ${address}`, `    hours: ${hours}`, `    staffing: ${staffing}`];
  if (escalatesTo) out.push(`    escalatesTo: ${escalatesTo}`);
  return out;
}

function instant(ms) {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/**
 * Writes a portfolio of `count` partnerships under `dir` (one folder each,
 * plus a govern.config.yaml at the root); returns its size and each
 * partnership's style. `style`: one of STYLE_NAMES, or `varied` for every
 * style in turn.
 */
export function writePortfolio(dir, count, seed = 1, style = 'house') {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'govern.config.yaml'), 'rules:\n  ref/unknown-contact: error\n');
  let incidents = 0;
  const styles = {};
  for (let i = 0; i < count; i++) {
    const name = `p${String(i).padStart(4, '0')}`;
    const chosen = style === 'varied' ? STYLE_NAMES[i % STYLE_NAMES.length] : style;
    styles[name] = chosen;
    incidents += writePartnership(path.join(dir, name), i, seed, chosen);
  }
  return { partnerships: count, incidents, styles };
}

export { STYLE_NAMES };

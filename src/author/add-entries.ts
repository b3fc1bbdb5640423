import { DateTime } from '../time/zoned.js';
import { UsageError } from '../model/errors.js';
import { isString } from '../model/guards.js';
import { ALWAYS, type PartnershipIndex } from '../model/partnership-index.js';
import { latestMeasuredPeriod } from '../sla/from-workspace.js';
import type { Period } from '../model/period.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { planDowntime, planIncident } from './add-measurement.js';
import { planWaiver } from './add-waiver.js';
import { findProfile, SLA_PROFILES, type SlaProfile } from './profiles.js';
import { text, type Answers, type Choice, type Question } from './questions.js';
import { slugify, uniqueId, validateChoice, validateDate, validateEmail, validateId, validateNumber, validatePhone, validateText, validateTimezone } from './validate.js';

/** The kinds of entry `govern add` adds. */
export const ADD_KINDS = ['contact', 'risk', 'action', 'kpi', 'service', 'incident', 'downtime', 'waiver'] as const;
export type AddKind = (typeof ADD_KINDS)[number];

/** One entry to append: to the list at `path` of the file `relPath` (inside the partnership folder). */
export interface Edit {
  relPath: string;
  path: (string | number)[];
  entry: unknown;
  /** The text to start from when the file does not exist yet. */
  create: string;
}

/** What `add` asks for a kind, and how the answers become edits. */
export interface AddPlan {
  questions: Question[];
  build(answers: Answers): Edit[];
}

/**
 * Keys whose values are written in quotes unless the file's own entries say
 * otherwise (FORMAT.md asks for quotes there). A KPI's `op` is always quoted
 * in the format, because `>=` and `>` must be: `<=` left plain beside
 * `op: ">="` reads like a mistake.
 */
export const QUOTED_KEYS = ['phone', 'time', 'mon-fri', 'op'] as const;

const PERIOD = /^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?$/;
const OPS = ['>=', '>', '<=', '<', '=='];

/** The questions and edits of `govern add <kind>` over the current files of one partnership (and, for a waiver, its findings). Pure. */
export function planAdd(kind: AddKind, index: PartnershipIndex, today: string, findings: readonly Diagnostic[] = []): AddPlan {
  switch (kind) {
    case 'waiver':
      return planWaiver(index, today, findings);
    case 'contact':
      return planContact(index);
    case 'risk':
      return planRisk(index, today);
    case 'action':
      return planAction(index, today);
    case 'kpi':
      return planKpi(index);
    case 'service':
      return planService(index);
    case 'incident':
      return planIncident(index);
    case 'downtime':
      return planDowntime(index);
  }
}

function ids(index: PartnershipIndex, kind: string): string[] {
  return index.idsOf(kind).map((e) => e.id);
}

function contactChoices(index: PartnershipIndex, party?: 'provider' | 'client'): Choice[] {
  const all = index.contacts.filter((c) => isString(c.value.id));
  const chosen = party && all.some((c) => c.value.party === party) ? all.filter((c) => c.value.party === party) : all;
  return chosen.map((c) => ({ value: c.value.id!, name: `${c.value.id}${c.value.name ? ` (${c.value.name}${c.value.party ? `, ${c.value.party}` : ''})` : ''}` }));
}

/** A reference question: a choice among the current ids, which a flag must also name. */
function pick(name: string, flag: string, message: string, choices: () => Choice[], fallback?: (a: Answers) => string | undefined, what = 'contact'): Question {
  return {
    name,
    flag,
    message,
    kind: 'select',
    choices,
    default: (a) => fallback?.(a) ?? choices()[0]?.value,
    validate: (v) => {
      const allowed = choices().map((c) => c.value);
      if (allowed.length === 0) return `there is no ${what} to choose from yet; add one first (govern add ${what})`;
      return validateChoice(v, allowed);
    },
  };
}

function needContacts(index: PartnershipIndex): void {
  if (index.contacts.length === 0) throw new UsageError('there are no contacts to choose an owner from yet; add one first with `govern add contact`');
}

function planContact(index: PartnershipIndex): AddPlan {
  const taken = ids(index, 'contact');
  const emails = index.contacts.map((c) => c.value.email).filter(isString);
  const calendars = [...new Set([...ids(index, 'calendar'), ALWAYS])];
  const questions: Question[] = [
    { name: 'name', flag: '--name <name>', message: 'Full name (or the name of a shared desk)', kind: 'text', validate: (v) => validateText(v, 'a name') },
    {
      name: 'id',
      flag: '--id <id>',
      message: 'Id, used to refer to this contact',
      kind: 'text',
      implied: true,
      default: (a) => uniqueId(slugify(text(a, 'name')), new Set(taken), 'contact'),
      validate: (v) => validateId(v, taken),
    },
    {
      name: 'party',
      flag: '--party <party>',
      message: 'Which side',
      kind: 'select',
      choices: () => [
        { value: 'client', name: 'client' },
        { value: 'provider', name: 'provider' },
      ],
      validate: (v) => validateChoice(v, ['client', 'provider']),
    },
    { name: 'title', flag: '--title <text>', message: 'Job title (optional)', kind: 'text', optional: true },
    { name: 'email', flag: '--email <email>', message: 'E-mail (optional)', kind: 'text', optional: true, validate: (v) => (v === '' ? true : validateEmail(v, emails)) },
    {
      name: 'phone',
      flag: '--phone <phone>',
      message: 'Phone, + and 7–15 digits (optional with an e-mail)',
      kind: 'text',
      // FORMAT.md v1.1: a contact can be reached by at least one of them.
      optional: (a) => text(a, 'email') !== '',
      validate: (v, a) => (v !== '' ? validatePhone(v) : text(a, 'email') !== '' ? true : 'a contact needs an e-mail or a phone, so that someone can reach them'),
    },
    {
      name: 'timezone',
      flag: '--timezone <zone>',
      message: `Time zone, if not the partnership's ${index.timezone} (optional)`,
      kind: 'text',
      optional: true,
      validate: (v) => (v === '' ? true : validateTimezone(v)),
    },
    {
      name: 'hours',
      flag: '--hours <calendar>',
      message: 'When they can be reached (optional)',
      kind: 'select',
      optional: true,
      choices: () => [{ value: '', name: '(not said)' }, ...calendars.map((c) => ({ value: c, name: c }))],
      validate: (v) => (v === '' ? true : validateChoice(v, calendars)),
    },
  ];
  return {
    questions,
    build: (a) => [
      {
        relPath: 'contacts.yaml',
        path: ['contacts'],
        create: '# People on both sides. Other files refer to them by id.\n',
        entry: compact({
          id: text(a, 'id'),
          name: text(a, 'name'),
          party: text(a, 'party'),
          title: text(a, 'title'),
          email: text(a, 'email'),
          phone: text(a, 'phone'),
          timezone: text(a, 'timezone'),
          hours: text(a, 'hours'),
        }),
      },
    ],
  };
}

function planRisk(index: PartnershipIndex, today: string): AddPlan {
  needContacts(index);
  const taken = ids(index, 'risk');
  const score = (a: Answers): number => Number(text(a, 'likelihood')) * Number(text(a, 'impact'));
  const scale = (name: string, message: string): Question => ({
    name,
    flag: `--${name} <1-5>`,
    message,
    kind: 'select',
    choices: () => ['1', '2', '3', '4', '5'].map((v) => ({ value: v, name: v })),
    default: () => '3',
    validate: (v) => validateChoice(v, ['1', '2', '3', '4', '5']),
  });
  const measure = (name: string, message: string): Question => ({
    name,
    flag: `--${name} <text>`,
    message,
    kind: 'text',
    optional: (a) => score(a) < 15,
    validate: (v, a) => (v.trim() === '' && score(a) >= 15 ? `a risk scoring ${score(a)} (15 or more) needs a ${name}` : true),
  });
  const owner = index.partnership?.value.owners?.provider;
  return {
    questions: [
      { name: 'title', flag: '--title <text>', message: 'The risk in one sentence', kind: 'text', validate: (v) => validateText(v, 'a title') },
      {
        name: 'id',
        flag: '--id <id>',
        message: 'Id',
        kind: 'text',
        implied: true,
        default: (a) => uniqueId(slugify(text(a, 'title')), new Set(taken), 'risk'),
        validate: (v) => validateId(v, taken),
      },
      scale('likelihood', 'Likelihood, 1 (rare) to 5 (almost certain)'),
      scale('impact', 'Impact, 1 (minor) to 5 (severe)'),
      pick(
        'owner',
        '--owner <contact>',
        'Owner',
        () => contactChoices(index),
        () => (owner && ids(index, 'contact').includes(owner) ? owner : undefined),
      ),
      measure('mitigation', 'Mitigation: what makes it less likely or less harmful'),
      measure('contingency', 'Contingency: what is done if it happens anyway'),
      {
        name: 'status',
        flag: '--status <status>',
        message: 'Status',
        kind: 'select',
        choices: () => ['open', 'mitigating', 'closed'].map((v) => ({ value: v, name: v })),
        default: () => 'open',
        validate: (v) => validateChoice(v, ['open', 'mitigating', 'closed']),
      },
      {
        name: 'reviewBy',
        flag: '--review-by <date>',
        message: 'Review by (YYYY-MM-DD)',
        kind: 'text',
        default: () => DateTime.fromISO(today).plus({ months: 3 }).toISODate()!,
        validate: (v) => {
          const ok = validateDate(v);
          return ok === true && v < today ? `${v} is already past; pick a date from ${today} on` : ok;
        },
      },
    ],
    build: (a) => [
      {
        relPath: 'risks.yaml',
        path: ['risks'],
        create: '# Risk register. Score = likelihood × impact; 15 or more needs a mitigation and a contingency.\n',
        entry: compact({
          id: text(a, 'id'),
          title: text(a, 'title'),
          likelihood: Number(text(a, 'likelihood')),
          impact: Number(text(a, 'impact')),
          owner: text(a, 'owner'),
          mitigation: text(a, 'mitigation'),
          contingency: text(a, 'contingency'),
          status: text(a, 'status'),
          reviewBy: text(a, 'reviewBy'),
        }),
      },
    ],
  };
}

function planAction(index: PartnershipIndex, today: string): AddPlan {
  needContacts(index);
  const taken = ids(index, 'action');
  const reviewed = index.reviews.flatMap((r) => (r.period ? [{ period: r.period, relPath: r.file.relPath }] : []));
  const periods = reviewed.map((r) => ({ period: r.period.label, relPath: r.relPath }));
  // FORMAT.md v1.1: into the latest review record; without one, the record of
  // the latest measured period (the month being reviewed, not the month it is now).
  const latest = latestPeriod(reviewed.map((r) => r.period)) ?? latestMeasuredPeriod(index);
  const nextNumber = 1 + Math.max(0, ...taken.map((id) => Number(/(\d+)$/.exec(id)?.[1] ?? 0)));
  const meeting = index.meetings.find((m) => isString(m.value.id))?.value.id;
  return {
    questions: [
      {
        name: 'review',
        flag: '--review <period>',
        message: `Review record (period) it came from${periods.length > 0 ? `: ${periods.map((p) => p.period).join(', ')}, or a new one` : ''}`,
        kind: 'text',
        default: () => latest?.label ?? today.slice(0, 7),
        validate: (v) => (PERIOD.test(v) ? true : `\`${v}\` is not a period: write a month 2026-10, a quarter 2026-Q4 or a year 2026`),
      },
      { name: 'title', flag: '--title <text>', message: 'What is to be done', kind: 'text', validate: (v) => validateText(v, 'a title') },
      {
        name: 'id',
        flag: '--id <id>',
        message: 'Action id, unique across reviews',
        kind: 'text',
        implied: true,
        default: () => `A-${nextNumber}`,
        validate: (v) => (v.trim() === '' ? 'an id is needed, such as A-12' : taken.includes(v) ? `\`${v}\` is already used by another action` : true),
      },
      pick('owner', '--owner <contact>', 'Owner', () => contactChoices(index)),
      {
        name: 'due',
        flag: '--due <date>',
        message: 'Due (YYYY-MM-DD)',
        kind: 'text',
        default: () => DateTime.fromISO(today).plus({ days: 30 }).toISODate()!,
        validate: (v) => validateDate(v),
      },
      {
        name: 'status',
        flag: '--status <status>',
        message: 'Status',
        kind: 'select',
        choices: () => ['open', 'done', 'dropped'].map((v) => ({ value: v, name: v })),
        default: () => 'open',
        validate: (v) => validateChoice(v, ['open', 'done', 'dropped']),
      },
    ],
    build: (a) => {
      const period = text(a, 'review');
      const existing = index.reviews.find((r) => r.period?.label === period);
      const relPath = existing?.file.relPath ?? `reviews/${period}.yaml`;
      return [
        {
          relPath,
          path: ['actions'],
          create: `# Review record for ${period}.\nperiod: ${period}\nheld: ${today}   # the day the review took place\n${meeting ? `meeting: ${meeting}\n` : ''}`,
          entry: compact({ id: text(a, 'id'), title: text(a, 'title'), owner: text(a, 'owner'), due: text(a, 'due'), status: text(a, 'status') }),
        },
      ];
    },
  };
}

/** The period that ends last (the shorter one when two end together: the month, not its quarter). */
function latestPeriod(periods: readonly Period[]): Period | undefined {
  const end = (p: Period): number => p.year * 12 + p.firstMonth + p.months;
  return [...periods].sort((a, b) => end(a) - end(b) || b.months - a.months || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)).at(-1);
}

function planKpi(index: PartnershipIndex): AddPlan {
  const objectives = index.objectives.filter((o) => isString(o.value.id));
  if (objectives.length === 0) throw new UsageError('objectives.yaml has no objective to add a KPI to; add an objective there first');
  const taken = ids(index, 'kpi');
  const sources: Choice[] = [
    { value: 'measured', name: 'measured (values entered in measurements files)' },
    ...index.services.flatMap((s): Choice[] => {
      const id = s.value.id;
      if (!isString(id)) return [];
      const out: Choice[] = [];
      if (s.value.availability) out.push({ value: `sla:${id}.availability`, name: `sla:${id}.availability (availability of ${id})` });
      for (const p of s.value.priorities ?? []) if (isString(p.id)) out.push({ value: `sla:${id}.${p.id}`, name: `sla:${id}.${p.id} (SLA compliance of ${p.id})` });
      return out;
    }),
  ];
  return {
    questions: [
      pick(
        'objective',
        '--objective <id>',
        'Objective it measures',
        () => objectives.map((o) => ({ value: o.value.id!, name: `${o.value.id}${o.value.title ? ` (${o.value.title})` : ''}` })),
        undefined,
        'objective',
      ),
      { name: 'name', flag: '--name <name>', message: 'KPI name', kind: 'text', validate: (v) => validateText(v, 'a name') },
      {
        name: 'id',
        flag: '--id <id>',
        message: 'Id, unique across objectives',
        kind: 'text',
        implied: true,
        default: (a) => uniqueId(slugify(text(a, 'name')), new Set(taken), 'kpi'),
        validate: (v) => validateId(v, taken),
      },
      { name: 'unit', flag: '--unit <unit>', message: 'Unit, such as %, score or hours (optional)', kind: 'text', optional: true },
      {
        name: 'op',
        flag: '--op <op>',
        message: 'Compared with the target by',
        kind: 'select',
        choices: () => OPS.map((o) => ({ value: o, name: o })),
        default: () => '>=',
        validate: (v) => validateChoice(v, OPS),
      },
      { name: 'value', flag: '--value <number>', message: 'Target value', kind: 'text', validate: validateNumber },
      {
        name: 'source',
        flag: '--source <source>',
        message: 'Where values come from',
        kind: 'select',
        choices: () => sources,
        default: () => 'measured',
        validate: (v) =>
          validateChoice(
            v,
            sources.map((s) => s.value),
          ),
      },
    ],
    build: (a) => {
      const objective = objectives.find((o) => o.value.id === text(a, 'objective'))!;
      return [
        {
          relPath: objective.file.relPath,
          path: [...objective.path, 'kpis'] as (string | number)[],
          create: '',
          entry: compact({
            id: text(a, 'id'),
            name: text(a, 'name'),
            unit: text(a, 'unit'),
            target: { op: text(a, 'op'), value: Number(text(a, 'value')) },
            source: text(a, 'source'),
          }),
        },
      ];
    },
  };
}

function planService(index: PartnershipIndex): AddPlan {
  needContacts(index);
  const taken = ids(index, 'service');
  const calendars = ids(index, 'calendar').filter((c) => c !== ALWAYS);
  const profileOf = (a: Answers): SlaProfile => findProfile(text(a, 'profile')) ?? SLA_PROFILES[0]!;
  const hours = (id: string): string | undefined => index.contacts.find((c) => c.value.id === id)?.value.hours;
  const provider = () => contactChoices(index, 'provider');
  const roundTheClock = () => provider().filter((c) => hours(c.value) === ALWAYS);
  const owner = index.partnership?.value.owners?.provider;
  // The last level is named for the provider's account lead only when it is them; someone else goes by their title.
  const levelName = (name: string, who: string, contact: string): string => {
    if (who !== 'account-lead' || contact === owner) return name;
    const title = index.contacts.find((c) => c.value.id === contact)?.value.title;
    return isString(title) && title.trim() !== '' ? title.trim() : 'Provider management';
  };
  return {
    questions: [
      {
        name: 'profile',
        flag: '--profile <profile>',
        message: 'SLA profile to start from',
        kind: 'select',
        choices: () => SLA_PROFILES.map((p) => ({ value: p.id, name: p.label })),
        default: () => SLA_PROFILES[0]!.id,
        validate: (v) =>
          validateChoice(
            v,
            SLA_PROFILES.map((p) => p.id),
          ),
      },
      {
        name: 'name',
        flag: '--name <name>',
        message: 'Service name',
        kind: 'text',
        default: (a) => profileOf(a).serviceName,
        validate: (v) => validateText(v, 'a name'),
      },
      {
        name: 'id',
        flag: '--id <id>',
        message: 'Id',
        kind: 'text',
        implied: true,
        default: (a) => uniqueId(slugify(text(a, 'name')), new Set(taken), 'service'),
        validate: (v) => validateId(v, taken),
      },
      {
        name: 'calendar',
        flag: '--calendar <calendar>',
        message: 'Business-hours calendar the service runs on',
        kind: 'select',
        when: (a) => profileOf(a).calendar !== ALWAYS,
        choices: () =>
          calendars.length > 0 ? calendars.map((c) => ({ value: c, name: c })) : [{ value: 'business-hours', name: 'business-hours (new: Mon–Fri 08:00–18:00)' }],
        default: () => (calendars.includes('business-hours') ? 'business-hours' : (calendars[0] ?? 'business-hours')),
        validate: (v) => validateChoice(v, calendars.length > 0 ? calendars : ['business-hours']),
      },
      pick('firstLine', '--first-line <contact>', 'First line of the escalation path (service desk)', provider, (a) =>
        profileOf(a).levels[0]!.coverage === ALWAYS ? roundTheClock()[0]?.value : provider().find((c) => c.value.includes('desk'))?.value,
      ),
      {
        ...pick(
          'onCall',
          '--on-call <contact>',
          'On-call duty manager, reachable around the clock',
          provider,
          (a) => roundTheClock().find((c) => c.value !== text(a, 'firstLine'))?.value,
        ),
        when: (a) => profileOf(a).levels.some((l) => l.who === 'duty-manager'),
      },
      pick('lead', '--escalation-lead <contact>', 'Last level of the escalation path (account lead)', provider, () =>
        owner && provider().some((c) => c.value === owner) ? owner : undefined,
      ),
    ],
    build: (a) => {
      const profile = profileOf(a);
      const id = text(a, 'id');
      const calendar = profile.calendar === ALWAYS ? ALWAYS : text(a, 'calendar') || 'business-hours';
      const who = { desk: text(a, 'firstLine'), 'duty-manager': text(a, 'onCall'), 'account-lead': text(a, 'lead') };
      const edits: Edit[] = [];
      const usesBusinessHours = calendar === 'business-hours' || profile.levels.some((l) => l.coverage === 'business-hours');
      if (usesBusinessHours && !ids(index, 'calendar').includes('business-hours')) {
        edits.push({
          relPath: 'slas.yaml',
          path: ['calendars'],
          create: '',
          entry: { id: 'business-hours', name: 'Business hours', timezone: index.timezone, hours: { 'mon-fri': '08:00-18:00' } },
        });
      }
      const coverage = (c: string): string => (c === ALWAYS ? ALWAYS : calendar === ALWAYS ? 'business-hours' : calendar);
      edits.push(
        {
          relPath: 'slas.yaml',
          path: ['services'],
          create: '# Calendars, services, priorities and their targets.\n',
          entry: {
            id,
            name: text(a, 'name'),
            calendar,
            ...(profile.availability !== undefined ? { availability: { target: profile.availability, per: 'month' } } : {}),
            clockStops: ['awaiting-client'],
            priorities: profile.priorities.map((p) => ({ id: p.id, description: p.description, response: p.response, resolution: p.resolution, target: p.target })),
          },
        },
        {
          relPath: 'escalation.yaml',
          path: ['paths'],
          create: '# Who is called, level by level, when an incident is not resolved.\n',
          entry: {
            id: uniqueId(`${id}-escalation`, new Set(ids(index, 'path'))),
            name: `${text(a, 'name')} incidents`,
            appliesTo: { services: [id], priorities: profile.priorities.map((p) => p.id) },
            levels: profile.levels.map((l) => ({ name: levelName(l.name, l.who, who[l.who]), after: l.after, contacts: [who[l.who]], coverage: coverage(l.coverage) })),
          },
        },
        { relPath: 'partnership.yaml', path: ['scope', 'services'], create: '', entry: id },
      );
      return edits;
    },
  };
}

/** Drops empty answers so optional fields left blank are not written. */
function compact(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== '' && v !== undefined));
}

import { DateTime } from '../time/zoned.js';
import { findProfile, SLA_PROFILES } from './profiles.js';
import { list, text, type Answers, type Question } from './questions.js';
import {
  slugify,
  validateChoice,
  validateCurrency,
  validateDate,
  validateEmail,
  validateInteger,
  validatePhone,
  validateText,
  validateTimezone,
  type Verdict,
} from './validate.js';

/** What `init` needs to know, once every question is answered. */
export interface InitAnswers {
  client: string;
  provider: string;
  timezone: string;
  start: string;
  end: string;
  noticeDays: number;
  clientLead: Lead;
  providerLead: Lead;
  /** The services, each from a profile, in the order chosen. */
  services: { profile: string; name: string }[];
  currency: string;
}

/** An account lead. */
export interface Lead {
  name: string;
  email: string;
  phone?: string;
}

/** What the defaults are worked out from. */
export interface InitContext {
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** The system's time zone. */
  systemZone: string;
}

/** The questions of `init`, in the order they are asked; each has a flag, and all have defaults so `--yes` works. */
export function initQuestions(context: InitContext): Question[] {
  const firstOfNextMonth = DateTime.fromISO(context.today).plus({ months: 1 }).startOf('month').toISODate()!;
  const emailDefault = (side: 'client' | 'provider') => (a: Answers) => {
    const org = slugify(text(a, side)) || side;
    const person = slugify(text(a, `${side}LeadName`)).replace(/-/g, '.') || 'account.lead';
    return `${person}@${org}.example`;
  };
  const lead = (side: 'client' | 'provider', org: string): Question[] => [
    {
      name: `${side}LeadName`,
      flag: `--${side}-lead-name <name>`,
      message: `Name of the ${side}'s account lead (${org})`,
      kind: 'text',
      default: () => `${side === 'client' ? 'Client' : 'Provider'} account lead`,
      validate: (v, a) => {
        const ok = validateText(v, 'a name');
        if (ok !== true) return ok;
        return side === 'provider' && slugify(v) === slugify(text(a, 'clientLeadName')) ? 'the two account leads need different names' : true;
      },
    },
    {
      name: `${side}LeadEmail`,
      flag: `--${side}-lead-email <email>`,
      message: `E-mail of the ${side}'s account lead`,
      kind: 'text',
      default: emailDefault(side),
      validate: (v, a) => validateEmail(v, side === 'provider' ? [text(a, 'clientLeadEmail')] : []),
    },
    {
      name: `${side}LeadPhone`,
      flag: `--${side}-lead-phone <phone>`,
      message: `Phone of the ${side}'s account lead, such as +49 30 1234567 (optional)`,
      kind: 'text',
      optional: true,
      validate: (v) => (v === '' ? true : validatePhone(v)),
    },
  ];
  return [
    { name: 'client', flag: '--client <name>', message: 'Client organisation (who buys the services)', kind: 'text', default: () => 'Client', validate: orgName },
    {
      name: 'provider',
      flag: '--provider <name>',
      message: 'Provider organisation (who delivers them)',
      kind: 'text',
      default: () => 'Provider',
      validate: (v, a) => {
        const ok = orgName(v);
        if (ok !== true) return ok;
        return slugify(v) === slugify(text(a, 'client')) ? 'client and provider need different names' : true;
      },
    },
    {
      name: 'timezone',
      flag: '--timezone <zone>',
      message: 'Time zone of the partnership (IANA name)',
      kind: 'text',
      default: () => context.systemZone,
      validate: validateTimezone,
    },
    { name: 'start', flag: '--start <date>', message: 'Contract start (YYYY-MM-DD)', kind: 'text', default: () => firstOfNextMonth, validate: (v) => validateDate(v) },
    {
      name: 'end',
      flag: '--end <date>',
      message: 'Contract end, the last day of the term (YYYY-MM-DD)',
      kind: 'text',
      default: (a) => {
        const start = DateTime.fromISO(text(a, 'start') || firstOfNextMonth);
        return start.isValid ? start.plus({ years: 3 }).minus({ days: 1 }).toISODate()! : undefined;
      },
      validate: (v, a) => validateDate(v, text(a, 'start') || undefined),
    },
    {
      name: 'noticeDays',
      flag: '--notice-days <days>',
      message: 'Notice period in days (notice must be given this long before the end)',
      kind: 'text',
      default: () => '90',
      validate: (v, a) => noticeFits(v, text(a, 'start'), text(a, 'end')),
    },
    ...lead('client', 'client'),
    ...lead('provider', 'provider'),
    {
      name: 'services',
      flag: '--service <profile>',
      message: 'Services to start with, each from an SLA profile',
      kind: 'multi',
      choices: () => SLA_PROFILES.map((p) => ({ value: p.id, name: p.label })),
      default: () => SLA_PROFILES.map((p) => p.id),
      validate: (v) =>
        validateChoice(
          v,
          SLA_PROFILES.map((p) => p.id),
        ),
    },
    ...SLA_PROFILES.map(
      (profile, i): Question => ({
        name: `name:${profile.id}`,
        flag: `--${profile.id.split('-')[0]}-name <name>`,
        message: `Name of the ${profile.label} service`,
        kind: 'text',
        when: (a) => list(a, 'services').includes(profile.id),
        default: () => profile.serviceName,
        validate: (v, a) => {
          const ok = validateText(v, 'a name');
          if (ok !== true) return ok;
          if (slugify(v) === '') return 'the name needs letters or digits';
          const earlier = SLA_PROFILES.slice(0, i)
            .filter((p) => list(a, 'services').includes(p.id))
            .map((p) => slugify(text(a, `name:${p.id}`) || p.serviceName));
          return earlier.includes(slugify(v)) ? 'another service already has this name' : true;
        },
      }),
    ),
    { name: 'currency', flag: '--currency <code>', message: 'Currency of the budget (ISO 4217)', kind: 'text', default: () => 'EUR', validate: validateCurrency },
  ];
}

function orgName(v: string): Verdict {
  const ok = validateText(v, 'a name');
  if (ok !== true) return ok;
  return slugify(v) === '' ? 'the name needs letters or digits to make an id from' : true;
}

function noticeFits(v: string, start: string, end: string): Verdict {
  const ok = validateInteger(v, 0, 3650);
  if (ok !== true) return ok;
  const s = DateTime.fromISO(start);
  const e = DateTime.fromISO(end);
  if (s.isValid && e.isValid && e.minus({ days: Number(v) }) < s) return `the last day to give notice would fall before the start (${start}); choose fewer days`;
  return true;
}

/** Turns collected answers (every question answered or defaulted) into the typed answers. */
export function toInitAnswers(a: Answers): InitAnswers {
  const lead = (side: string): Lead => {
    const phone = text(a, `${side}LeadPhone`);
    return { name: text(a, `${side}LeadName`), email: text(a, `${side}LeadEmail`), ...(phone ? { phone } : {}) };
  };
  const chosen = list(a, 'services');
  return {
    client: text(a, 'client'),
    provider: text(a, 'provider'),
    timezone: text(a, 'timezone'),
    start: text(a, 'start'),
    end: text(a, 'end'),
    noticeDays: Number(text(a, 'noticeDays')),
    clientLead: lead('client'),
    providerLead: lead('provider'),
    services: SLA_PROFILES.filter((p) => chosen.includes(p.id)).map((p) => ({ profile: p.id, name: text(a, `name:${p.id}`) || findProfile(p.id)!.serviceName })),
    currency: text(a, 'currency'),
  };
}

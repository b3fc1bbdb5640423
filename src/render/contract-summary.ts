import type { PartnershipIndex } from '../model/partnership-index.js';
import type { PartnershipFile } from '../model/partnership.js';
import { parseDuration } from '../sla/duration.js';
import { partnershipZone } from '../sla/from-workspace.js';
import { describeCadence } from './describe.js';
import { Directory, num, type Person, str, strings } from './directory.js';
import { lastNoticeDay } from '../time/instant.js';
import { addDays, daysBetween, formatDate } from './format.js';

/** The top of every document: who the partnership is between. */
export interface PartnershipHeader {
  id: string;
  name: string;
  description: string | null;
  client: string;
  provider: string;
  reference: string | null;
  timezone: string;
}

/** A dated contract event: the last day to give notice, the end of the term. */
export interface ContractEvent {
  kind: 'start' | 'notice' | 'notice-passed' | 'end';
  date: string;
  what: string;
  detail: string;
  /** Days from today (negative: already past). */
  days: number;
}

/** What the contract summary shows. */
export interface ContractSummary {
  kind: 'contract-summary';
  partnership: PartnershipHeader;
  today: string;
  warnings: string[];
  parties: { role: string; name: string; owner: Person | null }[];
  term: {
    start: string | null;
    end: string | null;
    autoRenew: boolean | null;
    noticeDays: number | null;
    noticeBy: string | null;
    /** Days from today to the last day to give notice (negative: passed). */
    noticeInDays: number | null;
    value: { amount: number; currency: string | null; per: string | null } | null;
  };
  events: ContractEvent[];
  scope: { services: { id: string; name: string; description: string | null }[]; exclusions: string[] };
  calendars: { id: string; name: string; words: string }[];
  services: ServiceTerms[];
  escalation: EscalationPathView[];
  raci: { roles: { id: string; name: string; party: string | null; holders: string[] }[]; activities: { name: string; description: string | null; cells: string[] }[] };
  meetings: { name: string; cadence: string; chair: string | null; attendees: string[]; agenda: string[] }[];
  channels: { name: string; kind: string; address: string; hours: string; staffing: string | null; escalatesTo: string | null }[];
  change: { mode: string; window: string | null; approvers: string[] } | null;
  contacts: { party: string; people: (Person & { hours: string })[] }[];
}

export interface ServiceTerms {
  id: string;
  name: string;
  description: string | null;
  calendar: string;
  availabilityTarget: number | null;
  availabilityPer: string | null;
  monthlyFee: { amount: number; currency: string | null } | null;
  clockStops: string[];
  priorities: { id: string; description: string | null; calendar: string; responseMin: number | null; resolutionMin: number | null; target: number | null }[];
  credits: { tiers: { below: number; percent: number; amount: number | null }[]; cap: number | null; capAmount: number | null } | null;
}

export interface EscalationPathView {
  id: string;
  name: string;
  appliesTo: string;
  levels: { step: number; node: string; name: string; afterMin: number | null; contacts: Person[]; coverage: string; aroundTheClock: boolean }[];
}

/** The header of a partnership, from partnership.yaml. */
export function partnershipHeader(index: PartnershipIndex): PartnershipHeader {
  const p: PartnershipFile = index.partnership?.value ?? {};
  return {
    id: str(p.id) ?? index.root,
    name: str(p.name) ?? str(p.id) ?? index.root,
    description: str((p as { description?: unknown }).description),
    client: str(p.client?.name) ?? str(p.client?.id) ?? 'Client',
    provider: str(p.provider?.name) ?? str(p.provider?.id) ?? 'Provider',
    reference: str(p.contract?.reference),
    timezone: partnershipZone(index),
  };
}

/**
 * The contract's dates from today on: its start (if ahead), the last day to
 * give notice (end − noticeDays, FORMAT.md), or that it has passed, and its end.
 */
export function contractEvents(p: PartnershipFile, today: string): ContractEvent[] {
  const start = str(p.contract?.start);
  const end = str(p.contract?.end);
  const auto = p.contract?.renewal?.auto === true;
  const noticeDays = num(p.contract?.renewal?.noticeDays);
  const out: ContractEvent[] = [];
  if (start && start > today) out.push({ kind: 'start', date: start, what: 'Contract starts', detail: '', days: daysBetween(today, start) });
  const noticeBy = end ? lastNoticeDay(end, noticeDays) : undefined;
  if (end && noticeBy !== undefined) {
    if (noticeBy >= today) {
      out.push({
        kind: 'notice',
        date: noticeBy,
        what: 'Last day to give notice',
        detail: auto
          ? `${noticeDays} days before the end of the term; without notice the contract renews automatically.`
          : `${noticeDays} days before the end of the term; the contract does not renew by itself.`,
        days: daysBetween(today, noticeBy),
      });
    } else if (end >= today) {
      out.push({
        kind: 'notice-passed',
        date: noticeBy,
        what: 'Notice period has passed',
        detail: auto ? `The contract renews on ${formatDate(addDays(end, 1))}.` : `The contract ends on ${formatDate(end)}.`,
        days: daysBetween(today, noticeBy),
      });
    }
  }
  if (end && end >= today) {
    out.push({
      kind: 'end',
      date: end,
      what: auto ? 'End of the current term' : 'Contract ends',
      detail: auto ? 'Renews automatically unless notice was given.' : 'No automatic renewal.',
      days: daysBetween(today, end),
    });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Builds the contract summary: what was agreed, in one document. Pure. */
export function buildContractSummary(index: PartnershipIndex, options: { today: string; warnings?: readonly string[] }): ContractSummary {
  const zone = partnershipZone(index);
  const dir = new Directory(index, zone);
  const p = dir.partnership;
  const end = str(p.contract?.end);
  const noticeDays = num(p.contract?.renewal?.noticeDays);
  const noticeBy = end ? lastNoticeDay(end, noticeDays) : undefined;
  const amount = num(p.contract?.value?.amount);
  // Absent is absent (FORMAT.md v1.1): a missing calendar is "not stated", never read as 24×7.
  const calendarName = (id: string | undefined, missing = 'hours not stated'): string => {
    if (id === undefined) return missing;
    if (id === '24x7') return '24×7';
    const cal = dir.calendarList().find((c) => c.id === id);
    return str((cal as { name?: unknown } | undefined)?.name) ?? id;
  };

  const services: ServiceTerms[] = index.services.map(({ value: s }) => {
    const fee = num(s.monthlyFee?.amount);
    const currency = str(s.monthlyFee?.currency);
    const tiers = (Array.isArray(s.credits?.tiers) ? s.credits.tiers : [])
      .filter((t) => num(t?.below) !== null && num(t?.percent) !== null)
      .map((t) => ({ below: t.below!, percent: t.percent!, amount: fee === null ? null : Math.round(fee * t.percent!) / 100 }))
      .sort((a, b) => b.below - a.below);
    const cap = num(s.credits?.cap);
    return {
      id: str(s.id) ?? '',
      name: str(s.name) ?? str(s.id) ?? '',
      description: str((s as { description?: unknown }).description),
      calendar: calendarName(s.calendar),
      availabilityTarget: num(s.availability?.target),
      availabilityPer: str(s.availability?.per),
      monthlyFee: fee === null ? null : { amount: fee, currency },
      clockStops: strings(s.clockStops),
      priorities: (Array.isArray(s.priorities) ? s.priorities : []).map((pr) => ({
        id: str(pr?.id) ?? '',
        description: str(pr?.description),
        calendar: calendarName(pr?.calendar ?? s.calendar),
        responseMin: parseDuration(pr?.response)?.minutes ?? null,
        resolutionMin: parseDuration(pr?.resolution)?.minutes ?? null,
        target: num(pr?.target),
      })),
      credits: tiers.length === 0 ? null : { tiers, cap, capAmount: cap === null || fee === null ? null : Math.round(fee * cap) / 100 },
    };
  });

  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  let nodes = 0;
  const escalation: EscalationPathView[] = index.paths.map(({ value: path }) => {
    const svc = strings(path.appliesTo?.services).map((id) => serviceName.get(id) ?? id);
    const prio = strings(path.appliesTo?.priorities);
    return {
      id: str(path.id) ?? '',
      name: str((path as { name?: unknown }).name) ?? str(path.id) ?? '',
      appliesTo: `${svc.join(', ') || 'all services'}: ${prio.join(', ') || 'all priorities'}`,
      levels: (Array.isArray(path.levels) ? path.levels : []).map((level, i) => ({
        step: i + 1,
        node: `n${++nodes}`,
        name: str(level?.name) ?? `Level ${i + 1}`,
        afterMin: parseDuration(level?.after)?.minutes ?? null,
        contacts: strings(level?.contacts).map((c) => dir.person(c)!),
        coverage: calendarName(level?.coverage, 'not stated'),
        aroundTheClock: level?.coverage === '24x7',
      })),
    };
  });

  const roles = index.roles.map(({ value: r }) => ({
    id: str(r.id) ?? '',
    name: str(r.name) ?? str(r.id) ?? '',
    party: str(r.party),
    holders: dir.holders(str(r.id) ?? ''),
  }));
  const activities = index.activities.map(({ value: a }) => {
    const accountable = Array.isArray(a.accountable) ? strings(a.accountable) : strings([a.accountable]);
    const sets: [string, string[]][] = [
      ['R', strings(a.responsible)],
      ['A', accountable],
      ['C', strings(a.consulted)],
      ['I', strings(a.informed)],
    ];
    return {
      name: str(a.name) ?? str(a.id) ?? '',
      description: str((a as { description?: unknown }).description),
      cells: roles.map((role) =>
        sets
          .filter(([, ids]) => ids.includes(role.id))
          .map(([letter]) => letter)
          .join('/'),
      ),
    };
  });

  const start = str(p.contract?.start);
  const meetings = index.meetings.map(({ value: m }) => ({
    name: str(m.name) ?? str(m.id) ?? '',
    cadence: describeCadence(m, zone, start),
    chair: str(m.chair) === null ? null : dir.who(m.chair),
    attendees: strings(m.attendees).map((a) => dir.who(a)),
    agenda: strings(m.agenda),
  }));
  const pathName = new Map(escalation.map((e) => [e.id, e.name]));
  const channels = index.channels.map(({ value: c }) => ({
    name: str((c as { name?: unknown }).name) ?? `${KIND_WORDS.get(str(c.kind) ?? '') ?? 'Channel'} (${str(c.id) ?? 'no id'})`,
    kind: str(c.kind) ?? '',
    address: str(c.address) ?? '',
    hours: calendarName(c.hours),
    staffing: str(c.staffing),
    escalatesTo: str(c.escalatesTo) === null ? null : (pathName.get(c.escalatesTo!) ?? c.escalatesTo!),
  }));

  const cm = p.changeManagement;
  const window = cm?.window;
  const days = strings(window?.days).map((d) => DAY_PLURAL.get(d) ?? d);
  const change = cm
    ? {
        mode: cm.mode === 'immediate' ? 'immediate' : cm.mode === 'batched' ? 'batched' : (str(cm.mode) ?? ''),
        window: window ? `${days.join(', ') || 'Any day'} ${str(window.from) ?? ''}–${str(window.to) ?? ''} (${zone})` : null,
        approvers: strings(cm.approvers).map((a) => dir.who(a)),
      }
    : null;

  const contacts = (['client', 'provider'] as const).map((party) => ({
    party: party === 'client' ? (str(p.client?.name) ?? 'Client') : (str(p.provider?.name) ?? 'Provider'),
    people: index.contacts
      .filter((c) => c.value.party === party && typeof c.value.id === 'string')
      .map((c) => ({ ...dir.person(c.value.id)!, hours: calendarName(c.value.hours) })),
  }));

  return {
    kind: 'contract-summary',
    partnership: partnershipHeader(index),
    today: options.today,
    warnings: [...(options.warnings ?? [])],
    parties: [
      { role: 'Client', name: str(p.client?.name) ?? 'Client', owner: dir.person(p.owners?.client) },
      { role: 'Provider', name: str(p.provider?.name) ?? 'Provider', owner: dir.person(p.owners?.provider) },
    ],
    term: {
      start,
      end,
      autoRenew: typeof p.contract?.renewal?.auto === 'boolean' ? p.contract.renewal.auto : null,
      noticeDays,
      noticeBy: noticeBy ?? null,
      noticeInDays: noticeBy === undefined ? null : daysBetween(options.today, noticeBy),
      value: amount === null ? null : { amount, currency: str(p.contract?.value?.currency), per: str(p.contract?.value?.per) },
    },
    events: contractEvents(p, options.today),
    scope: {
      services: strings(p.scope?.services).map((id) => {
        const s = services.find((x) => x.id === id);
        return { id, name: s?.name ?? id, description: s?.description ?? null };
      }),
      exclusions: strings(p.scope?.exclusions),
    },
    calendars: [
      ...dir
        .calendarList()
        .filter((c) => c.id !== '24x7' && typeof c.id === 'string')
        .map((c) => ({ id: c.id!, name: calendarName(c.id), words: dir.calendarWords(c.id) })),
      { id: '24x7', name: '24×7', words: 'around the clock, every day of the year' },
    ],
    services,
    escalation,
    raci: { roles, activities },
    meetings,
    channels,
    change,
    contacts,
  };
}

const DAY_PLURAL = new Map(Object.entries({ mon: 'Mondays', tue: 'Tuesdays', wed: 'Wednesdays', thu: 'Thursdays', fri: 'Fridays', sat: 'Saturdays', sun: 'Sundays' }));

const KIND_WORDS = new Map(Object.entries({ phone: 'Phone', email: 'E-mail', portal: 'Portal', chat: 'Chat' }));

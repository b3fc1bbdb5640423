import type { FileKind } from '../model/file-kind.js';
import { arrayOf, isNumber, isObject, isString } from '../model/guards.js';
import { compareWeeklyHours, hoursPerWeek, weeklyHours, type WeeklyHours } from './coverage.js';
import type { SideView } from './side-view.js';
import type { Category, ChangeKind, IdPath, Impact } from './types.js';
import type { WalkHint } from './walk.js';
import { displayMoney, displayValue, labelOf, minutesOf, sameScalar, sameSet, yearlyAmount } from './values.js';
import { parseInstantQuickly } from '../time/instant.js';

/** What a change rule sees: the change, both revisions of the partnership, and the file's values by path. */
export interface RuleContext {
  change: ChangeKind;
  before: unknown;
  after: unknown;
  path: IdPath;
  /** The list keys along the path: what each `*` of the pattern matched. */
  ids: string[];
  base: SideView;
  head: SideView;
  /** The value at a path of this file at the base and at the head. */
  atBase(path: IdPath): unknown;
  atHead(path: IdPath): unknown;
}

/** A rule's judgement of one change. */
export interface Verdict {
  impact: Impact;
  summary: string;
  /** Overrides the rule's category when the change is about something else (people on an escalation level). */
  category?: Category;
}

/** How changes at one place of one file kind are classified and put into words. */
export interface ChangeRule extends WalkHint {
  /** Dot-joined path with `*` for list keys. */
  pattern: string;
  category: Category;
  classify(c: RuleContext): Verdict;
}

/** Where a file kind's changes belong when no rule says otherwise. */
export const DEFAULT_CATEGORY: Readonly<Record<FileKind, Category>> = {
  partnership: 'governance',
  contacts: 'people',
  raci: 'people',
  slas: 'operational',
  escalation: 'operational',
  objectives: 'governance',
  governance: 'governance',
  risks: 'governance',
  budget: 'commercial',
  measurements: 'operational',
  review: 'governance',
  waivers: 'governance',
  config: 'governance',
};

const show = displayValue;
const neutral = (summary: string): Verdict => ({ impact: 'neutral', summary });
const weakened = (summary: string): Verdict => ({ impact: 'weakened', summary });
const tightened = (summary: string): Verdict => ({ impact: 'tightened', summary });
const quote = (v: unknown): string => `"${show(v)}"`;
const itemOf = (c: RuleContext): unknown => (c.change === 'removed' ? c.before : c.after);
const id = (c: RuleContext, i: number): string => c.ids[i] ?? '?';

/** A name for an item of a list, from whichever revision has it. */
function nameOf(c: RuleContext, relPath: string, list: string, itemId: string): string {
  return c.head.nameOf(relPath, list, itemId) ?? c.base.nameOf(relPath, list, itemId) ?? itemId;
}
const service = (c: RuleContext, i = 0): string => nameOf(c, 'slas.yaml', 'services', id(c, i));
const roleName = (c: RuleContext, roleId: unknown): string => (isString(roleId) ? nameOf(c, 'raci.yaml', 'roles', roleId) : show(roleId));
const contactName = (c: RuleContext, contactId: unknown): string => (isString(contactId) ? nameOf(c, 'contacts.yaml', 'contacts', contactId) : show(contactId));

/** The sentence for an item added or removed, or a value set, changed or removed, when nothing more is known. */
function plain(c: RuleContext, subject: string): string {
  if (c.change === 'added') return `${subject} set to ${show(c.after)}`;
  if (c.change === 'removed') return `${subject} removed (was ${show(c.before)})`;
  return `${subject} changed from ${show(c.before)} to ${show(c.after)}`;
}

interface Scale {
  measure: (value: unknown) => number | null;
  /** Which direction is worse for the client. */
  worse: 'higher' | 'lower';
  /** The verb for each direction; after a `|`, why it matters (`brought forward|obligations stop sooner`). */
  up: string;
  down: string;
  added: Impact;
  removed: Impact;
  show?: (value: unknown) => string;
}

/** A value on a scale: up or down, and which of those is worse for the client. */
function onScale(c: RuleContext, subject: string, scale: Scale): Verdict {
  const fmt = scale.show ?? show;
  if (c.change === 'added') return { impact: scale.added, summary: `${subject} set to ${fmt(c.after)} (there was none)` };
  if (c.change === 'removed') return { impact: scale.removed, summary: `${subject} removed (was ${fmt(c.before)})` };
  const b = scale.measure(c.before);
  const a = scale.measure(c.after);
  if (b === null || a === null || a === b) return neutral(`${subject} changed from ${fmt(c.before)} to ${fmt(c.after)}`);
  const up = a > b;
  const worse = up === (scale.worse === 'higher');
  const [word, why] = (up ? scale.up : scale.down).split('|');
  return { impact: worse ? 'weakened' : 'tightened', summary: `${subject} ${word} from ${fmt(c.before)} to ${fmt(c.after)}${why ? `: ${why}` : ''}` };
}

const asNumber = (v: unknown): number | null => (isNumber(v) ? v : null);
const asDate = (v: unknown): number | null => (isString(v) && !Number.isNaN(Date.parse(v)) ? Date.parse(v) : null);
const percent = (v: unknown): string => (isNumber(v) ? `${v}%` : show(v));

/** A duration: longer is looser. */
const duration = (up: string, down: string): Scale => ({ measure: minutesOf, worse: 'higher', up, down, added: 'tightened', removed: 'weakened' });

/** The hours of two calendars compared: fewer open hours are worse for the client. */
function coverage(subject: string, before: unknown, after: unknown, hb: WeeklyHours | null, ha: WeeklyHours | null): Verdict {
  const at = (v: unknown, h: WeeklyHours | null): string => (h ? `${show(v)} (${hoursPerWeek(h)}h a week)` : show(v));
  if (!hb || !ha) return neutral(`${subject} changed from ${show(before)} to ${show(after)}`);
  switch (compareWeeklyHours(hb, ha)) {
    case 'narrower':
      return weakened(`${subject} narrowed from ${at(before, hb)} to ${at(after, ha)}`);
    case 'wider':
      return tightened(`${subject} widened from ${at(before, hb)} to ${at(after, ha)}`);
    case 'different':
      return neutral(`${subject} moved to other hours, from ${at(before, hb)} to ${at(after, ha)}`);
    default:
      return neutral(`${subject} changed from ${show(before)} to ${show(after)}, with the same hours`);
  }
}

/** A calendar reference changed: compare the hours each names, at its own revision. */
function calendarRef(c: RuleContext, subject: string, beforeId = c.before, afterId = c.after): Verdict {
  if (beforeId === undefined || beforeId === null || afterId === undefined || afterId === null) return neutral(plain(c, subject));
  return coverage(subject, beforeId, afterId, c.base.calendar(beforeId) ?? c.head.calendar(beforeId), c.head.calendar(afterId) ?? c.base.calendar(afterId));
}

/** Money compared a year at a time, when the currency stays: more is worse for the client, who pays. */
function money(c: RuleContext, subject: string, defaultPer?: string): Verdict {
  const b = yearlyAmount(c.before);
  const a = yearlyAmount(c.after);
  const fmt = (v: unknown): string => displayMoney(v, defaultPer);
  if (c.change === 'added') return neutral(`${subject} set to ${fmt(c.after)}`);
  if (c.change === 'removed') return neutral(`${subject} removed (was ${fmt(c.before)})`);
  if (!a || !b || a.currency !== b.currency || a.amount === b.amount) return neutral(`${subject} changed from ${fmt(c.before)} to ${fmt(c.after)}`);
  return a.amount > b.amount
    ? weakened(`${subject} raised from ${fmt(c.before)} to ${fmt(c.after)}`)
    : tightened(`${subject} lowered from ${fmt(c.before)} to ${fmt(c.after)}`);
}

/** An item of a list added (more obligations) or removed (fewer). */
function obligation(subject: (c: RuleContext) => string, onAdd: Impact = 'tightened', onRemove: Impact = 'weakened'): (c: RuleContext) => Verdict {
  return (c) => {
    if (c.change === 'added') return { impact: onAdd, summary: `${subject(c)} added` };
    if (c.change === 'removed') return { impact: onRemove, summary: `${subject(c)} removed` };
    return neutral(`${subject(c)} changed from ${show(c.before)} to ${show(c.after)}`);
  };
}

// --- credit tiers ---

interface Tier {
  below: number;
  percent: number;
}

function tiersOf(value: unknown): Tier[] {
  return arrayOf(value).flatMap((t) => (isObject(t) && isNumber(t.below) && isNumber(t.percent) ? [{ below: t.below, percent: t.percent }] : []));
}

/** The credit a tier list gives at an availability: the largest percent among tiers it is strictly under. */
function creditAt(tiers: readonly Tier[], availability: number): number {
  return tiers.reduce((best, t) => (availability < t.below && t.percent > best ? t.percent : best), 0);
}

const showTiers = (value: unknown): string => {
  const tiers = tiersOf(value);
  return tiers.length === 0 ? '(none)' : tiers.map((t) => `${t.percent}% below ${t.below}%`).join(', ');
};

function creditTiers(c: RuleContext): Verdict {
  const subject = `Service credits for ${service(c)}`;
  if (c.change === 'added') return tightened(`${subject} introduced: ${showTiers(c.after)}`);
  if (c.change === 'removed') return weakened(`${subject} removed (were ${showTiers(c.before)})`);
  const b = tiersOf(c.before);
  const a = tiersOf(c.after);
  const points = [0, ...[...b, ...a].flatMap((t) => [t.below, t.below - 1e-6])];
  let lower = false;
  let higher = false;
  for (const p of points) {
    const diff = creditAt(a, p) - creditAt(b, p);
    if (diff < 0) lower = true;
    if (diff > 0) higher = true;
  }
  const fromTo = `from ${showTiers(c.before)} to ${showTiers(c.after)}`;
  if (lower && higher) return weakened(`${subject} lower at some availability levels and higher at others, ${fromTo}`);
  if (lower) return weakened(`${subject} lowered ${fromTo}`);
  if (higher) return tightened(`${subject} raised ${fromTo}`);
  return neutral(`${subject} rewritten with the same effect, ${fromTo}`);
}

const sameTiers = (x: unknown, y: unknown): boolean => {
  const a = tiersOf(x);
  const b = tiersOf(y);
  return a.length === b.length && arrayOf(x).length === arrayOf(y).length && a.every((t) => b.some((u) => u.below === t.below && u.percent === t.percent));
};

// --- RACI ---

const roles = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const singleRole = (v: unknown): unknown => (Array.isArray(v) && v.length === 1 ? v[0] : v);

function partyLabel(c: RuleContext, roleId: unknown, side: 'base' | 'head'): string {
  const party = side === 'base' ? (c.base.roleParty(roleId) ?? c.head.roleParty(roleId)) : (c.head.roleParty(roleId) ?? c.base.roleParty(roleId));
  return `${roleName(c, roleId)}${party ? ` (${party})` : ''}`;
}

function accountable(c: RuleContext): Verdict {
  const activity = nameOf(c, 'raci.yaml', 'activities', id(c, 0));
  const b = singleRole(c.before);
  const a = singleRole(c.after);
  const pb = c.base.roleParty(b) ?? c.head.roleParty(b);
  const pa = c.head.roleParty(a) ?? c.base.roleParty(a);
  const sentence = `Accountable for ${activity} moved from ${partyLabel(c, b, 'base')} to ${partyLabel(c, a, 'head')}`;
  if (c.change !== 'changed') return neutral(plain(c, `Accountable for ${activity}`));
  if (pb === 'provider' && pa === 'client') return weakened(`${sentence}: the client now answers for it`);
  if (pb === 'client' && pa === 'provider') return tightened(`${sentence}: the provider now answers for it`);
  return neutral(sentence);
}

function responsible(c: RuleContext): Verdict {
  const activity = nameOf(c, 'raci.yaml', 'activities', id(c, 0));
  const b = roles(c.before);
  const a = roles(c.after);
  const parties = (list: unknown[], side: 'base' | 'head'): Set<string> =>
    new Set(list.map((r) => (side === 'base' ? (c.base.roleParty(r) ?? c.head.roleParty(r)) : (c.head.roleParty(r) ?? c.base.roleParty(r)))).filter((p) => p !== undefined));
  const pb = parties(b, 'base');
  const pa = parties(a, 'head');
  const sentence = `Responsible for ${activity} changed from ${b.map((r) => partyLabel(c, r, 'base')).join(', ') || '(nobody)'} to ${a.map((r) => partyLabel(c, r, 'head')).join(', ') || '(nobody)'}`;
  if (pb.has('provider') && !pa.has('provider')) return weakened(`${sentence}: the provider no longer does it`);
  if (!pb.has('client') && pa.has('client')) return weakened(`${sentence}: the client now shares the work`);
  if (!pb.has('provider') && pa.has('provider')) return tightened(`${sentence}: the provider now does it`);
  if (pb.has('client') && !pa.has('client')) return tightened(`${sentence}: the client no longer shares the work`);
  return neutral(sentence);
}

/** A client role or contact added to or removed from a list that gives the client a voice. */
function clientVoice(c: RuleContext, what: (who: string) => { added: string; removed: string }): Verdict {
  const who = itemOf(c);
  const party = c.change === 'removed' ? (c.base.roleParty(who) ?? c.base.contactParty(who)) : (c.head.roleParty(who) ?? c.head.contactParty(who));
  const label = `${roleName(c, who) === show(who) ? contactName(c, who) : roleName(c, who)}${party ? ` (${party})` : ''}`;
  const words = what(label);
  if (c.change === 'added') return { impact: party === 'client' ? 'tightened' : 'neutral', summary: words.added };
  return { impact: party === 'client' ? 'weakened' : 'neutral', summary: words.removed };
}

// --- objectives ---

function kpiTarget(c: RuleContext): Verdict {
  const kpi = `KPI ${kpiName(c)}`;
  const fmt = (t: unknown): string => (isObject(t) ? `${show(t.op)} ${show(t.value)}` : show(t));
  if (c.change !== 'changed') return neutral(`${kpi} target ${c.change === 'added' ? `set to ${fmt(c.after)}` : `removed (was ${fmt(c.before)})`}`);
  const b = isObject(c.before) ? c.before : {};
  const a = isObject(c.after) ? c.after : {};
  const sentence = (word: string): string => `${kpi} target ${word} from ${fmt(c.before)} to ${fmt(c.after)}`;
  if (b.op !== a.op || !isNumber(a.value) || !isNumber(b.value) || a.op === '==') return neutral(sentence('changed'));
  const up = a.value > b.value;
  const higherIsStricter = a.op === '>=' || a.op === '>';
  return up === higherIsStricter ? tightened(sentence(up ? 'raised' : 'lowered')) : weakened(sentence(up ? 'raised' : 'lowered'));
}

function kpiName(c: RuleContext): string {
  const find = (data: unknown): string | undefined => {
    const objective = arrayOf(isObject(data) ? data.objectives : undefined).find((o) => isObject(o) && o.id === c.ids[0]);
    const kpi = arrayOf(isObject(objective) ? objective.kpis : undefined).find((k) => isObject(k) && k.id === c.ids[1]);
    return isObject(kpi) && isString(kpi.name) ? kpi.name : undefined;
  };
  return find(c.head.data('objectives.yaml')) ?? find(c.base.data('objectives.yaml')) ?? id(c, 1);
}

// --- governance ---

const CADENCE_RANK: Readonly<Record<string, number>> = { weekly: 1, biweekly: 2, monthly: 3, quarterly: 4, yearly: 5 };
const PER_RANK: Readonly<Record<string, number>> = { month: 1, quarter: 2, year: 3 };
const rank = (table: Readonly<Record<string, number>>) => (v: unknown): number | null => (isString(v) ? (table[v] ?? null) : null);

// --- risks ---

function riskScore(c: RuleContext): Verdict {
  const riskPath = c.path.slice(0, 2);
  const score = (v: unknown): number | null => (isObject(v) && isNumber(v.likelihood) && isNumber(v.impact) ? v.likelihood * v.impact : null);
  const risk = nameOf(c, 'risks.yaml', 'risks', id(c, 0));
  const field = String(c.path.at(-1));
  const sb = score(c.atBase(riskPath));
  const sa = score(c.atHead(riskPath));
  const detail = `${field} ${show(c.before)} → ${show(c.after)}`;
  if (sb === null || sa === null || sb === sa) return neutral(`Risk ${risk}: ${detail}${sa !== null ? `, score ${sa}` : ''}`);
  return sa > sb ? weakened(`Risk ${risk} score up from ${sb} to ${sa} (${detail})`) : tightened(`Risk ${risk} score down from ${sb} to ${sa} (${detail})`);
}

function riskText(c: RuleContext): Verdict {
  const risk = nameOf(c, 'risks.yaml', 'risks', id(c, 0));
  const field = String(c.path.at(-1));
  if (c.change === 'removed') return weakened(`Risk ${risk} no longer has a ${field} (was ${quote(c.before)})`);
  if (c.change === 'added') return tightened(`Risk ${risk} now has a ${field}: ${quote(c.after)}`);
  return neutral(`Risk ${risk} ${field} changed from ${quote(c.before)} to ${quote(c.after)}`);
}

// --- the table ---

const slas: ChangeRule[] = [
  { pattern: 'calendars.*', category: 'operational', classify: (c) => neutral(`Calendar ${id(c, 0)} ${c.change}`) },
  {
    pattern: 'calendars.*.hours',
    category: 'operational',
    whole: true,
    classify: (c) => coverage(`Hours of calendar ${id(c, 0)}`, c.before, c.after, weeklyHours(c.before), weeklyHours(c.after)),
  },
  {
    pattern: 'calendars.*.holidays.*',
    category: 'operational',
    classify: (c) =>
      c.change === 'added'
        ? weakened(`Holiday ${show(c.after)} added to calendar ${id(c, 0)}: no service time that day`)
        : tightened(`Holiday ${show(c.before)} removed from calendar ${id(c, 0)}: service time that day again`),
  },
  { pattern: 'services.*', category: 'operational', classify: obligation((c) => `Service ${labelOf(itemOf(c), id(c, 0))}`) },
  { pattern: 'services.*.calendar', category: 'operational', classify: (c) => calendarRef(c, `Calendar of ${service(c)}`) },
  {
    pattern: 'services.*.availability.target',
    category: 'operational',
    classify: (c) => onScale(c, `Availability target for ${service(c)}`, { measure: asNumber, worse: 'lower', up: 'raised', down: 'lowered', added: 'tightened', removed: 'weakened', show: percent }),
  },
  {
    pattern: 'services.*.availability.per',
    category: 'operational',
    classify: (c) => onScale(c, `Availability period for ${service(c)}`, { measure: rank(PER_RANK), worse: 'higher', up: 'lengthened|outages are averaged over a longer time', down: 'shortened', added: 'neutral', removed: 'neutral' }),
  },
  { pattern: 'services.*.monthlyFee', category: 'commercial', whole: true, classify: (c) => money(c, `Monthly fee for ${service(c)}`, 'month') },
  {
    pattern: 'services.*.clockStops.*',
    category: 'operational',
    classify: (c) =>
      c.change === 'added'
        ? weakened(`Clock-stop reason ${show(c.after)} added for ${service(c)}: the SLA clock may now stop for it`)
        : tightened(`Clock-stop reason ${show(c.before)} removed for ${service(c)}: the SLA clock no longer stops for it`),
  },
  { pattern: 'services.*.priorities.*', category: 'operational', classify: obligation((c) => `Priority ${id(c, 1)} of ${service(c)}`) },
  { pattern: 'services.*.priorities.*.response', category: 'operational', classify: (c) => onScale(c, `${id(c, 1)} response for ${service(c)}`, duration('loosened', 'tightened')) },
  { pattern: 'services.*.priorities.*.resolution', category: 'operational', classify: (c) => onScale(c, `${id(c, 1)} resolution for ${service(c)}`, duration('loosened', 'tightened')) },
  {
    pattern: 'services.*.priorities.*.target',
    category: 'operational',
    classify: (c) => onScale(c, `${id(c, 1)} target for ${service(c)} (incidents that must meet the SLA)`, { measure: asNumber, worse: 'lower', up: 'raised', down: 'lowered', added: 'tightened', removed: 'weakened', show: percent }),
  },
  {
    pattern: 'services.*.priorities.*.calendar',
    category: 'operational',
    classify: (c) =>
      calendarRef(c, `${id(c, 1)} calendar for ${service(c)}`, c.before ?? c.base.priorityCalendar(id(c, 0), id(c, 1)), c.after ?? c.head.priorityCalendar(id(c, 0), id(c, 1))),
  },
  { pattern: 'services.*.credits.tiers', category: 'commercial', whole: true, same: sameTiers, classify: creditTiers },
  {
    pattern: 'services.*.credits.cap',
    category: 'commercial',
    classify: (c) => {
      const subject = `Credit cap for ${service(c)}`;
      // A cap that leaves or arrives with the tiers it caps changes nothing by itself: the tiers' change says what the client loses or gains.
      const tiersAt = (side: SideView): number => {
        const credits = side.service(id(c, 0))?.credits;
        return tiersOf(isObject(credits) ? credits.tiers : undefined).length;
      };
      if (c.change === 'removed' && tiersAt(c.head) === 0) return neutral(`${subject} removed with the credits (was ${percent(c.before)})`);
      if (c.change === 'added' && tiersAt(c.base) === 0) return neutral(`${subject} set to ${percent(c.after)} with the new credits`);
      return onScale(c, subject, { measure: asNumber, worse: 'lower', up: 'raised', down: 'lowered', added: 'weakened', removed: 'tightened', show: percent });
    },
  },
];

const escalation: ChangeRule[] = [
  { pattern: 'paths.*', category: 'operational', classify: obligation((c) => `Escalation path ${id(c, 0)}`) },
  {
    pattern: 'paths.*.appliesTo.services.*',
    category: 'operational',
    classify: (c) =>
      c.change === 'added'
        ? tightened(`Escalation path ${id(c, 0)} now also covers ${nameOf(c, 'slas.yaml', 'services', id(c, 1))}`)
        : weakened(`Escalation path ${id(c, 0)} no longer covers ${nameOf(c, 'slas.yaml', 'services', id(c, 1))}`),
  },
  {
    pattern: 'paths.*.appliesTo.priorities.*',
    category: 'operational',
    classify: (c) => (c.change === 'added' ? tightened(`Escalation path ${id(c, 0)} now also covers ${id(c, 1)}`) : weakened(`Escalation path ${id(c, 0)} no longer covers ${id(c, 1)}`)),
  },
  {
    pattern: 'paths.*.levels.*',
    category: 'operational',
    classify: (c) => {
      const level = itemOf(c);
      const after = isObject(level) && level.after !== undefined ? ` (after ${show(level.after)})` : '';
      return c.change === 'added'
        ? tightened(`Escalation path ${id(c, 0)}: level ${quote(labelOf(level, id(c, 1)))}${after} added`)
        : weakened(`Escalation path ${id(c, 0)}: level ${quote(labelOf(level, id(c, 1)))}${after} removed`);
    },
  },
  { pattern: 'paths.*.levels.*.after', category: 'operational', classify: (c) => onScale(c, `Escalation to ${quote(id(c, 1))} on path ${id(c, 0)}`, duration('delayed', 'brought forward')) },
  {
    pattern: 'paths.*.levels.*.contacts',
    category: 'people',
    whole: true,
    same: (a, b) => sameSet(arrayOf(a), arrayOf(b)),
    classify: (c) => {
      const b = arrayOf(c.before);
      const a = arrayOf(c.after);
      const names = (list: unknown[]): string => list.map((x) => contactName(c, x)).join(', ') || '(nobody)';
      const subject = `Contacts at level ${quote(id(c, 1))} of escalation path ${id(c, 0)}`;
      const gone = b.filter((x) => !a.some((y) => sameScalar(x, y)));
      const come = a.filter((x) => !b.some((y) => sameScalar(x, y)));
      if (come.length === 0 && gone.length > 0) return weakened(`${subject}: ${names(gone)} removed, leaving ${names(a)}`);
      if (gone.length === 0 && come.length > 0) return tightened(`${subject}: ${names(come)} added`);
      return neutral(`${subject} changed from ${names(b)} to ${names(a)}`);
    },
  },
  { pattern: 'paths.*.levels.*.coverage', category: 'operational', classify: (c) => calendarRef(c, `Coverage of level ${quote(id(c, 1))} on escalation path ${id(c, 0)}`) },
];

const raci: ChangeRule[] = [
  { pattern: 'roles.*', category: 'people', classify: obligation((c) => `Role ${labelOf(itemOf(c), id(c, 0))}`, 'neutral', 'neutral') },
  {
    pattern: 'roles.*.party',
    category: 'people',
    classify: (c) => {
      const sentence = `Role ${roleName(c, id(c, 0))} moved from the ${show(c.before)} to the ${show(c.after)}`;
      if (c.before === 'provider' && c.after === 'client') return weakened(sentence);
      if (c.before === 'client' && c.after === 'provider') return tightened(sentence);
      return neutral(plain(c, `Party of role ${roleName(c, id(c, 0))}`));
    },
  },
  {
    pattern: 'roles.*.holders.*',
    category: 'people',
    classify: (c) =>
      neutral(c.change === 'added' ? `${contactName(c, c.after)} now holds role ${roleName(c, id(c, 0))}` : `${contactName(c, c.before)} no longer holds role ${roleName(c, id(c, 0))}`),
  },
  {
    pattern: 'activities.*',
    category: 'people',
    classify: (c) => {
      const item = itemOf(c);
      const owner = isObject(item) ? singleRole(item.accountable) : undefined;
      const side = c.change === 'removed' ? c.base : c.head;
      const provider = side.roleParty(owner) === 'provider';
      const subject = `Activity ${labelOf(item, id(c, 0))} (accountable: ${partyLabel(c, owner, c.change === 'removed' ? 'base' : 'head')})`;
      if (c.change === 'added') return { impact: provider ? 'tightened' : 'neutral', summary: `${subject} added` };
      return { impact: provider ? 'weakened' : 'neutral', summary: `${subject} removed` };
    },
  },
  { pattern: 'activities.*.accountable', category: 'people', whole: true, same: (a, b) => sameScalar(singleRole(a), singleRole(b)), classify: accountable },
  { pattern: 'activities.*.responsible', category: 'people', whole: true, same: (a, b) => sameSet(roles(a), roles(b)), classify: responsible },
  ...(['consulted', 'informed'] as const).map(
    (field): ChangeRule => ({
      pattern: `activities.*.${field}.*`,
      category: 'people',
      classify: (c) => {
        const activity = nameOf(c, 'raci.yaml', 'activities', id(c, 0));
        return clientVoice(c, (who) => ({ added: `${who} now ${field} on ${activity}`, removed: `${who} no longer ${field} on ${activity}` }));
      },
    }),
  ),
];

const contacts: ChangeRule[] = [
  {
    pattern: 'contacts.*',
    category: 'people',
    classify: (c) => {
      const item = itemOf(c);
      const party = isObject(item) && isString(item.party) ? `, ${item.party}` : '';
      return neutral(`Contact ${labelOf(item, id(c, 0))} (${id(c, 0)}${party}) ${c.change}`);
    },
  },
  {
    pattern: 'contacts.*.hours',
    category: 'people',
    classify: (c) => {
      const verdict = calendarRef(c, `Hours of contact ${contactName(c, id(c, 0))}`);
      return c.head.contactParty(id(c, 0)) === 'provider' ? verdict : { ...verdict, impact: 'neutral' };
    },
  },
];

const partnership: ChangeRule[] = [
  {
    pattern: 'contract.end',
    category: 'commercial',
    classify: (c) =>
      onScale(c, 'Contract end', { measure: asDate, worse: 'lower', up: 'moved later', down: "brought forward|the provider's obligations stop sooner", added: 'neutral', removed: 'neutral' }),
  },
  {
    pattern: 'contract.renewal.noticeDays',
    category: 'commercial',
    classify: (c) =>
      onScale(c, 'Notice period', { measure: asNumber, worse: 'higher', up: 'lengthened|notice must be given earlier', down: 'shortened', added: 'neutral', removed: 'neutral', show: (v) => `${show(v)} days` }),
  },
  {
    pattern: 'contract.renewal.auto',
    category: 'commercial',
    classify: (c) => neutral(c.after === true ? 'The contract now renews automatically unless notice is given' : c.after === false ? 'The contract no longer renews automatically' : plain(c, 'Automatic renewal')),
  },
  { pattern: 'contract.value', category: 'commercial', whole: true, classify: (c) => money(c, 'Contract value') },
  { pattern: 'contract.start', category: 'commercial', classify: (c) => neutral(plain(c, 'Contract start')) },
  { pattern: 'contract.reference', category: 'commercial', classify: (c) => neutral(plain(c, 'Contract reference')) },
  { pattern: 'owners.client', category: 'people', classify: (c) => neutral(plain(c, 'Client account lead')) },
  { pattern: 'owners.provider', category: 'people', classify: (c) => neutral(plain(c, 'Provider account lead')) },
  {
    pattern: 'scope.services.*',
    category: 'operational',
    classify: (c) =>
      c.change === 'added'
        ? tightened(`Service ${nameOf(c, 'slas.yaml', 'services', id(c, 0))} added to the scope`)
        : weakened(`Service ${nameOf(c, 'slas.yaml', 'services', id(c, 0))} removed from the scope`),
  },
  {
    pattern: 'scope.exclusions.*',
    category: 'operational',
    classify: (c) =>
      c.change === 'added' ? weakened(`Exclusion added to the scope: ${quote(c.after)} is no longer the provider's to do`) : tightened(`Exclusion removed from the scope: ${quote(c.before)}`),
  },
  { pattern: 'changeManagement.window.from', category: 'governance', classify: (c) => neutral(plain(c, 'Start of the change window')) },
  { pattern: 'changeManagement.window.to', category: 'governance', classify: (c) => neutral(plain(c, 'End of the change window')) },
  {
    pattern: 'changeManagement.window.days.*',
    category: 'governance',
    classify: (c) => neutral(c.change === 'added' ? `Change window now also on ${show(c.after)}` : `Change window no longer on ${show(c.before)}`),
  },
  {
    pattern: 'changeManagement.approvers.*',
    category: 'governance',
    classify: (c) => clientVoice(c, (who) => ({ added: `${who} now approves changes`, removed: `${who} no longer approves changes` })),
  },
];

const objectives: ChangeRule[] = [
  { pattern: 'objectives.*', category: 'governance', classify: obligation((c) => `Objective ${labelOf(itemOf(c), id(c, 0))}`) },
  { pattern: 'objectives.*.owner', category: 'people', classify: (c) => neutral(plain(c, `Owner of objective ${nameOf(c, 'objectives.yaml', 'objectives', id(c, 0))}`)) },
  { pattern: 'objectives.*.kpis.*', category: 'operational', classify: obligation((c) => `KPI ${labelOf(itemOf(c), id(c, 1))} of objective ${nameOf(c, 'objectives.yaml', 'objectives', id(c, 0))}`) },
  { pattern: 'objectives.*.kpis.*.target', category: 'operational', whole: true, classify: kpiTarget },
];

const governance: ChangeRule[] = [
  {
    pattern: 'meetings.*',
    category: 'governance',
    classify: obligation((c) => {
      const meeting = itemOf(c);
      const cadence = isObject(meeting) && meeting.cadence !== undefined ? ` (${show(meeting.cadence)})` : '';
      return `Meeting ${labelOf(meeting, id(c, 0))}${cadence}`;
    }),
  },
  {
    pattern: 'meetings.*.cadence',
    category: 'governance',
    classify: (c) => onScale(c, `Meeting ${nameOf(c, 'governance.yaml', 'meetings', id(c, 0))}`, { measure: rank(CADENCE_RANK), worse: 'higher', up: 'thinned', down: 'made more frequent', added: 'neutral', removed: 'neutral' }),
  },
  { pattern: 'meetings.*.duration', category: 'governance', classify: (c) => onScale(c, `Duration of meeting ${nameOf(c, 'governance.yaml', 'meetings', id(c, 0))}`, { ...duration('lengthened', 'shortened'), worse: 'lower', added: 'neutral', removed: 'neutral' }) },
  { pattern: 'meetings.*.chair', category: 'people', classify: (c) => neutral(plain(c, `Chair of meeting ${nameOf(c, 'governance.yaml', 'meetings', id(c, 0))}`)) },
  {
    pattern: 'meetings.*.attendees.*',
    category: 'people',
    classify: (c) => {
      const meeting = nameOf(c, 'governance.yaml', 'meetings', id(c, 0));
      return clientVoice(c, (who) => ({ added: `${who} now attends ${meeting}`, removed: `${who} no longer attends ${meeting}` }));
    },
  },
  {
    pattern: 'meetings.*.agenda.*',
    category: 'governance',
    classify: (c) => {
      const meeting = nameOf(c, 'governance.yaml', 'meetings', id(c, 0));
      return c.change === 'added' ? tightened(`${quote(c.after)} added to the agenda of ${meeting}`) : weakened(`${quote(c.before)} removed from the agenda of ${meeting}`);
    },
  },
  { pattern: 'channels.*', category: 'operational', classify: obligation((c) => `Channel ${id(c, 0)}`) },
  { pattern: 'channels.*.hours', category: 'operational', classify: (c) => calendarRef(c, `Hours of channel ${id(c, 0)}`) },
  {
    pattern: 'channels.*.staffing',
    category: 'operational',
    classify: (c) => onScale(c, `Staffing of channel ${id(c, 0)}`, { measure: rank({ 'first-line': 1, senior: 2 }), worse: 'lower', up: 'raised', down: 'lowered', added: 'neutral', removed: 'neutral' }),
  },
];

const risks: ChangeRule[] = [
  {
    pattern: 'risks.*',
    category: 'governance',
    classify: (c) => {
      const item = itemOf(c);
      const risk = labelOf(item, id(c, 0));
      const score = isObject(item) && isNumber(item.likelihood) && isNumber(item.impact) ? ` (score ${item.likelihood * item.impact})` : '';
      if (c.change === 'added') return neutral(`Risk ${risk}${score} added to the register`);
      const status = isObject(item) && isString(item.status) ? item.status : 'open';
      return status === 'closed' ? neutral(`Closed risk ${risk} removed from the register`) : weakened(`Risk ${risk}${score} removed from the register while ${status}`);
    },
  },
  { pattern: 'risks.*.likelihood', category: 'governance', classify: riskScore },
  { pattern: 'risks.*.impact', category: 'governance', classify: riskScore },
  { pattern: 'risks.*.mitigation', category: 'governance', classify: riskText },
  { pattern: 'risks.*.contingency', category: 'governance', classify: riskText },
  {
    pattern: 'risks.*.reviewBy',
    category: 'governance',
    classify: (c) => onScale(c, `Review of risk ${nameOf(c, 'risks.yaml', 'risks', id(c, 0))}`, { measure: asDate, worse: 'higher', up: 'postponed', down: 'brought forward', added: 'tightened', removed: 'weakened' }),
  },
  { pattern: 'risks.*.owner', category: 'people', classify: (c) => neutral(plain(c, `Owner of risk ${nameOf(c, 'risks.yaml', 'risks', id(c, 0))}`)) },
];

/** A budget line with the file's `currency`, which its amounts are in (`12000 EUR a month`, not `12000 a month`). */
const inCurrency = (line: unknown, currency: unknown): unknown => (isObject(line) && line.currency === undefined && isString(currency) ? { ...line, currency } : line);

const budgetLineMoney = (c: RuleContext): Verdict => {
  const line = c.path.slice(0, 2);
  const inner: RuleContext = { ...c, before: inCurrency(c.atBase(line), c.atBase(['currency'])), after: inCurrency(c.atHead(line), c.atHead(['currency'])) };
  const verdict = money(inner, `Budget line ${nameOf(c, 'budget.yaml', 'lines', id(c, 0))}`);
  return verdict;
};

const budget: ChangeRule[] = [
  {
    pattern: 'lines.*',
    category: 'commercial',
    classify: (c) => {
      const item = itemOf(c);
      const currency = c.change === 'removed' ? c.atBase(['currency']) : c.atHead(['currency']);
      const subject = `Budget line ${labelOf(item, id(c, 0))} (${displayMoney(inCurrency(item, currency))})`;
      return c.change === 'added' ? weakened(`${subject} added`) : tightened(`${subject} removed`);
    },
  },
  { pattern: 'lines.*.amount', category: 'commercial', classify: budgetLineMoney },
  { pattern: 'lines.*.per', category: 'commercial', classify: budgetLineMoney },
];

/** An incident moved to another priority: looser targets (a longer resolution) are worse for the client. */
function incidentPriority(c: RuleContext): Verdict {
  const subject = `Incident ${id(c, 0)}`;
  if (c.change !== 'changed') return neutral(plain(c, `Priority of incident ${id(c, 0)}`));
  const serviceId = (data: unknown): unknown => (isObject(data) ? data.service : undefined);
  const resolution = (side: SideView, service: unknown, priority: unknown): number | null => {
    const found = arrayOf(side.service(service)?.priorities).find((p) => isObject(p) && p.id === priority);
    return isObject(found) ? minutesOf(found.resolution) : null;
  };
  const b = resolution(c.base, serviceId(c.atBase(c.path.slice(0, 2))), c.before);
  const a = resolution(c.head, serviceId(c.atHead(c.path.slice(0, 2))), c.after);
  const sentence = `${subject} moved from ${show(c.before)} to ${show(c.after)}`;
  if (b === null || a === null || a === b) return neutral(sentence);
  return a > b ? weakened(`${sentence}: it is held to looser targets`) : tightened(`${sentence}: it is held to stricter targets`);
}

// Instants are read as `govern sla` and the rules read them, in every spelling the schema accepts.
const asInstant = (v: unknown): number | null => (isString(v) ? (parseInstantQuickly(v) ?? asDate(v)) : null);
const instantScale = (up: string, down: string, worse: 'higher' | 'lower'): Scale => ({ measure: asInstant, worse, up, down, added: 'neutral', removed: 'neutral' });

const measurements: ChangeRule[] = [
  {
    pattern: 'incidents.*',
    category: 'operational',
    classify: (c) =>
      c.change === 'added' ? neutral(`Incident ${id(c, 0)} recorded`) : weakened(`Incident ${id(c, 0)} removed from the record: it no longer counts against the SLA`),
  },
  {
    pattern: 'incidents.*.clockStops.*',
    category: 'operational',
    classify: (c) => {
      const stop = itemOf(c);
      const reason = isObject(stop) && stop.reason !== undefined ? ` (${show(stop.reason)})` : '';
      return c.change === 'added' ? weakened(`Clock stop${reason} added to incident ${id(c, 0)}: less of its time counts`) : tightened(`Clock stop${reason} removed from incident ${id(c, 0)}: more of its time counts`);
    },
  },
  { pattern: 'incidents.*.responded', category: 'operational', classify: (c) => onScale(c, `Response time recorded for incident ${id(c, 0)}`, instantScale('moved later', 'moved earlier|the incident looks better than before', 'lower')) },
  { pattern: 'incidents.*.resolved', category: 'operational', classify: (c) => onScale(c, `Resolution time recorded for incident ${id(c, 0)}`, instantScale('moved later', 'moved earlier|the incident looks better than before', 'lower')) },
  { pattern: 'incidents.*.opened', category: 'operational', classify: (c) => onScale(c, `Opening time recorded for incident ${id(c, 0)}`, instantScale('moved later|the incident looks better than before', 'moved earlier', 'higher')) },
  {
    pattern: 'incidents.*.clockStops.*.to',
    category: 'operational',
    classify: (c) => onScale(c, `End of clock stop ${id(c, 1)} on incident ${id(c, 0)}`, instantScale('moved later|more of its time is paused', 'moved earlier|less of its time is paused', 'higher')),
  },
  { pattern: 'incidents.*.priority', category: 'operational', classify: incidentPriority },
  {
    pattern: 'downtime.*',
    category: 'operational',
    classify: (c) => (c.change === 'added' ? neutral(`Downtime ${id(c, 0)} recorded`) : weakened(`Downtime ${id(c, 0)} removed from the record: it no longer counts against availability`)),
  },
  { pattern: 'downtime.*.to', category: 'operational', classify: (c) => onScale(c, `End of downtime ${id(c, 0)}`, instantScale('moved later', 'moved earlier|less downtime counts', 'lower')) },
  {
    pattern: 'downtime.*.planned',
    category: 'operational',
    classify: (c) =>
      c.after === true ? weakened(`Downtime ${id(c, 0)} now counted as planned: it no longer counts against availability`) : c.before === true ? tightened(`Downtime ${id(c, 0)} no longer counted as planned`) : neutral(plain(c, `Downtime ${id(c, 0)} planned`)),
  },
];

/** A waiver in words: `Waiver of escalation/last-level-late at major-incident (until 2027-03-31, owner jane-doe)`. */
function waiverLabel(c: RuleContext): string {
  const w = itemOf(c);
  if (!isObject(w)) return `Waiver ${id(c, 0)}`;
  const where = [isString(w.file) ? `in ${w.file}` : '', w.at !== undefined ? `at ${show(w.at)}` : ''].filter(Boolean).join(' ');
  const terms = [isString(w.expires) ? `until ${w.expires}` : '', isString(w.owner) ? `owner ${contactName(c, w.owner)}` : ''].filter(Boolean).join(', ');
  return `Waiver of ${show(w.rule)}${where ? ` ${where}` : ''}${terms ? ` (${terms})` : ''}`;
}

// A waiver lets a finding pass the check: adding or extending one weakens the partnership's checks.
const waivers: ChangeRule[] = [
  {
    pattern: 'waivers.*',
    category: 'governance',
    classify: (c) => (c.change === 'added' ? weakened(`${waiverLabel(c)} added: its findings no longer fail the check`) : tightened(`${waiverLabel(c)} removed: its findings fail the check again`)),
  },
  {
    pattern: 'waivers.*.expires',
    category: 'governance',
    classify: (c) => onScale(c, `Waiver of ${show(c.atHead([...c.path.slice(0, 2), 'rule']) ?? c.atBase([...c.path.slice(0, 2), 'rule']))}`, { measure: asDate, worse: 'higher', up: 'extended', down: 'shortened', added: 'weakened', removed: 'tightened' }),
  },
];

/** The change rules of every file kind, each a table of patterns. */
export const CHANGE_RULES: Readonly<Partial<Record<FileKind, readonly ChangeRule[]>>> = {
  partnership,
  contacts,
  raci,
  slas,
  escalation,
  objectives,
  governance,
  risks,
  budget,
  measurements,
  waivers,
};

const NOUNS: Readonly<Record<string, string>> = {
  contacts: 'contact',
  roles: 'role',
  activities: 'activity',
  calendars: 'calendar',
  services: 'service',
  priorities: 'priority',
  paths: 'escalation path',
  levels: 'level',
  objectives: 'objective',
  kpis: 'KPI',
  meetings: 'meeting',
  channels: 'channel',
  risks: 'risk',
  lines: 'budget line',
  actuals: 'actual',
  incidents: 'incident',
  downtime: 'downtime',
  actions: 'action',
  clockStops: 'clock stop',
};

/**
 * A path in words: `contact jane-doe: email`, `service hosting, priority P1: description`; with
 * `nameFor`, a top-level item goes by its name where it has one (`contact Jane Doe: email`).
 */
export function describePath(path: IdPath, pattern: string, nameFor?: (list: string, id: string) => string | undefined): string {
  const marks = pattern.split('.');
  const items: string[] = [];
  const fields: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = String(path[i]);
    if (marks[i + 1] === '*' && i + 1 < path.length && NOUNS[seg]) {
      const itemId = String(path[i + 1]);
      items.push(`${NOUNS[seg]} ${(i === 0 ? nameFor?.(seg, itemId) : undefined) ?? itemId}`);
      fields.length = 0;
      i++;
    } else {
      fields.push(seg);
    }
  }
  return [items.join(', '), fields.map(words).join(' ')].filter((s) => s !== '').join(': ') || 'the file';
}

/** A YAML key as words for a sentence: `changeManagement` → `change management`, `reviewBy` → `review by`. */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The judgement when no rule knows the place: neutral, in plain words. */
export function fallbackVerdict(c: RuleContext, pattern: string, file?: string): Verdict {
  const marks = pattern.split('.');
  const nameFor = file === undefined ? undefined : (list: string, itemId: string) => c.head.nameOf(file, list, itemId) ?? c.base.nameOf(file, list, itemId);
  if (marks.at(-1) === '*' && (c.change === 'added' || c.change === 'removed') && !isObject(itemOf(c))) {
    const parent = describePath(c.path.slice(0, -1), marks.slice(0, -1).join('.'), nameFor);
    return neutral(`${parent}: ${show(itemOf(c))} ${c.change}`);
  }
  const subject = describePath(c.path, pattern, nameFor);
  if (marks.at(-1) === '*' && c.change !== 'changed') return neutral(`${subject} ${c.change}`);
  return neutral(plain(c, subject));
}

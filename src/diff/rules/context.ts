import type { FileKind } from '../../model/file-kind.js';
import { isNumber, isString } from '../../model/guards.js';
import { compareWeeklyHours, hoursPerWeek, type WeeklyHours } from '../coverage.js';
import type { SideView } from '../side-view.js';
import type { Category, ChangeKind, IdPath, Impact } from '../types.js';
import { displayMoney, displayValue, minutesOf, yearlyAmount } from '../values.js';
import type { WalkHint } from '../walk.js';

/** What a change rule sees: the change, both revisions of the partnership, and the file's values by path. */
export interface DiffContext {
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
  classify(c: DiffContext): Verdict;
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

export const show = displayValue;
export const neutral = (summary: string): Verdict => ({ impact: 'neutral', summary });
export const weakened = (summary: string): Verdict => ({ impact: 'weakened', summary });
export const tightened = (summary: string): Verdict => ({ impact: 'tightened', summary });
export const quote = (v: unknown): string => `"${show(v)}"`;
export const itemOf = (c: DiffContext): unknown => (c.change === 'removed' ? c.before : c.after);
export const id = (c: DiffContext, i: number): string => c.ids[i] ?? '?';

/** A name for an item of a list, from whichever revision has it. */
export function nameOf(c: DiffContext, relPath: string, list: string, itemId: string): string {
  return c.head.nameOf(relPath, list, itemId) ?? c.base.nameOf(relPath, list, itemId) ?? itemId;
}
export const service = (c: DiffContext, i = 0): string => nameOf(c, 'slas.yaml', 'services', id(c, i));
export const roleName = (c: DiffContext, roleId: unknown): string => (isString(roleId) ? nameOf(c, 'raci.yaml', 'roles', roleId) : show(roleId));
export const contactName = (c: DiffContext, contactId: unknown): string => (isString(contactId) ? nameOf(c, 'contacts.yaml', 'contacts', contactId) : show(contactId));

/** The sentence for an item added or removed, or a value set, changed or removed, when nothing more is known. */
export function plain(c: DiffContext, subject: string): string {
  if (c.change === 'added') return `${subject} set to ${show(c.after)}`;
  if (c.change === 'removed') return `${subject} removed (was ${show(c.before)})`;
  return `${subject} changed from ${show(c.before)} to ${show(c.after)}`;
}

export interface Scale {
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
export function onScale(c: DiffContext, subject: string, scale: Scale): Verdict {
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

export const asNumber = (v: unknown): number | null => (isNumber(v) ? v : null);
export const asDate = (v: unknown): number | null => (isString(v) && !Number.isNaN(Date.parse(v)) ? Date.parse(v) : null);
export const percent = (v: unknown): string => (isNumber(v) ? `${v}%` : show(v));

/** A duration: longer is looser. */
export const duration = (up: string, down: string): Scale => ({ measure: minutesOf, worse: 'higher', up, down, added: 'tightened', removed: 'weakened' });

/** The hours of two calendars compared: fewer open hours are worse for the client. */
export function coverage(subject: string, before: unknown, after: unknown, hb: WeeklyHours | null, ha: WeeklyHours | null): Verdict {
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
export function calendarRef(c: DiffContext, subject: string, beforeId = c.before, afterId = c.after): Verdict {
  if (beforeId === undefined || beforeId === null || afterId === undefined || afterId === null) return neutral(plain(c, subject));
  return coverage(subject, beforeId, afterId, c.base.calendar(beforeId) ?? c.head.calendar(beforeId), c.head.calendar(afterId) ?? c.base.calendar(afterId));
}

/** Money compared a year at a time, when the currency stays: more is worse for the client, who pays. */
export function money(c: DiffContext, subject: string, defaultPer?: string): Verdict {
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
export function obligation(subject: (c: DiffContext) => string, onAdd: Impact = 'tightened', onRemove: Impact = 'weakened'): (c: DiffContext) => Verdict {
  return (c) => {
    if (c.change === 'added') return { impact: onAdd, summary: `${subject(c)} added` };
    if (c.change === 'removed') return { impact: onRemove, summary: `${subject(c)} removed` };
    return neutral(`${subject(c)} changed from ${show(c.before)} to ${show(c.after)}`);
  };
}

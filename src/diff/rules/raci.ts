import { isObject } from '../../model/guards.js';
import { labelOf, sameScalar, sameSet } from '../values.js';
import {
  type ChangeRule,
  contactName,
  type DiffContext,
  id,
  itemOf,
  nameOf,
  neutral,
  obligation,
  plain,
  roleName,
  show,
  tightened,
  type Verdict,
  weakened,
} from './context.js';

// --- RACI ---

const roles = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const singleRole = (v: unknown): unknown => (Array.isArray(v) && v.length === 1 ? v[0] : v);

function partyLabel(c: DiffContext, roleId: unknown, side: 'base' | 'head'): string {
  const party = side === 'base' ? (c.base.roleParty(roleId) ?? c.head.roleParty(roleId)) : (c.head.roleParty(roleId) ?? c.base.roleParty(roleId));
  return `${roleName(c, roleId)}${party ? ` (${party})` : ''}`;
}

function accountable(c: DiffContext): Verdict {
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

function responsible(c: DiffContext): Verdict {
  const activity = nameOf(c, 'raci.yaml', 'activities', id(c, 0));
  const b = roles(c.before);
  const a = roles(c.after);
  const parties = (list: unknown[], side: 'base' | 'head'): Set<string> =>
    new Set(
      list.map((r) => (side === 'base' ? (c.base.roleParty(r) ?? c.head.roleParty(r)) : (c.head.roleParty(r) ?? c.base.roleParty(r)))).filter((p) => p !== undefined),
    );
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
export function clientVoice(c: DiffContext, what: (who: string) => { added: string; removed: string }): Verdict {
  const who = itemOf(c);
  const party = c.change === 'removed' ? (c.base.roleParty(who) ?? c.base.contactParty(who)) : (c.head.roleParty(who) ?? c.head.contactParty(who));
  const label = `${roleName(c, who) === show(who) ? contactName(c, who) : roleName(c, who)}${party ? ` (${party})` : ''}`;
  const words = what(label);
  if (c.change === 'added') return { impact: party === 'client' ? 'tightened' : 'neutral', summary: words.added };
  return { impact: party === 'client' ? 'weakened' : 'neutral', summary: words.removed };
}

/** The change rules of raci files. */
export const raci: ChangeRule[] = [
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
      neutral(
        c.change === 'added'
          ? `${contactName(c, c.after)} now holds role ${roleName(c, id(c, 0))}`
          : `${contactName(c, c.before)} no longer holds role ${roleName(c, id(c, 0))}`,
      ),
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

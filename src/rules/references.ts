import type { YamlPath } from '../model/diagnostic.js';
import type { FileKind } from '../model/file-kind.js';
import { isObject, isString, stringsOf } from '../model/guards.js';
import { ALWAYS, type PartnershipIndex } from '../model/partnership-index.js';
import type { SourceFile } from '../model/source.js';

/** What a reference points at. */
export type RefTarget = 'contact' | 'role' | 'role-or-contact' | 'service' | 'calendar' | 'priority' | 'path' | 'kpi' | 'meeting' | 'budget-line';

/** One place where a file names something defined elsewhere. */
export interface Reference {
  target: RefTarget;
  id: string;
  file: SourceFile;
  path: YamlPath;
  /** For priorities: the services whose priorities may be meant. */
  services?: string[];
}

/** Where each kind of thing is defined, for messages ("contacts are defined in contacts.yaml"). */
export const DEFINED_IN: Record<Exclude<RefTarget, 'role-or-contact'>, { kind: FileKind; file: string; noun: string }> = {
  contact: { kind: 'contacts', file: 'contacts.yaml', noun: 'contact' },
  role: { kind: 'raci', file: 'raci.yaml', noun: 'role' },
  service: { kind: 'slas', file: 'slas.yaml', noun: 'service' },
  calendar: { kind: 'slas', file: 'slas.yaml', noun: 'calendar' },
  priority: { kind: 'slas', file: 'slas.yaml', noun: 'priority' },
  path: { kind: 'escalation', file: 'escalation.yaml', noun: 'escalation path' },
  kpi: { kind: 'objectives', file: 'objectives.yaml', noun: 'KPI' },
  meeting: { kind: 'governance', file: 'governance.yaml', noun: 'meeting' },
  'budget-line': { kind: 'budget', file: 'budget.yaml', noun: 'budget line' },
};

const cache = new WeakMap<PartnershipIndex, Reference[]>();
const byTarget = new WeakMap<PartnershipIndex, Map<RefTarget, Reference[]>>();
const NONE: readonly Reference[] = [];

/**
 * The references of one target kind, in the order `referencesOf` gives them:
 * each of the eleven `ref/unknown-*` rules reads its own kind, not every
 * reference of the partnership (two per incident).
 */
export function referencesTo(p: PartnershipIndex, target: RefTarget): readonly Reference[] {
  let groups = byTarget.get(p);
  if (!groups) {
    groups = new Map();
    for (const ref of referencesOf(p)) {
      const list = groups.get(ref.target);
      if (list) list.push(ref);
      else groups.set(ref.target, [ref]);
    }
    byTarget.set(p, groups);
  }
  return groups.get(target) ?? NONE;
}

/** Every reference in a partnership, computed once per partnership and shared by the rules. */
export function referencesOf(p: PartnershipIndex): Reference[] {
  let refs = cache.get(p);
  if (!refs) {
    refs = collect(p);
    cache.set(p, refs);
  }
  return refs;
}

function collect(p: PartnershipIndex): Reference[] {
  const refs: Reference[] = [];
  const one = (target: RefTarget, value: unknown, file: SourceFile, path: YamlPath, services?: string[]) => {
    if (isString(value)) refs.push({ target, id: value, file, path, ...(services ? { services } : {}) });
  };
  const many = (target: RefTarget, list: unknown, file: SourceFile, path: YamlPath) => {
    for (const { value, index } of stringsOf(list)) refs.push({ target, id: value, file, path: [...path, index] });
  };

  const part = p.partnership;
  if (part) {
    const v = part.value;
    if (isObject(v.owners)) {
      one('contact', v.owners.client, part.file, ['owners', 'client']);
      one('contact', v.owners.provider, part.file, ['owners', 'provider']);
    }
    if (isObject(v.scope)) many('service', v.scope.services, part.file, ['scope', 'services']);
    if (isObject(v.changeManagement)) many('role', v.changeManagement.approvers, part.file, ['changeManagement', 'approvers']);
  }
  for (const c of p.contacts) one('calendar', c.value.hours, c.file, [...c.path, 'hours']);
  for (const r of p.roles) many('contact', r.value.holders, r.file, [...r.path, 'holders']);
  for (const a of p.activities) {
    many('role', a.value.responsible, a.file, [...a.path, 'responsible']);
    if (Array.isArray(a.value.accountable)) many('role', a.value.accountable, a.file, [...a.path, 'accountable']);
    else one('role', a.value.accountable, a.file, [...a.path, 'accountable']);
    many('role', a.value.consulted, a.file, [...a.path, 'consulted']);
    many('role', a.value.informed, a.file, [...a.path, 'informed']);
  }
  for (const s of p.services) one('calendar', s.value.calendar, s.file, [...s.path, 'calendar']);
  for (const pr of p.priorities) one('calendar', pr.value.calendar, pr.file, [...pr.path, 'calendar']);
  for (const path of p.paths) {
    const applies = isObject(path.value.appliesTo) ? path.value.appliesTo : undefined;
    const services = stringsOf(applies?.services).map((s) => s.value);
    if (applies) {
      many('service', applies.services, path.file, [...path.path, 'appliesTo', 'services']);
      for (const { value, index } of stringsOf(applies.priorities)) {
        refs.push({ target: 'priority', id: value, file: path.file, path: [...path.path, 'appliesTo', 'priorities', index], services });
      }
    }
    (Array.isArray(path.value.levels) ? path.value.levels : []).forEach((level, i) => {
      if (!isObject(level)) return;
      many('contact', level.contacts, path.file, [...path.path, 'levels', i, 'contacts']);
      one('calendar', level.coverage, path.file, [...path.path, 'levels', i, 'coverage']);
    });
  }
  for (const o of p.objectives) one('contact', o.value.owner, o.file, [...o.path, 'owner']);
  for (const m of p.meetings) {
    one('contact', m.value.chair, m.file, [...m.path, 'chair']);
    many('role-or-contact', m.value.attendees, m.file, [...m.path, 'attendees']);
  }
  for (const c of p.channels) {
    one('calendar', c.value.hours, c.file, [...c.path, 'hours']);
    one('path', c.value.escalatesTo, c.file, [...c.path, 'escalatesTo']);
  }
  for (const r of p.risks) one('contact', r.value.owner, r.file, [...r.path, 'owner']);
  for (const l of p.budgetLines) one('service', l.value.service, l.file, [...l.path, 'service']);
  for (const a of p.actuals) one('budget-line', a.value.line, a.file, [...a.path, 'line']);
  for (const m of p.measurements) {
    const d = m.data;
    (Array.isArray(d.incidents) ? d.incidents : []).forEach((inc, i) => {
      if (!isObject(inc)) return;
      one('service', inc.service, m.file, ['incidents', i, 'service']);
      one('priority', inc.priority, m.file, ['incidents', i, 'priority'], isString(inc.service) ? [inc.service] : []);
    });
    (Array.isArray(d.downtime) ? d.downtime : []).forEach((dt, i) => {
      if (isObject(dt)) one('service', dt.service, m.file, ['downtime', i, 'service']);
    });
    (Array.isArray(d.kpis) ? d.kpis : []).forEach((k, i) => {
      if (isObject(k)) one('kpi', k.kpi, m.file, ['kpis', i, 'kpi']);
    });
  }
  for (const r of p.reviews) {
    one('meeting', r.data.meeting, r.file, ['meeting']);
    many('contact', r.data.attendees, r.file, ['attendees']);
  }
  for (const a of p.actions) one('contact', a.value.owner, a.file, [...a.path, 'owner']);
  for (const w of p.waivers) one('contact', w.value.owner, w.file, [...w.path, 'owner']);
  return refs;
}

/** True when a reference resolves (or cannot be judged because its defining file is broken). */
export function resolves(p: PartnershipIndex, ref: Reference): boolean {
  switch (ref.target) {
    case 'calendar':
      return ref.id === ALWAYS || !p.canResolve('slas') || p.lookup('calendar', ref.id) !== undefined;
    case 'role-or-contact':
      return !p.canResolve('raci') || !p.canResolve('contacts') || p.lookup('role', ref.id) !== undefined || p.lookup('contact', ref.id) !== undefined;
    case 'priority':
      if (!p.canResolve('slas')) return true;
      if (ref.services && ref.services.length === 1) {
        // One service (every incident's): the same answer as below, without the arrays.
        const s = ref.services[0]!;
        return !p.lookup('service', s) || p.priority(s, ref.id) !== undefined;
      }
      if (ref.services && ref.services.length > 0) {
        const known = ref.services.filter((s) => p.lookup('service', s));
        // An unknown service is reported on its own; do not pile a priority finding on top.
        if (known.length === 0) return true;
        return known.some((s) => p.priority(s, ref.id));
      }
      return p.priorities.some((pr) => pr.value.id === ref.id);
    default: {
      const def = DEFINED_IN[ref.target];
      return !p.canResolve(def.kind) || p.lookup(ref.target, ref.id) !== undefined;
    }
  }
}

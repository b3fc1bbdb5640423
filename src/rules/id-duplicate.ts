import type { YamlPath } from '../model/diagnostic.js';
import { arrayOf, isObject, isString } from '../model/guards.js';
import type { Item, PeriodFile } from '../model/partnership-index.js';
import type { SourceFile } from '../model/source.js';
import { comparePeriods } from '../model/period.js';
import { defineRule, type RuleContext } from './define-rule.js';

/** One group of things whose ids must differ: what they are called, and the items in order. */
interface IdGroup {
  /** The kind, for `data`: `contact`, `priority`, `action`. */
  kind: string;
  /** "contact", "priority", "action". */
  noun: string;
  /** "contacts", "priorities of service `desk`", "actions across all reviews". */
  scope: string;
  items: readonly Item<{ id?: unknown }>[];
}

/** The same, for lists in several files (actions, incidents): read in place, an item made only for a duplicate. */
interface ListGroup extends Omit<IdGroup, 'items'> {
  lists: { file: SourceFile; path: YamlPath; list: unknown }[];
}

/** Ids are unique within their kind: in one partnership, and for actions and incidents across every period file. */
export const idDuplicate = defineRule({
  id: 'id/duplicate',
  severity: 'error',
  description: 'Ids are unique within their kind (actions across all reviews, incidents across all measurements).',
  run(context) {
    const p = context.partnership;
    const groups: IdGroup[] = [
      { kind: 'contact', noun: 'contact', scope: 'contacts', items: p.contacts },
      { kind: 'role', noun: 'role', scope: 'roles', items: p.roles },
      { kind: 'activity', noun: 'activity', scope: 'activities', items: p.activities },
      { kind: 'calendar', noun: 'calendar', scope: 'calendars', items: p.calendars },
      { kind: 'service', noun: 'service', scope: 'services', items: p.services },
      ...p.services.map((service) => {
        const name = isString(service.value.id) ? ` of service \`${service.value.id}\`` : '';
        return { kind: 'priority', noun: 'priority', scope: `the priorities${name}`, items: p.priorities.filter((pr) => pr.service === service) };
      }),
      { kind: 'path', noun: 'escalation path', scope: 'escalation paths', items: p.paths },
      { kind: 'objective', noun: 'objective', scope: 'objectives', items: p.objectives },
      { kind: 'kpi', noun: 'KPI', scope: 'KPIs, across all objectives', items: p.kpis },
      { kind: 'meeting', noun: 'meeting', scope: 'meetings', items: p.meetings },
      { kind: 'channel', noun: 'channel', scope: 'channels', items: p.channels },
      { kind: 'risk', noun: 'risk', scope: 'risks', items: p.risks },
      { kind: 'budget-line', noun: 'budget line', scope: 'budget lines', items: p.budgetLines },
    ];
    for (const group of groups) reportDuplicates(context, group);
    reportDuplicatesIn(context, {
      kind: 'action',
      noun: 'action',
      scope: 'actions, across all reviews',
      lists: inPeriodOrder(p.reviews).map((r) => ({ file: r.file, path: ['actions'], list: r.data.actions })),
    });
    reportDuplicatesIn(context, {
      kind: 'incident',
      noun: 'incident',
      scope: 'incidents, across all measurement files',
      lists: inPeriodOrder(p.measurements).map((m) => ({ file: m.file, path: ['incidents'], list: m.data.incidents })),
    });
  },
});

/** Period files from the earliest period on, so that the later review or measurement is the one reported. */
function inPeriodOrder<T>(files: readonly PeriodFile<T>[]): PeriodFile<T>[] {
  return [...files].sort((a, b) => {
    if (a.period && b.period) {
      const byPeriod = comparePeriods(a.period, b.period);
      if (byPeriod !== 0) return byPeriod;
    }
    return a.file.relPath < b.file.relPath ? -1 : a.file.relPath > b.file.relPath ? 1 : 0;
  });
}

function reportDuplicates(context: RuleContext, group: IdGroup): void {
  const first = new Map<string, Item<unknown>>();
  for (const item of group.items) {
    const id = item.value.id;
    if (!isString(id)) continue;
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, item);
      continue;
    }
    const elsewhere = earlier.file !== item.file ? ` in ${earlier.file.relPath}` : '';
    context.report({
      file: item.file,
      path: [...item.path, 'id'],
      message: `${group.noun} id \`${id}\` is already used${elsewhere}: ids must be unique among ${group.scope}`,
      data: { kind: group.kind, id, first: earlier.file.path },
      related: [{ file: earlier.file, path: [...earlier.path, 'id'], message: `\`${id}\` is first used here` }],
    });
  }
}

/** `reportDuplicates` over lists read in place: the same findings in the same order, without an item per entry. */
function reportDuplicatesIn(context: RuleContext, group: ListGroup): void {
  const first = new Map<string, { file: SourceFile; path: YamlPath; index: number }>();
  for (const { file, path, list } of group.lists) {
    const values = arrayOf(list);
    for (let index = 0; index < values.length; index++) {
      const value = values[index];
      if (!isObject(value)) continue;
      const id = value.id;
      if (!isString(id)) continue;
      const earlier = first.get(id);
      if (!earlier) {
        first.set(id, { file, path, index });
        continue;
      }
      reportDuplicates(context, {
        ...group,
        items: [
          { value: { id }, file: earlier.file, path: [...earlier.path, earlier.index] },
          { value: { id }, file, path: [...path, index] },
        ],
      });
    }
  }
}

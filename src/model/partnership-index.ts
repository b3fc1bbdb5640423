import type { YamlPath } from './diagnostic.js';
import type { FileKind } from './file-kind.js';
import type { PartnershipTree, SourceFile } from './source.js';
import type * as F from './partnership.js';
import { arrayOf, isObject, isString } from './guards.js';
import { parsePeriod, type Period } from './period.js';

/** Something with an id, where it is defined. */
export interface Entity<T> {
  id: string;
  value: T;
  file: SourceFile;
  path: YamlPath;
}

/** A list item of any shape with its place (items without an id are still visited by rules). */
export interface Item<T> {
  value: T;
  file: SourceFile;
  path: YamlPath;
}

/** A measurement or review file with the period it claims. */
export interface PeriodFile<T> {
  file: SourceFile;
  data: T;
  /** The period from the `period` field, or null when it is missing or malformed. */
  period: Period | null;
}

/** The built-in calendar id: always open. */
export const ALWAYS = '24x7';

/**
 * A read-only, indexed view of one partnership for the rules: typed items, ids
 * resolved once, and which references may be trusted. Files that failed to parse
 * contribute nothing, and references into them are not reported.
 */
export class PartnershipIndex {
  readonly root: string;
  readonly files: readonly SourceFile[];
  readonly partnership: Entity<F.PartnershipFile> | undefined;
  readonly timezone: string;
  readonly contacts: Item<F.Contact>[];
  readonly roles: Item<F.Role>[];
  readonly activities: Item<F.Activity>[];
  readonly calendars: Item<F.Calendar>[];
  readonly services: Item<F.Service>[];
  readonly priorities: (Item<F.Priority> & { service: Item<F.Service> })[];
  readonly paths: Item<F.EscalationPath>[];
  readonly objectives: Item<F.Objective>[];
  readonly kpis: (Item<F.Kpi> & { objective: Item<F.Objective> })[];
  readonly meetings: Item<F.Meeting>[];
  readonly channels: Item<F.Channel>[];
  readonly risks: Item<F.Risk>[];
  readonly budgetLines: Item<F.BudgetLine>[];
  readonly actuals: Item<F.Actual>[];
  readonly measurements: PeriodFile<F.MeasurementsFile>[];
  readonly reviews: PeriodFile<F.ReviewFile>[];
  readonly actions: (Item<F.Action> & { review: PeriodFile<F.ReviewFile> })[];
  readonly waivers: Item<F.Waiver>[];
  private readonly byKind = new Map<FileKind, SourceFile>();
  private readonly ids = new Map<string, Map<string, Entity<unknown>>>();

  constructor(tree: PartnershipTree) {
    this.root = tree.root;
    this.files = tree.files;
    for (const file of tree.files) {
      if (file.kind && file.kind !== 'measurements' && file.kind !== 'review') this.byKind.set(file.kind, file);
    }
    const pFile = this.byKind.get('partnership');
    const pData = this.dataOf<F.PartnershipFile>('partnership');
    this.partnership = pFile && pData ? { id: isString(pData.id) ? pData.id : '', value: pData, file: pFile, path: [] } : undefined;
    this.timezone = pData && isString(pData.timezone) ? pData.timezone : 'UTC';

    this.contacts = this.items<F.Contact>('contacts', ['contacts']);
    this.roles = this.items<F.Role>('raci', ['roles']);
    this.activities = this.items<F.Activity>('raci', ['activities']);
    this.calendars = this.items<F.Calendar>('slas', ['calendars']);
    this.services = this.items<F.Service>('slas', ['services']);
    this.priorities = this.services.flatMap((service) =>
      itemsIn<F.Priority>(service.value.priorities, service.file, [...service.path, 'priorities']).map((p) => ({ ...p, service })),
    );
    this.paths = this.items<F.EscalationPath>('escalation', ['paths']);
    this.objectives = this.items<F.Objective>('objectives', ['objectives']);
    this.kpis = this.objectives.flatMap((objective) =>
      itemsIn<F.Kpi>(objective.value.kpis, objective.file, [...objective.path, 'kpis']).map((k) => ({ ...k, objective })),
    );
    this.meetings = this.items<F.Meeting>('governance', ['meetings']);
    this.channels = this.items<F.Channel>('governance', ['channels']);
    this.risks = this.items<F.Risk>('risks', ['risks']);
    this.budgetLines = this.items<F.BudgetLine>('budget', ['lines']);
    this.actuals = this.items<F.Actual>('budget', ['actuals']);
    this.measurements = this.periodFiles<F.MeasurementsFile>('measurements');
    this.reviews = this.periodFiles<F.ReviewFile>('review');
    this.actions = this.reviews.flatMap((review) => itemsIn<F.Action>(review.data.actions, review.file, ['actions']).map((a) => ({ ...a, review })));
    this.waivers = this.items<F.Waiver>('waivers', ['waivers']);

    this.indexIds('contact', this.contacts);
    this.indexIds('role', this.roles);
    this.indexIds('activity', this.activities);
    this.indexIds('calendar', this.calendars);
    this.indexIds('service', this.services);
    this.indexIds('path', this.paths);
    this.indexIds('objective', this.objectives);
    this.indexIds('kpi', this.kpis);
    this.indexIds('meeting', this.meetings);
    this.indexIds('channel', this.channels);
    this.indexIds('risk', this.risks);
    this.indexIds('budget-line', this.budgetLines);
    this.indexIds('action', this.actions);
  }

  /** The top-level file of a kind, if the partnership has one. */
  file(kind: FileKind): SourceFile | undefined {
    return this.byKind.get(kind);
  }

  /** The parsed value of a top-level file, when it parsed and is a mapping. */
  dataOf<T>(kind: FileKind): T | undefined {
    const file = this.byKind.get(kind);
    return file && file.ok && isObject(file.data) ? (file.data as T) : undefined;
  }

  /**
   * Whether references to things defined in a file kind can be checked: the
   * file is absent (so nothing is defined), refused by the file-access policy
   * (a link out of the tree defines nothing: its finding is only a warning, so
   * silencing what refers to it would let the swap pass), or parsed cleanly
   * into a mapping (or nothing). A file that is a list, bare text or broken
   * YAML has its own error; saying that every id it was meant to define is
   * unknown would only bury it.
   */
  canResolve(kind: FileKind): boolean {
    const file = this.byKind.get(kind);
    return !file || file.refused === true || (file.ok && (file.data === null || file.data === undefined || isObject(file.data)));
  }

  /** The first definition of an id of a kind (`contact`, `role`, `service`, …). */
  lookup<T = unknown>(kind: string, id: string): Entity<T> | undefined {
    return this.ids.get(kind)?.get(id) as Entity<T> | undefined;
  }

  /** Every id of a kind with its first definition, in file order. */
  idsOf(kind: string): Entity<unknown>[] {
    return [...(this.ids.get(kind)?.values() ?? [])];
  }

  /** The priority `id` of a service, if both exist. */
  priority(serviceId: string, priorityId: string): (Item<F.Priority> & { service: Item<F.Service> }) | undefined {
    return this.priorities.find((p) => p.service.value.id === serviceId && p.value.id === priorityId);
  }

  private items<T>(kind: FileKind, path: YamlPath): Item<T>[] {
    const file = this.byKind.get(kind);
    const data = this.dataOf<Record<string, unknown>>(kind);
    if (!file || !data) return [];
    return itemsIn<T>(data[path[0] as string], file, path);
  }

  private periodFiles<T>(kind: FileKind): PeriodFile<T>[] {
    return this.files
      .filter((f) => f.kind === kind && f.ok && isObject(f.data))
      .map((file) => ({ file, data: file.data as T, period: parsePeriod((file.data as Record<string, unknown>).period) }));
  }

  private indexIds(kind: string, items: readonly Item<unknown>[]): void {
    const map = new Map<string, Entity<unknown>>();
    for (const item of items) {
      const id = (item.value as { id?: unknown }).id;
      if (isString(id) && !map.has(id)) map.set(id, { id, value: item.value, file: item.file, path: [...item.path, 'id'] });
    }
    this.ids.set(kind, map);
  }
}

/** The object items of a list, with their paths. */
export function itemsIn<T>(list: unknown, file: SourceFile, path: YamlPath): Item<T>[] {
  const out: Item<T>[] = [];
  arrayOf(list).forEach((value, index) => {
    if (isObject(value)) out.push({ value: value as T, file, path: [...path, index] });
  });
  return out;
}

import { isObject } from './guards.js';

/** A YAML path with list indexes replaced, where the data allows, by the key of the item (its id). */
export type IdPath = (string | number)[];

const isScalar = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** Fields that identify an item in a list whose items have no `id`. */
const KEY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  levels: ['name'],
  downtime: ['service', 'from'],
  kpis: ['kpi'],
  actuals: ['line', 'period'],
  clockStops: ['from'],
  tiers: ['below'],
};

/** A waiver is known by what it waives: rule, file and place (`file` and `at` may be absent). */
function waiverKey(item: Record<string, unknown>): string | undefined {
  const parts = [item.rule, item.file, item.at].filter((p) => p !== undefined);
  return parts.every((p) => isScalar(p) && p !== null) ? parts.map(String).join(' ') : undefined;
}

/**
 * The key of each item of a list: its `id`, else the fields that identify
 * items of that list, else its index. A key two items share falls back to
 * their indexes, so that nothing is matched by mistake.
 */
export function listKeys(listName: string, items: readonly unknown[]): (string | number)[] {
  const raw = items.map((item) => {
    if (isScalar(item) && item !== null) return String(item);
    if (!isObject(item)) return undefined;
    if (typeof item.id === 'string' || typeof item.id === 'number') return String(item.id);
    if (listName === 'waivers') return waiverKey(item);
    const fields = KEY_FIELDS[listName];
    if (!fields) return undefined;
    const parts = fields.map((f) => item[f]);
    return parts.every((p) => isScalar(p) && p !== null) ? parts.map(String).join(' ') : undefined;
  });
  const counts = new Map<string, number>();
  for (const k of raw) if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  return raw.map((k, i) => (k !== undefined && counts.get(k) === 1 ? k : i));
}

/**
 * Replaces list indexes in a YAML path with the keys of the items (ids,
 * names), as far as the data allows: the identity of a place that survives
 * lines moving and items moving in their list. Used by `govern diff`, by
 * baselines and by SARIF's fingerprints alike.
 */
export function idPathOf(data: unknown, path: readonly (string | number)[]): IdPath {
  const out: IdPath = [];
  let node = data;
  let listName = '';
  for (const seg of path) {
    if (Array.isArray(node) && typeof seg === 'number') {
      const key = listKeys(listName, node)[seg];
      out.push(key ?? seg);
      node = node[seg];
    } else {
      out.push(seg);
      node = isObject(node) ? node[String(seg)] : undefined;
      listName = String(seg);
    }
  }
  return out;
}

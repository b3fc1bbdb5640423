import { isObject } from '../model/guards.js';
import { idPathOf, listKeys } from '../model/id-path.js';
import type { ChangeKind, IdPath } from './types.js';
import { isScalar, sameScalar, sameValue } from './values.js';

/** One difference the walk found, before it is classified. */
export interface RawChange {
  path: IdPath;
  /** The path with every list key replaced by `*`, dot-joined (`services.*.priorities.*.resolution`). */
  pattern: string;
  /** The list keys along the path, in order: what each `*` stood for. */
  ids: string[];
  change: ChangeKind;
  before: unknown;
  after: unknown;
}

/** How the walk treats one pattern: compared as one value, with its own notion of sameness. */
export interface WalkHint {
  whole?: boolean;
  same?: (before: unknown, after: unknown) => boolean;
}

export { idPathOf, listKeys };

/** The value at an id path, following list keys; undefined when it is not there. */
export function valueAt(data: unknown, path: IdPath): unknown {
  let node = data;
  let listName = '';
  for (const seg of path) {
    if (Array.isArray(node)) {
      const keys = listKeys(listName, node);
      const i = keys.findIndex((k) => k === seg);
      node = i >= 0 ? node[i] : undefined;
    } else if (isObject(node)) {
      node = node[String(seg)];
      listName = String(seg);
    } else {
      return undefined;
    }
  }
  return node;
}

/** YAML's empty value (`key:`) means the same as no key at all. */
const present = (value: unknown): unknown => (value === null ? undefined : value);

/**
 * Walks two values of one file side by side and reports what differs: maps by
 * key, lists by item key (so reordering is no change), lists of scalars as
 * sets, scalars after normalising. An item added or removed is one change; a
 * map or list that appears or disappears is compared with an empty one, so
 * each thing in it is reported.
 */
export function walkValues(before: unknown, after: unknown, hint: (pattern: string) => WalkHint | undefined): RawChange[] {
  const out: RawChange[] = [];
  const visit = (path: IdPath, pattern: string[], ids: string[], b0: unknown, a0: unknown): void => {
    const b = present(b0);
    const a = present(a0);
    if (b === undefined && a === undefined) return;
    const key = pattern.join('.');
    const h = hint(key);
    const emit = (change: ChangeKind): void => void out.push({ path, pattern: key, ids, change, before: b ?? null, after: a ?? null });
    if (h?.whole) {
      if (b === undefined) emit('added');
      else if (a === undefined) emit('removed');
      else if (!(h.same ?? sameValue)(b, a)) emit('changed');
      return;
    }
    if (b === undefined || a === undefined) {
      const only = b ?? a;
      if (pattern.at(-1) === '*' || !(isObject(only) || Array.isArray(only))) {
        emit(b === undefined ? 'added' : 'removed');
        return;
      }
      const empty = Array.isArray(only) ? [] : {};
      visit(path, pattern, ids, b ?? empty, a ?? empty);
      return;
    }
    if (isObject(b) && isObject(a)) {
      const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
      for (const k of keys) visit([...path, k], [...pattern, k], ids, b[k], a[k]);
      return;
    }
    if (Array.isArray(b) && Array.isArray(a)) {
      visitList(path, pattern, ids, b, a);
      return;
    }
    if (!(h?.same ?? sameValue)(b, a)) emit('changed');
  };
  const visitList = (path: IdPath, pattern: string[], ids: string[], b: unknown[], a: unknown[]): void => {
    const itemPattern = [...pattern, '*'];
    if ([...b, ...a].every(isScalar)) {
      for (const item of a) if (!b.some((x) => sameScalar(x, item))) visit([...path, String(item)], itemPattern, [...ids, String(item)], undefined, item);
      for (const item of b) if (!a.some((x) => sameScalar(x, item))) visit([...path, String(item)], itemPattern, [...ids, String(item)], item, undefined);
      return;
    }
    const listName = String(path.at(-1) ?? '');
    const kb = listKeys(listName, b);
    const ka = listKeys(listName, a);
    ka.forEach((k, i) => {
      const j = kb.indexOf(k);
      visit([...path, k], itemPattern, [...ids, String(k)], j >= 0 ? b[j] : undefined, a[i]);
    });
    kb.forEach((k, j) => {
      if (!ka.includes(k)) visit([...path, k], itemPattern, [...ids, String(k)], b[j], undefined);
    });
  };
  visit([], [], [], before, after);
  return out;
}

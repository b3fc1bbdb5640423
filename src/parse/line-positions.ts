import type { Range, YamlPath } from '../model/diagnostic.js';
import type { LinePositions, Span } from './line-yaml.js';

/**
 * Finds a path's place from what the line reader recorded, exactly as
 * parse-yaml.ts's locate does on `yaml`'s document (the differential test holds
 * the two together): the value's range (a collection's first line), or its
 * key's; a missing path points at the key of its nearest existing parent.
 * `range` is undefined where the line reader recorded no place (inside a flow
 * collection, an empty value): the caller then asks the full parser.
 */
export function locateInLines(data: unknown, positions: LinePositions, path: YamlPath, at: 'key' | 'value' = 'value'): { has: boolean; range: Range | undefined } {
  let node = data;
  let span: Span | null = positions.root;
  let key: Span | undefined;
  let known = true;
  let missing = 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (typeof node !== 'object' || node === null) {
      missing = path.length - i;
      break;
    }
    const entries = positions.entries.get(node);
    if (Array.isArray(node)) {
      if (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0 || segment >= node.length) {
        missing = path.length - i;
        break;
      }
      key = undefined;
      node = node[segment];
      const entry = entries?.get(segment);
      if (!entry) known = false;
      span = entry?.value ?? null;
    } else {
      const name = String(segment);
      if (!Object.hasOwn(node, name)) {
        missing = path.length - i;
        break;
      }
      node = (node as Record<string, unknown>)[name];
      const entry = entries?.get(name);
      if (!entry) known = false;
      key = entry?.key;
      span = entry?.value ?? null;
    }
  }
  const has = missing === 0;
  if (!known) return { has, range: undefined };
  // As locateIn: the key when asked for it, else the value; a missing path's nearest key, else its nearest node.
  const chosen: Span | null = has ? (at === 'key' && key ? key : span) : (key ?? span);
  if (!chosen) return { has, range: undefined };
  return { has, range: { start: { line: chosen[0], column: chosen[1] }, end: { line: chosen[2], column: chosen[3] } } };
}

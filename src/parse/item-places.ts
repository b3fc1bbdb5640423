import { isDeepStrictEqual } from 'node:util';
import type { Range, YamlPath } from '../model/diagnostic.js';
import { locateInLines } from './line-positions.js';
import { readLineYaml } from './line-yaml.js';

// The place of a finding inside one item of a top-level block sequence (`incidents[17].service`) from
// that item's lines alone, read again with places recorded, instead of the whole file: a month file of a
// thousand incidents with one finding is read again for a dozen lines, not for all of them.
// The item's lines are found by a scan of the text for the sequence's dashes, and trusted only when the
// scan found as many items as the file holds and the lines read back as the very item already read;
// else the caller reads the whole file again (readYaml).

/** Where the items of one top-level key's block sequence are in a text. */
export interface ItemIndex {
  /** The key's own line (`incidents:`, perhaps with a comment), without its line break. */
  keyLine: string;
  /** Each item's first character (its line's start) and its line, counted from 0. */
  starts: number[];
  lines: number[];
  /** Where the sequence ends: the start of the first line after it, or the text's end. */
  end: number;
  /**
   * Each item's lines as read again with places, by index, once: null when they could not be trusted.
   * However many findings one item holds (a hostile file: one incident with ten thousand clock stops, each
   * wrong), its lines are read once, so no file is read again for more than its own length.
   */
  reads: Map<number, ReturnType<typeof readLineYaml> | null>;
}

/**
 * The items of `key`'s block sequence, when `key:` stands alone at the start of a line (a comment after it
 * allowed) and the lines after it are a block sequence: undefined for anything else (a flow sequence, a
 * quoted or anchored key, a mapping), which the caller reads the long way.
 */
export function indexItems(text: string, key: string): ItemIndex | undefined {
  const head = `${key}:`;
  let at = text.startsWith(head) ? 0 : text.indexOf(`\n${head}`) + 1;
  if (at === 0 && !text.startsWith(head)) return undefined;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) return undefined;
  const rest = text.slice(at + head.length, text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
  if (!/^(?:[ ]*|[ ]+#.*)$/.test(rest)) return undefined;
  const keyLine = text.slice(at, lineEnd);
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  const starts: number[] = [];
  const lines: number[] = [];
  let indent = -1;
  let end = text.length;
  // One line at a time after the key's: its indentation and first character.
  for (at = lineEnd + 1, line++; at < text.length; at = lineEnd + 1, line++) {
    lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    let first = at;
    while (first < lineEnd && text.charCodeAt(first) === 32) first++;
    const c = first < lineEnd ? text.charCodeAt(first) : 10;
    if (c === 10 || c === 13 || c === 35) continue; // a blank line or a comment: part of the item before it
    const column = first - at;
    const next = first + 1 < lineEnd ? text.charCodeAt(first + 1) : 10;
    const dash = c === 45 && (next === 32 || next === 10 || next === 13);
    if (indent < 0) {
      if (!dash) return undefined; // not a block sequence
      indent = column;
    }
    if (column < indent || (column === indent && !dash)) {
      // The sequence is over: a key of the mapping around it (or, at column 0, any line that is not an item).
      if (column === indent && indent > 0) return undefined;
      end = at;
      break;
    }
    if (column === indent) {
      starts.push(at);
      lines.push(line);
    }
  }
  return starts.length === 0 ? undefined : { keyLine, starts, lines, end, reads: new Map() };
}

/**
 * The place of `path` (`[key, index, ...]`) from the lines of that one item, as locateInLines gives it on
 * the whole file; undefined when the item's lines cannot be trusted for it (see above) or hold no place
 * for the path (inside a flow collection), and the whole file must be read again.
 */
export function locateInItem(data: unknown, text: string, items: ItemIndex, path: YamlPath, at: 'key' | 'value'): { has: boolean; range: Range | undefined } | undefined {
  const key = path[0] as string;
  const index = path[1] as number;
  const list = (data as Record<string, unknown>)[key];
  if (!Array.isArray(list) || list.length !== items.starts.length || index < 0 || index >= list.length) return undefined;
  let read = items.reads.get(index);
  if (read === undefined) {
    const from = items.starts[index]!;
    const to = index + 1 < items.starts.length ? items.starts[index + 1]! : items.end;
    read = readLineYaml(`${items.keyLine}\n${text.slice(from, to)}`, true) ?? null;
    const got = (read?.data as Record<string, unknown> | null | undefined)?.[key];
    if (!read?.positions || !Array.isArray(got) || got.length !== 1 || !isDeepStrictEqual(got[0], list[index])) read = null;
    items.reads.set(index, read);
  }
  if (read === null || !read.positions) return undefined;
  const found = locateInLines(read.data, read.positions, [key, 0, ...path.slice(2)], at);
  if (!found.range) return undefined;
  // The item's first line is the snippet's second (after the key's): lines move by the item's own line less one.
  const by = items.lines[index]! - 1;
  const { start, end } = found.range;
  return { has: found.has, range: { start: { line: start.line + by, column: start.column }, end: { line: end.line + by, column: end.column } } };
}

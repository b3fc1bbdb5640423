import { isDeepStrictEqual } from 'node:util';
import { Document, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { UsageError } from '../model/errors.js';
import { readsBackPlain } from './yaml-text.js';

/** How an entry is written when its siblings do not say. */
export interface InsertOptions {
  /** Keys whose string values are written in double quotes unless the siblings quote them otherwise (phone numbers, times). */
  quoted?: readonly string[];
  /** The file as users see it, for messages. */
  file?: string;
}

/** The new text, and the lines the new entry fills (1-based, inclusive). */
export interface InsertResult {
  text: string;
  lines: { from: number; to: number };
}

type Key = string | number;

/**
 * Appends `entry` to the sequence at `path` (`['contacts']`,
 * `['objectives', 2, 'kpis']`) and returns the new text. Only the new lines
 * are added: every other byte of the file (comments, blank lines, key order,
 * quoting, aligned comments, long lines) stays as it was. The `yaml` Document
 * API finds the sequence and renders the entry; the entry is then spliced into
 * the text rather than re-stringifying the whole document, because
 * `String(doc)` re-flows long lines and moves aligned comments. The entry
 * follows its siblings: flow `{ … }` when they all are, their key order and
 * their quoting per key, a blank line between entries when they have one, the
 * file's line endings. Missing keys on the way (`scope:` in partnership.yaml,
 * `kpis:` of an objective, a whole empty file) are created. The result is
 * parsed again and must equal the old data with the entry appended; otherwise
 * nothing is returned and a UsageError says to add it by hand.
 */
export function insertEntry(text: string, path: readonly Key[], entry: unknown, options: InsertOptions = {}): InsertResult {
  const file = options.file ?? 'the file';
  entry = JSON.parse(JSON.stringify(entry)) as unknown;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(text, { logLevel: 'silent' });
  if (doc.errors.length > 0) throw new UsageError(`${file} has YAML errors; fix them (govern check shows where) before adding to it`);
  if (doc.contents !== null && !isMap(doc.contents)) throw new UsageError(`${file} does not hold a mapping at the top; add the entry by hand`);
  const singleQuote = prefersSingleQuotes(doc);
  const flowPadding = prefersFlowPadding(text, doc);

  let result: { text: string; at: number; lines: string[] };
  // Walk down to the deepest existing node of the path.
  let parent: YAMLMap | null = doc.contents as YAMLMap | null;
  let depth = 0;
  for (; depth < path.length - 1; depth++) {
    const next: unknown = parent?.get(path[depth], true);
    if (next === undefined || next === null || (isScalar(next) && next.value === null)) break;
    if (isSeq(next)) {
      const item = next.items[path[++depth] as number];
      if (!isMap(item)) throw new UsageError(`${file}: ${path.slice(0, depth + 1).join('.')} is not a mapping; add the entry by hand`);
      parent = item;
    } else if (isMap(next)) {
      parent = next;
    } else {
      throw new UsageError(`${file}: ${path.slice(0, depth + 1).join('.')} is not a mapping; add the entry by hand`);
    }
  }
  const rest = path.slice(depth);
  const style = { singleQuote, flowPadding, quoted: options.quoted ?? [], eol };

  if (parent === null) {
    // An empty file, or one with comments only: the whole path is new.
    const block = renderPair(rest as string[], entry, 0, 2, style, undefined);
    const sep = text === '' ? '' : text.endsWith('\n') ? '' : eol;
    result = { text: text + sep + block.join(eol) + eol, at: text.length + sep.length, lines: block };
  } else {
    const key = rest[0] as string;
    const node = parent.get(key, true) as Node | undefined | null;
    if (parent.flow) throw new UsageError(`${file}: the entry belongs inside a flow mapping \`{ … }\`; add it by hand`);
    const keyCol = columnOf(text, (parent.items[0]?.key as Node | undefined)?.range?.[0] ?? 0);
    const step = indentStep(text, doc) ?? 2;
    if (node === undefined) {
      // The key is missing: add `key:` with the entry after the last pair of the mapping.
      const block = renderPair(rest as string[], entry, keyCol, step, style, undefined);
      const lastPair = parent.items[parent.items.length - 1];
      const end = lastPair ? endOfContent(text, pairEnd(lastPair)) : text.length;
      const top = parent === doc.contents;
      const blank = top && /\n[ \t]*\r?\n\S/.test(text) ? eol : '';
      const ins = eol + blank + block.join(eol);
      result = { text: text.slice(0, end) + ins + text.slice(end), at: end + eol.length + blank.length, lines: block };
    } else if (rest.length > 1) {
      throw new UsageError(`${file}: ${path.slice(0, depth + 1).join('.')} is not what govern expects; add the entry by hand`);
    } else if (isScalar(node) && node.value === null) {
      // `key:` with nothing after it.
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key)!;
      const lineEnd = endOfContent(text, (pair.key as Node).range![1]);
      const item = renderItem(entry, keyCol + step, step, style, undefined);
      result = { text: text.slice(0, lineEnd) + eol + item.join(eol) + text.slice(lineEnd), at: lineEnd + eol.length, lines: item };
    } else if (isSeq(node) && node.flow) {
      if (node.items.length === 0) {
        // `key: []` becomes a block list.
        const [start, end] = node.range!;
        let from = start;
        while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
        const cut = text.slice(0, from) + text.slice(end).replace(/^[ \t]*(?=\r?\n|$)/, '');
        const lineEnd = endOfContent(cut, from);
        const item = renderItem(entry, keyCol + step, step, style, undefined);
        result = { text: cut.slice(0, lineEnd) + eol + item.join(eol) + cut.slice(lineEnd), at: lineEnd + eol.length, lines: item };
      } else {
        const last = node.items[node.items.length - 1] as Node;
        const end = last.range![1];
        const flowText = renderFlow(entry, style, siblingsOf(node));
        result = { text: `${text.slice(0, end)}, ${flowText}${text.slice(end)}`, at: end + 2, lines: [flowText] };
      }
    } else if (isSeq(node)) {
      const items = node.items as Node[];
      const last = items[items.length - 1]!;
      const dash = text.lastIndexOf('-', last.range![0]);
      const dashCol = columnOf(text, dash);
      const itemCol = columnOf(text, last.range![0]);
      const siblings = siblingsOf(node);
      const allFlow = items.every((i) => isCollection(i) && i.flow) && isPlainObject(entry);
      const lines = allFlow
        ? [`${' '.repeat(dashCol)}-${' '.repeat(Math.max(1, itemCol - dashCol - 1))}${renderFlow(entry, style, siblings)}`]
        : renderItem(entry, dashCol, itemCol - dashCol > 0 && isMap(last) ? itemCol - dashCol : step, style, siblings, itemCol - dashCol);
      const end = endOfContent(text, last.range![1]);
      const blank = items.length >= 2 && hasBlankLineBetween(text, items[items.length - 2]!, last) ? eol : '';
      const ins = eol + blank + lines.join(eol);
      result = { text: text.slice(0, end) + ins + text.slice(end), at: end + eol.length + blank.length, lines };
    } else {
      throw new UsageError(`${file}: \`${key}\` is not a list; add the entry by hand`);
    }
  }

  verify(doc.toJS() as unknown, result.text, path, entry, file);
  const from = countLines(result.text.slice(0, result.at));
  return { text: result.text, lines: { from, to: from + result.lines.length - 1 } };
}

interface Style {
  singleQuote: boolean;
  /** `{ id: a }` rather than `{id: a}`, as the file writes its flow mappings. */
  flowPadding: boolean;
  quoted: readonly string[];
  eol: string;
}

/** What the siblings of a new entry say about key order and quoting. */
interface Siblings {
  /** The keys of each sibling mapping, in order. */
  keyLists: string[][];
  quoting: Map<string, Scalar.Type>;
  /** By key: whether the siblings write the mappings of that nested list in flow style. */
  itemsFlow: Map<string, boolean>;
  /** By key: whether the siblings write that nested mapping in flow style. */
  mapFlow: Map<string, boolean>;
}

function siblingsOf(seq: YAMLSeq): Siblings {
  const keyLists: string[][] = [];
  const counts = new Map<string, Map<Scalar.Type, number>>();
  const itemsFlow = new Map<string, boolean>();
  const mapFlow = new Map<string, boolean>();
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    keyLists.push(item.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')));
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      if (isSeq(pair.value) && pair.value.items.some((i) => isMap(i))) {
        itemsFlow.set(
          key,
          pair.value.items.every((i) => !isMap(i) || i.flow === true),
        );
      } else if (isMap(pair.value)) {
        mapFlow.set(key, pair.value.flow === true);
      }
      // A quoted value that could have been plain shows a choice of style; one that needs quotes does not.
      if (isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.type && (pair.value.type === 'PLAIN' || readsBackPlain(pair.value.value))) {
        const byType = counts.get(key) ?? new Map<Scalar.Type, number>();
        byType.set(pair.value.type, (byType.get(pair.value.type) ?? 0) + 1);
        counts.set(key, byType);
      }
    }
  }
  // Per key, the style most siblings use; plain wins a tie.
  const quoting = new Map<string, Scalar.Type>();
  for (const [key, byType] of counts) {
    const best = [...byType].sort((a, b) => b[1] - a[1] || (a[0] === 'PLAIN' ? -1 : b[0] === 'PLAIN' ? 1 : 0))[0]!;
    quoting.set(key, best[0]);
  }
  return { keyLists, quoting, itemsFlow, mapFlow };
}

/**
 * The entry's keys in the siblings' order: two keys that some sibling has both
 * of keep that sibling's order; otherwise the entry's own (canonical) order.
 */
function orderKeys(entry: Record<string, unknown>, siblings: Siblings | undefined): string[] {
  const keys = Object.keys(entry);
  if (!siblings || siblings.keyLists.length === 0) return keys;
  const witnessed = (a: string, b: string): number => {
    for (const list of siblings.keyLists) {
      const i = list.indexOf(a);
      const j = list.indexOf(b);
      if (i >= 0 && j >= 0) return i - j;
    }
    return keys.indexOf(a) - keys.indexOf(b);
  };
  // Insertion sort: stable, and it never needs the comparison to be transitive.
  const out: string[] = [];
  for (const key of keys) {
    let at = out.length;
    while (at > 0 && witnessed(key, out[at - 1]!) < 0) at--;
    out.splice(at, 0, key);
  }
  return out;
}

function buildNode(doc: Document, entry: unknown, style: Style, siblings: Siblings | undefined, top: boolean, flow?: boolean): Node {
  if (isPlainObject(entry)) {
    const map = doc.createNode({}) as YAMLMap;
    for (const key of orderKeys(entry, top ? siblings : undefined)) {
      const value = entry[key];
      if (value === undefined) continue;
      const nestedFlow = top ? (Array.isArray(value) ? siblings?.itemsFlow.get(key) : siblings?.mapFlow.get(key)) : undefined;
      const child = buildNode(doc, value, style, undefined, false, nestedFlow);
      if (isScalar(child) && typeof child.value === 'string') {
        const wanted = top ? siblings?.quoting.get(key) : undefined;
        if (wanted === 'QUOTE_DOUBLE' || wanted === 'QUOTE_SINGLE') child.type = wanted;
        else if (wanted === undefined && style.quoted.includes(key)) child.type = style.singleQuote ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
      }
      map.add(doc.createPair(key, child));
    }
    // Small mappings of scalars read best on one line, as FORMAT.md writes them (`target: { op: ">=", value: 4.2 }`).
    if (!top) map.flow = flow ?? map.items.every((p) => isScalar(p.value) || (isSeq(p.value) && p.value.flow));
    return map;
  }
  if (Array.isArray(entry)) {
    const seq = doc.createNode([]) as YAMLSeq;
    // Items of a nested list are mappings of their own: block unless the siblings write them in flow.
    for (const v of entry) seq.items.push(buildNode(doc, v, style, undefined, false, isPlainObject(v) ? (flow ?? false) : undefined));
    seq.flow = seq.items.every((i) => isScalar(i));
    return seq;
  }
  return doc.createNode(entry) as Node;
}

function toText(node: Node, style: Style, indent: number): string[] {
  const doc = new Document();
  doc.contents = node;
  const out = doc.toString({ lineWidth: 0, indent, indentSeq: true, singleQuote: style.singleQuote, flowCollectionPadding: style.flowPadding });
  return out
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.replace(/\[ ([A-Za-z0-9 ,._-]*) \]/g, '[$1]'));
}

/** `- key: value` lines for a list item whose dash is at `dashCol`. */
function renderItem(entry: unknown, dashCol: number, step: number, style: Style, siblings: Siblings | undefined, gap = 2): string[] {
  const doc = new Document();
  const lines = toText(buildNode(doc, entry, style, siblings, true), style, step);
  const pad = ' '.repeat(dashCol);
  const inner = ' '.repeat(dashCol + gap);
  return lines.map((line, i) => (i === 0 ? `${pad}-${' '.repeat(gap - 1)}${line}` : line === '' ? '' : inner + line));
}

/** `key:` then the rest of the path as nested keys, ending in a one-item list. */
function renderPair(keys: readonly string[], entry: unknown, col: number, step: number, style: Style, siblings: Siblings | undefined): string[] {
  const [key, ...more] = keys;
  const pad = ' '.repeat(col);
  if (more.length === 0) return [`${pad}${key}:`, ...renderItem(entry, col + step, step, style, siblings)];
  return [`${pad}${key}:`, ...renderPair(more, entry, col + step, step, style, siblings)];
}

function renderFlow(entry: unknown, style: Style, siblings: Siblings | undefined): string {
  const doc = new Document();
  const node = buildNode(doc, entry, style, siblings, true);
  if (isCollection(node)) node.flow = true;
  return toText(node, style, 2).join(' ');
}

/** The offset just after the last character on the line where a node's content ends (before its line break). */
function endOfContent(text: string, offset: number): number {
  let p = Math.min(offset, text.length);
  while (p > 0 && /\s/.test(text[p - 1]!)) p--;
  const nl = text.indexOf('\n', p);
  if (nl < 0) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

function pairEnd(pair: Pair): number {
  const value = pair.value as Node | null;
  return value?.range?.[1] ?? (pair.key as Node).range![1];
}

function columnOf(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return offset - lineStart;
}

function hasBlankLineBetween(text: string, a: Node, b: Node): boolean {
  const between = text.slice(endOfContent(text, a.range![1]), b.range![0]);
  return /\n[ \t]*\r?\n/.test(between);
}

/** The indentation step of nested block mappings in the file (2 when it cannot tell). */
function indentStep(text: string, doc: Document): number | undefined {
  const top = doc.contents;
  if (!isMap(top)) return undefined;
  for (const pair of top.items) {
    const v = pair.value;
    if (isMap(v) && !v.flow && v.items[0]) return columnOf(text, (v.items[0].key as Node).range![0]);
    if (isSeq(v) && !v.flow && v.items[0]) {
      const dash = text.lastIndexOf('-', (v.items[0] as Node).range![0]);
      const col = columnOf(text, dash);
      if (col > 0) return col;
    }
  }
  return undefined;
}

function prefersSingleQuotes(doc: Document): boolean {
  let single = 0;
  let double = 0;
  const visit = (node: unknown): void => {
    if (isScalar(node)) {
      if (node.type === 'QUOTE_SINGLE') single++;
      if (node.type === 'QUOTE_DOUBLE') double++;
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) {
          visit(item.key);
          visit(item.value);
        } else visit(item);
      }
    }
  };
  visit(doc.contents);
  return single > double;
}

/** Whether the file's flow mappings have a space inside their braces (`{ id: a }`); true when it has none to go by. */
function prefersFlowPadding(text: string, doc: Document): boolean {
  let padded = 0;
  let tight = 0;
  const visit = (node: unknown): void => {
    if (isMap(node) || isSeq(node)) {
      if (isMap(node) && node.flow && node.items.length > 0 && node.range) {
        if (/\s/.test(text[node.range[0] + 1] ?? ' ')) padded++;
        else tight++;
      }
      for (const item of node.items) {
        if (isPair(item)) visit(item.value);
        else visit(item);
      }
    }
  };
  visit(doc.contents);
  return padded >= tight;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The new text must read back as the old data with exactly the entry appended. */
function verify(before: unknown, after: string, path: readonly Key[], entry: unknown, file: string): void {
  const expected = structuredClone(before ?? {}) as Record<Key, unknown>;
  let at: Record<Key, unknown> = expected;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    if (at[k] === undefined || at[k] === null) at[k] = {};
    at = at[k] as Record<Key, unknown>;
  }
  const last = path[path.length - 1]!;
  const listNow = Array.isArray(at[last]) ? (at[last] as unknown[]) : [];
  at[last] = [...listNow, entry];
  const doc = parseDocument(after, { logLevel: 'silent' });
  if (doc.errors.length > 0 || !isDeepStrictEqual(doc.toJS(), expected)) {
    throw new UsageError(`govern could not add the entry to ${file} without changing the rest of it (its layout is unusual); add it by hand`);
  }
}

import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { UsageError } from '../model/errors.js';
import { renderEntry, renderFlow, scalarText } from './entry-text.js';

export { renderFlow, scalarText };

type Key = string | number;

/** One change to a YAML file: a field of the mapping at `path` set, or entries appended to the list at `path`. */
export type YamlOp = { op: 'set'; path: Key[]; key: string; value: unknown } | { op: 'append'; path: Key[]; entries: Record<string, unknown>[]; flow: boolean };

interface Splice {
  at: number;
  to: number;
  text: string;
  order: number;
}

/**
 * Applies changes to a YAML file by splicing only the text that changes: a
 * changed scalar is replaced where it stands, a new field goes after the last
 * one of its mapping (or before the `}` of a flow mapping), new entries after
 * the last entry of their list, following its indentation and its flow or
 * block style. Every other byte (comments, blank lines, quoting, alignment)
 * stays. Throws a UsageError where the file's layout leaves no safe place.
 */
export function applyYamlOps(text: string, ops: readonly YamlOp[], file: string): string {
  if (ops.length === 0) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(text, { logLevel: 'silent' });
  if (doc.errors.length > 0) throw new UsageError(`${file} has YAML errors; fix them (govern check shows where) before importing into it`);
  const splices: Splice[] = [];
  let order = 0;
  const add = (at: number, to: number, t: string): void => {
    splices.push({ at, to, text: t, order: order++ });
  };
  for (const op of ops) {
    const parent = nodeAt(doc, op.path);
    if (op.op === 'set') {
      if (!isMap(parent)) throw new UsageError(`${file}: ${op.path.join('.')} is not a mapping; change it by hand`);
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === op.key);
      if (pair) {
        const value = pair.value as Node | null;
        if (isScalar(value) && value.range) add(value.range[0], value.range[1], scalarText(op.value, parent.flow === true));
        else if (value === null) {
          const keyEnd = (pair.key as Node).range![1];
          const colon = text.indexOf(':', keyEnd);
          add(colon + 1, colon + 1, ` ${scalarText(op.value, parent.flow === true)}`);
        } else throw new UsageError(`${file}: ${[...op.path, op.key].join('.')} is not a single value; change it by hand`);
      } else addPair(text, parent, op.key, scalarText(op.value, parent.flow === true), eol, file, add);
      continue;
    }
    const lines = (dash: number): string[] => {
      const out: string[] = [];
      for (const e of op.entries) renderEntry(e, dash, op.flow, out);
      return out;
    };
    const last = op.path[op.path.length - 1]!;
    const holder = nodeAt(doc, op.path.slice(0, -1));
    const seq = isMap(holder) ? (holder.get(last, true) as Node | null | undefined) : holder === null && op.path.length === 1 ? undefined : holder;
    if (isSeq(seq) && !seq.flow && seq.items.length > 0) {
      const lastItem = seq.items[seq.items.length - 1] as Node;
      const dash = columnOf(text, text.lastIndexOf('-', lastItem.range![0]));
      add(endOfLine(text, lastItem.range![1]), endOfLine(text, lastItem.range![1]), eol + lines(dash).join(eol));
      continue;
    }
    if (isSeq(seq) && seq.flow && seq.items.length > 0)
      throw new UsageError(`${file}: ${op.path.join('.')} is a list in brackets; write it as a block list (one \`-\` per line) to import into it`);
    // The list is missing, `[]` or empty: it is written out after its key, or as a new key.
    if (holder === null || holder === undefined) {
      if (op.path.length !== 1) throw new UsageError(`${file}: ${op.path.slice(0, -1).join('.')} is missing`);
      const sep = text === '' || text.endsWith('\n') ? '' : eol;
      add(text.length, text.length, `${sep}${String(last)}:${eol}${lines(2).join(eol)}${eol}`);
      continue;
    }
    if (!isMap(holder)) throw new UsageError(`${file}: ${op.path.slice(0, -1).join('.')} is not a mapping; change it by hand`);
    const pair = holder.items.find((p) => isScalar(p.key) && p.key.value === last);
    if (pair) {
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      const col = columnOf(text, key.range![0]);
      if (holder.flow) throw new UsageError(`${file}: ${op.path.join('.')} is inside a mapping in braces; change it by hand`);
      const from = value?.range ? value.range[0] : key.range![1] + 1;
      const to = value?.range ? value.range[1] : key.range![1] + 1;
      const colon = text.indexOf(':', key.range![1]);
      add(colon + 1, Math.max(to, colon + 1), '');
      void from;
      add(endOfLine(text, Math.max(to, colon + 1)), endOfLine(text, Math.max(to, colon + 1)), eol + lines(col + 2).join(eol));
      continue;
    }
    if (holder.flow) {
      const inner = op.entries.map((e) => renderFlow(e)).join(', ');
      addPair(text, holder, String(last), `[${inner}]`, eol, file, add);
      continue;
    }
    const firstKey = holder.items[0]?.key as Node | undefined;
    const col = firstKey?.range ? columnOf(text, firstKey.range[0]) : 0;
    const lastPair = holder.items[holder.items.length - 1];
    const end = lastPair ? endOfLine(text, ((lastPair.value as Node | null)?.range ?? (lastPair.key as Node).range!)[1]) : text.length;
    add(end, end, `${eol}${' '.repeat(col)}${String(last)}:${eol}${lines(col + 2).join(eol)}`);
  }
  splices.sort((a, b) => b.at - a.at || b.order - a.order);
  let out = text;
  for (const s of splices) out = out.slice(0, s.at) + s.text + out.slice(s.to);
  return out;
}

function addPair(text: string, map: YAMLMap, key: string, value: string, eol: string, file: string, add: (at: number, to: number, t: string) => void): void {
  if (map.flow) {
    const close = text.lastIndexOf('}', map.range![1]);
    let p = close;
    while (p > 0 && /\s/.test(text[p - 1]!)) p--;
    const pad = text[close - 1] === ' ' ? ' ' : '';
    add(p, close, `${map.items.length > 0 ? ', ' : ''}${key}: ${value}${pad}`);
    return;
  }
  const first = map.items[0]?.key as Node | undefined;
  const lastPair = map.items[map.items.length - 1];
  if (!first?.range || !lastPair) throw new UsageError(`${file}: an empty mapping to add \`${key}\` to; change it by hand`);
  const end = endOfLine(text, ((lastPair.value as Node | null)?.range ?? (lastPair.key as Node).range!)[1]);
  add(end, end, `${eol}${' '.repeat(columnOf(text, first.range[0]))}${key}: ${value}`);
}

function nodeAt(doc: Document, path: readonly Key[]): unknown {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) node = (node as YAMLMap).get(key, true);
    else if (isSeq(node) && typeof key === 'number') node = (node as YAMLSeq).items[key];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The offset of the end of the line where content ending at `offset` ends (before its line break). */
function endOfLine(text: string, offset: number): number {
  let p = Math.min(offset, text.length);
  while (p > 0 && /\s/.test(text[p - 1]!)) p--;
  const nl = text.indexOf('\n', p);
  if (nl < 0) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

import { type QuickRead, readQuickly, type YamlReader } from './fast-yaml.js';
import { parseYamlFully } from './full-yaml.js';
import { readLineYaml } from './line-yaml.js';
import { type ItemIndex, indexItems, locateInItem } from './item-places.js';
import { locateInLines } from './line-positions.js';
import type { ParsedYaml } from './parse-yaml.js';
import type { YamlPath } from '../model/diagnostic.js';

/** A text and what `readQuickly` made of it. */
export interface KnownRead {
  text: string;
  read: QuickRead | undefined;
}

/** Told which reader read each file and why the quicker ones declined (GOVERN_DEBUG=parse); set by the CLI. */
export type ReadTrace = (label: string, reader: YamlReader, why: readonly string[]) => void;

let trace: ReadTrace | undefined;

/** Sets (or clears) the trace every readYaml reports to. */
export function traceReads(to: ReadTrace | undefined): void {
  trace = to;
}

/**
 * Reads one file's YAML: a fast reader when it is sure, else the full parser.
 * Positions are needed only for findings: for a file the line reader read,
 * they come from the line reader again, recording places this time (a
 * fraction of a millisecond); only a file js-yaml read, or a place the line
 * reader does not record, is parsed with the full parser, once. Never throws.
 * `known` is a quick reading of a text already taken (`readQuickly`, by `govern import` of the file it
 * has just written): used when it is of this very text, so the text is not read twice (unless reads are traced).
 */
export function readYaml(text: string, label = '', known?: KnownRead): ParsedYaml {
  const why: string[] | undefined = trace ? [] : undefined;
  const quick = known !== undefined && why === undefined && known.text === text ? known.read : readQuickly(text, why);
  if (!quick) {
    trace?.(label, 'yaml', why!);
    return parseYamlFully(text);
  }
  trace?.(label, quick.reader, why!);
  let full: ParsedYaml | undefined;
  const positions = (): ParsedYaml => {
    if (!full)
      trace?.(label, 'yaml', [
        quick.reader === 'line' ? 'for the place of a finding the line reader did not record' : 'for the place of a finding in a file js-yaml read',
      ]);
    return (full ??= parseYamlFully(text));
  };
  let lines: ReturnType<typeof readLineYaml> | null | undefined = quick.reader === 'line' ? undefined : null;
  let withoutBom: string | undefined;
  const source = (): string => (withoutBom ??= text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const recorded = (): NonNullable<ReturnType<typeof readLineYaml>> | undefined => {
    if (lines === undefined) lines = readLineYaml(source(), true) ?? null;
    return lines ?? undefined;
  };
  // A place inside one item of a top-level block sequence comes from that item's lines (item-places.ts),
  // until the whole file has been read again for another place: a month file with a finding or two is
  // not read again whole.
  const items = new Map<string, ItemIndex | undefined>();
  const inItem = (path: YamlPath, at: 'key' | 'value'): ReturnType<typeof locateInItem> => {
    if (lines !== undefined || path.length < 2 || typeof path[0] !== 'string' || typeof path[1] !== 'number') return undefined;
    const key = path[0];
    if (!items.has(key)) items.set(key, indexItems(source(), key));
    const index = items.get(key);
    return index === undefined ? undefined : locateInItem(quick.data, source(), index, path, at);
  };
  return {
    data: quick.data,
    ok: true,
    problems: [],
    locate: (path, at) => {
      const item = inItem(path, at ?? 'value');
      if (item?.range) return item.range;
      const read = recorded();
      const found = read?.positions ? locateInLines(read.data, read.positions, path, at) : undefined;
      return found?.range ?? positions().locate(path, at);
    },
    has: (path) => {
      const item = inItem(path, 'value');
      if (item !== undefined) return item.has;
      const read = recorded();
      const found = read?.positions ? locateInLines(read.data, read.positions, path, 'value') : undefined;
      return found ? found.has : positions().has(path);
    },
  };
}

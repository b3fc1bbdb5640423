import { type QuickRead, readQuickly, type YamlReader } from './fast-yaml.js';
import { parseYamlFully } from './full-yaml.js';
import { readLineYaml } from './line-yaml.js';
import { locateInLines } from './line-positions.js';
import type { ParsedYaml } from './parse-yaml.js';

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
  const recorded = (): NonNullable<ReturnType<typeof readLineYaml>> | undefined => {
    if (lines === undefined) lines = readLineYaml(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, true) ?? null;
    return lines ?? undefined;
  };
  return {
    data: quick.data,
    ok: true,
    problems: [],
    locate: (path, at) => {
      const read = recorded();
      const found = read?.positions ? locateInLines(read.data, read.positions, path, at) : undefined;
      return found?.range ?? positions().locate(path, at);
    },
    has: (path) => {
      const read = recorded();
      const found = read?.positions ? locateInLines(read.data, read.positions, path, 'value') : undefined;
      return found ? found.has : positions().has(path);
    },
  };
}

import * as jsYaml from 'js-yaml';
import { lineReaderGaveUpBecause, readLineYaml } from './line-yaml.js';
import { BOOL, FLOAT, FLOAT_NAN, INT, INT_HEX, INT_OCT, NULL } from './core-scalars.js';

// The fast reader: js-yaml, about ten times faster than `yaml`, for the files
// that are plainly inside the YAML both libraries read alike. It answers only
// when it is sure; anything unusual (tags, anchors, directives, merge keys,
// tabs, complex keys, odd characters, numbers JavaScript cannot hold) is left
// to the full parser, which reports what govern rejects. A differential
// property test (test/parse/fast-yaml.property.test.ts) holds the two to the
// same values.

/**
 * Characters no reader but the full one takes: control and other unusual
 * characters, a byte-order mark inside the text; and (see odd()) a carriage
 * return that does not end a line (YAML 1.2 does not break lines there;
 * js-yaml does), a surrogate that is not half of a pair (an emoji is a pair,
 * and is text like any other).
 */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
const LONE_CR = /\r(?!\n)/;

/** True when the text holds a character of CONTROL, a lone carriage return, or a lone surrogate: each a scan V8 does quickly. */
function odd(text: string): boolean {
  return CONTROL.test(text) || (text.includes('\r') && LONE_CR.test(text)) || !(text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/**
 * Text js-yaml is not trusted with: tabs, directives other than `%YAML 1.2`,
 * and, where a node can start (at the start of a line, after `key: `, `- `,
 * `? `, or `[`, `{`, `,`), tags, anchors, aliases and merge keys; explicit
 * keys. Inside a scalar's text (`Globex & Initech`, `a << b`) they are text.
 */
const UNSURE = /\t|^%(?!YAML[ ]+1\.2[ ]*\r?$)|(?:^[ ]*|[-?:][ ]+|[[{,][ ]*)(?:[!&*]|<<)|(?:^|[\s[{,])\?(?:\s|$)/m;
const UNSURE_REASONS: [RegExp, string][] = [
  [/\t/, 'a tab'],
  [/^%/m, 'a directive other than %YAML 1.2'],
  [/(?:^[ ]*|[-?:][ ]+|[[{,][ ]*)!/m, 'a tag'],
  [/(?:^[ ]*|[-?:][ ]+|[[{,][ ]*)[&*]/m, 'an anchor or alias'],
  [/(?:^[ ]*|[-?:][ ]+|[[{,][ ]*)<</m, 'a merge key'],
  [/(?:^|[\s[{,])\?(?:\s|$)/m, 'an explicit key (`? `)'],
];

/**
 * The characters any of UNSURE's cases starts with or needs: one character
 * class scans a file many times faster than the alternation, which then runs
 * only on the files that hold one of them.
 */
const MAYBE_UNSURE = /[\t%<!&*?]/;

/**
 * Where js-yaml and `yaml` read differently, found by the differential test:
 * a flow collection used as a key (`[a, b]: x`), a block scalar with an
 * explicit indentation (`|1-`), sequences nested on one line (`- - x`), a
 * sequence entry with nothing on its line (empty, or its value below it), a
 * quoted scalar that goes on past the end of its line. Each expression starts
 * with a character or a line break, which V8 scans for quickly; the quoted
 * ones run only on text holding that quote. (The line reader, tried first,
 * reads the last two.)
 */
const DIFFERENT: [RegExp, string][] = [
  [/[\]}] *:(?:\s|$)/, 'a flow collection as a key'],
  [/(?:^[ ]*|[-?:][ ]+)[|>][-+]?[1-9]/m, 'a block scalar with an explicit indentation'],
  [/- +-(?: |\r?$)/m, 'lists nested on one line (`- - x`)'],
  [/(?:^|\n) *-[ ]*(?:#[^\n]*)?\r?(?:\n|$)/, 'a list item with nothing on its line'],
];
const OPEN_DOUBLE_QUOTE = /(?:^|[:[{,-])[ ]*"(?:[^"\\\n]|\\.)*\\?\r?$/m;
const OPEN_SINGLE_QUOTE = /(?:^|[:[{,-])[ ]*'(?:[^'\n]|'')*\r?$/m;

/**
 * Whether a flow collection goes on past its line: js-yaml reads one whose
 * later lines are not indented under its key, which `yaml` rejects. (The line
 * reader reads the well-indented ones.) Brackets inside quotes may count
 * too: that only declines a file js-yaml could have read.
 */
function multiLineFlow(text: string): boolean {
  if (!text.includes('[') && !text.includes('{')) return false;
  for (const line of text.split('\n')) {
    const start = /(?:^[ ]*(?:- +)*|: +|\? +)[[{]/.exec(line);
    if (!start) continue;
    let depth = 0;
    for (let k = start.index + start[0].length - 1; k < line.length; k++) {
      const ch = line[k];
      if (ch === '[' || ch === '{') depth++;
      else if (ch === ']' || ch === '}') depth--;
      else if (ch === '#' && line[k - 1] === ' ') break;
    }
    if (depth > 0) return true;
  }
  return false;
}

/** What the two parsers may read differently in the text, or undefined. */
function different(text: string): string | undefined {
  for (const [pattern, reason] of DIFFERENT) if (pattern.test(text)) return reason;
  if (multiLineFlow(text)) return 'a flow collection over several lines';
  if ((text.includes('"') && OPEN_DOUBLE_QUOTE.test(text)) || (text.includes("'") && OPEN_SINGLE_QUOTE.test(text))) return 'a quoted scalar over several lines';
  return undefined;
}

/** Deeper than this, the full parser decides (real files nest fewer than ten levels). */
const MAX_FAST_DEPTH = 32;

// Core-schema scalar expressions: ./core-scalars.ts.

/** Whether a scalar starts as a number can: a digit, a sign or a dot. */
function numeric(data: string): boolean {
  const c = data.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

let schema: jsYaml.Schema | undefined;

/**
 * js-yaml with YAML 1.2 core-schema scalars, made on first use: js-yaml is
 * built (and in the bundle even loaded: scripts/build.mjs) only for a file the
 * line reader does not read, so a check whose files it reads all never pays for it.
 */
function coreSchema(): jsYaml.Schema {
  if (schema) return schema;
  // Each plain scalar is offered to every type in turn, so each first looks at
  // one character before trying its expressions: most scalars are words.
  const coreNull = new jsYaml.Type('tag:yaml.org,2002:null', {
    kind: 'scalar',
    resolve: (data: string | null) => data === null || data === '' || ((data[0] === '~' || data[0] === 'n' || data[0] === 'N') && NULL.test(data)),
    construct: () => null,
  });
  const coreBool = new jsYaml.Type('tag:yaml.org,2002:bool', {
    kind: 'scalar',
    resolve: (data: string | null) => data !== null && data.length >= 4 && data.length <= 5 && BOOL.test(data),
    construct: (data: string) => data[0] === 't' || data[0] === 'T',
  });
  const coreInt = new jsYaml.Type('tag:yaml.org,2002:int', {
    kind: 'scalar',
    resolve: (data: string | null) => data !== null && numeric(data) && (INT.test(data) || INT_OCT.test(data) || INT_HEX.test(data)),
    construct: (data: string) => (INT_OCT.test(data) ? parseInt(data.slice(2), 8) : INT_HEX.test(data) ? parseInt(data.slice(2), 16) : parseInt(data, 10)),
  });
  const coreFloat = new jsYaml.Type('tag:yaml.org,2002:float', {
    kind: 'scalar',
    resolve: (data: string | null) => data !== null && numeric(data) && (FLOAT_NAN.test(data) || FLOAT.test(data)),
    construct: (data: string) => (FLOAT_NAN.test(data) ? (data.slice(-3).toLowerCase() === 'nan' ? NaN : data[0] === '-' ? -Infinity : Infinity) : parseFloat(data)),
  });
  schema = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [coreNull, coreBool, coreInt, coreFloat] });
  return schema;
}

/** Which reader read a file: the line reader, js-yaml, or the full parser. */
export type YamlReader = 'line' | 'js-yaml' | 'yaml';

/** A value read quickly, and by which reader. */
export interface QuickRead {
  data: unknown;
  reader: 'line' | 'js-yaml';
}

/**
 * Reads YAML quickly when the text is plainly within what both parsers read
 * alike; returns undefined when unsure (the caller then uses the full parser).
 * An empty document reads as null, as with `yaml`.
 */
export function parseYamlQuickly(text: string): { data: unknown } | undefined {
  const quick = readQuickly(text);
  return quick ? { data: quick.data } : undefined;
}

/**
 * The same, saying which reader answered; when `why` is given, it receives
 * the reasons each reader declined (for GOVERN_DEBUG=parse and the bench).
 */
export function readQuickly(text: string, why?: string[]): QuickRead | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (odd(source)) {
    why?.push('an unusual character (a control character, a byte-order mark inside the text)');
    return undefined;
  }
  // Block YAML first (most partnership files), then js-yaml for the rest.
  // What the line reader answers needs no second look (plain() below): it
  // bounds nesting, and reads keys and numbers as `yaml` does itself.
  const lines = readLineYaml(source);
  if (lines) return { data: lines.data, reader: 'line' };
  why?.push(`line reader: ${lineReaderGaveUpBecause() || 'unusual YAML'}`);
  if (MAYBE_UNSURE.test(source) && UNSURE.test(source)) {
    why?.push(`js-yaml: ${UNSURE_REASONS.find(([pattern]) => pattern.test(source))?.[1] ?? 'YAML syntax it is not trusted with'}`);
    return undefined;
  }
  const differs = different(source);
  if (differs) {
    why?.push(`js-yaml: ${differs}`);
    return undefined;
  }
  let data: unknown;
  try {
    // json: false makes duplicate keys an error: those files go to the full parser.
    data = jsYaml.load(source, { schema: coreSchema(), json: false });
  } catch (error) {
    // js-yaml's reason, without the excerpt of the file its message goes on with.
    const reason = (error as { reason?: unknown }).reason;
    why?.push(`js-yaml: ${typeof reason === 'string' ? reason : 'it does not read this file'}`);
    return undefined;
  }
  if (data === undefined) data = null;
  if (!plain(data)) {
    why?.push('js-yaml: a value the full parser reads differently (a number too large, a `null` key, deep nesting)');
    return undefined;
  }
  return { data, reader: 'js-yaml' };
}

/**
 * True when a value holds only what the full parser would read the same way
 * and accept: finite numbers held exactly, keys that are not null or empty
 * (`yaml` and js-yaml spell those differently), bounded depth.
 */
function plain(root: unknown): boolean {
  const stack: unknown[] = [root];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const value = stack.pop();
    const depth = depths.pop()!;
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) return false;
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_FAST_DEPTH) return false;
      if (Array.isArray(value)) {
        for (const item of value) {
          stack.push(item);
          depths.push(depth + 1);
        }
      } else {
        for (const key of Object.keys(value)) {
          if (key === 'null' || key === '' || key === '__proto__') return false;
          stack.push((value as Record<string, unknown>)[key]);
          depths.push(depth + 1);
        }
      }
    }
  }
  return true;
}

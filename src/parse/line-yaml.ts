// The quickest reader: a line-by-line reader of the plain block YAML that
// partnership files are written in (mappings, sequences, one-line scalars and
// flow collections, simple block scalars). Cold, it reads a file several
// times faster than js-yaml, which matters at every start of `govern check`.
// It answers only what it is sure of and gives up (undefined) on anything
// else: js-yaml, then `yaml`, take over. The differential property test holds
// it to `yaml`'s values.

import { BOOL, FLOAT, FLOAT_NAN, INT, INT_HEX, INT_OCT, NULL } from './core-scalars.js';

/** Gives up: the text is outside what this reader handles. */
class Unsure extends Error {}

const unsure = (): never => {
  throw new Unsure();
};

interface Line {
  indent: number;
  /** The line after its indentation, trailing spaces kept. */
  text: string;
  /** True for a blank or comment-only line. */
  blank: boolean;
}

/** A key as written: letters, digits and the punctuation ids use; anything else is left to the other readers. */
const KEY = /^([A-Za-z0-9_][A-Za-z0-9_ ./()+-]*?)[ ]*:(?:[ ]+|$)/;
const QUOTED_KEY = /^(?:"([^"\\]*)"|'((?:[^']|'')*)')[ ]*:(?:[ ]+|$)/;
/** First characters a plain scalar may not start with here (indicators), or that need more care than this reader takes. */
const NOT_PLAIN_START = /^[\s,[\]{}#&*!|>'"%@`?:]/;

/** Reads the text when it is plain block YAML; undefined otherwise. Never throws. */
export function readLineYaml(text: string): { data: unknown } | undefined {
  if (text.includes('\r')) return undefined;
  const lines: Line[] = text.split('\n').map((raw) => {
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    const rest = raw.slice(indent);
    return { indent, text: rest, blank: rest === '' || rest[0] === '#' };
  });
  try {
    const reader = new Reader(lines);
    const first = reader.skipBlank(0);
    if (first >= lines.length) return { data: null };
    const line = lines[first]!;
    if (line.indent !== 0 || line.text.startsWith('---') || line.text.startsWith('...')) return undefined;
    const [data, next] = reader.node(first, 0);
    if (reader.skipBlank(next) < lines.length) return undefined;
    return { data };
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}

/** Deeper than this, the other readers decide (they bound nesting; this one recurses). */
const MAX_DEPTH = 32;

class Reader {
  private depth = 0;

  constructor(private readonly lines: Line[]) {}

  skipBlank(i: number): number {
    while (i < this.lines.length && this.lines[i]!.blank) i++;
    return i;
  }

  /** The block node whose first line is `i`, at indentation `indent`; returns it and the next line to read. */
  node(i: number, indent: number): [unknown, number] {
    const line = this.lines[i]!;
    if (++this.depth > MAX_DEPTH) unsure();
    try {
      if (line.text === '-' || line.text.startsWith('- ')) return this.sequence(i, indent, line.text);
      if (KEY.test(line.text) || QUOTED_KEY.test(line.text)) return this.mapping(i, indent, line.text);
      return unsure();
    } finally {
      this.depth--;
    }
  }

  /** A block sequence at `indent`; `firstText` is line i's text from the column of its `-`. */
  sequence(i: number, indent: number, firstText: string): [unknown[], number] {
    const out: unknown[] = [];
    let text = firstText;
    for (;;) {
      if (text === '-' || !text.startsWith('- ')) unsure();
      let skip = 2;
      while (text.charCodeAt(skip) === 32) skip++;
      const rest = text.slice(skip);
      const column = indent + skip;
      if (rest === '' || rest[0] === '#' || rest.startsWith('- ') || rest === '-') unsure();
      let next: number;
      if (KEY.test(rest) || QUOTED_KEY.test(rest)) {
        if (this.depth + 1 > MAX_DEPTH) unsure();
        const [value, after] = this.mapping(i, column, rest);
        out.push(value);
        next = after;
      } else {
        out.push(this.inline(rest));
        next = i + 1;
      }
      next = this.skipBlank(next);
      if (next >= this.lines.length) return [out, next];
      const line = this.lines[next]!;
      if (line.indent > indent) unsure();
      if (line.indent < indent || !(line.text === '-' || line.text.startsWith('- '))) return [out, next];
      i = next;
      text = line.text;
    }
  }

  /** A block mapping at `indent`; `firstText` is line i's text from that column. */
  mapping(i: number, indent: number, firstText: string): [Record<string, unknown>, number] {
    const out: Record<string, unknown> = {};
    let text = firstText;
    for (;;) {
      const m = KEY.exec(text) ?? QUOTED_KEY.exec(text);
      if (!m) return unsure();
      const key = m[1] !== undefined && m.length === 2 ? m[1] : m[1] ?? m[2]!.replace(/''/g, "'");
      if (m.length === 2 && typeof resolvePlain(key) !== 'string') unsure();
      if (key === '' || key === '__proto__' || Object.hasOwn(out, key)) unsure();
      const rest = text.slice(m[0].length);
      let next: number;
      if (rest === '' || rest[0] === '#') {
        next = this.skipBlank(i + 1);
        const line = this.lines[next];
        if (line && (line.indent > indent || (line.indent === indent && (line.text === '-' || line.text.startsWith('- '))))) {
          const [value, after] = this.node(next, line.indent);
          out[key] = value;
          next = after;
        } else {
          out[key] = null;
        }
      } else if (rest[0] === '|' || rest[0] === '>') {
        [out[key], next] = this.blockScalar(i, indent, rest);
      } else {
        out[key] = this.inline(rest);
        next = i + 1;
      }
      next = this.skipBlank(next);
      if (next >= this.lines.length) return [out, next];
      const line = this.lines[next]!;
      if (line.indent > indent) unsure();
      if (line.indent < indent || line.text === '-' || line.text.startsWith('- ')) return [out, next];
      i = next;
      text = line.text;
    }
  }

  /** A literal or folded block scalar whose header is on line i; only the simple forms. */
  blockScalar(i: number, parentIndent: number, header: string): [string, number] {
    const h = /^([|>])([-+]?)[ ]*(?:#.*)?$/.exec(header);
    if (!h || h[2] === '+') return unsure();
    const folded = h[1] === '>';
    const strip = h[2] === '-';
    const body: string[] = [];
    let j = i + 1;
    let indent = -1;
    for (; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      if (line.text === '') {
        if (indent < 0 || line.indent > indent) unsure(); // leading blank lines, or spaces that would be content
        body.push('');
        continue;
      }
      if (indent < 0) {
        if (line.indent <= parentIndent) break;
        indent = line.indent;
      }
      if (line.indent < indent) break;
      if (line.indent > indent) unsure(); // more-indented lines fold differently
      body.push(line.text);
    }
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    if (indent < 0 || body.length === 0) return unsure();
    let value: string;
    if (!folded) {
      value = body.join('\n');
    } else {
      value = '';
      for (let k = 0; k < body.length; k++) {
        const part = body[k]!;
        if (k === 0) value = part;
        else if (part === '') value += '\n';
        else value += body[k - 1] === '' ? part : ` ${part}`;
      }
    }
    return [strip ? value : `${value}\n`, j];
  }

  /** A value written on one line: a quoted or plain scalar, or a flow collection. */
  inline(text: string): unknown {
    const [value, rest] = flowValue(text, 0, false);
    if (rest < text.length && !/^[ ]*(?:#.*)?$/.test(text.slice(rest))) unsure();
    return value;
  }
}

/** Reads a value from `at`; in a flow collection, plain scalars stop at `,`, `]` and `}`. Returns the value and where it ends. */
function flowValue(text: string, at: number, inFlow: boolean, depth = 0): [unknown, number] {
  const c = text[at];
  if (depth > MAX_DEPTH) unsure();
  if (c === '"') {
    const end = text.indexOf('"', at + 1);
    const content = end < 0 ? unsure() : text.slice(at + 1, end);
    if (content.includes('\\')) unsure();
    return [content, end + 1];
  }
  if (c === "'") {
    let end = at + 1;
    for (;;) {
      end = text.indexOf("'", end);
      if (end < 0) unsure();
      if (text[end + 1] === "'") end += 2;
      else break;
    }
    return [text.slice(at + 1, end).replace(/''/g, "'"), end + 1];
  }
  if (c === '[' || c === '{') return flowCollection(text, at, depth + 1);
  // A plain scalar: up to a comment, or in a flow collection up to its punctuation.
  if (!inFlow) {
    // In a block, only ` #` ends it and `: ` (or a final `:`) would make it a key: found by search, not by walking.
    const hash = text.indexOf(' #', at);
    const end = hash < 0 ? text.length : hash;
    const colon = text.indexOf(': ', at);
    let last = end;
    while (last > at && text.charCodeAt(last - 1) === 32) last--;
    if ((colon >= 0 && colon < end) || last === at || text.charCodeAt(last - 1) === 58 || !plainStart(text, at, last)) unsure();
    return [resolvePlain(last === text.length && at === 0 ? text : text.slice(at, last)), end];
  }
  let end = at;
  for (; end < text.length; end++) {
    const ch = text[end]!;
    if (ch === '#' && text[end - 1] === ' ') break;
    if (inFlow && (ch === ',' || ch === ']' || ch === '}')) break;
    if (inFlow && (ch === '[' || ch === '{')) unsure();
    if (ch === ':' && (end + 1 === text.length || text[end + 1] === ' ' || (inFlow && /[,\]}]/.test(text[end + 1]!)))) unsure();
  }
  const raw = text.slice(at, end).replace(/[ ]+$/, '');
  if (raw === '' || NOT_PLAIN_START.test(raw) || (raw[0] === '-' && (raw.length === 1 || raw[1] === ' '))) unsure();
  return [resolvePlain(raw), end];
}

/** Whether text[at, end) may start a plain scalar here (NOT_PLAIN_START, and a lone or spaced `-`), by character code. */
function plainStart(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  if (c >= 97 && c <= 122) return true; // a-z: the usual case
  if (c === 45) return end - at > 1 && text.charCodeAt(at + 1) !== 32;
  return !NOT_PLAIN_START.test(text.slice(at, at + 1));
}

/** `[a, b]` or `{a: 1, b: 2}` on one line, holding scalars and flow collections. */
function flowCollection(text: string, at: number, depth: number): [unknown, number] {
  const seq = text[at] === '[';
  const close = seq ? ']' : '}';
  const out: unknown[] = [];
  const map: Record<string, unknown> = {};
  let i = at + 1;
  const spaces = (): void => {
    while (text[i] === ' ') i++;
  };
  spaces();
  if (text[i] === close) return [seq ? out : map, i + 1];
  for (;;) {
    spaces();
    if (seq) {
      const [value, end] = flowValue(text, i, true, depth);
      out.push(value);
      i = end;
    } else {
      const key = /^([A-Za-z0-9_][A-Za-z0-9_ ./()+-]*?)[ ]*:[ ]+/.exec(text.slice(i));
      if (!key || typeof resolvePlain(key[1]!) !== 'string' || key[1] === '__proto__' || Object.hasOwn(map, key[1]!)) return unsure();
      i += key[0].length;
      const [value, end] = flowValue(text, i, true, depth);
      map[key[1]!] = value;
      i = end;
    }
    spaces();
    if (text[i] === ',') {
      i++;
      spaces();
      if (text[i] === close || text[i] === ',') unsure(); // empty entries: left to the others
      continue;
    }
    if (text[i] === close) return [seq ? out : map, i + 1];
    return unsure();
  }
}

/** A plain scalar as YAML 1.2's core schema reads it, as `yaml` does; numbers JavaScript cannot hold are left to the others. */
function resolvePlain(raw: string): unknown {
  const c = raw.charCodeAt(0);
  // One look at the first character settles most scalars: words are neither null, booleans nor numbers.
  if ((c === 126 || c === 110 || c === 78) && NULL.test(raw)) return null;
  if ((c === 116 || c === 84 || c === 102 || c === 70) && BOOL.test(raw)) return raw[0] === 't' || raw[0] === 'T';
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return raw;
  let n: number | undefined;
  if (INT_OCT.test(raw)) n = parseInt(raw.slice(2), 8);
  else if (INT_HEX.test(raw)) n = parseInt(raw.slice(2), 16);
  else if (INT.test(raw)) n = parseInt(raw, 10);
  else if (FLOAT_NAN.test(raw)) return unsure();
  else if (FLOAT.test(raw)) n = parseFloat(raw);
  if (n === undefined) return raw;
  if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n))) return unsure();
  return n;
}

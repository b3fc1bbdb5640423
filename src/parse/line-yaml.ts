// The quickest reader: a line-by-line reader of the block YAML that
// partnership files are written in (mappings, sequences, one-line scalars and
// flow collections, block scalars, quoted and plain scalars over several
// lines, comments anywhere, CRLF, a `%YAML 1.2` directive and `---`). Cold,
// it reads a file several times faster than js-yaml, which matters at every
// start of `govern check`. It answers only what it is sure of and gives up
// (undefined) on anything else: js-yaml, then `yaml`, take over. The
// differential property test holds it to `yaml`'s values and positions.
//
// `& * ! < > %` are YAML syntax only where a node starts; inside a scalar's
// text (`Globex & Initech`, `SLA >99.9 %`) they are text, and this reader
// reads them as text. A node that starts with one of them is left to the others.

import { BOOL, FLOAT, FLOAT_NAN, INT, INT_HEX, INT_OCT, NULL } from './core-scalars.js';

/** Gives up: the text is outside what this reader handles. */
class Unsure extends Error {}

/** Why the line reader gave up, for GOVERN_DEBUG=parse; set just before every throw. */
let lastReason = '';

const unsure = (reason = 'unusual YAML'): never => {
  lastReason = reason;
  throw new Unsure();
};

interface Line {
  indent: number;
  /** The line after its indentation: trailing spaces kept (block scalars need them), trailing tabs removed. */
  text: string;
  /** True for an empty or comment-only line. */
  blank: boolean;
  /** True when the line as written holds a tab (block and quoted scalars, whose content it may be, give up on it). */
  tab: boolean;
  /** True when a tab is left inside the text, or the line is whitespace with a tab: any reader of it gives up. */
  stray: boolean;
  /** The length of the whole line, indentation included, line break excluded. */
  length: number;
}

/** A place in the text, as `yaml` reports it: 1-based line, start and end column (end on `endLine`). */
export type Span = [line: number, column: number, endLine: number, endColumn: number];

/** What the reader recorded for one entry of a collection: its key's place (mappings) and its value's (null: not known here). */
interface Entry {
  key?: Span;
  value: Span | null;
}

/** Places recorded while reading, for findings: each collection's entries by key or index, and the document's own. */
export interface LinePositions {
  root: Span | null;
  entries: WeakMap<object, Map<string | number, Entry>>;
}

/**
 * A plain key as written: letters, digits and the punctuation ids use, then
 * `:` and a space or the line's end. A regular expression, not a scan by
 * character: V8 runs it as native code from its first use, where a loop in
 * JavaScript is interpreted until it is hot, and most of a `govern check` of
 * one partnership is cold code (a scan measured 20 % slower there).
 */
const KEY = /^([A-Za-z0-9_][A-Za-z0-9_ ./()+-]*?)[ ]*:(?:[ ]+|$)/;
const plainKey = (text: string): RegExpExecArray | null => KEY.exec(text);

const isKeyLine = (text: string): boolean => KEY.test(text) || ((text[0] === '"' || text[0] === "'") && QUOTED_KEY.test(text));
const QUOTED_KEY = /^(?:"([^"\\]*)"|'((?:[^']|'')*)')[ ]*:(?:[ ]+|$)/;
/** First characters a plain scalar may not start with here (indicators), or that need more care than this reader takes. */
const NOT_PLAIN_START = /^[\s,[\]{}#&*!|>'"%@`?:]/;
/** A document marker line: `---` or `...`, alone or before a comment. */
const MARKER = /^(?:---|\.\.\.)(?:[ ]+(?:#.*)?)?$/;
const START_MARKER = /^---(?:[ ]+(?:#.*)?)?$/;
const END_MARKER = /^\.\.\.(?:[ ]+(?:#.*)?)?$/;
const YAML_12 = /^%YAML[ ]+1\.2(?:[ ]+(?:#.*)?)?$/;

/** Reads the text when it is block YAML this reader is sure of; undefined otherwise (`why` then says why). Never throws. */
export function readLineYaml(text: string, record = false): { data: unknown; positions?: LinePositions } | undefined {
  lastReason = '';
  if (text.includes('\r')) {
    // CRLF reads as LF: YAML folds both alike, and lines and columns stay where they are. A lone CR does not.
    if (/\r(?!\n)/.test(text)) return fail('a carriage return without a line feed');
    text = text.replace(/\r\n/g, '\n');
  }
  const raws = text.split('\n');
  const lines: Line[] = new Array<Line>(raws.length);
  // Most files hold no tab at all: one search of the text instead of one per line.
  const tabs = text.includes('\t');
  for (let n = 0; n < raws.length; n++) {
    const raw = raws[n]!;
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    let rest = indent === 0 ? raw : raw.slice(indent);
    let tab = false;
    if (tabs && rest.includes('\t')) {
      // Trailing tabs (and spaces around them) are nothing to YAML outside block scalars, whose readers give up on any tab.
      rest = rest.replace(/[ \t]+$/, '');
      tab = true;
    }
    const blank = rest === '' ? !tab : rest[0] === '#';
    lines[n] = { indent, text: rest, blank, tab, stray: tab && (rest === '' || (!blank && rest.includes('\t'))), length: raw.length };
  }
  try {
    const reader = new Reader(lines, raws, record);
    let first = reader.skipBlank(0);
    if (first >= lines.length) return { data: null, ...(record ? { positions: { root: null, entries: reader.positions!.entries } } : {}) };
    // A `%YAML 1.2` directive needs the `---` that ends the directives; any other directive is left to the others.
    let line = lines[first]!;
    if (line.indent === 0 && line.text[0] === '%') {
      if (!YAML_12.test(line.text)) unsure('a directive other than %YAML 1.2');
      first = reader.skipBlank(first + 1);
      line = lines[first] ?? unsure('a directive without ---');
      if (line.indent !== 0 || !START_MARKER.test(line.text)) unsure('a directive without ---');
    }
    if (line.indent === 0 && START_MARKER.test(line.text)) {
      first = reader.skipBlank(first + 1);
      if (first >= lines.length) return { data: null, ...(record ? { positions: { root: null, entries: reader.positions!.entries } } : {}) };
      line = lines[first]!;
    }
    if (line.indent !== 0) unsure('an indented first line');
    if (MARKER.test(line.text)) unsure('an empty document');
    const read = reader.node(first, 0);
    const data = read[0],
      next = read[1],
      root = read[2];
    let end = reader.skipBlank(next);
    if (end < lines.length && lines[end]!.indent === 0 && END_MARKER.test(lines[end]!.text)) end = reader.skipBlank(end + 1);
    if (end < lines.length) unsure(MARKER.test(lines[end]!.text) ? 'several documents' : 'text after the document');
    return record ? { data, positions: { root, entries: reader.positions!.entries } } : { data };
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}

/** Why the last readLineYaml call gave up (empty when it did not). */
export function lineReaderGaveUpBecause(): string {
  return lastReason;
}

function fail(reason: string): undefined {
  lastReason = reason;
  return undefined;
}

/** Deeper than this, block and flow levels together, the other readers decide (they bound nesting; this one recurses). */
const MAX_DEPTH = 32;

const isSeqLine = (text: string): boolean => text === '-' || text.startsWith('- ');

class Reader {
  private depth = 0;
  readonly positions: LinePositions | undefined;

  constructor(
    private readonly lines: Line[],
    private readonly raws: string[],
    record: boolean,
  ) {
    this.positions = record ? { root: null, entries: new WeakMap() } : undefined;
  }

  skipBlank(i: number): number {
    while (i < this.lines.length && this.lines[i]!.blank) i++;
    if (i < this.lines.length && this.lines[i]!.stray) unsure('a tab inside a line');
    return i;
  }

  /** A collection's first line, as `yaml` places it: from `column` to the end of line `i` (null when places are not recorded: nothing reads it). */
  private firstLine(i: number, column: number): Span | null {
    return this.positions ? [i + 1, column + 1, i + 1, this.lines[i]!.length + 1] : null;
  }

  private record(target: object): Map<string | number, Entry> | undefined {
    if (!this.positions) return undefined;
    const map = new Map<string | number, Entry>();
    this.positions.entries.set(target, map);
    return map;
  }

  /** The block node whose first line is `i`, at indentation `indent`; returns it, the next line to read, and its place. */
  node(i: number, indent: number): [unknown, number, Span | null] {
    const line = this.lines[i]!;
    if (++this.depth > MAX_DEPTH) unsure('nesting deeper than the line reader goes');
    try {
      if (isSeqLine(line.text)) {
        const t = this.sequence(i, indent, line.text);
        return [t[0], t[1], this.firstLine(i, indent)];
      }
      if (isKeyLine(line.text)) {
        const t = this.mapping(i, indent, line.text);
        return [t[0], t[1], this.firstLine(i, indent)];
      }
      return unsure('a line that is neither a key nor a list item');
    } finally {
      this.depth--;
    }
  }

  /** A block sequence at `indent`; `firstText` is line i's text from the column of its `-`. */
  sequence(i: number, indent: number, firstText: string): [unknown[], number] {
    const out: unknown[] = [];
    const places = this.record(out);
    let text = firstText;
    for (;;) {
      if (!isSeqLine(text)) unsure('a list item this reader does not read');
      let skip = 1;
      while (text.charCodeAt(skip) === 32) skip++;
      const rest = text.slice(skip);
      const column = indent + skip;
      let next: number;
      let place: Span | null;
      if (rest === '' || rest[0] === '#') {
        // `-` alone on its line: the item is below it, more indented, or empty.
        next = this.skipBlank(i + 1);
        const below = this.lines[next];
        if (below && below.indent > indent) {
          if (this.depth + 1 > MAX_DEPTH) unsure('nesting deeper than the line reader goes');
          this.depth++;
          try {
            const read = this.node(next, below.indent);
            const value = read[0],
              after = read[1],
              at = read[2];
            out.push(value);
            place = at;
            next = after;
          } finally {
            this.depth--;
          }
        } else {
          out.push(null);
          place = null;
        }
      } else if (rest.startsWith('- ') || rest === '-') {
        return unsure('a list nested on one line (`- - x`)');
      } else if (isKeyLine(rest)) {
        if (this.depth + 1 > MAX_DEPTH) unsure('nesting deeper than the line reader goes');
        this.depth++;
        try {
          const read = this.mapping(i, column, rest);
          const value = read[0],
            after = read[1];
          out.push(value);
          next = after;
        } finally {
          this.depth--;
        }
        place = this.firstLine(i, column);
      } else {
        let value: unknown;
        const read = this.value(i, indent, column, rest);
        value = read[0];
        next = read[1];
        place = read[2];
        out.push(value);
      }
      if (places) places.set(out.length - 1, { value: place });
      next = this.skipBlank(next);
      if (next >= this.lines.length) return [out, next];
      const line = this.lines[next]!;
      if (line.indent > indent) unsure('a line indented more than its list');
      if (line.indent < indent || !isSeqLine(line.text)) return [out, next];
      i = next;
      text = line.text;
    }
  }

  /** A block mapping at `indent`; `firstText` is line i's text from that column. */
  mapping(i: number, indent: number, firstText: string): [Record<string, unknown>, number] {
    const out: Record<string, unknown> = {};
    const places = this.record(out);
    let text = firstText;
    for (;;) {
      const m = plainKey(text) ?? QUOTED_KEY.exec(text);
      if (!m) return unsure(MARKER.test(text) ? 'a document marker inside the document' : 'a key this reader does not read');
      const quoted = m.length === 3;
      const key = quoted ? (m[1] ?? m[2]!.replace(/''/g, "'")) : m[1]!;
      if (!quoted && typeof resolvePlain(key) !== 'string') unsure('a key that is not text');
      if (key === '' || key === '__proto__') unsure('an empty or reserved key');
      if (Object.hasOwn(out, key)) unsure('a key written twice');
      const rest = text.slice(m[0].length);
      const column = indent + m[0].length;
      let next: number;
      let place: Span | null;
      if (rest === '' || rest[0] === '#') {
        next = this.skipBlank(i + 1);
        const line = this.lines[next];
        if (line && (line.indent > indent || (line.indent === indent && isSeqLine(line.text)))) {
          const read = this.node(next, line.indent);
          const value = read[0],
            after = read[1],
            at = read[2];
          out[key] = value;
          place = at;
          next = after;
        } else {
          out[key] = null;
          place = null;
        }
      } else {
        const read = this.value(i, indent, column, rest);
        out[key] = read[0];
        next = read[1];
        place = read[2];
      }
      if (places) {
        const keyText = quoted ? m[0].slice(0, m[0].lastIndexOf(m[0][0]!) + 1) : m[1]!;
        places.set(key, { key: [i + 1, indent + 1, i + 1, indent + keyText.length + 1], value: place });
      }
      next = this.skipBlank(next);
      if (next >= this.lines.length) return [out, next];
      const line = this.lines[next]!;
      if (line.indent > indent) unsure('a line indented more than its mapping');
      if (line.indent < indent || isSeqLine(line.text) || (line.indent === 0 && MARKER.test(line.text))) return [out, next];
      i = next;
      text = line.text;
    }
  }

  /**
   * The value that starts on line i at `column` (its text: `rest`), inside a
   * collection at `parentIndent`: a block scalar, a scalar that may go on over
   * the next lines, or a one-line flow collection.
   */
  value(i: number, parentIndent: number, column: number, rest: string): [unknown, number, Span | null] {
    const c = rest[0];
    if (c === '|' || c === '>') {
      const block = this.blockScalar(i, parentIndent, rest);
      const value = block[0],
        next = block[1];
      return [value, next, this.firstLine(i, column)];
    }
    if (c === '"' || c === "'") {
      const close = closingQuote(rest, 0);
      if (close < 0) return this.quotedLines(i, parentIndent, column, rest);
    }
    if ((c === '[' || c === '{') && flowEnd(rest) === -1) return this.flowLines(i, parentIndent, column, rest);
    const read = flowValue(rest, 0, false, this.depth, this.positions && { line: i + 1, base: column, positions: this.positions });
    const value = read[0],
      end = read[1],
      valueEnd = read[2];
    if (end < rest.length && !/^[ ]*(?:#.*)?$/.test(rest.slice(end))) unsure('text after a value');
    const next = i + 1;
    // A plain scalar may go on over more-indented lines.
    if (typeof value === 'string' && c !== '"' && c !== "'" && c !== '[' && c !== '{' && end === rest.length) {
      const line = this.lines[next];
      if (line && line.indent > parentIndent && !line.blank && line.text !== '') return this.plainLines(i, parentIndent, column, rest);
      if (line && line.text === '' && !line.stray) {
        const after = this.skipBlank(next);
        const more = this.lines[after];
        if (more && more.indent > parentIndent) return this.plainLines(i, parentIndent, column, rest);
      }
    }
    return [value, next, this.positions ? [i + 1, column + 1, i + 1, column + valueEnd + 1] : null];
  }

  /**
   * A flow collection over several lines: its lines, without their comments
   * and with the spaces at their ends and starts (where YAML folds a line break
   * into one space), joined by spaces and read as one line.
   */
  flowLines(i: number, parentIndent: number, column: number, rest: string): [unknown, number, Span | null] {
    let joined = withoutComment(rest);
    for (let j = i + 1; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      // Lines go under the key; `yaml` takes the closing bracket at the key's own column too.
      const closing = line.indent === parentIndent && (line.text[0] === ']' || line.text[0] === '}');
      if (line.stray || line.text === '' || (line.indent <= parentIndent && !closing)) unsure('a flow collection over several lines');
      if (line.blank) continue;
      joined += ` ${withoutComment(line.text)}`;
      const end = flowEnd(joined);
      if (end === -2) unsure('a quote inside a flow scalar');
      if (closing && end < 0) unsure('a flow collection over several lines');
      if (end >= 0) {
        if (end < joined.length) unsure('text after a value');
        const read = flowValue(joined, 0, false, this.depth);
        const value = read[0],
          stop = read[1];
        if (stop !== joined.length) unsure('text after a value');
        return [value, j + 1, this.firstLine(i, column)];
      }
    }
    return unsure('a flow collection that is never closed');
  }

  /** A plain scalar over several lines: lines fold into spaces, empty lines into line breaks. */
  plainLines(i: number, parentIndent: number, column: number, rest: string): [string, number, Span | null] {
    let value = rest.replace(/[ ]+$/, '');
    if (value.endsWith(':') || value.includes(' #')) unsure('a plain scalar over several lines');
    let breaks = 0;
    let j = i + 1;
    for (; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      if (line.stray) unsure('a tab inside a line');
      if (line.text === '') {
        breaks++;
        continue;
      }
      if (line.indent <= parentIndent || line.blank) break;
      const part = line.text.replace(/[ ]+$/, '');
      if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(part) || part.includes(': ') || part.includes(' #') || part.endsWith(':')) unsure('a plain scalar over several lines');
      value += breaks > 0 ? '\n'.repeat(breaks) + part : ` ${part}`;
      breaks = 0;
    }
    if (typeof resolvePlain(value) !== 'string') unsure('a plain scalar over several lines');
    return [value, j, this.firstLine(i, column)];
  }

  /** A quoted scalar over several lines, without escapes: lines fold into spaces, empty lines into line breaks. */
  quotedLines(i: number, parentIndent: number, column: number, rest: string): [string, number, Span | null] {
    const q = rest[0]!;
    if (this.lines[i]!.stray || (q === '"' && rest.includes('\\'))) unsure('a quoted scalar over several lines');
    const unquote = (s: string): string => (q === "'" ? s.replace(/''/g, "'") : s);
    let value = unquote(rest.slice(1).replace(/[ ]+$/, ''));
    let breaks = 0;
    for (let j = i + 1; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      if (line.stray) unsure('a tab inside a quoted scalar');
      if (line.text === '') {
        breaks++;
        continue;
      }
      if (line.indent <= parentIndent) unsure('a quoted scalar not indented under its key');
      const text = line.text;
      const close = closingQuote(text, -1, q);
      const part = close < 0 ? text.replace(/[ ]+$/, '') : text.slice(0, close);
      if (q === '"' && part.includes('\\')) unsure('a quoted scalar over several lines');
      value += (breaks > 0 ? '\n'.repeat(breaks) : ' ') + unquote(part);
      breaks = 0;
      if (close >= 0) {
        if (!/^[ ]*(?:#.*)?$/.test(text.slice(close + 1))) unsure('text after a value');
        return [value, j + 1, this.firstLine(i, column)];
      }
    }
    return unsure('a quote that is never closed');
  }

  /** A literal or folded block scalar whose header (`rest`, at `column`) is on line i; only the simple forms. */
  blockScalar(i: number, parentIndent: number, header: string): [string, number] {
    const h = /^([|>])([-+]?)(?:[ ]+(?:#.*)?)?$/.exec(header);
    if (!h || h[2] === '+' || this.lines[i]!.stray) return unsure('a block scalar header this reader does not read');
    const folded = h[1] === '>';
    const strip = h[2] === '-';
    const body: string[] = [];
    let j = i + 1;
    let indent = -1;
    for (; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      // A tab after the text is the text's (block scalars keep it); one in the indentation, or on a line of spaces, is left to the others.
      if (line.tab && (line.text === '' || this.raws[j]!.charCodeAt(line.indent) === 9)) unsure('a tab inside a block scalar');
      if (line.text === '') {
        if (indent < 0 || line.indent > indent) unsure('a block scalar with blank lines of spaces'); // leading blank lines, or spaces that would be content
        body.push('');
        continue;
      }
      if (indent < 0) {
        if (line.indent <= parentIndent) break;
        indent = line.indent;
      }
      if (line.indent < indent) break;
      if (line.indent > indent) unsure('a more-indented line in a block scalar'); // more-indented lines fold differently
      body.push(line.tab ? this.raws[j]!.slice(indent) : line.text);
    }
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    if (indent < 0 || body.length === 0) return unsure('an empty block scalar');
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
}

/**
 * Where the flow collection that starts text ends (after its closing bracket), or -1 when it goes on past the text.
 * Quotes are followed only where a scalar starts with one: a `'` inside a word (`O'Brien`) leaves the count unsure (-2).
 */
function flowEnd(text: string): number {
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === '"' || ch === "'") {
      if (!/[[{,:\s]/.test(text[k - 1] ?? ' ')) return -2;
      const close = closingQuote(text, k);
      if (close < 0) return -1;
      k = close;
    } else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      if (--depth === 0) return k + 1;
    }
  }
  return -1;
}

/** A flow collection's line without its comment and trailing spaces; quotes are skipped where a scalar starts with one. */
function withoutComment(text: string): string {
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if ((ch === '"' || ch === "'") && /[[{,:\s]/.test(text[k - 1] ?? ' ')) {
      const close = closingQuote(text, k);
      if (close < 0) unsure('a quoted scalar over several lines inside a flow collection');
      k = close;
    } else if (ch === '#' && (k === 0 || text[k - 1] === ' ')) {
      text = text.slice(0, k);
      break;
    }
  }
  return text.replace(/[ ]+$/, '');
}

/** Where the quote that closes a quoted scalar opened at `open` is (`open` < 0: the text continues one); -1 if not on this line. */
function closingQuote(text: string, open: number, quote = text[open]!): number {
  if (quote === '"') {
    for (let k = open + 1; k < text.length; k++) {
      const ch = text[k];
      if (ch === '\\') k++;
      else if (ch === '"') return k;
    }
    return -1;
  }
  let end = open + 1;
  for (;;) {
    end = text.indexOf("'", end);
    if (end < 0) return -1;
    if (text[end + 1] === "'") end += 2;
    else return end;
  }
}

/**
 * Reads a value from `at`; in a flow collection, plain scalars stop at `,`, `]` and `}`.
 * Returns the value, where reading ends, and where the value itself ends (before spaces and a comment).
 */
/** Where a one-line flow collection's entries are recorded: the line, the column its text starts at, the record. */
interface FlowPlaces {
  line: number;
  base: number;
  positions: LinePositions;
}

function flowValue(text: string, at: number, inFlow: boolean, depth = 0, where?: FlowPlaces): [unknown, number, number] {
  const c = text[at];
  if (depth > MAX_DEPTH) unsure('nesting deeper than the line reader goes');
  if (c === '"') {
    const end = text.indexOf('"', at + 1);
    const content = end < 0 ? unsure('a quote that is never closed') : text.slice(at + 1, end);
    if (content.includes('\\')) unsure('an escape in a double-quoted scalar');
    return [content, end + 1, end + 1];
  }
  if (c === "'") {
    const end = closingQuote(text, at);
    if (end < 0) unsure('a quote that is never closed');
    return [text.slice(at + 1, end).replace(/''/g, "'"), end + 1, end + 1];
  }
  if (c === '[' || c === '{') {
    const read = flowCollection(text, at, depth + 1, where);
    const value = read[0],
      end = read[1];
    return [value, end, end];
  }
  // A plain scalar: up to a comment, or in a flow collection up to its punctuation.
  if (!inFlow) {
    // In a block, only ` #` ends it and `: ` (or a final `:`) would make it a key: found by search, not by walking.
    const hash = text.indexOf(' #', at);
    const end = hash < 0 ? text.length : hash;
    const colon = text.indexOf(': ', at);
    let last = end;
    while (last > at && text.charCodeAt(last - 1) === 32) last--;
    if ((colon >= 0 && colon < end) || last === at || text.charCodeAt(last - 1) === 58 || !plainStart(text, at, last))
      unsure('a value that starts with YAML syntax, or holds `: `');
    return [resolvePlain(last === text.length && at === 0 ? text : text.slice(at, last)), end, last];
  }
  let end = at;
  for (; end < text.length; end++) {
    const ch = text[end]!;
    if (ch === '#' && text[end - 1] === ' ') break;
    if (ch === ',' || ch === ']' || ch === '}') break;
    if (ch === '[' || ch === '{') unsure('a bracket inside a flow scalar');
    if (ch === ':' && (end + 1 === text.length || text[end + 1] === ' ' || /[,\]}]/.test(text[end + 1]!))) unsure('`: ` inside a flow collection value');
  }
  let last = end;
  while (last > at && text.charCodeAt(last - 1) === 32) last--;
  const raw = text.slice(at, last);
  if (raw === '' || NOT_PLAIN_START.test(raw) || (raw[0] === '-' && (raw.length === 1 || raw[1] === ' '))) unsure('a flow value that starts with YAML syntax');
  return [resolvePlain(raw), end, last];
}

/** Whether text[at, end) may start a plain scalar here (NOT_PLAIN_START, and a lone or spaced `-`), by character code. */
function plainStart(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  if (c >= 97 && c <= 122) return true; // a-z: the usual case
  if (c === 45) return end - at > 1 && text.charCodeAt(at + 1) !== 32;
  return !NOT_PLAIN_START.test(text.slice(at, at + 1));
}

/** `[a, b]` or `{a: 1, b: 2}` on one line, holding scalars and flow collections. */
function flowCollection(text: string, at: number, depth: number, where?: FlowPlaces): [unknown, number] {
  const seq = text[at] === '[';
  const close = seq ? ']' : '}';
  const out: unknown[] = [];
  const map: Record<string, unknown> = {};
  let places: Map<string | number, Entry> | undefined;
  if (where) where.positions.entries.set(seq ? out : map, (places = new Map()));
  const span = (from: number, to: number): Span => [where!.line, where!.base + from + 1, where!.line, where!.base + to + 1];
  let i = at + 1;
  const spaces = (): void => {
    while (text[i] === ' ') i++;
  };
  spaces();
  if (text[i] === close) return [seq ? out : map, i + 1];
  for (;;) {
    spaces();
    if (i >= text.length) unsure('a flow collection over several lines');
    if (seq) {
      const read = flowValue(text, i, true, depth, where);
      const value = read[0],
        end = read[1],
        valueEnd = read[2];
      places?.set(out.length, { value: span(i, valueEnd) });
      out.push(value);
      i = end;
    } else {
      const key = /^([A-Za-z0-9_][A-Za-z0-9_ ./()+-]*?)[ ]*:[ ]+/.exec(text.slice(i));
      if (!key || typeof resolvePlain(key[1]!) !== 'string' || key[1] === '__proto__' || Object.hasOwn(map, key[1]!))
        return unsure('a flow mapping key this reader does not read');
      const keyAt = i;
      i += key[0].length;
      const read = flowValue(text, i, true, depth, where);
      const value = read[0],
        end = read[1],
        valueEnd = read[2];
      places?.set(key[1]!, { key: span(keyAt, keyAt + key[1]!.length), value: span(i, valueEnd) });
      map[key[1]!] = value;
      i = end;
    }
    spaces();
    if (text[i] === ',') {
      i++;
      spaces();
      if (text[i] === close || text[i] === ',') unsure('an empty flow entry'); // empty entries: left to the others
      continue;
    }
    if (text[i] === close) return [seq ? out : map, i + 1];
    return unsure(i >= text.length || text[i] === '#' ? 'a flow collection over several lines' : 'a flow collection this reader does not read');
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
  else if (FLOAT_NAN.test(raw)) return unsure('.nan or .inf');
  else if (FLOAT.test(raw)) n = parseFloat(raw);
  if (n === undefined) return raw;
  if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n))) return unsure('a number JavaScript cannot hold');
  return n;
}

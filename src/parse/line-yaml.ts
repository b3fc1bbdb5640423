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

/**
 * What the reader knows of each line, kept in parallel arrays indexed by line
 * (not one object a line: files of thousands of lines made that the reader's
 * largest allocation): its indentation; the line to read (`lines`: as
 * written, trailing spaces kept, block scalars need them; trailing tabs
 * removed); the whole line as written (`raws`, line break excluded; the same
 * array as `lines` when the text holds no tab) and these flags. The lines
 * come from one `split`: cutting each from the text by `indexOf` instead
 * saved a slice a line warm but cost 11 % more instructions cold (reading
 * one partnership in a fresh process), where this loop is interpreted and
 * each call of a builtin costs. The readers of keys, list items and values
 * read a line at a column (its indentation, or where a value starts), not a
 * slice of it from there: no new string a line, nor one a key's value.
 */
interface Lines {
  readonly raws: string[];
  readonly indents: number[];
  readonly lines: string[];
  readonly flags: number[];
}
/** An empty or comment-only line. */
const BLANK = 1;
/** The line as written holds a tab (block and quoted scalars, whose content it may be, give up on it). */
const TAB = 2;
/** A tab is left inside the text, or the line is whitespace with a tab: any reader of it gives up. */
const STRAY = 4;

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
const KEY = /[A-Za-z0-9_][A-Za-z0-9_ ./()+-]*:(?:[ ]+|$)/y;
/**
 * The length of the plain key at the start of `text` with its `:` and the
 * spaces after it (-1: none). `test` of a sticky expression, not `exec`: no
 * match array, whose strings nothing needs. The `:` is the text's first one
 * (the key's characters hold none); the key is what comes before it, without
 * the spaces before the `:`.
 */
const plainKey = (line: string, at: number): number => {
  KEY.lastIndex = at;
  return KEY.test(line) ? KEY.lastIndex - at : -1;
};

/** Whether the line holds a key at `at` (plain or quoted). */
const isKeyAt = (line: string, at: number): boolean => {
  if (plainKey(line, at) >= 0) return true;
  const c = line.charCodeAt(at);
  if (c !== 34 && c !== 39) return false;
  QUOTED_KEY.lastIndex = at;
  return QUOTED_KEY.test(line);
};
/** A quoted key with its `:` and the spaces after it, read at its index (sticky). */
const QUOTED_KEY = /(?:"([^"\\]*)"|'((?:[^']|'')*)')[ ]*:(?:[ ]+|$)/y;
/** First characters a plain scalar may not start with here (indicators), or that need more care than this reader takes. */
const NOT_PLAIN_START = /^[\s,[\]{}#&*!|>'"%@`?:]/;
/**
 * The plain keys read last, by indentation and place in their mapping (16 ×
 * 16 slots): the mappings of a list (incidents) and of files alike hold the
 * same keys in the same order, and a key found here, as written at the same
 * indentation and place, is this string again, with no slice and no new
 * string to look up as a property name (each new string is hashed and
 * looked up when it is stored as a key). Only a key read before (so known
 * to be text) is kept.
 */
const KEYS_SEEN: (string | undefined)[] = new Array(256).fill(undefined);
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
    // Once every CRLF is LF, a CR left is one without a line feed.
    text = text.replace(/\r\n/g, '\n');
    if (text.includes('\r')) return fail('a carriage return without a line feed');
  }
  const raws = text.split('\n');
  const count = raws.length;
  const indents: number[] = [];
  const flags: number[] = [];
  // Most files hold no tab at all: one search of the text instead of one per line.
  const tabs = text.includes('\t');
  const lines = tabs ? raws.slice() : raws;
  for (let n = 0; n < count; n++) {
    const raw = raws[n]!;
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    indents[n] = indent;
    if (tabs && raw.includes('\t')) {
      // Trailing tabs (and spaces around them) are nothing to YAML outside block scalars, whose readers give up on any tab.
      const rest = raw.slice(indent).replace(/[ \t]+$/, '');
      const blank = rest !== '' && rest.charCodeAt(0) === 35;
      flags[n] = (blank ? BLANK : 0) | TAB | (rest === '' || (!blank && rest.includes('\t')) ? STRAY : 0);
      lines[n] = raw.slice(0, indent) + rest;
    } else flags[n] = indent === raw.length || raw.charCodeAt(indent) === 35 ? BLANK : 0;
  }
  const read: Lines = { raws, indents, lines, flags };
  try {
    const reader = new Reader(read, record);
    let first = reader.skipBlank(0);
    if (first >= count) return { data: null, ...(record ? { positions: { root: null, entries: reader.positions!.entries } } : {}) };
    // A `%YAML 1.2` directive needs the `---` that ends the directives; any other directive is left to the others.
    if (indents[first] === 0 && lines[first]![0] === '%') {
      if (!YAML_12.test(lines[first]!)) unsure('a directive other than %YAML 1.2');
      first = reader.skipBlank(first + 1);
      if (first >= count) unsure('a directive without ---');
      if (indents[first] !== 0 || !START_MARKER.test(lines[first]!)) unsure('a directive without ---');
    }
    if (indents[first] === 0 && START_MARKER.test(lines[first]!)) {
      first = reader.skipBlank(first + 1);
      if (first >= count) return { data: null, ...(record ? { positions: { root: null, entries: reader.positions!.entries } } : {}) };
    }
    if (indents[first] !== 0) unsure('an indented first line');
    if (MARKER.test(lines[first]!)) unsure('an empty document');
    const data = reader.node(first, 0);
    const next = reader.next,
      root = reader.span;
    let end = reader.skipBlank(next);
    if (end < count && indents[end] === 0 && END_MARKER.test(lines[end]!)) end = reader.skipBlank(end + 1);
    if (end < count) unsure(MARKER.test(reader.textAt(end)) ? 'several documents' : 'text after the document');
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

/** Whether the line holds a list item's `-` at `at` (alone, or before a space). */
const isSeqAt = (line: string, at: number): boolean => line.charCodeAt(at) === 45 && (at + 1 === line.length || line.charCodeAt(at + 1) === 32);

/**
 * Reads block nodes. Each reader of a node returns the node and leaves the
 * next line to read in `next` and the node's place in `span` (not a new tuple
 * at every node); a caller reads both at once, before it reads anything else.
 * An `Unsure` thrown anywhere abandons the whole reader, so nothing is undone
 * on the way out (no `finally` for `depth`).
 */
class Reader {
  private depth = 0;
  /** The line after the node read last. */
  next = 0;
  /** The place of the node read last (null when places are not recorded, or not known). */
  span: Span | null = null;
  readonly positions: LinePositions | undefined;
  private readonly count: number;
  private readonly indents: number[];
  private readonly lines: string[];
  private readonly raws: string[];
  private readonly flags: number[];

  constructor(lines: Lines, record: boolean) {
    this.indents = lines.indents;
    this.lines = lines.lines;
    this.raws = lines.raws;
    this.flags = lines.flags;
    this.count = lines.lines.length;
    this.positions = record ? { root: null, entries: new WeakMap() } : undefined;
  }

  /** Line j's text after its indentation (a new string: for the readers of what is rare, over several lines). */
  textAt(j: number): string {
    const indent = this.indents[j]!;
    return indent === 0 ? this.lines[j]! : this.lines[j]!.slice(indent);
  }

  skipBlank(i: number): number {
    const flags = this.flags;
    const count = this.count;
    while (i < count && (flags[i]! & BLANK) !== 0) i++;
    if (i < count && (flags[i]! & STRAY) !== 0) unsure('a tab inside a line');
    return i;
  }

  /** A collection's first line, as `yaml` places it: from `column` to the end of line `i` (null when places are not recorded: nothing reads it). */
  private firstLine(i: number, column: number): Span | null {
    return this.positions ? [i + 1, column + 1, i + 1, this.raws[i]!.length + 1] : null;
  }

  private done<T>(value: T, next: number, span: Span | null): T {
    this.next = next;
    this.span = span;
    return value;
  }

  private record(target: object): Map<string | number, Entry> | undefined {
    if (!this.positions) return undefined;
    const map = new Map<string | number, Entry>();
    this.positions.entries.set(target, map);
    return map;
  }

  /** The block node whose first line is `i`, at indentation `indent` (then `next` and `span`). */
  node(i: number, indent: number): unknown {
    const line = this.lines[i]!;
    if (++this.depth > MAX_DEPTH) unsure('nesting deeper than the line reader goes');
    let value: unknown;
    if (isSeqAt(line, indent)) value = this.sequence(i, indent);
    else if (isKeyAt(line, indent)) value = this.mapping(i, indent);
    else return unsure('a line that is neither a key nor a list item');
    this.depth--;
    this.span = this.firstLine(i, indent);
    return value;
  }

  /** A block sequence whose first `-` is on line i at column `indent`. */
  sequence(i: number, indent: number): unknown[] {
    const out: unknown[] = [];
    const places = this.record(out);
    let line = this.lines[i]!;
    for (;;) {
      if (!isSeqAt(line, indent)) unsure('a list item this reader does not read');
      let column = indent + 1;
      while (line.charCodeAt(column) === 32) column++;
      let next: number;
      let place: Span | null;
      if (column === line.length || line.charCodeAt(column) === 35) {
        // `-` alone on its line: the item is below it, more indented, or empty.
        next = this.skipBlank(i + 1);
        if (next < this.count && this.indents[next]! > indent) {
          if (this.depth + 1 > MAX_DEPTH) unsure('nesting deeper than the line reader goes');
          this.depth++;
          out.push(this.node(next, this.indents[next]!));
          place = this.span;
          next = this.next;
          this.depth--;
        } else {
          out.push(null);
          place = null;
        }
      } else if (isSeqAt(line, column)) {
        return unsure('a list nested on one line (`- - x`)');
      } else if (isKeyAt(line, column)) {
        if (this.depth + 1 > MAX_DEPTH) unsure('nesting deeper than the line reader goes');
        this.depth++;
        out.push(this.mapping(i, column));
        next = this.next;
        this.depth--;
        place = this.firstLine(i, column);
      } else {
        out.push(this.value(i, indent, column));
        next = this.next;
        place = this.span;
      }
      if (places) places.set(out.length - 1, { value: place });
      next = this.skipBlank(next);
      if (next >= this.count) return this.done(out, next, null);
      const nextIndent = this.indents[next]!;
      if (nextIndent > indent) unsure('a line indented more than its list');
      line = this.lines[next]!;
      if (nextIndent < indent || !isSeqAt(line, indent)) return this.done(out, next, null);
      i = next;
    }
  }

  /** A block mapping whose first key is on line i at column `indent`. */
  mapping(i: number, indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const places = this.record(out);
    let line = this.lines[i]!;
    let slot = (indent & 15) << 4;
    for (;;) {
      // `head`: the key with its `:` and the spaces after it; `width`: the key as written (quotes included).
      let head = plainKey(line, indent);
      let key: string;
      let width: number;
      if (head >= 0) {
        width = head;
        while (line.charCodeAt(indent + width - 1) === 32) width--;
        width--; // the `:`
        while (line.charCodeAt(indent + width - 1) === 32) width--;
        const seen = KEYS_SEEN[slot];
        if (seen !== undefined && seen.length === width && line.startsWith(seen, indent)) key = seen;
        else {
          key = line.slice(indent, indent + width);
          if (typeof resolvePlain(key) !== 'string') unsure('a key that is not text');
          KEYS_SEEN[slot] = key;
        }
      } else {
        QUOTED_KEY.lastIndex = indent;
        const m = QUOTED_KEY.exec(line);
        if (!m) return unsure(MARKER.test(line.slice(indent)) ? 'a document marker inside the document' : 'a key this reader does not read');
        key = m[1] ?? m[2]!.replace(/''/g, "'");
        head = m[0].length;
        width = m[0].lastIndexOf(m[0][0]!) + 1;
      }
      if (key === '' || key === '__proto__') unsure('an empty or reserved key');
      if (Object.hasOwn(out, key)) unsure('a key written twice');
      const column = indent + head;
      let next: number;
      let place: Span | null;
      if (column === line.length || line.charCodeAt(column) === 35) {
        next = this.skipBlank(i + 1);
        const below = next < this.count ? this.indents[next]! : -1;
        if (below > indent || (below === indent && isSeqAt(this.lines[next]!, below))) {
          out[key] = this.node(next, below);
          place = this.span;
          next = this.next;
        } else {
          out[key] = null;
          place = null;
        }
      } else {
        out[key] = this.value(i, indent, column);
        next = this.next;
        place = this.span;
      }
      if (places) places.set(key, { key: [i + 1, indent + 1, i + 1, indent + width + 1], value: place });
      slot = (slot & 0xf0) | ((slot + 1) & 15);
      next = this.skipBlank(next);
      if (next >= this.count) return this.done(out, next, null);
      const nextIndent = this.indents[next]!;
      if (nextIndent > indent) unsure('a line indented more than its mapping');
      line = this.lines[next]!;
      if (nextIndent < indent || isSeqAt(line, indent) || (nextIndent === 0 && MARKER.test(line))) return this.done(out, next, null);
      i = next;
    }
  }

  /**
   * The value that starts on line i at `column` (not a space, nor a
   * comment), inside a collection at `parentIndent`: a block scalar, a
   * scalar that may go on over the next lines, or a one-line flow collection.
   */
  value(i: number, parentIndent: number, column: number): unknown {
    const line = this.lines[i]!;
    const c = line[column];
    if (c === '|' || c === '>') {
      const value = this.blockScalar(i, parentIndent, line.slice(column));
      this.span = this.firstLine(i, column);
      return value;
    }
    if (c === '"' || c === "'") {
      const close = closingQuote(line, column);
      if (close < 0) return this.quotedLines(i, parentIndent, column, line.slice(column));
    }
    if ((c === '[' || c === '{') && flowEnd(line, column) === -1) return this.flowLines(i, parentIndent, column, line.slice(column));
    // Read at the column: readTo and valueTo are columns of the line (the recorded places' base is 0). A plain
    // scalar, the usual value, by its own small reader, not through flowValue's cases.
    const value =
      c === '"' || c === "'" || c === '[' || c === '{'
        ? flowValue(line, column, false, this.depth, this.positions && { line: i + 1, base: 0, positions: this.positions })
        : blockPlain(line, column);
    const end = readTo,
      valueEnd = valueTo;
    if (end < line.length && !/^[ ]*(?:#.*)?$/.test(line.slice(end))) unsure('text after a value');
    const next = i + 1;
    // A plain scalar may go on over more-indented lines.
    if (typeof value === 'string' && c !== '"' && c !== "'" && c !== '[' && c !== '{' && end === line.length) {
      if (next < this.count) {
        // A line of spaces (its indentation is all of it) is an empty line.
        const nextEmpty = this.lines[next]!.length === this.indents[next]!;
        const nextFlags = this.flags[next]!;
        if (this.indents[next]! > parentIndent && (nextFlags & BLANK) === 0 && !nextEmpty) return this.plainLines(i, parentIndent, column, line.slice(column));
        if (nextEmpty && (nextFlags & STRAY) === 0) {
          const after = this.skipBlank(next);
          if (after < this.count && this.indents[after]! > parentIndent) return this.plainLines(i, parentIndent, column, line.slice(column));
        }
      }
    }
    return this.done(value, next, this.positions ? [i + 1, column + 1, i + 1, valueEnd + 1] : null);
  }

  /**
   * A flow collection over several lines: its lines, without their comments
   * and with the spaces at their ends and starts (where YAML folds a line break
   * into one space), joined by spaces and read as one line.
   */
  flowLines(i: number, parentIndent: number, column: number, rest: string): unknown {
    let joined = withoutComment(rest);
    let comment = commentCut;
    for (let j = i + 1; j < this.count; j++) {
      const lineText = this.textAt(j);
      const lineIndent = this.indents[j]!;
      const lineFlags = this.flags[j]!;
      // Lines go under the key; `yaml` takes the closing bracket at the key's own column too.
      const closing = lineIndent === parentIndent && (lineText[0] === ']' || lineText[0] === '}');
      if ((lineFlags & STRAY) !== 0 || lineText === '' || (lineIndent <= parentIndent && !closing)) unsure('a flow collection over several lines');
      if ((lineFlags & BLANK) !== 0) {
        comment = true; // a comment line (an empty one gave up above)
        continue;
      }
      const part = withoutComment(lineText);
      // A comment ends a plain scalar: after one, the next line must not go on with it (`[x # c` then `y]` is not `x y`).
      if (comment && !/[,[{:]$/.test(joined) && !/^[,\]}]/.test(part)) unsure('a comment inside a flow scalar over several lines');
      comment = commentCut;
      joined += ` ${part}`;
      const end = flowEnd(joined);
      if (end === -2) unsure('a quote inside a flow scalar');
      if (closing && end < 0) unsure('a flow collection over several lines');
      if (end >= 0) {
        if (end < joined.length) unsure('text after a value');
        const value = flowValue(joined, 0, false, this.depth);
        if (readTo !== joined.length) unsure('text after a value');
        return this.done(value, j + 1, this.firstLine(i, column));
      }
    }
    return unsure('a flow collection that is never closed');
  }

  /** A plain scalar over several lines: lines fold into spaces, empty lines into line breaks. */
  plainLines(i: number, parentIndent: number, column: number, rest: string): string {
    let value = rest.replace(/[ ]+$/, '');
    if (value.endsWith(':') || value.includes(' #')) unsure('a plain scalar over several lines');
    let breaks = 0;
    let j = i + 1;
    for (; j < this.count; j++) {
      const lineText = this.textAt(j);
      const lineFlags = this.flags[j]!;
      if ((lineFlags & STRAY) !== 0) unsure('a tab inside a line');
      if (lineText === '') {
        breaks++;
        continue;
      }
      if (this.indents[j]! <= parentIndent || (lineFlags & BLANK) !== 0) break;
      const part = lineText.replace(/[ ]+$/, '');
      if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(part) || part.includes(': ') || part.includes(' #') || part.endsWith(':')) unsure('a plain scalar over several lines');
      value += breaks > 0 ? '\n'.repeat(breaks) + part : ` ${part}`;
      breaks = 0;
    }
    if (typeof resolvePlain(value) !== 'string') unsure('a plain scalar over several lines');
    return this.done(value, j, this.firstLine(i, column));
  }

  /** A quoted scalar over several lines, without escapes: lines fold into spaces, empty lines into line breaks. */
  quotedLines(i: number, parentIndent: number, column: number, rest: string): string {
    const q = rest[0]!;
    if ((this.flags[i]! & STRAY) !== 0 || (q === '"' && rest.includes('\\'))) unsure('a quoted scalar over several lines');
    const unquote = (s: string): string => (q === "'" ? s.replace(/''/g, "'") : s);
    let value = unquote(rest.slice(1).replace(/[ ]+$/, ''));
    let breaks = 0;
    for (let j = i + 1; j < this.count; j++) {
      const text = this.textAt(j);
      if ((this.flags[j]! & STRAY) !== 0) unsure('a tab inside a quoted scalar');
      if (text === '') {
        breaks++;
        continue;
      }
      if (this.indents[j]! <= parentIndent) unsure('a quoted scalar not indented under its key');
      const close = closingQuote(text, -1, q);
      const part = close < 0 ? text.replace(/[ ]+$/, '') : text.slice(0, close);
      if (q === '"' && part.includes('\\')) unsure('a quoted scalar over several lines');
      value += (breaks > 0 ? '\n'.repeat(breaks) : ' ') + unquote(part);
      breaks = 0;
      if (close >= 0) {
        if (!/^[ ]*(?:#.*)?$/.test(text.slice(close + 1))) unsure('text after a value');
        return this.done(value, j + 1, this.firstLine(i, column));
      }
    }
    return unsure('a quote that is never closed');
  }

  /** A literal or folded block scalar whose header (`rest`, at `column`) is on line i; only the simple forms. */
  /** (Then `next`.) */
  blockScalar(i: number, parentIndent: number, header: string): string {
    const h = /^([|>])([-+]?)(?:[ ]+(?:#.*)?)?$/.exec(header);
    if (!h || h[2] === '+' || (this.flags[i]! & STRAY) !== 0) return unsure('a block scalar header this reader does not read');
    const folded = h[1] === '>';
    const strip = h[2] === '-';
    const body: string[] = [];
    let j = i + 1;
    let indent = -1;
    for (; j < this.count; j++) {
      const lineText = this.textAt(j);
      const lineIndent = this.indents[j]!;
      const tab = (this.flags[j]! & TAB) !== 0;
      // A tab after the text is the text's (block scalars keep it); one in the indentation, or on a line of spaces, is left to the others.
      if (tab && (lineText === '' || this.raws[j]!.charCodeAt(lineIndent) === 9)) unsure('a tab inside a block scalar');
      if (lineText === '') {
        if (indent < 0 || lineIndent > indent) unsure('a block scalar with blank lines of spaces'); // leading blank lines, or spaces that would be content
        body.push('');
        continue;
      }
      if (indent < 0) {
        if (lineIndent <= parentIndent) break;
        indent = lineIndent;
      }
      if (lineIndent < indent) break;
      if (lineIndent > indent) unsure('a more-indented line in a block scalar'); // more-indented lines fold differently
      body.push(tab ? this.raws[j]!.slice(indent) : lineText);
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
    this.next = j;
    return strip ? value : `${value}\n`;
  }
}

/**
 * Where the flow collection that starts at `from` ends (after its closing bracket), or -1 when it goes on past the text.
 * Quotes are followed only where a scalar starts with one: a `'` inside a word (`O'Brien`) leaves the count unsure (-2).
 */
function flowEnd(text: string, from = 0): number {
  let depth = 0;
  for (let k = from; k < text.length; k++) {
    const ch = text[k];
    if (ch === '"' || ch === "'") {
      if (!/[[{,:\s]/.test(k === from ? ' ' : text[k - 1]!)) return -2;
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

/** Whether the last withoutComment cut a comment off. */
let commentCut = false;

/** A flow collection's line without its comment and trailing spaces; quotes are skipped where a scalar starts with one. */
function withoutComment(text: string): string {
  commentCut = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if ((ch === '"' || ch === "'") && /[[{,:\s]/.test(text[k - 1] ?? ' ')) {
      const close = closingQuote(text, k);
      if (close < 0) unsure('a quoted scalar over several lines inside a flow collection');
      k = close;
    } else if (ch === '#' && (k === 0 || text[k - 1] === ' ')) {
      commentCut = true;
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

/** Where the flow value or collection read last stopped reading (`readTo`) and where the value itself ended (`valueTo`): set by each before it returns, not a tuple at every value. */
let readTo = 0;
let valueTo = 0;

function flowValue(text: string, at: number, inFlow: boolean, depth = 0, where?: FlowPlaces): unknown {
  const c = text[at];
  if (depth > MAX_DEPTH) unsure('nesting deeper than the line reader goes');
  if (c === '"') {
    const end = text.indexOf('"', at + 1);
    const content = end < 0 ? unsure('a quote that is never closed') : text.slice(at + 1, end);
    if (content.includes('\\')) unsure('an escape in a double-quoted scalar');
    readTo = valueTo = end + 1;
    return content;
  }
  if (c === "'") {
    const end = closingQuote(text, at);
    if (end < 0) unsure('a quote that is never closed');
    readTo = valueTo = end + 1;
    return text.slice(at + 1, end).replace(/''/g, "'");
  }
  if (c === '[' || c === '{') {
    const value = flowCollection(text, at, depth + 1, where);
    valueTo = readTo;
    return value;
  }
  // A plain scalar: up to a comment, or in a flow collection up to its punctuation.
  if (!inFlow) return blockPlain(text, at);
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
  const value = resolvePlain(raw);
  readTo = end;
  valueTo = last;
  return value;
}

/** A plain scalar in a block, from `at` (then `readTo`, `valueTo`). */
function blockPlain(text: string, at: number): unknown {
  // In a block, only ` #` ends it and `: ` (or a final `:`) would make it a key: found by search, not by walking.
  const hash = text.indexOf(' #', at);
  const end = hash < 0 ? text.length : hash;
  const colon = text.indexOf(': ', at);
  let last = end;
  while (last > at && text.charCodeAt(last - 1) === 32) last--;
  if ((colon >= 0 && colon < end) || last === at || text.charCodeAt(last - 1) === 58 || !plainStart(text, at, last))
    unsure('a value that starts with YAML syntax, or holds `: `');
  const value = resolvePlain(last === text.length && at === 0 ? text : text.slice(at, last));
  readTo = end;
  valueTo = last;
  return value;
}

/** Whether text[at, end) may start a plain scalar here (NOT_PLAIN_START, and a lone or spaced `-`), by character code. */
function plainStart(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  if (c >= 97 && c <= 122) return true; // a-z: the usual case
  if (c === 45) return end - at > 1 && text.charCodeAt(at + 1) !== 32;
  return !NOT_PLAIN_START.test(text.slice(at, at + 1));
}

/** A plain key in a flow mapping, read where the entry starts (sticky: no slice of the text from there); quoted keys are read by hand. */
const FLOW_KEY = /([A-Za-z0-9_][A-Za-z0-9_ ./()+-]*?)[ ]*:[ ]+/y;

/** The plain keys of flow mappings read last, by their place in their mapping (as KEYS_SEEN for block mappings). */
const FLOW_KEYS_SEEN: (string | undefined)[] = new Array(16).fill(undefined);

/** The place of text[from, to) in a one-line flow collection. */
const flowSpan = (where: FlowPlaces, from: number, to: number): Span => [where.line, where.base + from + 1, where.line, where.base + to + 1];

/** `[a, b]` or `{a: 1, b: 2}` on one line, holding scalars and flow collections. */
/** (Then `readTo`.) */
function flowCollection(text: string, at: number, depth: number, where?: FlowPlaces): unknown {
  // Only the collection read is made (not an array and an object each time), and no closures: this runs for every
  // one-line flow collection.
  const seq = text[at] === '[';
  const close = seq ? ']' : '}';
  const out: unknown[] = seq ? [] : (undefined as never);
  const map: Record<string, unknown> = seq ? (undefined as never) : {};
  let places: Map<string | number, Entry> | undefined;
  if (where) where.positions.entries.set(seq ? out : map, (places = new Map()));
  let i = at + 1;
  while (text.charCodeAt(i) === 32) i++;
  if (text[i] === close) {
    readTo = i + 1;
    return seq ? out : map;
  }
  let slot = 0;
  for (;;) {
    while (text.charCodeAt(i) === 32) i++;
    if (i >= text.length) unsure('a flow collection over several lines');
    if (seq) {
      const value = flowValue(text, i, true, depth, where);
      places?.set(out.length, { value: flowSpan(where!, i, valueTo) });
      out.push(value);
      i = readTo;
    } else {
      const keyAt = i;
      const q = text.charCodeAt(i);
      let key: string;
      let keyEnd: number;
      if (q === 34 || q === 39) {
        // A quoted key, without escapes (as quoted values): `"Cloud Ops": x`, `'it''s': x`. After it, `:` may follow
        // spaces, and the value may follow the `:` at once (`"a":1`), as YAML reads a JSON-like key.
        const end = q === 34 ? text.indexOf('"', i + 1) : closingQuote(text, i);
        if (end < 0) unsure('a quote that is never closed');
        key = text.slice(i + 1, end);
        if (q === 34 ? key.includes('\\') : key.includes("'")) {
          if (q === 34) unsure('an escape in a double-quoted scalar');
          key = key.replace(/''/g, "'");
        }
        keyEnd = end + 1;
        i = keyEnd;
        while (text.charCodeAt(i) === 32) i++;
        if (text.charCodeAt(i) !== 58) unsure('a flow mapping key this reader does not read');
        i++;
        while (text.charCodeAt(i) === 32) i++;
      } else {
        // `test`, not `exec`: the key is cut back from the end of the match (its `:` is the first one after it), and
        // a key written as the one read last at its place in a flow mapping is that string again (see KEYS_SEEN).
        FLOW_KEY.lastIndex = i;
        if (!FLOW_KEY.test(text)) return unsure('a flow mapping key this reader does not read');
        const after = FLOW_KEY.lastIndex;
        keyEnd = after;
        while (text.charCodeAt(keyEnd - 1) === 32) keyEnd--;
        keyEnd--; // the `:`
        while (text.charCodeAt(keyEnd - 1) === 32) keyEnd--;
        const seen = FLOW_KEYS_SEEN[slot];
        if (seen !== undefined && seen.length === keyEnd - i && text.startsWith(seen, i)) key = seen;
        else {
          key = text.slice(i, keyEnd);
          if (typeof resolvePlain(key) !== 'string') unsure('a flow mapping key this reader does not read');
          FLOW_KEYS_SEEN[slot] = key;
        }
        i = after;
      }
      slot = (slot + 1) & 15;
      if (key === '' || key === '__proto__') unsure('an empty or reserved key');
      if (Object.hasOwn(map, key)) unsure('a key written twice');
      const value = flowValue(text, i, true, depth, where);
      places?.set(key, { key: flowSpan(where!, keyAt, keyEnd), value: flowSpan(where!, i, valueTo) });
      map[key] = value;
      i = readTo;
    }
    while (text.charCodeAt(i) === 32) i++;
    if (text[i] === ',') {
      i++;
      while (text.charCodeAt(i) === 32) i++;
      if (text[i] === close || text[i] === ',') unsure('an empty flow entry'); // empty entries: left to the others
      continue;
    }
    if (text[i] === close) {
      readTo = i + 1;
      return seq ? out : map;
    }
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
  // `0o` and `0x` start octal and hexadecimal, `.nan` and `.inf` a dot in the first two places: dates (`2026-11-15`) try two expressions, not four.
  const c1 = raw.charCodeAt(1);
  if (c === 48 && c1 === 111 && INT_OCT.test(raw)) n = parseInt(raw.slice(2), 8);
  else if (c === 48 && c1 === 120 && INT_HEX.test(raw)) n = parseInt(raw.slice(2), 16);
  else if (INT.test(raw)) n = parseInt(raw, 10);
  else if ((c === 46 || c1 === 46) && FLOAT_NAN.test(raw)) return unsure('.nan or .inf');
  else if (FLOAT.test(raw)) n = parseFloat(raw);
  if (n === undefined) return raw;
  if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n))) return unsure('a number JavaScript cannot hold');
  return n;
}

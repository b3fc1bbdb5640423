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
 * largest allocation): its indentation; its text after the indentation
 * (trailing spaces kept, block scalars need them; trailing tabs removed); the
 * whole line as written (`raws`, line break excluded) and these flags. The
 * lines come from one `split`: cutting each from the text by `indexOf`
 * instead saved a slice a line warm but cost 11 % more instructions cold
 * (reading one partnership in a fresh process), where this loop is
 * interpreted and each call of a builtin costs.
 */
interface Lines {
  readonly raws: string[];
  readonly indents: number[];
  readonly texts: string[];
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
const plainKey = (text: string): number => {
  KEY.lastIndex = 0;
  return KEY.test(text) ? KEY.lastIndex : -1;
};

const isKeyLine = (text: string): boolean => plainKey(text) >= 0 || ((text[0] === '"' || text[0] === "'") && QUOTED_KEY.test(text));
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
    // Once every CRLF is LF, a CR left is one without a line feed.
    text = text.replace(/\r\n/g, '\n');
    if (text.includes('\r')) return fail('a carriage return without a line feed');
  }
  const raws = text.split('\n');
  const count = raws.length;
  const indents: number[] = [];
  const texts: string[] = [];
  const flags: number[] = [];
  // Most files hold no tab at all: one search of the text instead of one per line.
  const tabs = text.includes('\t');
  for (let n = 0; n < count; n++) {
    const raw = raws[n]!;
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    let rest = indent === 0 ? raw : raw.slice(indent);
    indents[n] = indent;
    if (tabs && rest.includes('\t')) {
      // Trailing tabs (and spaces around them) are nothing to YAML outside block scalars, whose readers give up on any tab.
      rest = rest.replace(/[ \t]+$/, '');
      const blank = rest !== '' && rest.charCodeAt(0) === 35;
      flags[n] = (blank ? BLANK : 0) | TAB | (rest === '' || (!blank && rest.includes('\t')) ? STRAY : 0);
    } else flags[n] = rest === '' || rest.charCodeAt(0) === 35 ? BLANK : 0;
    texts[n] = rest;
  }
  const lines: Lines = { raws, indents, texts, flags };
  try {
    const reader = new Reader(lines, record);
    let first = reader.skipBlank(0);
    if (first >= count) return { data: null, ...(record ? { positions: { root: null, entries: reader.positions!.entries } } : {}) };
    // A `%YAML 1.2` directive needs the `---` that ends the directives; any other directive is left to the others.
    if (indents[first] === 0 && texts[first]![0] === '%') {
      if (!YAML_12.test(texts[first]!)) unsure('a directive other than %YAML 1.2');
      first = reader.skipBlank(first + 1);
      if (first >= count) unsure('a directive without ---');
      if (indents[first] !== 0 || !START_MARKER.test(texts[first]!)) unsure('a directive without ---');
    }
    if (indents[first] === 0 && START_MARKER.test(texts[first]!)) {
      first = reader.skipBlank(first + 1);
      if (first >= count) return { data: null, ...(record ? { positions: { root: null, entries: reader.positions!.entries } } : {}) };
    }
    if (indents[first] !== 0) unsure('an indented first line');
    if (MARKER.test(texts[first]!)) unsure('an empty document');
    const data = reader.node(first, 0);
    const next = reader.next,
      root = reader.span;
    let end = reader.skipBlank(next);
    if (end < count && indents[end] === 0 && END_MARKER.test(texts[end]!)) end = reader.skipBlank(end + 1);
    if (end < count) unsure(MARKER.test(texts[end]!) ? 'several documents' : 'text after the document');
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
  private readonly texts: string[];
  private readonly raws: string[];
  private readonly flags: number[];

  constructor(lines: Lines, record: boolean) {
    this.indents = lines.indents;
    this.texts = lines.texts;
    this.raws = lines.raws;
    this.flags = lines.flags;
    this.count = lines.texts.length;
    this.positions = record ? { root: null, entries: new WeakMap() } : undefined;
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
    const text = this.texts[i]!;
    if (++this.depth > MAX_DEPTH) unsure('nesting deeper than the line reader goes');
    let value: unknown;
    if (isSeqLine(text)) value = this.sequence(i, indent, text);
    else if (isKeyLine(text)) value = this.mapping(i, indent, text);
    else return unsure('a line that is neither a key nor a list item');
    this.depth--;
    this.span = this.firstLine(i, indent);
    return value;
  }

  /** A block sequence at `indent`; `firstText` is line i's text from the column of its `-`. */
  sequence(i: number, indent: number, firstText: string): unknown[] {
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
      } else if (rest.startsWith('- ') || rest === '-') {
        return unsure('a list nested on one line (`- - x`)');
      } else if (isKeyLine(rest)) {
        if (this.depth + 1 > MAX_DEPTH) unsure('nesting deeper than the line reader goes');
        this.depth++;
        out.push(this.mapping(i, column, rest));
        next = this.next;
        this.depth--;
        place = this.firstLine(i, column);
      } else {
        out.push(this.value(i, indent, column, rest));
        next = this.next;
        place = this.span;
      }
      if (places) places.set(out.length - 1, { value: place });
      next = this.skipBlank(next);
      if (next >= this.count) return this.done(out, next, null);
      const nextIndent = this.indents[next]!;
      if (nextIndent > indent) unsure('a line indented more than its list');
      text = this.texts[next]!;
      if (nextIndent < indent || !isSeqLine(text)) return this.done(out, next, null);
      i = next;
    }
  }

  /** A block mapping at `indent`; `firstText` is line i's text from that column. */
  mapping(i: number, indent: number, firstText: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const places = this.record(out);
    let text = firstText;
    for (;;) {
      // `head`: the key with its `:` and the spaces after it; `width`: the key as written (quotes included).
      let head = plainKey(text);
      let key: string;
      let width: number;
      if (head >= 0) {
        width = head;
        while (text.charCodeAt(width - 1) === 32) width--;
        width--; // the `:`
        while (text.charCodeAt(width - 1) === 32) width--;
        key = text.slice(0, width);
        if (typeof resolvePlain(key) !== 'string') unsure('a key that is not text');
      } else {
        const m = QUOTED_KEY.exec(text);
        if (!m) return unsure(MARKER.test(text) ? 'a document marker inside the document' : 'a key this reader does not read');
        key = m[1] ?? m[2]!.replace(/''/g, "'");
        head = m[0].length;
        width = m[0].lastIndexOf(m[0][0]!) + 1;
      }
      if (key === '' || key === '__proto__') unsure('an empty or reserved key');
      if (Object.hasOwn(out, key)) unsure('a key written twice');
      const rest = text.slice(head);
      const column = indent + head;
      let next: number;
      let place: Span | null;
      if (rest === '' || rest[0] === '#') {
        next = this.skipBlank(i + 1);
        const below = next < this.count ? this.indents[next]! : -1;
        if (below > indent || (below === indent && isSeqLine(this.texts[next]!))) {
          out[key] = this.node(next, below);
          place = this.span;
          next = this.next;
        } else {
          out[key] = null;
          place = null;
        }
      } else {
        out[key] = this.value(i, indent, column, rest);
        next = this.next;
        place = this.span;
      }
      if (places) places.set(key, { key: [i + 1, indent + 1, i + 1, indent + width + 1], value: place });
      next = this.skipBlank(next);
      if (next >= this.count) return this.done(out, next, null);
      const nextIndent = this.indents[next]!;
      if (nextIndent > indent) unsure('a line indented more than its mapping');
      text = this.texts[next]!;
      if (nextIndent < indent || isSeqLine(text) || (nextIndent === 0 && MARKER.test(text))) return this.done(out, next, null);
      i = next;
    }
  }

  /**
   * The value that starts on line i at `column` (its text: `rest`), inside a
   * collection at `parentIndent`: a block scalar, a scalar that may go on over
   * the next lines, or a one-line flow collection.
   */
  value(i: number, parentIndent: number, column: number, rest: string): unknown {
    const c = rest[0];
    if (c === '|' || c === '>') {
      const value = this.blockScalar(i, parentIndent, rest);
      this.span = this.firstLine(i, column);
      return value;
    }
    if (c === '"' || c === "'") {
      const close = closingQuote(rest, 0);
      if (close < 0) return this.quotedLines(i, parentIndent, column, rest);
    }
    if ((c === '[' || c === '{') && flowEnd(rest) === -1) return this.flowLines(i, parentIndent, column, rest);
    const value = flowValue(rest, 0, false, this.depth, this.positions && { line: i + 1, base: column, positions: this.positions });
    const end = readTo,
      valueEnd = valueTo;
    if (end < rest.length && !/^[ ]*(?:#.*)?$/.test(rest.slice(end))) unsure('text after a value');
    const next = i + 1;
    // A plain scalar may go on over more-indented lines.
    if (typeof value === 'string' && c !== '"' && c !== "'" && c !== '[' && c !== '{' && end === rest.length) {
      if (next < this.count) {
        const nextText = this.texts[next]!;
        const nextFlags = this.flags[next]!;
        if (this.indents[next]! > parentIndent && (nextFlags & BLANK) === 0 && nextText !== '') return this.plainLines(i, parentIndent, column, rest);
        if (nextText === '' && (nextFlags & STRAY) === 0) {
          const after = this.skipBlank(next);
          if (after < this.count && this.indents[after]! > parentIndent) return this.plainLines(i, parentIndent, column, rest);
        }
      }
    }
    return this.done(value, next, this.positions ? [i + 1, column + 1, i + 1, column + valueEnd + 1] : null);
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
      const lineText = this.texts[j]!;
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
      const lineText = this.texts[j]!;
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
      const text = this.texts[j]!;
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
      const lineText = this.texts[j]!;
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
  if (!inFlow) {
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

/** Whether text[at, end) may start a plain scalar here (NOT_PLAIN_START, and a lone or spaced `-`), by character code. */
function plainStart(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  if (c >= 97 && c <= 122) return true; // a-z: the usual case
  if (c === 45) return end - at > 1 && text.charCodeAt(at + 1) !== 32;
  return !NOT_PLAIN_START.test(text.slice(at, at + 1));
}

/** A plain key in a flow mapping, read where the entry starts (sticky: no slice of the text from there); quoted keys are read by hand. */
const FLOW_KEY = /([A-Za-z0-9_][A-Za-z0-9_ ./()+-]*?)[ ]*:[ ]+/y;

/** `[a, b]` or `{a: 1, b: 2}` on one line, holding scalars and flow collections. */
/** (Then `readTo`.) */
function flowCollection(text: string, at: number, depth: number, where?: FlowPlaces): unknown {
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
  if (text[i] === close) {
    readTo = i + 1;
    return seq ? out : map;
  }
  for (;;) {
    spaces();
    if (i >= text.length) unsure('a flow collection over several lines');
    if (seq) {
      const value = flowValue(text, i, true, depth, where);
      places?.set(out.length, { value: span(i, valueTo) });
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
        FLOW_KEY.lastIndex = i;
        const plain = FLOW_KEY.exec(text);
        if (!plain || typeof resolvePlain(plain[1]!) !== 'string') return unsure('a flow mapping key this reader does not read');
        key = plain[1]!;
        keyEnd = i + key.length;
        i += plain[0].length;
      }
      if (key === '' || key === '__proto__') unsure('an empty or reserved key');
      if (Object.hasOwn(map, key)) unsure('a key written twice');
      const value = flowValue(text, i, true, depth, where);
      places?.set(key, { key: span(keyAt, keyEnd), value: span(i, valueTo) });
      map[key] = value;
      i = readTo;
    }
    spaces();
    if (text[i] === ',') {
      i++;
      spaces();
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

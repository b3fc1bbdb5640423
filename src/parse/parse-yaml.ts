import { Composer, CST, isMap, isScalar, isSeq, Lexer, LineCounter, Parser, visit, YAMLParseError, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { MAX_ALIAS_COUNT, MAX_NESTING_DEPTH } from '../model/limits.js';
import { fileStart, type Range, type YamlPath } from '../model/diagnostic.js';
import type { YamlProblem } from '../model/source.js';

/** The outcome of parsing one file: the value, the problems, and a way back from paths to places. */
export interface ParsedYaml {
  /** The JavaScript value; `undefined` when the file could not be read as YAML at all. */
  data: unknown;
  /** True when there were no syntax errors: the value is what the author wrote. */
  ok: boolean;
  problems: YamlProblem[];
  /** Maps a path to the range of its value (or its key), falling back to the nearest existing parent. */
  locate(path: YamlPath, at?: 'key' | 'value'): Range;
  /** True when the path exists in the document. */
  has(path: YamlPath): boolean;
}

const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  // Without this, `yaml` still resolves the YAML 1.1 tags !!binary and
  // !!timestamp under the core schema; FORMAT.md allows the core schema only.
  resolveKnownTags: false,
  uniqueKeys: false,
  merge: false,
  prettyErrors: false,
  strict: true,
  keepSourceTokens: false,
  // Warnings are findings here; yaml must not print them on stderr (it would for a list used as a key).
  logLevel: 'error',
} as const;

export { MAX_ALIAS_COUNT };

/** The tags of the YAML 1.2 core schema, as written in a file. */
const CORE_TAGS = new Set(['!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq']);

/** Parses YAML 1.2 (core schema) keeping source positions; never throws. */
export function parseYaml(text: string): ParsedYaml {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Composing a deeply nested document recurses; deep enough, V8 aborts the
  // whole process, which no `try` catches. So the depth is bounded on the
  // tokens first, and a document too deep is never composed.
  // The guard watches the same tokens the parser reads: the file is lexed once.
  const lineCounter = new LineCounter();
  const composed = composeGuarded(source, lineCounter);
  if (typeof composed === 'number') return tooDeepResult(source, composed);
  const doc = composed;
  const toRange = (start: number, end: number): Range => rangeOf(lineCounter, source, start, end);
  const problems: YamlProblem[] = [];

  // After a tab used as indentation the parser's recovery reads the rest of
  // the file askew: dozens of findings (down to "key `null` appears twice")
  // for one keystroke. The tab findings alone say what to fix.
  const tabbed = doc.errors.some((e) => e.code === 'TAB_AS_INDENT');
  for (const error of doc.errors) {
    if (tabbed && error.code !== 'TAB_AS_INDENT') continue;
    problems.push({
      ruleId: 'yaml/syntax',
      message: describeYamlError(error.code, error.message),
      range: toRange(error.pos[0], error.pos[1]),
      data: { code: error.code },
    });
  }
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    const at = source.indexOf('%YAML');
    problems.push({
      ruleId: 'yaml/version',
      message: `the %YAML ${doc.directives.yaml.version} directive is not supported: govern reads YAML 1.2, where values such as \`on\` and \`no\` stay text; remove the directive`,
      range: toRange(Math.max(at, 0), Math.max(at, 0) + 9),
      data: { version: doc.directives.yaml.version },
    });
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      const tag = warning.message.replace(/^Unresolved tag:\s*/, '').replace(/^tag:yaml\.org,2002:/, '!!');
      problems.push({
        ruleId: 'yaml/custom-tag',
        message: CORE_TAGS.has(tag)
          ? `the tag \`${tag}\` does not fit this value: remove the tag and write the value plainly`
          : `custom tag \`${tag}\` is not allowed: govern reads plain YAML only; remove the tag`,
        range: toRange(warning.pos[0], warning.pos[1]),
        data: { tag },
      });
    } else {
      problems.push({ ruleId: 'yaml/syntax', message: warning.message, range: toRange(warning.pos[0], warning.pos[1]), data: { code: warning.code } });
    }
  }
  walkNodes(
    doc.contents,
    (pair, first) => {
      const key = pair.key as Node;
      const keyRange = key?.range ? toRange(key.range[0], key.range[1]) : toRange(0, 0);
      const name = isScalar(key) ? String(key.value) : String(key);
      if (!isScalar(key) && key !== null && key !== undefined) {
        problems.push({
          ruleId: 'yaml/complex-key',
          message: 'a key must be plain text, not a list or a mapping: write the key as a word',
          range: keyRange,
        });
      } else if (first && !(doc.errors.length > 0 && isScalar(key) && key.value === null)) {
        const firstRange = first.key && (first.key as Node).range ? toRange((first.key as Node).range![0], (first.key as Node).range![1]) : keyRange;
        problems.push({
          ruleId: 'yaml/duplicate-key',
          message: `key \`${name}\` appears twice in the same mapping; YAML keeps only the last one, so remove or rename one`,
          range: keyRange,
          related: { range: firstRange, message: `first \`${name}\` is here` },
          data: { key: name },
        });
      } else if (name === '<<' && isScalar(key) && key.type === 'PLAIN') {
        problems.push({
          ruleId: 'yaml/merge-key',
          message: 'merge keys (`<<`) are not allowed: write the fields out, so that every reader sees the same values',
          range: keyRange,
        });
      }
    },
    (scalar) => {
      const problem = numberProblem(scalar, source);
      if (problem) problems.push({ ...problem, range: toRange(scalar.range![0], scalar.range![1]) });
    },
  );

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const alias = /alias/i.test(message);
    const at = alias ? firstAliasRange(doc) : undefined;
    problems.push({
      ruleId: alias ? 'yaml/alias-limit' : 'yaml/syntax',
      message: alias ? `aliases expand too often (more than ${MAX_ALIAS_COUNT} times): write the values out instead` : `YAML syntax error: ${message}`,
      range: at ? toRange(at[0], at[1]) : toRange(0, 0),
      ...(alias ? { data: { limit: MAX_ALIAS_COUNT } } : {}),
    });
    data = undefined;
  }

  const ok = !problems.some((p) => p.ruleId === 'yaml/syntax' || p.ruleId === 'yaml/alias-limit');
  return {
    data: ok ? data : (data ?? undefined),
    ok,
    problems,
    locate: (path, at = 'value') => locateIn(doc, lineCounter, source, path, at),
    has: (path) => findNode(doc, path).missing === 0,
  };
}

function describeYamlError(code: string, message: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML needs spaces';
    case 'MULTIPLE_DOCS':
      return 'the file holds several YAML documents (`---`); keep one document per file';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    default:
      return `YAML syntax error: ${message.replace(/\s+at line \d+, column \d+.*$/s, '')}`;
  }
}

function rangeOf(lineCounter: LineCounter, source: string, start: number, end: number): Range {
  const s = clamp(start, source.length);
  const e = Math.max(s, clamp(end, source.length));
  const a = lineCounter.linePos(s);
  const b = lineCounter.linePos(e);
  return { start: { line: a.line, column: a.col }, end: { line: b.line, column: b.col } };
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(offset, 0), length);
}

/**
 * Calls `onPair` for every pair of every mapping, with the earlier pair of the
 * same key when it repeats, and `onScalar` for every scalar (keys included).
 * Iterative, so nesting cannot overflow the stack.
 */
function walkNodes(node: unknown, onPair: (pair: Pair, first: Pair | undefined) => void, onScalar: (scalar: Scalar) => void): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (isMap(current)) {
      const seen = new Map<string, Pair>();
      for (const pair of current.items) {
        const key = isScalar(pair.key) ? `s:${String(pair.key.value)}` : `o:${String(pair.key)}`;
        onPair(pair, seen.get(key));
        if (!seen.has(key)) seen.set(key, pair);
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(current)) {
      for (const item of current.items) stack.push(item);
    } else if (isScalar(current) && current.range) {
      onScalar(current);
    }
  }
}

/** A number YAML reads but JavaScript cannot hold: out of range (`1e400`, 400 digits) or, for whole numbers, not exactly. */
function numberProblem(scalar: Scalar, source: string): Omit<YamlProblem, 'range'> | undefined {
  const value = scalar.value;
  if (typeof value !== 'number') return undefined;
  const written = source.slice(scalar.range![0], scalar.range![1]);
  const shown = written.length > 24 ? `${written.slice(0, 12)}…${written.slice(-4)}` : written;
  if (!Number.isFinite(value)) {
    return {
      ruleId: 'yaml/number-range',
      message: `the number \`${shown}\`${written.length > 24 ? ` (${written.length} characters)` : ''} is not a finite number govern can compute with: write a real amount, or quote it if it is text`,
      data: { written: written.length > 64 ? `${written.slice(0, 64)}…` : written },
    };
  }
  if (Number.isInteger(value) && !Number.isSafeInteger(value) && /^[-+]?(?:0x[0-9a-f]+|0o[0-7]+|\d+)$/i.test(written.trim())) {
    return {
      ruleId: 'yaml/number-range',
      message: `the whole number \`${shown}\` has too many digits to be kept exactly (it would read as ${value}): quote it if it is an identifier, or use a smaller unit`,
      data: { written: written.length > 64 ? `${written.slice(0, 64)}…` : written },
    };
  }
  return undefined;
}

/** Where the first alias is, for the alias-limit finding. */
function firstAliasRange(doc: Document): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) found = [node.range[0], node.range[1]];
      return visit.BREAK;
    },
  });
  return found;
}

/** The outcome for a document nested too deeply: one finding, no value. */
function tooDeepResult(source: string, offset: number): ParsedYaml {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  const range = rangeOf(lineCounter, source, offset, offset + 1);
  const start: Range = fileStart();
  return {
    data: undefined,
    ok: false,
    problems: [
      {
        ruleId: 'yaml/too-deep',
        message: `the document nests more than ${MAX_NESTING_DEPTH} levels deep here; govern stops reading it (real partnership files nest fewer than ten levels)`,
        range,
        data: { limit: MAX_NESTING_DEPTH },
      },
    ],
    locate: () => start,
    has: () => false,
  };
}

/**
 * What `yaml`'s parseDocument does (lex, parse to tokens, compose the first
 * document, report any further one), with the nesting guard reading the
 * lexer's tokens on the way: the offset where the document nests too deeply,
 * before anything deep is composed, or the document.
 */
function composeGuarded(source: string, lineCounter: LineCounter): Document | number {
  const guard = new NestingGuard(MAX_NESTING_DEPTH);
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(source)) {
    const deep = guard.feed(lexeme);
    if (deep !== undefined) return deep;
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  let doc: Document | undefined;
  for (const next of new Composer(PARSE_OPTIONS).compose(tokens, true, source.length)) {
    if (!doc) {
      doc = next as Document;
    } else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return doc!;
}

/** The Lexer's marker tokens: one character each, not present in the source. */
const MARKERS = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * Returns the offset where a document first nests deeper than `max`, or
 * undefined. Works on the Lexer's tokens (so quotes, comments and block
 * scalars are understood) without building anything: block nesting is the
 * stack of columns at which nodes start (as Python counts indentation), flow
 * nesting the count of open brackets. It may overcount by a level or two on a
 * line such as `key: &anchor value`, never undercount.
 */
export function findExcessiveNesting(source: string, max: number): number | undefined {
  const guard = new NestingGuard(max);
  for (const token of new Lexer().lex(source)) {
    const deep = guard.feed(token);
    if (deep !== undefined) return deep;
  }
  return undefined;
}

/** findExcessiveNesting one token at a time, so that the parser can read the same tokens. */
class NestingGuard {
  private readonly columns: number[] = [];
  private flow = 0;
  private offset = 0;
  private lineStart = 0;

  constructor(private readonly max: number) {}

  /** Takes the next token; returns its offset when the document nests too deeply there. */
  feed(token: string): number | undefined {
    if (token.length === 1 && MARKERS.has(token)) return undefined;
    const at = this.offset;
    this.offset += token.length;
    const columns = this.columns;
    let deep: number | undefined;
    switch (CST.tokenType(token)) {
      case 'doc-start':
      case 'doc-end':
        columns.length = 0;
        this.flow = 0;
        break;
      case 'flow-seq-start':
      case 'flow-map-start':
        if (this.flow === 0) pushColumn(columns, at - this.lineStart);
        this.flow++;
        if (columns.length + this.flow > this.max) deep = at;
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        if (this.flow > 0) this.flow--;
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'anchor':
      case 'tag':
      case 'alias':
      case 'block-scalar-header':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case null:
        if (this.flow === 0) {
          pushColumn(columns, at - this.lineStart);
          if (columns.length > this.max) deep = at;
        }
        break;
      default:
        break;
    }
    const newline = token.lastIndexOf('\n');
    if (newline >= 0) this.lineStart = at + newline + 1;
    return deep;
  }
}

/** A node starting at `column` closes every deeper block and opens its own level. */
function pushColumn(columns: number[], column: number): void {
  while (columns.length > 0 && columns[columns.length - 1]! > column) columns.pop();
  if (columns.length === 0 || columns[columns.length - 1]! < column) columns.push(column);
}

interface Found {
  node: Node | null;
  pair: Pair | null;
  /** How many trailing path segments were not found. */
  missing: number;
}

function findNode(doc: Document, path: YamlPath): Found {
  let node: unknown = doc.contents;
  let pair: Pair | null = null;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const next: Pair | undefined = findPair(node.items as Pair[], segment);
      if (!next) return { node: node as Node, pair, missing: path.length - i };
      pair = next;
      node = next.value;
      if (node === null || node === undefined) return { node: null, pair, missing: path.length - i - 1 };
    } else if (isSeq(node) && typeof segment === 'number' && segment >= 0 && segment < node.items.length) {
      pair = null;
      node = node.items[segment];
    } else {
      return { node: (node as Node) ?? null, pair, missing: path.length - i };
    }
  }
  return { node: (node as Node) ?? null, pair, missing: 0 };
}

function findPair(items: Pair[], segment: string | number | undefined): Pair | undefined {
  let found: Pair | undefined;
  for (const item of items) {
    const key = isScalar(item.key) ? item.key.value : item.key;
    // The last occurrence wins, as in the value the rules see.
    if (key === segment || (key !== null && key !== undefined && String(key) === String(segment))) found = item;
  }
  return found;
}

function locateIn(doc: Document, lineCounter: LineCounter, source: string, path: YamlPath, at: 'key' | 'value'): Range {
  const found = findNode(doc, path);
  const keyNode = found.pair?.key as Node | undefined;
  if (found.missing === 0) {
    if (at === 'key' && keyNode?.range) return rangeOf(lineCounter, source, keyNode.range[0], keyNode.range[1]);
    if (found.node?.range) return firstLine(rangeOf(lineCounter, source, found.node.range[0], found.node.range[1]), source, lineCounter, found.node.range[0]);
    if (keyNode?.range) return rangeOf(lineCounter, source, keyNode.range[0], keyNode.range[1]);
  }
  // Missing: point at the key of the nearest existing parent, or the parent's first line.
  if (keyNode?.range) return rangeOf(lineCounter, source, keyNode.range[0], keyNode.range[1]);
  if (found.node?.range) return firstLine(rangeOf(lineCounter, source, found.node.range[0], found.node.range[1]), source, lineCounter, found.node.range[0]);
  return fileStart();
}

/** Collections span many lines; a caret under the first line is what a reader wants. */
function firstLine(range: Range, source: string, lineCounter: LineCounter, start: number): Range {
  if (range.end.line === range.start.line) return range;
  let end = source.indexOf('\n', start);
  if (end < 0) end = source.length;
  if (end > start && source[end - 1] === '\r') end -= 1;
  return rangeOf(lineCounter, source, start, end);
}

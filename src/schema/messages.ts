import type { YamlPath } from '../model/diagnostic.js';
import { ITEM_NOUNS } from '../model/vocabulary.js';
import { didYouMean } from '../text/suggest.js';
import type { SchemaError } from './validators.js';

/** A schema finding in rule terms: where, what, and the values it was built from. */
export interface SchemaFinding {
  path: YamlPath;
  at: 'key' | 'value';
  message: string;
  data: Record<string, unknown>;
}

/** Turns Ajv's errors for one file into findings a non-engineer understands, one per problem. */
export function describeSchemaErrors(errors: readonly SchemaError[], data: unknown, fileLabel: string): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  const seen = new Set<string>();
  // A value of the wrong type also fails its pattern, format, enum…: say only the type.
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  // Every field an entry lacks, named in one finding at the entry.
  const missing = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword !== 'required' || isInsideAnyOf(error)) continue;
    const fields = missing.get(error.instancePath) ?? [];
    fields.push(String(error.params.missingProperty));
    missing.set(error.instancePath, fields);
  }
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    // "at least one of" (anyOf of bare requirements) is said once, by the anyOf error.
    if (error.keyword === 'required' && isInsideAnyOf(error)) continue;
    if (error.keyword === 'required') {
      const fields = missing.get(error.instancePath) ?? [];
      if (fields[0] !== String(error.params.missingProperty)) continue;
    }
    // A key that fails `propertyNames` comes twice: once for the key's own
    // pattern (reported at the mapping) and once as `propertyNames` (at the key).
    if ((error as { propertyName?: unknown }).propertyName !== undefined) continue;
    if (error.keyword !== 'type' && typeFailed.has(error.instancePath)) continue;
    // A mapping with a merge key (`<<: *jane`) is reported by yaml/merge-key; that
    // the key is unknown, or that the fields it meant to bring are missing, follows from it.
    if ((error.keyword === 'required' || error.keyword === 'anyOf' || error.keyword === 'additionalProperties') && hasMergeKey(error.instancePath, data)) continue;
    const path = toPath(error.instancePath, data);
    const finding = describe(error, path, fileLabel, missing.get(error.instancePath) ?? []);
    const key = `${finding.at}:${JSON.stringify(finding.path)}:${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(finding);
  }
  return out;
}

/** An error from one branch of an `anyOf`: on its own it says nothing, the anyOf error speaks for it. */
function isInsideAnyOf(error: SchemaError): boolean {
  return /\/anyOf\/\d+\//.test(error.schemaPath ?? '');
}

/** The fields of an `anyOf` whose branches each only require fields: `email` or `phone`. */
function eitherFields(schema: unknown): string[] | undefined {
  if (!Array.isArray(schema)) return undefined;
  const fields: string[] = [];
  for (const branch of schema as Record<string, unknown>[]) {
    const required = branch?.required;
    if (!Array.isArray(required) || required.length !== 1) return undefined;
    fields.push(String(required[0]));
  }
  return fields;
}

/** `a`, `a` and `b`, `a`, `b` and `c`, each in backticks. */
function listWords(fields: readonly string[], last: 'and' | 'or'): string {
  const quoted = fields.map((f) => `\`${f}\``);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${last} ${quoted[quoted.length - 1]}`;
}

function hasMergeKey(pointer: string, data: unknown): boolean {
  const { node } = walkPointer(pointer, data);
  return node !== null && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, '<<');
}

/** JSON Pointer to a YAML path, with numbers where the data holds a list. */
export function toPath(pointer: string, data: unknown): YamlPath {
  return walkPointer(pointer, data).path;
}

/** Follows a JSON Pointer through the data: the YAML path it names, and the value there (undefined where it leads nowhere). */
function walkPointer(pointer: string, data: unknown): { path: YamlPath; node: unknown } {
  if (pointer === '') return { path: [], node: data };
  const out: (string | number)[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(segment);
      out.push(index);
      node = node[index];
    } else {
      out.push(segment);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return { path: out, node };
}

function describe(error: SchemaError, path: YamlPath, fileLabel: string, missing: readonly string[]): SchemaFinding {
  const field = fieldName(path);
  const where = containerNoun(path, fileLabel);
  const p = error.params;
  const shown = show(error.data);
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const known = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      const suggestion = didYouMean(name, known);
      return {
        path: [...path, name],
        at: 'key',
        message: `unknown field \`${name}\` in ${where}${suggestion ? `; did you mean \`${suggestion}\`?` : known.length ? ` (known fields: ${known.join(', ')})` : ''}`,
        data: { keyword: 'additionalProperties', field: name, ...(suggestion ? { suggestion } : {}) },
      };
    }
    case 'required': {
      const fields = missing.length > 0 ? missing : [String(p.missingProperty)];
      return {
        path,
        at: 'key',
        message: `${where === fileLabel ? where : capitalise(where)} needs ${listWords(fields, 'and')}`,
        data: { keyword: 'required', field: fields[0], ...(fields.length > 1 ? { fields } : {}) },
      };
    }
    case 'anyOf': {
      const either = eitherFields(error.schema);
      if (either) {
        return {
          path,
          at: 'key',
          message: `${where === fileLabel ? where : capitalise(where)} needs at least one of ${listWords(either, 'or')}`,
          data: { keyword: 'required', anyOf: either },
        };
      }
      return { path, at: 'value', message: `\`${field}\` ${error.message ?? 'is not valid'}`, data: { keyword: error.keyword } };
    }
    case 'type': {
      const types = ([] as unknown[]).concat(p.type).map(String);
      const expected = types.map((t) => TYPE_WORDS[t] ?? t);
      const data = { keyword: 'type', expected: p.type, actual: typeWord(error.data) };
      if (path.length === 0) {
        const fields = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {}).slice(0, 4);
        const example = fields.length > 0 ? ` such as ${fields.map((f) => `\`${f}:\``).join(', ')}` : '';
        return { path, at: 'value', message: `${fileLabel} must hold named fields${example}, not ${typeWord(error.data)}${shown ? ` (${shown})` : ''}`, data };
      }
      const textWanted = types.length === 1 && types[0] === 'string' && (typeof error.data === 'number' || typeof error.data === 'boolean');
      if (textWanted && typeof error.data === 'number' && error.parentSchema?.patternName === 'duration') {
        return { path, at: 'value', message: `${shown} is not a duration: add a unit, such as \`${String(error.data)}m\` or \`${String(error.data)}h\``, data };
      }
      return {
        path,
        at: 'value',
        message: `\`${field}\` must be ${expected.join(' or ')}, not ${typeWord(error.data)}${shown ? ` (${shown})` : ''}${textWanted ? ': put the value in quotes ("…") so that it is read as text' : ''}`,
        data,
      };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const suggestion = typeof error.data === 'string' ? didYouMean(error.data, allowed) : undefined;
      return {
        path,
        at: 'value',
        message: `\`${field}\` must be one of ${allowed.join(', ')}; got ${shown}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
        data: { keyword: 'enum', allowed, actual: error.data },
      };
    }
    case 'const':
      return { path, at: 'value', message: `\`${field}\` must be ${show(p.allowedValue)}; got ${shown}`, data: { keyword: 'const' } };
    case 'pattern':
      return {
        path,
        at: 'value',
        message: patternMessage(error.parentSchema?.patternName, field, String(error.data), String(p.pattern)),
        data: { keyword: 'pattern', pattern: p.pattern, actual: error.data },
      };
    case 'format':
      return {
        path,
        at: 'value',
        message: formatMessage(field, String(error.data), String(p.format)),
        data: { keyword: 'format', format: p.format, actual: error.data },
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const range = rangeWords(error.parentSchema);
      return { path, at: 'value', message: `\`${field}\` must be ${range}; got ${shown}`, data: { keyword: error.keyword, limit: p.limit, actual: error.data } };
    }
    case 'multipleOf':
      return { path, at: 'value', message: `\`${field}\` must be a whole number; got ${shown}`, data: { keyword: 'multipleOf' } };
    case 'minItems':
      return {
        path,
        at: 'value',
        message: `\`${field}\` needs at least ${String(p.limit)} ${Number(p.limit) === 1 ? 'entry' : 'entries'}`,
        data: { keyword: 'minItems', limit: p.limit },
      };
    case 'maxItems':
      return { path, at: 'value', message: `\`${field}\` may have at most ${String(p.limit)} entries`, data: { keyword: 'maxItems', limit: p.limit } };
    case 'minLength':
      return { path, at: 'value', message: `\`${field}\` must not be empty`, data: { keyword: 'minLength' } };
    case 'maxLength':
      return { path, at: 'value', message: `\`${field}\` is too long (at most ${String(p.limit)} characters)`, data: { keyword: 'maxLength', limit: p.limit } };
    case 'uniqueItems':
      return { path, at: 'value', message: `\`${field}\` lists the same value twice`, data: { keyword: 'uniqueItems' } };
    case 'propertyNames': {
      const name = String(p.propertyName);
      const keys = error.schema as { pattern?: unknown; patternName?: unknown } | undefined;
      if (keyMessage(keys?.patternName) === 'day-range') {
        const suggestion = suggestDay(name, new RegExp(String(keys?.pattern ?? '')));
        return {
          path: [...path, name],
          at: 'key',
          message: `\`${name}\` is not a day or a range of days: write \`mon\` … \`sun\`, or a range such as \`mon-fri\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
          data: { keyword: 'propertyNames', key: name, ...(suggestion ? { suggestion } : {}) },
        };
      }
      return { path: [...path, name], at: 'key', message: `\`${name}\` is not allowed as a key here`, data: { keyword: 'propertyNames' } };
    }
    default:
      return { path, at: 'value', message: `\`${field}\` ${error.message ?? 'is not valid'}`, data: { keyword: error.keyword } };
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  null: 'empty',
};

function typeWord(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return !Number.isFinite(value) ? 'a number out of range' : Number.isInteger(value) ? 'a whole number' : 'a number';
  if (typeof value === 'boolean') return 'true or false';
  return 'a mapping of fields';
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return '';
  const text = String(value);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}…` : text}\``;
}

function fieldName(path: YamlPath): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string') return i === path.length - 1 ? segment : `${segment}[${String(path.slice(i + 1).join('][') || '')}]`.replace('[]', '');
  }
  return 'the file';
}

function containerNoun(path: YamlPath, fileLabel: string): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'number') {
      const list = path[i - 1];
      const noun = typeof list === 'string' ? ITEM_NOUNS[list] : undefined;
      if (noun && i === path.length - 1) return `a ${noun}`.replace(/^a ([aeiouAEIOU])/, 'an $1');
      if (noun) break;
    }
  }
  const last = path[path.length - 1];
  if (last === undefined) return fileLabel;
  if (typeof last === 'number') return `item ${last + 1} of \`${String(path[path.length - 2])}\``;
  return `\`${last}\``;
}

function capitalise(text: string): string {
  return text.startsWith('`') ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

function rangeWords(schema: Record<string, unknown> | undefined): string {
  const min = schema?.minimum as number | undefined;
  const max = schema?.maximum as number | undefined;
  const whole = schema?.type === 'integer' ? 'a whole number ' : '';
  if (min !== undefined && max !== undefined) return `${whole}from ${min} to ${max}`;
  if (min !== undefined) return `${whole}at least ${min}`;
  if (max !== undefined) return `${whole}at most ${max}`;
  return 'within range';
}

/**
 * The words for a value that fails its pattern, by the pattern's `patternName`
 * in the schema (never by the regex text, so that editing a pattern keeps its
 * words). `generic` names a pattern whose message only quotes the expected form.
 * test/schemas.test.ts checks that every pattern in schemas/ has a name listed here.
 */
const PATTERN_MESSAGES = {
  'kpi-source': (got) => `${got} is not a KPI source: write \`measured\`, \`sla:<service>.availability\` or \`sla:<service>.<priority>\``,
  'meeting-day': (got, _field, value, pattern) => {
    const suggestion = suggestDay(value, new RegExp(pattern));
    return `${got} is not a meeting day: write \`mon\` … \`sun\`, or \`first-mon\` … \`last-sun\` for monthly and longer cadences${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`;
  },
  id: idMessage,
  'rule-id': idMessage,
  period: (got) => `${got} is not a period: write a month \`2026-10\`, a quarter \`2026-Q4\` or a year \`2026\``,
  duration: (got) => `${got} is not a duration: write \`15m\`, \`4h\`, \`1h30m\`, \`2d\` or ISO 8601 such as \`PT4H\``,
  phone: (got) => `${got} is not a phone number: start with \`+\` and the country code, e.g. \`+49 30 1234567\``,
  currency: (got) => `${got} is not a currency code: use three capital letters, such as \`EUR\``,
  'time-of-day': (got) => `${got} is not a time of day: write \`HH:MM\` on the 24-hour clock, such as \`09:30\``,
  'time-range': (got) => `${got} is not a time range: write \`08:00-18:00\``,
  // The views' schema (portfolio.schema.json): no file is validated against it.
  date: 'generic',
  anchor: 'generic',
} satisfies Record<string, PatternWords | 'generic'>;

/** The words for a key that fails its `propertyNames` pattern, by the pattern's `patternName`. */
const KEY_MESSAGES = {
  'day-range': 'day-range',
  'rule-id': 'generic',
} as const satisfies Record<string, string>;

type PatternWords = (got: string, field: string, value: string, pattern: string) => string;

/** The pattern names messages.ts has words for (or knowingly leaves to the generic words): values, and keys (`propertyNames`). */
export const PATTERN_NAMES: ReadonlySet<string> = new Set(Object.keys(PATTERN_MESSAGES));
export const KEY_PATTERN_NAMES: ReadonlySet<string> = new Set(Object.keys(KEY_MESSAGES));

function keyMessage(name: unknown): string {
  return typeof name === 'string' && Object.hasOwn(KEY_MESSAGES, name) ? KEY_MESSAGES[name as keyof typeof KEY_MESSAGES] : 'generic';
}

function patternMessage(name: unknown, field: string, value: string, pattern: string): string {
  const got = `\`${value}\``;
  const words: PatternWords | 'generic' =
    typeof name === 'string' && Object.hasOwn(PATTERN_MESSAGES, name) ? PATTERN_MESSAGES[name as keyof typeof PATTERN_MESSAGES] : 'generic';
  return words === 'generic' ? `${got} is not valid for \`${field}\` (expected the form ${pattern})` : words(got, field, value, pattern);
}

function idMessage(got: string, field: string, value: string): string {
  // Accents are dropped rather than the letters that carry them: `Zoë` → `zoe`.
  const slug = value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${got} is not a valid id for \`${field}\`: use lowercase letters, digits and dashes${slug && slug !== value ? `, like \`${slug}\`` : ''}`;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The day a near-miss meant: a full name (`monday`, `first-Tuesday`, `Mon-Fri`) or a typo (`fry`), if it then fits `pattern`. */
function suggestDay(value: string, pattern: RegExp): string | undefined {
  const shortened = value
    .trim()
    .toLowerCase()
    .replace(/\s*(?:-|\u2013|to)\s*/g, '-')
    .replace(/\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*/g, '$1');
  if (shortened !== value && pattern.test(shortened)) return shortened;
  const parts = shortened.split('-');
  const fixed = parts.map((part) => (DAYS.includes(part) || part === 'first' || part === 'last' ? part : (didYouMean(part, DAYS) ?? part))).join('-');
  return fixed !== value && pattern.test(fixed) ? fixed : undefined;
}

function formatMessage(field: string, value: string, format: string): string {
  const got = `\`${value}\``;
  switch (format) {
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${got} is not a real date` : `${got} is not a date for \`${field}\`: write \`YYYY-MM-DD\`, such as \`2026-10-05\``;
    case 'date-time':
      return /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)
        ? `${got} has no time-zone offset: add one, such as \`${value}+02:00\` or \`${value}Z\``
        : `${got} is not an instant for \`${field}\`: write \`2026-10-05T09:12:00+02:00\``;
    case 'email':
      return `${got} is not an email address`;
    default:
      return `${got} is not a valid ${format}`;
  }
}

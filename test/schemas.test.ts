import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { AJV_OPTIONS, PATTERN_NAME_KEYWORD } from '../src/schema/ajv-options.js';
import { describeSchemaErrors, KEY_PATTERN_NAMES, PATTERN_NAMES } from '../src/schema/messages.js';
import { validators } from '../src/schema/validators.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemasDir = join(root, 'schemas');
const examplesDir = join(root, 'examples');

const KINDS = [
  'partnership',
  'contacts',
  'raci',
  'slas',
  'escalation',
  'objectives',
  'governance',
  'risks',
  'budget',
  'measurements',
  'review',
  'waivers',
  'config',
] as const;
type Kind = (typeof KINDS)[number];

const ID_BASE = 'https://github.com/govern-tool/govern/schemas/v1/';
const ALLOWED_FORMATS = new Set(['date', 'date-time', 'email']);

/** A real calendar date, YYYY-MM-DD (2026-02-30 is not one). */
function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** An RFC 3339 instant that carries its offset (Z or ±HH:MM). */
function isDateTime(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/i.exec(value);
  if (!m || !isDate(m[1]!)) return false;
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4])];
  const okOffset = m[5] === undefined || (Number(m[5]) <= 23 && Number(m[6]) <= 59);
  return h <= 23 && min <= 59 && s <= 60 && okOffset;
}

function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@.][^\s@]*\.[^\s@.]+$/.test(value) && !value.includes('..');
}

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, keywords: [PATTERN_NAME_KEYWORD] });
  ajv.addFormat('date', isDate);
  ajv.addFormat('date-time', isDateTime);
  ajv.addFormat('email', isEmail);
  return ajv;
}

type Json = Record<string, unknown>;
const schemas = new Map<Kind, Json>(KINDS.map((kind) => [kind, JSON.parse(readFileSync(join(schemasDir, `${kind}.schema.json`), 'utf8')) as Json]));
// The validators govern ships (its own Ajv options and formats), not a second Ajv of the test's own.
const shipped = validators();

function validate(kind: Kind, data: unknown): string[] {
  const v = shipped[kind]!;
  return v(data) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A branch that only requires fields: `{ properties: { email: true }, required: [email] }`. */
function isRequirementOnly(branch: unknown): boolean {
  return isObject(branch) && Array.isArray(branch.required) && Object.keys(branch).every((k) => k === 'required' || k === 'properties');
}

/** Every problem with the shape of the schema itself, as "json-pointer: problem". */
function auditSchema(node: unknown, at: string, inCondition = false): string[] {
  if (!isObject(node)) return [];
  const problems: string[] = [];
  for (const banned of ['oneOf', 'anyOf']) {
    // "At least one of these fields" is the one anyOf allowed: its message names the fields (src/schema/messages.ts).
    if (banned === 'anyOf' && Array.isArray(node.anyOf) && node.anyOf.every(isRequirementOnly)) continue;
    if (banned in node) problems.push(`${at}: uses ${banned}; use a type array instead`);
  }
  if (typeof node.format === 'string' && !ALLOWED_FORMATS.has(node.format)) {
    problems.push(`${at}: format ${node.format} is not one of date, date-time, email`);
  }
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const isObjectSchema = types.includes('object') || (!inCondition && 'properties' in node);
  if (isObjectSchema) {
    const ap = node.additionalProperties;
    // A map (calendar hours, rule severities) constrains its keys with propertyNames instead.
    const isMap = isObject(ap) && isObject(node.propertyNames);
    if (ap !== false && !isMap) problems.push(`${at}: object without additionalProperties: false`);
  }
  if (isObject(node.properties)) {
    for (const [name, sub] of Object.entries(node.properties)) {
      const where = `${at}/properties/${name}`;
      if (!inCondition && !(isObject(sub) && typeof sub.description === 'string' && sub.description.trim().length > 10)) {
        problems.push(`${where}: property without a description`);
      }
      problems.push(...auditSchema(sub, where, inCondition));
    }
  }
  for (const key of ['items', 'additionalProperties', 'propertyNames'] as const) {
    problems.push(...auditSchema(node[key], `${at}/${key}`, inCondition));
  }
  for (const key of ['if', 'then', 'else'] as const) {
    problems.push(...auditSchema(node[key], `${at}/${key}`, true));
  }
  if (isObject(node.definitions)) {
    for (const [name, sub] of Object.entries(node.definitions)) {
      problems.push(...auditSchema(sub, `${at}/definitions/${name}`, inCondition));
    }
  }
  return problems;
}

/** Every `pattern` in a schema, with its `patternName` and whether it constrains keys (`propertyNames`), as "json-pointer". */
function patterns(node: unknown, at: string, keys = false): { at: string; name: unknown; keys: boolean }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => patterns(item, `${at}/${i}`));
  if (!isObject(node)) return [];
  const out = 'pattern' in node || 'patternName' in node ? [{ at, name: node.patternName, keys }] : [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'examples' || key === 'default' || key === 'const' || key === 'enum') continue;
    out.push(...patterns(value, `${at}/${key}`, key === 'propertyNames'));
  }
  return out;
}

describe('schemas', () => {
  it('every schema compiles under Ajv strict mode, and the shipped validators cover every kind', () => {
    const ajv = newAjv();
    for (const kind of KINDS) expect(() => ajv.compile(schemas.get(kind)!), kind).not.toThrow();
    expect(Object.keys(shipped).sort()).toEqual([...KINDS].sort());
  });

  // src/schema/messages.ts chooses a failed pattern's words by its name, never by the regex text:
  // a pattern without a name, or with a name it has no words for, would get the generic words unnoticed.
  it('names every pattern in schemas/ (patternName), and every name has its words in src/schema/messages.ts', () => {
    const problems: string[] = [];
    let count = 0;
    for (const file of readdirSync(schemasDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      for (const { at, name, keys } of patterns(JSON.parse(readFileSync(join(schemasDir, file), 'utf8')), '#')) {
        count++;
        const known = keys ? KEY_PATTERN_NAMES : PATTERN_NAMES;
        if (typeof name !== 'string') problems.push(`${file} ${at}: pattern without a patternName`);
        else if (!known.has(name)) problems.push(`${file} ${at}: patternName "${name}" has no ${keys ? 'key ' : ''}message (known: ${[...known].join(', ')})`);
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(34);
  });

  it("chooses a failed pattern's words by its name: a pattern edited in its schema keeps them; an unnamed one gets the generic words", () => {
    const ajv = new Ajv({ ...AJV_OPTIONS, keywords: [PATTERN_NAME_KEYWORD] });
    const validate = ajv.compile({
      type: 'object',
      additionalProperties: false,
      properties: {
        period: { type: 'string', pattern: '^\\d{4}(?:-H[12])?$', patternName: 'period' },
        wait: { type: 'string', pattern: '^\\d+(?:min|hr)$', patternName: 'duration' },
        room: { type: 'string', pattern: '^[A-Z]\\d{3}$' },
        hours: { type: 'object', propertyNames: { pattern: '^(?:lun|mar|mer)$', patternName: 'day-range' } },
      },
    });
    const data = { period: '2026-H3', wait: 30, room: 'b12', hours: { lundi: '08:00-12:00' } };
    expect(validate(data)).toBe(false);
    expect(describeSchemaErrors(validate.errors ?? [], data, 'review.yaml').map((f) => f.message)).toEqual([
      '`2026-H3` is not a period: write a month `2026-10`, a quarter `2026-Q4` or a year `2026`',
      '`30` is not a duration: add a unit, such as `30m` or `30h`',
      '`b12` is not valid for `room` (expected the form ^[A-Z]\\d{3}$)',
      '`lundi` is not a day or a range of days: write `mon` … `sun`, or a range such as `mon-fri`',
    ]);
  });

  it("has one schema file per kind and, beside them, only the views' (the portfolio's JSON, no file kind)", () => {
    const files = readdirSync(schemasDir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toEqual([...KINDS.map((k) => `${k}.schema.json`), 'portfolio.schema.json'].sort());
  });

  describe.each(KINDS)('%s', (kind) => {
    const schema = schemas.get(kind)!;

    it('names draft-07, its $id, a title and a description', () => {
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.$id).toBe(`${ID_BASE}${kind}.schema.json`);
      expect(typeof schema.title).toBe('string');
      expect(typeof schema.description).toBe('string');
    });

    it('describes every property and closes every object', () => {
      expect(auditSchema(schema, '#')).toEqual([]);
    });

    it('accepts its own examples', () => {
      const examples = schema.examples;
      expect(Array.isArray(examples) && examples.length > 0).toBe(true);
      for (const example of examples as unknown[]) expect(validate(kind, example)).toEqual([]);
    });
  });
});

describe('formats', () => {
  it.each([
    ['2026-10-05', true],
    ['2028-02-29', true],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
  ])('date %s → %s', (value, ok) => expect(isDate(value)).toBe(ok));

  it.each([
    ['2026-10-05T09:12:00+02:00', true],
    ['2026-10-03T02:10:00Z', true],
    ['2026-10-05T09:12:00.5-05:00', true],
    ['2026-10-05T09:12:00', false],
    ['2026-10-05 09:12:00+02:00', false],
    ['2026-02-30T09:12:00Z', false],
    ['2026-10-05T25:00:00Z', false],
  ])('date-time %s → %s', (value, ok) => expect(isDateTime(value)).toBe(ok));

  it.each([
    ['jane.doe@acme.example', true],
    ['jane.doe@acme', false],
    ['jane doe@acme.example', false],
    ['@acme.example', false],
  ])('email %s → %s', (value, ok) => expect(isEmail(value)).toBe(ok));
});

const base = { id: 'p', name: 'P', client: { id: 'c', name: 'C' }, provider: { id: 'v', name: 'V' }, timezone: 'Europe/Berlin' };
const priorityWith = (extra: Json) => ({
  services: [{ id: 's', name: 'S', calendar: '24x7', priorities: [{ id: 'P1', response: '15m', resolution: '4h', target: 95, ...extra }] }],
});

const kpiWith = (extra: Json) => ({ name: 'K', target: { op: '>=', value: 1 }, ...extra });
const riskWith = (extra: Json) => ({ id: 'r', title: 'R', likelihood: 2, impact: 2, owner: 'c', status: 'open', ...extra });

describe('values the schemas accept and refuse', () => {
  it.each<[string, Kind, unknown, boolean]>([
    ['a short duration', 'slas', priorityWith({ response: '15m', resolution: '1h30m' }), true],
    ['days and ISO durations', 'slas', priorityWith({ response: 'PT30M', resolution: '2d' }), true],
    ['ISO with days and hours', 'slas', priorityWith({ resolution: 'P1DT2H' }), true],
    ['an empty duration', 'slas', priorityWith({ response: '' }), false],
    ['a bare P', 'slas', priorityWith({ response: 'P' }), false],
    ['PT with no amount', 'slas', priorityWith({ response: 'PT' }), false],
    ['days with an empty time part', 'slas', priorityWith({ resolution: 'P1DT' }), false],
    ['a number with no unit', 'slas', priorityWith({ response: '5' }), false],
    ['an escalation level after PT', 'escalation', { paths: [{ id: 'p', levels: [{ after: 'PT' }] }] }, false],
    ['a meeting lasting PT', 'governance', { meetings: [{ id: 'm', duration: 'PT' }] }, false],
    ['zero seconds, ISO', 'escalation', { paths: [{ id: 'p', appliesTo: { services: ['s'] }, levels: [{ name: 'Desk', after: 'PT0S', contacts: ['c'] }] }] }, true],
    ['a duration in words', 'slas', priorityWith({ response: '4 hours' }), false],
    ['minutes before hours', 'slas', priorityWith({ response: '30m1h' }), false],
    ['a target over 100', 'slas', priorityWith({ target: 101 }), false],
    ['hours per day range and split shifts', 'slas', { calendars: [{ id: 'b', hours: { 'mon-fri': '08:00-18:00', sat: ['09:00-12:00', '13:00-15:00'] } }] }, true],
    ['an unknown day key', 'slas', { calendars: [{ id: 'b', hours: { monday: '08:00-18:00' } }] }, false],
    ['a time range without minutes', 'slas', { calendars: [{ id: 'b', hours: { mon: '8-18' } }] }, false],
    ['a holiday that does not exist', 'slas', { calendars: [{ id: 'b', hours: { mon: '08:00-18:00' }, holidays: ['2026-02-30'] }] }, false],
    ['a minimal partnership', 'partnership', base, true],
    ['a partnership without timezone', 'partnership', { ...base, timezone: undefined }, false],
    ['batched changes without a window', 'partnership', { ...base, changeManagement: { mode: 'batched' } }, false],
    ['immediate changes without a window', 'partnership', { ...base, changeManagement: { mode: 'immediate' } }, true],
    ['a window ending at 24:00', 'partnership', { ...base, changeManagement: { mode: 'batched', window: { days: ['sat'], from: '20:00', to: '24:00' } } }, true],
    ['a time 24:30', 'partnership', { ...base, changeManagement: { mode: 'batched', window: { from: '24:30' } } }, false],
    ['an upper-case id', 'partnership', { ...base, id: 'Acme' }, false],
    ['a lower-case currency', 'partnership', { ...base, contract: { start: '2025-01-01', end: '2027-12-31', value: { amount: 1, currency: 'eur' } } }, false],
    ['accountable as a list (a rule explains it)', 'raci', { activities: [{ id: 'a', name: 'A', accountable: ['x', 'y'], responsible: [] }] }, true],
    ['accountable as a number', 'raci', { activities: [{ id: 'a', name: 'A', accountable: 3, responsible: ['r'] }] }, false],
    ['a good phone', 'contacts', { contacts: [{ id: 'a', name: 'A', party: 'client', phone: '+49 (30) 123-45.67' }] }, true],
    ['a phone without +', 'contacts', { contacts: [{ id: 'a', name: 'A', party: 'client', phone: '030 1234567' }] }, false],
    ['a misspelt field', 'contacts', { contacts: [{ id: 'a', name: 'A', party: 'client', phone: '+49 30 1234567', emial: 'a@b.example' }] }, false],
    ['a third party', 'contacts', { contacts: [{ id: 'a', name: 'A', party: 'vendor', email: 'a@b.example' }] }, false],
    ['a year period as a number', 'measurements', { period: 2026 }, true],
    ['a quarter period', 'measurements', { period: '2026-Q4' }, true],
    ['month 13', 'measurements', { period: '2026-13' }, false],
    ['a year out of range', 'measurements', { period: 126 }, false],
    ['an instant without offset', 'measurements', { period: '2026-10', incidents: [{ id: 'I', service: 's', priority: 'P1', opened: '2026-10-05T09:12:00' }] }, false],
    ['a review without held', 'review', { period: '2026-09' }, false],
    ['likelihood 6', 'risks', { risks: [riskWith({ likelihood: 6 })] }, false],
    ['likelihood 2.5', 'risks', { risks: [riskWith({ likelihood: 2.5 })] }, false],
    ['a negative notice', 'partnership', { ...base, contract: { start: '2025-01-01', end: '2027-12-31', renewal: { noticeDays: -1 } } }, false],
    [
      'first-tue and last-fri',
      'governance',
      {
        meetings: [
          { id: 'm', name: 'M', cadence: 'monthly', day: 'first-tue' },
          { id: 'n', name: 'N', cadence: 'monthly', day: 'last-fri' },
        ],
      },
      true,
    ],
    ['second-tue', 'governance', { meetings: [{ id: 'm', name: 'M', cadence: 'monthly', day: 'second-tue' }] }, false],
    [
      'sla sources',
      'objectives',
      {
        objectives: [
          {
            id: 'o',
            title: 'O',
            owner: 'c',
            kpis: [kpiWith({ id: 'a', source: 'sla:svc.availability' }), kpiWith({ id: 'b', source: 'sla:svc.P1' }), kpiWith({ id: 'c', source: 'measured' })],
          },
        ],
      },
      true,
    ],
    ['an unknown source', 'objectives', { objectives: [{ id: 'o', title: 'O', owner: 'c', kpis: [kpiWith({ id: 'a', source: 'survey' })] }] }, false],
    ['rule severities', 'config', { rules: { 'raci/consulted-and-informed': 'off', schema: 'error' } }, true],
    ['an unknown severity', 'config', { rules: { 'risks/stale-review': 'fatal' } }, false],
  ])('%s', (_name, kind, data, ok) => {
    const clean = JSON.parse(JSON.stringify(data)) as unknown;
    expect(validate(kind, clean).length === 0).toBe(ok);
  });
});

/** The kind of a file under examples/, by its name; undefined for files govern does not read. */
function kindOf(path: string): Kind | undefined {
  const parts = path.split('/');
  const name = parts.at(-1)!;
  if (name === 'govern.config.yaml') return 'config';
  if (parts.at(-2) === 'measurements') return 'measurements';
  if (parts.at(-2) === 'reviews') return 'review';
  const kind = name.replace(/\.yaml$/, '');
  return (KINDS as readonly string[]).includes(kind) && kind !== 'config' && kind !== 'measurements' && kind !== 'review' ? (kind as Kind) : undefined;
}

function listYaml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => relative(examplesDir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

const exampleFiles = listYaml(examplesDir);
const isBroken = (path: string) => /^portfolio\/broken-[^/]+\//.test(path);
const readYaml = (path: string): unknown => parse(readFileSync(join(examplesDir, path), 'utf8'), { version: '1.2', schema: 'core' });

describe('examples', () => {
  it('has examples to check', () => {
    expect(exampleFiles.filter((f) => !isBroken(f)).length).toBeGreaterThan(20);
  });

  it.each(exampleFiles.filter((f) => !isBroken(f)))('%s is valid', (path) => {
    const kind = kindOf(path);
    expect(kind, `${path} is not a file govern reads`).toBeDefined();
    expect(validate(kind!, readYaml(path))).toEqual([]);
  });

  // The broken partnership must fail the schema exactly in the files its README says.
  const readme = readFileSync(join(examplesDir, 'portfolio', 'README.md'), 'utf8');
  const schemaMistakes = new Set([...readme.matchAll(/^\|\s*`?(broken-[^`|]+?)`?\s*\|[^|]*\|\s*`schema`\s*\|/gm)].map((m) => `portfolio/${m[1]!.trim()}`));
  it('README names the schema mistakes', () => expect(schemaMistakes.size).toBeGreaterThan(0));
  it.each(exampleFiles.filter((f) => isBroken(f) && kindOf(f) !== undefined))('%s fails the schema only if README says so', (path) => {
    const text = readFileSync(join(examplesDir, path), 'utf8');
    const data: unknown = parse(text, { version: '1.2', schema: 'core', uniqueKeys: false });
    expect(validate(kindOf(path)!, data).length > 0).toBe(schemaMistakes.has(path));
  });
});

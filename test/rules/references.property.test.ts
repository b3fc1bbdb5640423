import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PartnershipIndex } from '../../src/model/partnership-index.js';
import { referencesOf, resolverOf, resolves, type Reference } from '../../src/rules/references.js';
import { memoryWorkspace } from '../helpers/memory.js';

// The `ref/unknown-*` rules judge each reference with `resolverOf` (what the
// defining file allows asked once per target, priorities looked up in a map)
// rather than `resolves`, the definition; a measurement file's references make
// their path only when it is read. This holds the two readings together, and
// every reference's path to the value it names, on the shipped example with
// its ids and references redrawn from a small pool (typos, numbers, missing
// values, duplicate priorities), and its defining files sometimes a list,
// empty or broken.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE = path.join(ROOT, 'examples/acme-northwind');
const RUNS = Number(process.env.GOVERN_FUZZ_RUNS ?? 200);

const example: Record<string, unknown> = {};
for (const dir of ['', 'measurements', 'reviews']) {
  for (const name of readdirSync(path.join(EXAMPLE, dir))) {
    if (name.endsWith('.yaml')) example[path.posix.join(dir, name)] = parse(readFileSync(path.join(EXAMPLE, dir, name), 'utf8'));
  }
}

/** The string values of the example at keys that define or name something, as [file, path]. */
const KEYS = new Set([
  'id',
  'service',
  'services',
  'priority',
  'priorities',
  'calendar',
  'hours',
  'coverage',
  'owner',
  'client',
  'provider',
  'holders',
  'contacts',
  'responsible',
  'accountable',
  'consulted',
  'informed',
  'approvers',
  'chair',
  'attendees',
  'escalatesTo',
  'kpi',
  'meeting',
  'line',
]);
type Place = [string, (string | number)[]];
const places: Place[] = [];
const pool = new Set<string>();
function visit(file: string, value: unknown, at: (string | number)[], named: boolean): void {
  if (typeof value === 'string') {
    if (named) {
      places.push([file, at]);
      pool.add(value);
    }
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) visit(file, v, [...at, i], named);
  } else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) visit(file, v, [...at, k], KEYS.has(k));
}
for (const [file, data] of Object.entries(example)) visit(file, data, [], false);
const ids = [...pool];

const replacement = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ids) },
  { weight: 2, arbitrary: fc.constantFrom(...ids).map((id) => `${id}x`) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(7, null, true, '', '24x7', 'P1', 'P2', ['a']) },
);
const redrawn = fc.array(fc.tuple(fc.nat(places.length - 1), replacement), { minLength: 1, maxLength: 40 });
const DEFINING = ['slas.yaml', 'contacts.yaml', 'raci.yaml', 'escalation.yaml', 'objectives.yaml', 'governance.yaml', 'budget.yaml'];
const broken = fc.array(fc.tuple(fc.constantFrom(...DEFINING), fc.constantFrom('list', 'empty', 'broken', 'gone')), { maxLength: 2 });

function setAt(root: unknown, at: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at.at(-1)!] = value;
}

function valueAt(root: unknown, at: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of at) node = (node as Record<string | number, unknown> | undefined)?.[key];
  return node;
}

function indexOf(changes: [number, unknown][], breaks: [string, string][]): PartnershipIndex {
  const data = structuredClone(example);
  for (const [i, value] of changes) {
    const [file, at] = places[i]!;
    setAt(data[file], at, value);
  }
  const files: Record<string, string> = {};
  for (const [file, value] of Object.entries(data)) files[`p/${file}`] = stringify(value);
  for (const [file, how] of breaks) {
    if (how === 'gone') delete files[`p/${file}`];
    else files[`p/${file}`] = how === 'list' ? '- a\n- b\n' : how === 'empty' ? '# nothing\n' : 'a: [\n';
  }
  return new PartnershipIndex(memoryWorkspace(files).partnerships[0]!);
}

describe('references: resolverOf and lazy paths against the definitions', () => {
  it('resolverOf answers as resolves for every reference, and each path leads to the id it names', () => {
    fc.assert(
      fc.property(redrawn, broken, (changes, breaks) => {
        const p = indexOf(changes, breaks);
        const refs: readonly Reference[] = referencesOf(p);
        for (const ref of refs) {
          expect(resolverOf(p, ref.target)(ref)).toBe(resolves(p, ref));
          expect(valueAt(ref.file.data, ref.path)).toBe(ref.id);
          if (ref.service !== undefined) expect(ref.services).toEqual([ref.service]);
          if (ref.path[0] === 'incidents' && ref.target === 'priority') {
            const service = valueAt(ref.file.data, [...ref.path.slice(0, 2), 'service']);
            expect(ref.service).toBe(typeof service === 'string' ? service : undefined);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('priority(service, id) is the first priority that matches, as a search of every priority finds it', () => {
    const values: unknown[] = [...ids, 7, 'P1x'];
    fc.assert(
      fc.property(redrawn, (changes) => {
        const p = indexOf(changes, []);
        for (const s of values) {
          for (const id of values) {
            const found = p.priorities.find((pr) => pr.service.value.id === s && pr.value.id === id);
            expect(p.priority(s as string, id as string)).toBe(found);
          }
        }
      }),
      { numRuns: Math.ceil(RUNS / 10) },
    );
  });
});

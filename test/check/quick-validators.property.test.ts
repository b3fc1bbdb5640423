import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// The lean validators (dist/schema/quick.cjs) say valid or not for every file;
// only a file they reject is validated again by the full set
// (dist/schema/compiled.cjs), whose errors the messages are built from. So the
// lean set must never accept what the full set rejects. It is built with other
// options (first error only, definitions inlined, lengths as UTF-16 units:
// scripts/build.mjs), so this holds the two sets together on the shipped
// example's files, mutated: strings of every kind (astral characters, empty,
// over 200 units), other types, missing and extra keys.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const RUNS = Number(process.env.GOVERN_FUZZ_RUNS ?? 300);
type Validator = (data: unknown) => boolean;
const built = existsSync(path.join(ROOT, 'dist/schema/quick.cjs')) && existsSync(path.join(ROOT, 'dist/schema/compiled.cjs'));

const EXAMPLE = path.join(ROOT, 'examples/acme-northwind');
const files: [string, unknown][] = [];
for (const name of readdirSync(EXAMPLE)) {
  if (name.endsWith('.yaml')) files.push([name.replace(/\.yaml$/, ''), parse(readFileSync(path.join(EXAMPLE, name), 'utf8'))]);
}
for (const [dir, kind] of [
  ['measurements', 'measurements'],
  ['reviews', 'review'],
] as const) {
  for (const name of readdirSync(path.join(EXAMPLE, dir))) files.push([kind, parse(readFileSync(path.join(EXAMPLE, dir, name), 'utf8'))]);
}

/** Every path into a value. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => void pathsOf(item, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function setAt(root: unknown, at: (string | number)[], value: unknown, remove: boolean): unknown {
  if (at.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = at.at(-1)!;
  if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = value;
  return copy;
}

const piece = fc.constantFrom('a', 'z', '0', '-', 'P1', 'é', '😀', '\u{1F600}\u{1F601}', '\ud800', ' ', '@', '.', 'x@y.z', '2026-10-05', 'T09:12:00Z', '+02:00');
const text = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
  // Around the schemas' maxLength (200), in code units and in code points.
  fc.tuple(fc.integer({ min: 95, max: 205 }), fc.constantFrom('a', '😀', 'é', '-')).map(([n, c]) => c.repeat(n)),
  fc.tuple(fc.integer({ min: 195, max: 205 }), fc.constantFrom('a', 'a😀')).map(([n, c]) => `a${c.repeat(n)}`.slice(0, n)),
  fc.constantFrom('', '2026-10-05T09:12:00+02:00', '2026-02-30', 'P1', 'awaiting-client', 'a@b.example'),
);
const replacement = fc.oneof(
  { weight: 5, arbitrary: text },
  fc.integer({ min: -5, max: 3000 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  fc.dictionary(fc.constantFrom('id', 'name', 'zz'), text, { maxKeys: 2 }),
);

describe('the lean validators against the full ones', () => {
  it('are built (npm run build)', () => {
    expect(built, 'run `npm run build` first: dist/schema/quick.cjs and compiled.cjs').toBe(true);
  });

  it.runIf(built)('accept a file only when the full set accepts it, and reject exactly what it rejects', () => {
    const quick = require(path.join(ROOT, 'dist/schema/quick.cjs')) as Record<string, Validator>;
    const full = require(path.join(ROOT, 'dist/schema/compiled.cjs')) as Record<string, Validator>;
    for (const [kind, data] of files) {
      expect(full[kind], kind).toBeTypeOf('function');
      expect(quick[kind]!(data), `${kind}: the example is valid`).toBe(true);
    }
    let rejected = 0;
    const paths = files.map(([, data]) => pathsOf(data));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: files.length - 1 }), fc.nat(), replacement, fc.boolean(), fc.boolean(), (which, n, value, remove, addKey) => {
        const [kind, data] = files[which]!;
        const all = paths[which]!;
        const at = all[n % all.length]!;
        let mutated = setAt(data, at, value, remove);
        if (addKey && typeof mutated === 'object' && mutated !== null && !Array.isArray(mutated))
          mutated = { ...mutated, [(typeof value === 'string' && value.slice(0, 8)) || 'zz-extra']: value };
        const lean = quick[kind]!(mutated);
        const whole = full[kind]!(mutated);
        if (!whole) rejected++;
        // Sound: never valid when the full set says invalid. Exact today: every
        // maxLength sits on an ASCII-only pattern, so counting UTF-16 units
        // rejects nothing more than counting code points does.
        if (lean !== whole) throw new Error(`${kind}: lean ${lean}, full ${whole} for ${JSON.stringify(at)} = ${JSON.stringify(value)}`);
      }),
      { numRuns: RUNS * 10 },
    );
    // The mutations reach invalid files, or the property says little.
    expect(rejected).toBeGreaterThan(RUNS);
  });

  it.runIf(built)('count a string over 200 code units in a maxLength field as too long, even when its code points are fewer', () => {
    const quick = require(path.join(ROOT, 'dist/schema/quick.cjs')) as Record<string, Validator>;
    const full = require(path.join(ROOT, 'dist/schema/compiled.cjs')) as Record<string, Validator>;
    const partnership = files.find(([kind]) => kind === 'partnership')![1] as Record<string, unknown>;
    // 201 ASCII characters: too long for both.
    const long = { ...partnership, id: 'a'.repeat(201) };
    expect([quick.partnership!(long), full.partnership!(long)]).toEqual([false, false]);
    const fits = { ...partnership, id: 'a'.repeat(200) };
    expect([quick.partnership!(fits), full.partnership!(fits)]).toEqual([true, true]);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair } from 'yaml';
import { kindOf } from '../../src/load/discover.js';
import { loadSource } from '../../src/load/load-source.js';
import { checkWorkspace } from '../../src/check/run-check.js';
import { formatters } from '../../src/formatters/index.js';
import { NO_COLORS } from '../../src/formatters/types.js';
import type { Diagnostic, Range } from '../../src/model/diagnostic.js';
import type { SourceFile } from '../../src/model/source.js';
import { allRules } from '../../src/rules/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'bin/govern.js');

/** How many mutated partnerships to check: a few hundred by default, thousands under `npm run fuzz`. */
const RUNS = Number(process.env.GOVERN_FUZZ_RUNS ?? '') || 300;

/** The example partnership when it exists, else the small valid one the hostile corpus starts from. */
const SOURCE = [path.join(ROOT, 'examples/acme-northwind'), path.join(ROOT, 'test/fixtures/hostile/base')].find((dir) => existsSync(path.join(dir, 'partnership.yaml')))!;

function readYamlTree(dir: string, rel = ''): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    const relPath = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, relPath)).isDirectory()) Object.assign(out, readYamlTree(dir, relPath));
    else if (name.endsWith('.yaml')) out[relPath] = readFileSync(path.join(dir, relPath));
  }
  return out;
}

const ORIGINAL = readYamlTree(SOURCE);
const NAMES = Object.keys(ORIGINAL);
const TODAY = '2026-11-15';
// Unchanged files are loaded once: loadSource is pure.
const LOADED = new Map(NAMES.map((name) => [name, load(name, ORIGINAL[name]!)] as const));

function load(name: string, content: Uint8Array): SourceFile {
  return loadSource({ path: name, relPath: name, content }, kindOf(name));
}

// --- Mutations -------------------------------------------------------------

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert-bytes'; at: number; bytes: Uint8Array }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'delete-line'; at: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'duplicate-item'; pick: number }
  | { kind: 'retype'; pick: number; value: unknown }
  | { kind: 'rename'; pick: number; name: string };

const oddValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2026-02-30', '24:00', '2026-10-05T09:12:00', '1e400', 'P1', 'jane-doe', '', '~', 'yes', '.inf'),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
);

const oddKey = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', '<<', 'id', 'toString', 'hasOwnProperty'));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert-bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-item' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), pick: fc.nat(), value: oddValue }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), name: oddKey }),
);

/** One mutated partnership: which file, and what was done to it, in order. */
const mutatedCase = fc.record({ file: fc.nat({ max: NAMES.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) });

type Place = { path: (string | number)[]; pair?: Pair; seq?: boolean };

/** Every place in a document: each pair of a mapping (with its key) and each item of a list. */
function places(doc: Document): Place[] {
  const out: Place[] = [];
  const walk = (node: unknown, at: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items as Pair[]) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        out.push({ path: [...at, key], pair });
        walk(pair.value, [...at, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        out.push({ path: [...at, i], seq: true });
        walk(item, [...at, i]);
      });
    }
  };
  walk(doc.contents, []);
  return out;
}

function mutate(content: Uint8Array, m: Mutation): Uint8Array {
  const bytes = Buffer.from(content);
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, m.at % (bytes.length + 1));
    case 'insert-bytes': {
      const at = m.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    }
    case 'duplicate-line':
    case 'delete-line': {
      const lines = bytes.toString('utf8').split('\n');
      const at = m.at % lines.length;
      if (m.kind === 'duplicate-line') lines.splice(at, 0, lines[at]!);
      else lines.splice(at, 1);
      return Buffer.from(lines.join('\n'));
    }
    default: {
      const doc = parseDocument(bytes.toString('utf8'), { uniqueKeys: false });
      if (doc.errors.length > 0) return bytes;
      const all = places(doc);
      if (all.length === 0) return bytes;
      const place = all[m.pick % all.length]!;
      // The mutator, not the checker, may fail on a document with duplicate keys, or be unable to write
      // back what it parsed (an anchor holding a NUL byte, seed -2000230102): then nothing changes.
      try {
        editAt(doc, place, m);
        return Buffer.from(doc.toString());
      } catch {
        return bytes;
      }
    }
  }
}

function editAt(doc: Document, place: Place, m: Mutation): void {
  if (m.kind === 'delete') doc.deleteIn(place.path);
  else if (m.kind === 'retype') doc.setIn(place.path, doc.createNode(m.value));
  else if (m.kind === 'rename' && place.pair) place.pair.key = doc.createNode(m.name);
  else if (m.kind === 'duplicate-item' && place.seq) {
    const parent = doc.getIn(place.path.slice(0, -1), true);
    if (isSeq(parent)) parent.items.splice(Number(place.path.at(-1)), 0, doc.createNode(doc.getIn(place.path)));
  }
}

function applyCase(c: { file: number; mutations: Mutation[] }): { name: string; content: Uint8Array } {
  const name = NAMES[c.file]!;
  let content: Uint8Array = ORIGINAL[name]!;
  for (const m of c.mutations) content = mutate(content, m);
  return { name, content };
}

// --- What must hold for every case ------------------------------------------

const require = createRequire(import.meta.url);
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as Record<string, unknown>;
// The official schema is draft-04 (`$schema`), and one of its patterns is not valid under the `u` flag.
const AjvDraft04 = (require('ajv-draft-04') as { default: new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } } }).default;
const addFormats = (require('ajv-formats') as { default: (ajv: unknown) => void }).default;
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(SARIF_SCHEMA);

function expectInside(range: Range, file: SourceFile | undefined, what: string): void {
  expect(file, `${what}: no such file`).toBeDefined();
  const { start, end } = range;
  const ok = start.line >= 1 && start.column >= 1 && end.line >= start.line && end.line <= file!.lineCount && (end.line > start.line || end.column >= start.column);
  expect(ok, `${what}: ${JSON.stringify(range)} outside ${file!.path} (${file!.lineCount} lines)`).toBe(true);
}

function checkCase(name: string, content: Uint8Array): Diagnostic[] {
  const files = NAMES.map((n) => (n === name ? load(n, content) : LOADED.get(n)!));
  const byPath = new Map(files.map((f) => [f.path, f] as const));
  const result = checkWorkspace({ partnerships: [{ root: '.', files }] }, { today: TODAY });
  for (const d of result.diagnostics) {
    expectInside(d.range, byPath.get(d.file), `${d.ruleId}`);
    for (const r of d.related ?? []) expectInside(r.range, byPath.get(r.file), `${d.ruleId} related`);
  }
  const input = {
    diagnostics: result.diagnostics,
    summary: result.summary,
    files: files.map((f) => f.path),
    sources: new Map(files.map((f) => [f.path, f.text] as const)),
    rules: allRules,
    version: '0.0.0-fuzz',
    colors: NO_COLORS,
  };
  const sarif = JSON.parse(formatters.sarif!(input)) as unknown;
  expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
  for (const format of Object.keys(formatters)) expect(typeof formatters[format]!(input)).toBe('string');
  return result.diagnostics;
}

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();

describe(`fuzzing ${path.relative(ROOT, SOURCE)} with structural mutations (${RUNS} cases)`, () => {
  it('the unmutated partnership is clean, so that findings come from the mutations', () => {
    expect(checkCase(NAMES[0]!, ORIGINAL[NAMES[0]!]!).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it(
    'never throws; every finding lies inside its file; SARIF validates; no prototype changes; no warnings printed',
    () => {
      const warnings: string[] = [];
      const onWarning = (w: Error): void => void warnings.push(w.message);
      process.on('warning', onWarning);
      fc.assert(
        fc.property(mutatedCase, (c) => {
          const { name, content } = applyCase(c);
          checkCase(name, content);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(prototypeBefore);
        }),
        { numRuns: RUNS, seed: process.env.GOVERN_FUZZ_SEED ? Number(process.env.GOVERN_FUZZ_SEED) : undefined },
      );
      process.off('warning', onWarning);
      expect(warnings).toEqual([]);
    },
    Math.max(60_000, RUNS * 100),
  );

  it('finds something in the mutations: the property is not vacuous', () => {
    const found = fc
      .sample(mutatedCase, { numRuns: 50, seed: 42 })
      .map(applyCase)
      .filter(({ name, content }) => checkCase(name, content).length > 0);
    expect(found.length).toBeGreaterThan(10);
  });
});

describe.runIf(existsSync(path.join(ROOT, 'dist/cli/main.js')))('a handful of mutations through the built CLI', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'govern-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 or 1 with valid SARIF and nothing on stderr', () => {
    const cases = fc.sample(mutatedCase, { numRuns: 6, seed: 20261115 }).map(applyCase);
    cases.forEach(({ name, content }, i) => {
      const root = path.join(dir, `case-${i}`);
      for (const n of NAMES) {
        mkdirSync(path.dirname(path.join(root, n)), { recursive: true });
        writeFileSync(path.join(root, n), n === name ? content : ORIGINAL[n]!);
      }
      const result = spawnSync(process.execPath, [BIN, 'check', root, '--format', 'sarif', '--today', TODAY], { cwd: dir, encoding: 'utf8' });
      expect(result.signal).toBeNull();
      expect(result.stderr).toBe('');
      expect([0, 1]).toContain(result.status);
      expect(validateSarif(JSON.parse(result.stdout)), JSON.stringify(validateSarif.errors)).toBe(true);
    });
  });
});

import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlQuickly } from '../../src/parse/fast-yaml.js';
import { parseYaml } from '../../src/parse/parse-yaml.js';
import { readYaml } from '../../src/parse/read-yaml.js';
import { readLineYaml } from '../../src/parse/line-yaml.js';
import { locateInLines } from '../../src/parse/line-positions.js';

const RUNS = Number(process.env.GOVERN_FUZZ_RUNS ?? 300);

/** The differential property: whatever the fast reader accepts, `yaml` reads cleanly and to the same value. */
function agrees(text: string): boolean {
  const quick = parseYamlQuickly(text);
  if (quick === undefined) return true;
  const full = parseYaml(text);
  if (!full.ok || full.problems.length > 0)
    throw new Error(`fast reader accepted what yaml rejects: ${JSON.stringify(text)} (${full.problems.map((p) => p.ruleId).join(', ')})`);
  if (!isDeepStrictEqual(quick.data, full.data))
    throw new Error(`values differ for ${JSON.stringify(text)}: ${JSON.stringify(quick.data)} vs ${JSON.stringify(full.data)}`);
  return true;
}

/** Every path into a value, and for each a child that is not there. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix, [...prefix, 'zz-missing'], [...prefix, 99]);
  if (Array.isArray(value)) value.forEach((item, i) => void pathsOf(item, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

/** The line reader's recorded places are `yaml`'s, for every path it answers (it may leave a place to the full parser). */
function placesAgree(text: string): boolean {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const read = readLineYaml(source, true);
  if (!read?.positions) return true;
  const full = parseYaml(text);
  for (const path of pathsOf(read.data)) {
    for (const at of ['key', 'value'] as const) {
      const mine = locateInLines(read.data, read.positions, path, at);
      if (mine.has !== full.has(path)) throw new Error(`has differs for ${JSON.stringify(text)} at ${JSON.stringify(path)}`);
      if (mine.range && !isDeepStrictEqual(mine.range, full.locate(path, at))) {
        throw new Error(
          `places differ for ${JSON.stringify(text)} at ${JSON.stringify(path)} (${at}): ${JSON.stringify(mine.range)} vs ${JSON.stringify(full.locate(path, at))}`,
        );
      }
    }
  }
  return true;
}

// Scalars chosen to sit on the edges where YAML 1.1, js-yaml and YAML 1.2 core differ.
const EDGE_SCALARS = [
  'null',
  'Null',
  'NULL',
  'nULL',
  '~',
  '',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '0',
  '-0',
  '+0',
  '12',
  '+12',
  '-12',
  '08',
  '012',
  '0o17',
  '0O17',
  '0x1F',
  '0X1F',
  '0b101',
  '1_000',
  '1,000',
  '.5',
  '-.5',
  '+.5',
  '1.',
  '1.0',
  '1e5',
  '1E5',
  '1e+5',
  '-1e-5',
  '1.5e3',
  '.inf',
  '-.inf',
  '+.inf',
  '.Inf',
  '.NaN',
  '.nan',
  'nan',
  'inf',
  '1e400',
  '123456789012345678901',
  '9007199254740993',
  '2026-10-05',
  '2026-10-05T09:12:00+02:00',
  '12:30',
  '12:30:45',
  '1:20',
  '"quoted"',
  "'single'",
  '"a\\tb"',
  '"\\x41\\u263A"',
  "'it''s'",
  'a: b',
  'a #b',
  'a#b',
  '- x',
  '@at',
  '`tick`',
  '%pct',
  'é',
  'ü ⇄ ö',
  'x y z',
  // What people write in names and prose: YAML's indicators inside text, and at a node's start.
  'Globex & Initech',
  'AT&T',
  'R&D',
  'Marks & Spencer',
  'SLA >99.9 %',
  'a * b',
  'a *b',
  'Wow!',
  'a !b',
  'a &b',
  'a << b',
  '<<',
  '<b>bold</b>',
  'x > y',
  'a|b',
  'a | b',
  '"Team #1"',
  "'Team #1'",
  'Team#1',
  "O'Brien",
  "'O''Brien'",
  '"it\'s: fine"',
  '"a: b # c"',
  'a:b',
  'x: ',
  ': x',
  '>',
  '|',
  '>-',
  '|-',
  '>1',
  '>99',
  '|2',
  '&a x',
  '*a',
  '!t x',
  '!!str x',
  '? x',
  '-',
  '- ',
  '-x',
  '--',
  '---',
  '...',
  '%YAML 1.2',
  '😀 emoji',
  'Zoë Müller',
  '東京 office',
  'naïve café',
  'a\t',
  'a \t',
  '\ta',
  'a\tb',
  '"a\tb"',
  '\ud83d',
  'x\r',
  '#not',
  ' lead',
  'trail ',
];

const KEYS = [
  'id',
  'name',
  'a',
  'b',
  '1',
  'true',
  'null',
  '~',
  '"null"',
  "''",
  '"x y"',
  'key with spaces',
  '__proto__',
  'constructor',
  '0x1F',
  '-0',
  // Quoted keys as govern.import.yaml's values are written (in block and flow mappings alike).
  '"Cloud Ops"',
  '"1 - Critical"',
  "'it''s'",
  '"a#b"',
  '"a: b"',
  "'R&D'",
  '"__proto__"',
  '"a"',
];

/** Small YAML documents built from risky pieces, in block and flow styles. */
const soup: fc.Arbitrary<string> = fc.letrec((tie) => ({
  scalar: fc.oneof(
    fc.constantFrom(...EDGE_SCALARS),
    fc.string({ maxLength: 8 }).filter((s) => !s.includes('\n')),
  ),
  flow: fc.oneof(
    { depthSize: 'small' },
    tie('scalar'),
    fc.array(tie('flow'), { maxLength: 3 }).map((items) => `[${(items as string[]).join(', ')}]`),
    fc
      .array(fc.tuple(fc.constantFrom(...KEYS), tie('flow')), { maxLength: 3 })
      .map((pairs) => `{${(pairs as [string, string][]).map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
  ),
  block: fc.oneof(
    { depthSize: 'small' },
    fc
      .array(fc.tuple(fc.constantFrom(...KEYS), fc.oneof(tie('flow'), tie('block'))), { minLength: 1, maxLength: 4 })
      .map((pairs) => (pairs as [string, string][]).map(([k, v]) => (v.includes('\n') ? `${k}:\n${indent(v)}` : `${k}: ${v}`)).join('\n')),
    fc
      .array(fc.oneof(tie('flow'), tie('block')), { minLength: 1, maxLength: 3 })
      .map((items) => (items as string[]).map((v) => (v.includes('\n') ? `-\n${indent(v)}` : `- ${v}`)).join('\n')),
  ),
})).block as fc.Arbitrary<string>;

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** Decorations that change how a document must be read: each must be rejected, deferred or read alike. */
const decoration = fc.constantFrom(
  (t: string) => t,
  (t: string) => `${t}\n`,
  (t: string) => `---\n${t}\n`,
  (t: string) => `---\n${t}\n...\n`,
  (t: string) => `%YAML 1.1\n---\n${t}\n`,
  (t: string) => `%YAML 1.2\n---\n${t}\n`,
  (t: string) => `${t}\n---\nx: 1\n`,
  (t: string) => `# comment\n${t}  # trailing\n`,
  (t: string) => t.replace(/\n/g, '\r\n'),
  (t: string) => t.replace(/^ {2}/m, '\t'),
  (t: string) => `\ufeff${t}`,
  (t: string) => `anchor: &a {x: 1}\nref: *a\n${t}`,
  (t: string) => `base: {x: 1}\nmerged:\n  <<: {x: 1}\n${t}`,
  (t: string) => `tagged: !include other.yaml\n${t}`,
  (t: string) => `tagged: !!str 12\n${t}`,
  (t: string) => `? complex\n: value\n${t}`,
  (t: string) => `[a, b]: value\n${t}`,
  (t: string) => `dup: 1\n${t}\ndup: 2\n`,
  (t: string) => `text: |\n  line one\n  line two\n${t}`,
  (t: string) => `text: >-\n  folded\n  lines\n\n  para\n${t}`,
  (t: string) => `text: |+\n  kept\n\n${t}`,
  (t: string) => `text: "multi\n  line"\n${t}`,
  (t: string) => `text: plain\n  continued\n${t}`,
  // What other authors do: comments everywhere, CRLF with a BOM, markers, trailing tabs, items on their own line.
  (t: string) => `\ufeff%YAML 1.2\n---\n${t.replace(/\n/g, '\r\n')}\r\n`,
  (t: string) => `--- # the document\n${t}\n...\n`,
  (t: string) => `%YAML 1.2\n${t}\n`,
  (t: string) => t.replace(/\n/g, "  # note: & * ! # ' : < >\n"),
  (t: string) => t.replace(/\n/g, ' #\t*\n'),
  (t: string) => t.replace(/\n/g, '\t\n'),
  (t: string) => t.replace(/\n/g, ' \t \n'),
  (t: string) => t.replace(/^( *)- /gm, '$1-\n$1  '),
  (t: string) => t.replace(/^( *)- /gm, '$1- # item\n$1  '),
  (t: string) => t.replace(/: /, ': |\n    '),
  (t: string) => t.replace(/: /, ': >-\n  '),
  (t: string) => `text: "Globex & Initech,\n  a partnership\n\n  since 2020 "\n${t}`,
  (t: string) => `text: 'it''s\n   long'  # c\n${t}`,
  (t: string) => `list:\n  - "one\n    two"\n  - 'three\n\n    four'\n${t}`,
  (t: string) => `text: "unclosed\n${t}`,
  (t: string) => `text: "escaped \\\n  line"\n${t}`,
  (t: string) => `text: plain words\n  go on & on\n\n  and on\n${t}`,
  (t: string) => `text: plain\n  - dash\n${t}`,
  (t: string) => `items:\n- |\n  literal\n   more\n- >\n folded\n${t}`,
  (t: string) => `text: |-\n    kept\n      indented\n    back\n${t}`,
  (t: string) => `name: Globex & Initech  # & * !\nsla: SLA >99.9 % of the month\nnote: "#1 & only: 'yes'"\n${t}`,
  (t: string) => `name: 😀 Zoë & Søren Müller, 東京\n${t}`,
  (t: string) => t.replace(/\n/g, '\r'),
  (t: string) => `${t}\n---\n`,
  (t: string) => `hours: { mon-fri: "08:00-18:00",  # weekdays\n  sat: [a, 'b c',\n    "d"] }\nlist: [\n  one,\n  two\n]\n${t}`,
  (t: string) => `flow: [a,\n b]\n${t}`,
  (t: string) => `flow: { a: "#1 'x'",  # c "\n  b: 'it''s #2', c: O'Brien # d\n  }\n${t}`,
  (t: string) => `flow: [ "a\n  b", c ]\n${t}`,
  (t: string) => `r:\n  k: [\n    a,\n    [b,\n  ], c\n  ]\n  j: {\n   x: 1\n  }\n- k: [\n  a\n  ]\n${t}`,
  (t: string) => `- k: [\n    a\n  ]\n- [\n  b\n]\n- {\n  c: d }\n${t}`,
  (t: string) => `k: [\n  a\n]\nj: [\n  b\n ]\n${t}`,
  (t: string) => `flow: [a,\nb]\n${t}`,
  (t: string) => `flow: [O'Brien,\n  b]\n${t}`,
  (t: string) => `flow: {a: "x\n\n  y", b: 1}\n${t}`,
  (t: string) => `flow: [a   \n   ,  b  ]\n${t}`,
  (t: string) => `text: |\n  tab\tinside\t\n  \tlead\n${t}`,
  (t: string) => `text: >-\t\n  tab after\t\n  folded\n${t}`,
  (t: string) =>
    t
      .replace(/\n/g, () => '\n')
      .replace(/\[/g, '[\n    ')
      .replace(/, /g, ',\n    '),
  (t: string) => `${t}\n...\nmore: 1\n`,
);

/** Any JSON-like value, as both libraries would write it in their styles. */
const value = fc.jsonValue({ maxDepth: 4 });
const writers: ((v: unknown) => string)[] = [
  (v) => stringify(v),
  (v) => stringify(v, { collectionStyle: 'flow' }),
  (v) => stringify(v, { defaultStringType: 'QUOTE_DOUBLE' }),
  (v) => stringify(v, { defaultStringType: 'QUOTE_SINGLE' }),
  (v) => stringify(v, { defaultStringType: 'BLOCK_LITERAL', defaultKeyType: 'PLAIN' }),
  (v) => stringify(v, { defaultStringType: 'BLOCK_FOLDED', defaultKeyType: 'PLAIN' }),
  (v) => dump(v),
  (v) => dump(v, { flowLevel: 1 }),
  (v) => dump(v, { noCompatMode: true, lineWidth: 20 }),
];

describe('the fast YAML reader against yaml', () => {
  it('reads every document it accepts exactly as yaml does (risky pieces)', () => {
    fc.assert(
      fc.property(soup, decoration, (doc, decorate) => agrees(decorate(doc))),
      { numRuns: RUNS * 3 },
    );
  });

  it('reads every document it accepts exactly as yaml does (values written by both libraries)', () => {
    fc.assert(
      fc.property(value, fc.nat({ max: writers.length - 1 }), (v, w) => {
        let text: string;
        try {
          text = writers[w]!(v);
        } catch {
          return true; // a writer that cannot write this value
        }
        return agrees(text);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('records the places yaml reports, for every path (risky pieces)', () => {
    fc.assert(
      fc.property(soup, decoration, (doc, decorate) => placesAgree(decorate(doc))),
      { numRuns: RUNS * 3 },
    );
  });

  it('records the places yaml reports, for every path (values written by both libraries)', () => {
    fc.assert(
      fc.property(value, fc.nat({ max: writers.length - 1 }), (v, w) => {
        let text: string;
        try {
          text = writers[w]!(v);
        } catch {
          return true;
        }
        return placesAgree(text);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('reads the partnership files govern ships with, without deferring', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const path = await import('node:path');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.yaml')) files.push(full);
      }
    };
    walk(path.join(import.meta.dirname, '../../examples/acme-northwind'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const quick = parseYamlQuickly(text);
      expect(quick, file).toBeDefined();
      expect(agrees(text)).toBe(true);
    }
  });
});

describe('what govern rejects is never read quickly', () => {
  const cases: [string, string, string][] = [
    ['duplicate keys', 'a: 1\nb: 2\na: 3\n', 'yaml/duplicate-key'],
    ['a custom tag', 'a: !include other.yaml\n', 'yaml/custom-tag'],
    ['a YAML 1.1 !!binary tag', 'a: !!binary aGk=\n', 'yaml/custom-tag'],
    ['a YAML 1.1 !!timestamp tag', 'a: !!timestamp 2026-01-01\n', 'yaml/custom-tag'],
    ['a core tag that does not fit its value', 'a: !!int ten\n', 'yaml/custom-tag'],
    ['a merge key', 'base: &b {x: 1}\nc:\n  <<: *b\n', 'yaml/merge-key'],
    ['a %YAML 1.1 directive', '%YAML 1.1\n---\na: on\n', 'yaml/version'],
    ['several documents', 'a: 1\n---\nb: 2\n', 'yaml/syntax'],
    ['a tab as indentation', 'a:\n\tb: 1\n', 'yaml/syntax'],
    ['too many aliases', `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 120 }, (_, i) => `k${i}: *a`).join('\n')}\n`, 'yaml/alias-limit'],
    ['a number too large', 'a: 1e400\n', 'yaml/number-range'],
    ['a whole number JavaScript cannot hold', 'a: 123456789012345678901\n', 'yaml/number-range'],
    ['a collection as a key', '[a, b]: 1\n', 'yaml/complex-key'],
  ];
  it.each(cases)('%s', (_name, text, ruleId) => {
    expect(parseYamlQuickly(text)).toBeUndefined();
    const parsed = readYaml(text);
    expect(parsed.problems.map((p) => p.ruleId)).toContain(ruleId);
  });

  it('leaves every tag to the full parser, YAML 1.1 ones included', () => {
    expect(parseYamlQuickly('a: !!binary aGk=\n')).toBeUndefined();
    expect(parseYamlQuickly('a: !!str 12\n')).toBeUndefined();
    // A core tag that fits is plain data, read by the full parser.
    expect(readYaml('a: !!str 12\n')).toMatchObject({ problems: [] });
  });

  it('defers a document nested deeper than it reads quickly, and yaml reports the depth limit', () => {
    const deep = `${'['.repeat(80)}${']'.repeat(80)}\n`;
    expect(parseYamlQuickly(deep)).toBeUndefined();
    expect(readYaml(deep).problems.map((p) => p.ruleId)).toContain('yaml/too-deep');
  });

  it('reads a plain file quickly and finds positions only when asked', () => {
    const text = 'id: acme\nowners:\n  client: jane-doe\n';
    expect(parseYamlQuickly(text)).toEqual({ data: { id: 'acme', owners: { client: 'jane-doe' } } });
    const parsed = readYaml(text);
    expect(parsed.ok).toBe(true);
    expect(parsed.locate(['owners', 'client'])).toEqual({ start: { line: 3, column: 11 }, end: { line: 3, column: 19 } });
  });
});

describe('the line reader against yaml', () => {
  it('reads every document it accepts exactly as yaml does', async () => {
    const { readLineYaml } = await import('../../src/parse/line-yaml.js');
    const check = (text: string): boolean => {
      const lines = readLineYaml(text);
      if (lines === undefined) return true;
      const full = parseYaml(text);
      if (!full.ok || full.problems.length > 0) throw new Error(`line reader accepted what yaml rejects: ${JSON.stringify(text)}`);
      if (!isDeepStrictEqual(lines.data, full.data))
        throw new Error(`values differ for ${JSON.stringify(text)}: ${JSON.stringify(lines.data)} vs ${JSON.stringify(full.data)}`);
      return true;
    };
    fc.assert(
      fc.property(soup, decoration, (doc, decorate) => check(decorate(doc))),
      { numRuns: RUNS * 3 },
    );
    fc.assert(
      fc.property(value, fc.nat({ max: writers.length - 1 }), (v, w) => {
        let text: string;
        try {
          text = writers[w]!(v);
        } catch {
          return true;
        }
        return check(text);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('reads the example partnership itself, without handing it on', async () => {
    const { readLineYaml } = await import('../../src/parse/line-yaml.js');
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const dir = path.join(import.meta.dirname, '../../examples/acme-northwind');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    let read = 0;
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const lines = readLineYaml(text);
      if (lines) {
        read++;
        expect(lines.data, file).toEqual(parseYaml(text).data);
      }
    }
    expect(read).toBe(files.length);
  });
});

// The line reader's constructs where its reading of lines, keys and scalars
// was rewritten for speed (issue 20): lines cut from the text in one pass,
// keys found by a sticky expression and cut back from their `:`, flow keys
// read at their index (quoted ones too), digit-first scalars. Each document is held to `yaml`
// (values and every recorded place), and the ones the line reader must read
// (or must give up on, with its reason) say so.

import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateInLines } from '../../src/parse/line-positions.js';
import { lineReaderGaveUpBecause, readLineYaml } from '../../src/parse/line-yaml.js';
import { parseYaml } from '../../src/parse/parse-yaml.js';

const RUNS = Number(process.env.GOVERN_FUZZ_RUNS ?? 300);

function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix, [...prefix, 'zz-missing'], [...prefix, 99]);
  if (Array.isArray(value)) value.forEach((item, i) => void pathsOf(item, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

/** Whatever the line reader accepts, `yaml` reads cleanly, to the same value, with the same places; returns whether it accepted. */
function agrees(text: string): boolean {
  const read = readLineYaml(text);
  const recorded = readLineYaml(text, true);
  expect(recorded === undefined, JSON.stringify(text)).toBe(read === undefined);
  if (read === undefined || recorded === undefined) return false;
  const full = parseYaml(text);
  if (!full.ok || full.problems.length > 0) throw new Error(`line reader accepted what yaml rejects: ${JSON.stringify(text)}`);
  if (!isDeepStrictEqual(read.data, full.data) || !isDeepStrictEqual(recorded.data, full.data))
    throw new Error(`values differ for ${JSON.stringify(text)}: ${JSON.stringify(read.data)} vs ${JSON.stringify(full.data)}`);
  for (const path of pathsOf(recorded.data)) {
    for (const at of ['key', 'value'] as const) {
      const mine = locateInLines(recorded.data, recorded.positions!, path, at);
      if (mine.has !== full.has(path)) throw new Error(`has differs for ${JSON.stringify(text)} at ${JSON.stringify(path)}`);
      if (mine.range && !isDeepStrictEqual(mine.range, full.locate(path, at)))
        throw new Error(
          `places differ for ${JSON.stringify(text)} at ${JSON.stringify(path)} (${at}): ${JSON.stringify(mine.range)} vs ${JSON.stringify(full.locate(path, at))}`,
        );
    }
  }
  return true;
}

const gaveUp = (text: string): string => {
  expect(readLineYaml(text), JSON.stringify(text)).toBeUndefined();
  return lineReaderGaveUpBecause();
};

describe('the line reader, where it was made quicker', () => {
  it('reads keys as written: spaces before the colon, the punctuation ids use, prototype names', () => {
    for (const text of [
      'a: 1\nb  : 2\nc   :\n  d: x\n',
      'owner (primary): Ann\nv1.2/x+y-z_w: 3\n9lives: cat\n_: under\n',
      'toString: a\nconstructor: b\nvalueOf:\n  hasOwnProperty: c\n',
      'key:value\n',
      'a:b: c\n',
      'a: b: c\n',
      'a :b\n',
      "'quoted key': 1\n\"dq key\"  : 2\n'it''s': 3\nplain: 4\n",
      '- a  : 1\n  b: 2\n-   c : 3\n',
      'null: 1\n',
      'true: 1\n',
      '12: x\n',
      '.nan: x\n',
      '0x1F: x\n',
      'a: 1\na : 2\n',
      'a b c  :  spaced   # c\n',
      'k:\n',
      'k:    \n',
      'k: \n  - 1\n',
    ])
      agrees(text);
    expect(agrees('a: 1\nb  : 2\nc   :\n  d: x\n')).toBe(true);
    expect(agrees('toString: a\nconstructor: b\nvalueOf:\n  hasOwnProperty: c\n')).toBe(true);
    expect(gaveUp('a: 1\na : 2\n')).toBe('a key written twice');
    expect(gaveUp('null: 1\n')).toBe('a key that is not text');
  });

  it('reads flow mapping keys where they start in the line', () => {
    for (const text of [
      'm: {a: 1, b  : 2, c d: [x, y]}\n',
      'm: { a: {b: 1},  c : d }\n',
      '- {x: 1}\n- {y  : 2, z: 3}\n',
      'm: {a: 1, a: 2}\n',
      'm: {toString: 1}\n',
      'm: {a:1}\n',
    ])
      agrees(text);
    expect(agrees('m: {a: 1, b  : 2, c d: [x, y]}\n')).toBe(true);
  });

  it('reads quoted flow mapping keys, as govern.import.yaml writes them, and gives up on the unsure ones', () => {
    const read = [
      'values: { service: { "Cloud Ops": cloud-hosting, "Service Desk": service-desk } }\npriority: { "1 - Critical": P1, "2 - High": P2 }\n',
      "m: {'it''s': 1, 'a b': 2, '''': 3}\n",
      'm: {"a":1}\n',
      "m: {'a':b}\n",
      'm: {"a" :1}\n',
      'm: {"a" : b}\n',
      'm: {"a"  :  b ,  "c":d}\n',
      'm: {"a#b": c, "R&D": d, "x: y": e, "#": f, "a # b": g}\n',
      'm: {"1": a, "-1": b, "0x1F": c, "null": d, "true": e, "~": f}\n',
      'm: {"a": b} # c\n',
      'm: {"a": b}  # "c": d\n',
      'm: {"a":b:c}\n',
      'm: {"a":"b", \'c\':\'d\'}\n',
      'm: {"a":[1, {"b":2}]}\n',
      'm: {"a,b": 1, "{c}": 2, "[d]": 3}\n',
      'm: {"it\'s": 1, \'say "hi"\': 2}\n',
      'm: {"Zoë & Søren": 1, "東京": 2}\n',
      'm: { "a": 1,\n  "b c": 2 }\n',
      'm: {\n  "a": 1,  # one\n  \'b\': 2\n}\n',
      '- {"a": 1}\n- {\'b\' : 2, c: 3}\n',
      'm: {a: 1, "b": 2}\n',
    ];
    for (const text of read) expect(agrees(text), JSON.stringify(text)).toBe(true);
    expect(readLineYaml(read[0]!)?.data).toEqual({
      values: { service: { 'Cloud Ops': 'cloud-hosting', 'Service Desk': 'service-desk' } },
      priority: { '1 - Critical': 'P1', '2 - High': 'P2' },
    });
    const givenUp: [string, string][] = [
      ['m: {"a": 1, "a": 2}\n', 'a key written twice'],
      ['m: {a: 1, "a": 2}\n', 'a key written twice'],
      ['m: {\'a\': 1, "a": 2}\n', 'a key written twice'],
      ['m: {"__proto__": 1}\n', 'an empty or reserved key'],
      ["m: {'__proto__': 1}\n", 'an empty or reserved key'],
      ['m: { "": x }\n', 'an empty or reserved key'],
      ['m: {"a\\"b": 1}\n', 'an escape in a double-quoted scalar'],
      ['m: {"a\\tb": 1}\n', 'an escape in a double-quoted scalar'],
      ['m: {"a}\n', 'a quoted scalar over several lines inside a flow collection'],
      ["m: {'a: 1}\n", 'a quoted scalar over several lines inside a flow collection'],
      ['m: {"a"}\n', 'a flow mapping key this reader does not read'],
      ['m: {"a" b: 1}\n', 'a flow mapping key this reader does not read'],
      ['m: {"a":}\n', 'a flow value that starts with YAML syntax'],
      ['m: {"a": , b: 1}\n', 'a flow value that starts with YAML syntax'],
      ['m: {"a":#x}\n', 'a flow value that starts with YAML syntax'],
    ];
    for (const [text, reason] of givenUp) {
      agrees(text);
      expect(gaveUp(text), JSON.stringify(text)).toBe(reason);
    }
    // Given up on, or read alike: a quoted key followed by a comment, then its `:` on the next line; quotes over lines.
    // A comment ends a plain scalar: a flow collection's next line does not go on with it (yaml rejects these).
    for (const text of ['m: {\'&\':x # c,\n  "":1}\n', 'm: [x # c\n  y]\n', 'm: [x # c\n  "y"]\n', 'm: [1\n  # c\n  1]\n', "m: {a: x # c\n  'b':1}\n"])
      expect(gaveUp(text), JSON.stringify(text)).toBe('a comment inside a flow scalar over several lines');
    for (const text of ['m: [x # c\n  , y]\n', 'm: {a: # c\n  b}\n', 'm: {"a": # c\n  1}\n', 'm: [x, # c\n  y]\n', 'm: [ # c\n  y]\n'])
      expect(agrees(text), JSON.stringify(text)).toBe(true);
    for (const text of ['m: {"a" # c\n  : b}\n', 'm: {"a\n  b": c}\n', "m: {'a\n\n  b': c}\n", 'm: {"x":: y}\n', 'm: {"a":- b}\n', 'm: ["a": b]\n']) agrees(text);
  });

  it('agrees with yaml on random flow mappings with quoted keys (quotes, spaces, colons, comments)', () => {
    const inner = fc.stringMatching(/^[A-Za-z0-9 :#&,{}[\]'"\\.-]{0,6}$/);
    const key = fc.oneof(
      inner.map((k) => `"${k}"`),
      inner.map((k) => `'${k}'`),
      inner.map((k) => `'${k.replace(/'/g, "''")}'`),
      fc.constantFrom('a', 'b c', '1'),
    );
    const sep = fc.constantFrom(':', ': ', ' :', ' : ', ':  ', '');
    const value = fc.constantFrom('1', 'x', '"q"', "'q'", '[a, "b"]', '{"k": v}', '', 'a:b', '-1', '# c', 'x # c');
    const entry = fc.tuple(key, sep, value).map(([k, s, v]) => `${k}${s}${v}`);
    const doc = fc
      .tuple(
        fc.array(entry, { maxLength: 4 }),
        fc.constantFrom(', ', ',', ' , ', ',\n  ', '\n  ', ' # c\n  ', ', # c\n  ', ' # c\n  , '),
        fc.constantFrom('', ' # end', '\n'),
      )
      .map(([entries, comma, after]) => `m: {${entries.join(comma)}}${after}\nn: 1\n`);
    const items = fc
      .tuple(fc.array(value, { maxLength: 4 }), fc.constantFrom(', ', ',\n  ', '\n  ', ' # c\n  ', ', # c\n  ', ' # c\n  , '))
      .map(([list, comma]) => `m: [${list.join(comma)}]\n`);
    fc.assert(
      fc.property(fc.oneof(doc, items), (text) => {
        agrees(text);
        return true;
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('reads digit-first and dotted scalars as the core schema does', () => {
    for (const v of [
      '0o17',
      '0o8',
      '0x1f',
      '0xG',
      '0',
      '00',
      '-0',
      '+12',
      '1_000',
      '2026-11-15',
      '12:30',
      '1.5',
      '-.5',
      '.5',
      '1e3',
      '.inf',
      '-.inf',
      '+.INF',
      '.nan',
      '.NaN',
      '0.',
      '1.2.3',
      '9007199254740993',
      '0b101',
      '-',
      '+',
      '.',
    ])
      agrees(`v: ${v}\nlist: [${v}]\n`);
    expect(agrees('v: 2026-11-15\n')).toBe(true);
    expect(readLineYaml('v: 0o17\nw: 0x1f\nx: 2026-11-15\n')?.data).toEqual({ v: 15, w: 31, x: '2026-11-15' });
    expect(gaveUp('v: .nan\n')).toBe('.nan or .inf');
  });

  it('agrees with yaml on random digit-first scalars (numbers, dates, times, and text that looks like them)', () => {
    const scalar = fc.stringMatching(/^[0-9][0-9.eExo_:+T Z-]{0,9}$/).map((v) => v.trimEnd());
    fc.assert(
      fc.property(scalar, (v) => {
        agrees(`v: ${v}\nlist: [${v}]\n- x\n`);
        agrees(`v: ${v}\nlist: [${v}, ${v}x]\nm: {k: ${v}}\n`);
        return true;
      }),
      { numRuns: RUNS * 3 },
    );
    expect(readLineYaml('a: 2026-11-15T10:00:00Z\nb: 12:30\nc: 1_000\nd: 1e3\ne: 0o17\nf: 12abc\ng: 1o2\nh: 0e5\n')?.data).toEqual({
      a: '2026-11-15T10:00:00Z',
      b: '12:30',
      c: '1_000',
      d: 1000,
      e: 15,
      f: '12abc',
      g: '1o2',
      h: 0,
    });
  });

  it('reads a key again as the same key only where it is written the same (sibling mappings, other orders, prefixes, other columns)', () => {
    const key = fc.constantFrom('a', 'ab', 'a b', 'b', 'ba', 'A', '1a', 'abc', 'id', 'ids', '"a"', "'ab'");
    const mapping = fc.uniqueArray(key, { minLength: 1, maxLength: 4 }).map((keys) => keys.map((k, n) => `${k}: v${n}`));
    const doc = fc
      .tuple(fc.array(mapping, { minLength: 1, maxLength: 5 }), fc.constantFrom('', '  ', '    '), fc.boolean())
      .map(([maps, pad, nested]) =>
        maps
          .map((lines, n) =>
            nested && n % 2 === 1
              ? `${pad}- k${n}:\n${lines.map((l) => `${pad}    ${l}`).join('\n')}`
              : lines.map((l, m) => `${pad}${m === 0 ? '- ' : '  '}${l}`).join('\n'),
          )
          .join('\n'),
      )
      .map((t) => (t.startsWith(' ') ? `top:\n${t}\n` : `${t}\n`));
    fc.assert(
      fc.property(doc, (text) => {
        agrees(text);
        return true;
      }),
      { numRuns: RUNS * 3 },
    );
    // The same in flow mappings, a list of them and nested ones.
    const flow = fc
      .tuple(fc.array(mapping, { minLength: 1, maxLength: 5 }), fc.boolean())
      .map(([maps, nested]) => `${maps.map((lines) => (nested ? `- {k: {${lines.join(', ')}}, ${lines[0]}}` : `- {${lines.join(', ')}}`)).join('\n')}\n`);
    fc.assert(
      fc.property(flow, (text) => {
        agrees(text);
        return true;
      }),
      { numRuns: RUNS * 3 },
    );
    expect(readLineYaml('- {ab: 1, a: 2}\n- {a: 3, ab: 4}\n- {ba: 5, a b: 6}\n')?.data).toEqual([
      { ab: 1, a: 2 },
      { a: 3, ab: 4 },
      { ba: 5, 'a b': 6 },
    ]);
    const twice = '- ab: 1\n  a: 2\n- a: 3\n  ab: 4\n- a b: 5\n  a: 6\n';
    expect(agrees(twice)).toBe(true);
    expect(readLineYaml(twice)?.data).toEqual([
      { ab: 1, a: 2 },
      { a: 3, ab: 4 },
      { 'a b': 5, a: 6 },
    ]);
  });

  it('cuts lines as YAML does: CRLF, lone CRs, a final line break or none, tabs, blank lines', () => {
    for (const text of [
      '',
      '\n',
      '\n\n',
      'a: 1',
      'a: 1\n',
      'a: 1\n\n\n',
      'a: 1\r\nb: 2\r\n',
      'a: 1\r\nb: 2',
      'a: 1\rb: 2\n',
      'a: 1\r\nb: 2\r',
      'a: 1\r\r\nb: 2\n',
      'a: |\r\n  x\r\n  y\r\n',
      'a: 1\t\nb: 2 \t \n',
      'a:\n  - x\t\n  -\ty\n',
      '\t\na: 1\n',
      'a: 1\n  \t\nb: 2\n',
      '# only a comment',
      '  # indented comment\na: 1\n   \nb: 2\n',
      '---\r\na: 1\r\n...\r\n',
      '%YAML 1.2\r\n---\r\na: 1\r\n',
      'a: "x\r\n  y"\r\n',
      'a: [1,\r\n  2]\r\n',
      'a: plain\r\n  more\r\n',
    ])
      agrees(text);
    expect(agrees('a: 1\r\nb: 2')).toBe(true);
    expect(agrees('a: |\r\n  x\r\n  y\r\n')).toBe(true);
    expect(gaveUp('a: 1\rb: 2\n')).toBe('a carriage return without a line feed');
    expect(gaveUp('a: 1\r\nb: 2\r')).toBe('a carriage return without a line feed');
    expect(gaveUp('a: 1\r\r\nb: 2\n')).toBe('a carriage return without a line feed');
    expect(readLineYaml('')?.data).toBeNull();
    expect(readLineYaml('a: 1\n  \t\nb: 2\n')).toBeUndefined();
  });

  it('agrees with yaml on random key lines (keys, spaces, colons, comments, CRLF)', () => {
    const keyText = fc.stringMatching(/^[A-Za-z0-9_ ./()+:#'"-]{0,8}$/);
    const valueText = fc.constantFrom('', ' 1', ' x', '  x  # c', ' [a, b]', ' {k : v}', ' "q"', " 'q'", ' 0x1f', ' 2026-11-15', ' ~');
    const line = fc.tuple(fc.constantFrom('', '  '), keyText, fc.constantFrom(':', ' :', '  :', ''), valueText).map(([ind, k, c, v]) => `${ind}${k}${c}${v}`);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (lines, eol, final) => {
        agrees(lines.join(eol) + (final ? eol : ''));
        return true;
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

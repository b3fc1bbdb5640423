// documentStrings (src/model/safe-text.ts), the HTML document's view made safe,
// leaves a string with nothing to change as it is after one test, and walks
// objects by their keys: it must give what the two passes over every string,
// by entries, gave (the reference below), for any plain data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentStrings } from '../../src/model/safe-text.js';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/g;
const NAMED: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };
const escapeChar = (ch: string): string => {
  const cp = ch.charCodeAt(0);
  return NAMED[ch] ?? (cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`);
};
function reference(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\r\n/g, '\n').replace(UNSAFE, escapeChar);
  if (Array.isArray(value)) return value.map(reference);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = reference(v);
    return out;
  }
  return value;
}

const PIECES = [
  'a',
  'Zoë',
  ' ',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\u0000',
  '\u0008',
  '\u000b',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u00a0',
  '\u061c',
  '\u200b',
  '\u200c',
  '\u200e',
  '\u202e',
  '\u2028',
  '\u2060',
  '\u2066',
  '\ufeff',
  '<script>',
  '&',
  '🟢',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 16 }),
);

describe('documentStrings', () => {
  it('gives what two passes over every string gave, for any plain data', () => {
    const data = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.date(), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 5 }),
      object: fc.dictionary(
        fc.oneof(
          text, // (No `constructor` key: toStrictEqual compares objects' `constructor`, which such a key replaces.)
          fc.constantFrom('__proto__', 'toString', 'valueOf', '0', '10', '2'),
        ),
        tie('value'),
        { maxKeys: 5 },
      ),
    })).value;
    fc.assert(
      fc.property(data, (value) => {
        const out = documentStrings(value);
        expect(out).toStrictEqual(reference(value));
        expect(Object.keys(out ?? {})).toEqual(Object.keys((reference(value) as object) ?? {}));
      }),
      { numRuns: 5000 },
    );
  });

  it('copies, and never changes what it is given', () => {
    const given = { a: ['x\r\ny', { b: '\u202e1' }], c: 'plain' };
    const out = documentStrings(given);
    expect(out).toEqual({ a: ['x\ny', { b: '\\u202e1' }], c: 'plain' });
    expect(given.a[0]).toBe('x\r\ny');
    expect(out).not.toBe(given);
    expect(out.a).not.toBe(given.a);
  });
});

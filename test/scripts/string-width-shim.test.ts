import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The shim the build gives the vendored cli-table3 (scripts/build.mjs,
// quickStringWidth) must measure every string exactly as string-width does.
const require = createRequire(import.meta.url);
const shim = require('../../scripts/shims/string-width.cjs') as (text: unknown) => number;
const real = require('string-width') as (text: unknown) => number;

const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

describe('the string-width shim of the vendored cli-table3', () => {
  it('gives every printable ASCII character, and every pair of them, the width string-width gives', () => {
    for (const a of ascii) {
      expect(shim(a)).toBe(real(a));
      for (const b of ascii) expect(shim(a + b)).toBe(real(a + b));
    }
  });

  it('gives every character of its narrow set, alone and between ASCII, the width string-width gives', () => {
    for (const [from, to] of [
      [0xa0, 0x24f],
      [0x2010, 0x205e],
    ] as const) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCodePoint(c);
        expect(shim(ch)).toBe(real(ch));
        for (const a of ['a', ' ', '1', '#', '*']) expect(shim(a + ch + a)).toBe(real(a + ch + a));
      }
    }
  });

  it('gives any text the width string-width gives, the first time and when remembered', () => {
    // ANSI colours, emoji (with keycaps and joiners), wide CJK, combining marks, controls, text a table holds.
    const pieces = [
      ...ascii,
      '\u001b[31m',
      '\u001b[39m',
      '\u001b]8;;x\u0007',
      '\u009b1m',
      '👍',
      '👩‍💻',
      '#️⃣',
      '1\u20e3',
      '©',
      '®️',
      '中',
      'ｶ',
      'é',
      'e\u0301',
      '\u200b',
      '\t',
      '\n',
      '\u0000',
      '\u007f',
      '–',
      '—',
      '·',
      '…',
      '‘',
      '”',
      '‼',
      '⁉',
      '\u00ad',
      'Ł',
      'ß',
      'Zoë',
      "O'Brien",
      '&',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(shim(text)).toBe(real(text));
        expect(shim(text)).toBe(real(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('measures what is not a string as string-width does', () => {
    for (const value of [undefined, null, 42, {}]) expect(shim(value)).toBe(real(value));
  });

  it('is what the vendored cli-table3 measures with', () => {
    expect(readFileSync(new URL('../../lib/vendor/cli-table3.cjs', import.meta.url), 'utf8')).toContain('NARROW_TEXT');
    const vendored = require('../../lib/vendor/cli-table3.cjs') as new (options: object) => { push(row: string[]): void; toString(): string };
    const table = new vendored({ head: ['Service', 'Status'], style: { head: [], border: [] } });
    table.push(['中文服务 👍', 'green']);
    // A wide cell pads the column by its width (2 per CJK character and emoji), not its length.
    const lines = table.toString().split('\n');
    expect(new Set(lines.map((l) => real(l))).size).toBe(1);
  });
});

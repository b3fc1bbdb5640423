// escapeMarkdown (src/render/escape.ts) gives a value with none of the
// characters its passes touch back with only the line-start rules applied, and
// runs the mention and issue passes only where `@` or `#` is; it must give
// exactly what every pass run in turn gives (the reference below), for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownFully, oneLineText } from '../../src/render/escape.js';

/** Every pass, in turn, as escapeMarkdown ran them before its quick paths. */
function reference(value: string): string {
  let text = oneLineText(value)
    .replace(/[\\`*_[\]<>|&~$#]/g, (c) => `\\${c}`)
    .replace(/(^|[^\p{L}\p{N}_.+-])@(?=[\p{L}\p{N}_])/gu, '$1@\u2060')
    .replace(/\\#(?=\d)/g, '\\#\u2060');
  text = text.replace(/^(\s*)([-+=])(?=\s|$|-|=)/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  return text;
}

// Plain characters, the ones each pass changes or looks at, and the ones near them (a no-break space, U+2060, U+200C).
const PIECES = [
  'a',
  'Zoë',
  "O'Brien",
  ' ',
  '  ',
  '0',
  '12',
  '123456789',
  '1234567890',
  '.',
  ')',
  '(',
  ',',
  ':',
  '-',
  '--',
  '+',
  '=',
  '==',
  '/',
  '%',
  '"',
  '—',
  '–',
  '·',
  '€',
  '\\',
  '`',
  '*',
  '_',
  '[',
  ']',
  '<',
  '>',
  '|',
  '&',
  '~',
  '$',
  '#',
  '#1',
  '@',
  '@a',
  'x@y.z',
  '{{',
  '}}',
  '<script>',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u00a0',
  '\u061c',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u202e',
  '\u2028',
  '\u2029',
  '\u2060',
  '\u2066',
  '\u2069',
  '\ufeff',
  '\v',
  '\f',
  '🟢',
  '\ud83d',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

describe('escapeMarkdown', () => {
  it('gives what every pass gives, for any text', () => {
    fc.assert(
      fc.property(text, (value) => {
        const expected = reference(value);
        expect(escapeMarkdown(value)).toBe(expected);
        expect(escapeMarkdownFully(value)).toBe(expected);
      }),
      { numRuns: 20000 },
    );
  });

  it('still escapes the start of a line on the quick path', () => {
    for (const [value, out] of [
      ['- item', '\\- item'],
      ['  + x', '  \\+ x'],
      ['==', '\\=='],
      ['1. first', '1\\. first'],
      ['2026)', '2026\\)'],
      ["Globex & O'Brien — Zoë", "Globex \\& O'Brien — Zoë"],
      ['plain words', 'plain words'],
    ] as const) {
      expect(escapeMarkdown(value)).toBe(out);
      expect(reference(value)).toBe(out);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asText } from '../../src/io/read-tree.js';
import { loadSource } from '../../src/load/load-source.js';
import type { RawFile } from '../../src/model/source.js';

// asText turns a file's bytes into its text before loadSource sees them, by
// Buffer's ASCII and UTF-8 checks instead of a fatal TextDecoder. A file must
// load exactly as from its bytes: the same text, the same findings (a NUL, an
// invalid byte and where it is), the same data.

/** Bytes as files hold them: ASCII YAML, UTF-8 of any code point, a BOM, NULs, lone continuation bytes, overlong forms, encoded surrogates, CRLF. */
const piece = fc.oneof(
  fc.constantFrom('a: 1\n', 'name: Globex & Initech\r\n', '- x\n', '# é\n', '\ufeff', 'Zoë Müller', '東京', '🚀', '\u2028', '').map((s) => [...Buffer.from(s, 'utf8')]),
  fc.string({ unit: 'binary', maxLength: 6 }).map((s) => [...Buffer.from(s, 'utf8')]),
  fc.constantFrom(
    [0],
    [0x80],
    [0xbf],
    [0xc0, 0xaf],
    [0xc2],
    [0xe0, 0x80, 0xaf],
    [0xed, 0xa0, 0x80],
    [0xef, 0xbb, 0xbf],
    [0xf4, 0x90, 0x80, 0x80],
    [0xf5],
    [0xff],
    [0xfe, 0xff],
  ),
  fc.uint8Array({ maxLength: 4 }).map((a) => [...a]),
);
const bytes = fc.array(piece, { maxLength: 12 }).map((parts) => Uint8Array.from(parts.flat()));

const raw = (content: Uint8Array): RawFile => ({ path: 'p/slas.yaml', relPath: 'slas.yaml', content });

describe('asText', () => {
  it('loads every file as loadSource does from its bytes', () => {
    fc.assert(
      fc.property(bytes, (content) => {
        const slow = loadSource(raw(content), 'slas');
        const given = asText(raw(content));
        const fast = loadSource(given, 'slas');
        expect(fast.text).toBe(slow.text);
        expect(fast.problems).toEqual(slow.problems);
        expect(fast.ok).toBe(slow.ok);
        expect(fast.data).toEqual(slow.data);
        expect(fast.lineCount).toBe(slow.lineCount);
        // Text only when the bytes are text; the bytes themselves otherwise, for loadSource to place the finding.
        if (slow.problems.some((p) => p.ruleId === 'file/encoding' || p.ruleId === 'file/not-text')) expect(given.content).toBe(content);
        else expect(typeof given.content).toBe('string');
      }),
      { numRuns: 4000 },
    );
  });

  it('takes off one byte-order mark, as the decoder does, and keeps a second', () => {
    const twice = Uint8Array.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x20, 0x31]);
    expect(asText(raw(twice)).content).toBe('\ufeffa: 1');
    expect(asText(raw(Uint8Array.from([0xef, 0xbb, 0xbf]))).content).toBe('');
  });

  it('leaves a read error, a text and an empty file as they are', () => {
    const failed: RawFile = { path: 'x', relPath: 'x', readError: { code: 'EACCES', message: 'no' } };
    expect(asText(failed)).toBe(failed);
    expect(asText({ path: 'x', relPath: 'x', content: 'a: 1' }).content).toBe('a: 1');
    expect(asText(raw(new Uint8Array(0))).content).toBe('');
  });
});

import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinPath, relativePath } from '../../src/io/paths.js';

// relativePath and joinPath answer as node:path does, for every path: the
// plain ones they slice or concatenate themselves, all others they hand on.

/** Segments that matter to a path's normalising: empty, `.`, `..`, dot-names, and ordinary names sharing prefixes. */
const segment = fc.constantFrom('', '.', '..', '...', '.git', 'a', 'ab', 'a.b', 'b', 'templates', 'partials', 'ä', 'x y', '\\');
const relative = fc.array(segment, { minLength: 0, maxLength: 6 }).map((s) => s.join('/'));
const absolute = fc.tuple(relative, fc.boolean()).map(([r, slash]) => `/${r}${slash ? '/' : ''}`);
const any = fc.oneof(absolute, relative);

describe('relativePath and joinPath', () => {
  it('relativePath(from, to) is path.relative(from, to)', () => {
    fc.assert(
      fc.property(any, any, (from, to) => {
        expect(relativePath(from, to)).toBe(path.relative(from, to));
      }),
      { numRuns: 5000 },
    );
  });

  it('relativePath of a path with itself, a folder below it, above it and beside it', () => {
    fc.assert(
      fc.property(absolute, relative, relative, (base, down, side) => {
        for (const [from, to] of [
          [base, base],
          [base, `${base}/${down}`],
          [`${base}/${down}`, base],
          [`${base}/${side}`, `${base}/${down}`],
          ['/', base],
          [base, '/'],
        ] as const) {
          expect(relativePath(from, to)).toBe(path.relative(from, to));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('joinPath(dir, rel) is path.join(dir, rel)', () => {
    fc.assert(
      fc.property(any, any, (dir, rel) => {
        expect(joinPath(dir, rel)).toBe(path.join(dir, rel));
      }),
      { numRuns: 5000 },
    );
  });

  it('slices and concatenates plain paths itself (the fast path is taken, not only the fallback)', () => {
    expect(relativePath('/work/p', '/work/p/measurements/2026-09.yaml')).toBe('measurements/2026-09.yaml');
    expect(relativePath('/work/q/r', '/work/p/slas.yaml')).toBe('../../p/slas.yaml');
    expect(joinPath('/work/p', 'measurements/2026-09.yaml')).toBe('/work/p/measurements/2026-09.yaml');
  });
});

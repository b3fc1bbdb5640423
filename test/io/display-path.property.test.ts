import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinPath } from '../../src/io/paths.js';
import { displayPath, displayPathIn } from '../../src/io/read-tree.js';

// The plan names each file as users see it from its folder's shown path
// (displayPathIn); that must be displayPath of the file's whole path, for a
// working directory anywhere: the folder, above it, inside it, beside it, far
// away (where displayPath shows the absolute path).

const name = fc.constantFrom('a', 'ab', 'p0001', 'measurements', '..x', '.git', 'x y', 'ä', '\\', 'Globex & Initech');
const segments = fc.array(name, { minLength: 0, maxLength: 5 });
const absolute = segments.map((s) => `/${s.join('/')}`);
const relPath = fc.array(name, { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));

describe('displayPathIn', () => {
  it('is displayPath of the file in the folder, from any working directory', () => {
    fc.assert(
      fc.property(absolute, segments, segments, relPath, (base, down, up, rel) => {
        const dir = joinPath(base, down.join('/'));
        // The working directory: somewhere around the folder (inside it, at it, above it, beside it).
        for (const cwd of [dir, base, joinPath(dir, up.join('/')), joinPath(base, up.join('/')), '/', joinPath('/', up.join('/'))]) {
          const shownDir = displayPath(cwd, dir);
          expect(displayPathIn(cwd, dir, shownDir, rel)).toBe(displayPath(cwd, joinPath(dir, rel)));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the folder and the file joined when the working directory is the folder or above it', () => {
    expect(displayPathIn('/w', '/w/p/a', 'p/a', 'slas.yaml')).toBe('p/a/slas.yaml');
    expect(displayPathIn('/w/p/a', '/w/p/a', '.', 'measurements/2026-01.yaml')).toBe('measurements/2026-01.yaml');
    expect(displayPathIn('/w/p/a/measurements', '/w/p/a', '..', 'measurements/2026-01.yaml')).toBe('2026-01.yaml');
  });
});

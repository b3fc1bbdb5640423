// The time layer's two promises about the source: the date library is imported
// by one module only (src/time/zoned.ts), and nothing sets the process's TZ
// (a process-wide side effect, and one that does not reach the zone data of a
// worker thread).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

const files = sources(src).map((file) => ({ rel: path.relative(src, file).split(path.sep).join('/'), text: readFileSync(file, 'utf8') }));

describe('src/time/ is the home of time', () => {
  it('only src/time/zoned.ts imports luxon', () => {
    // An import or a require of the package, static or dynamic; a comment that names the library is fine.
    const imports = /\bfrom\s+['"]luxon['"]|\b(?:import|require)\s*\(\s*['"]luxon['"]/;
    expect(files.filter((f) => imports.test(f.text)).map((f) => f.rel)).toEqual(['time/zoned.ts']);
  });

  it('no module sets or deletes process.env.TZ', () => {
    const writes = files.filter((f) => /process\.env\.TZ\s*=[^=]|delete\s+process\.env\.TZ|process\.env\[['"]TZ['"]\]\s*=[^=]/.test(f.text)).map((f) => f.rel);
    expect(writes).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');

// The whole tree is in Biome's format (biome.jsonc says which files Biome reads).
const FORMATTED = ['.'];

function runBiome(args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [biome, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('lint', () => {
  it('biome lint reports no error over the tree', () => {
    const r = runBiome(['lint', '--diagnostic-level=error', '--max-diagnostics=50', '.']);
    expect(r.out).not.toMatch(/Found \d+ error/);
    expect(r.status).toBe(0);
  }, 60_000);

  it('the FORMATTED files are in Biome format', () => {
    const r = runBiome(['format', ...FORMATTED]);
    expect(r.out).not.toMatch(/Found \d+ error/);
    expect(r.status).toBe(0);
  }, 60_000);
});

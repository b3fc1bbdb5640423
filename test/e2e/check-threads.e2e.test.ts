import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { writePortfolio } from '../../scripts/bench/portfolio.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/govern.js', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'govern-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The built CLI with a given number of check threads. */
function govern(workers: string, ...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1', GOVERN_WORKERS: workers };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('govern check on worker threads', () => {
  it('reports exactly what the main thread alone reports, in every format', () => {
    expect(existsSync(path.join(repo, 'lib/bundle/govern.cjs'))).toBe(true);
    // Enough partnerships that every thread gets some, with findings spread among them.
    writePortfolio(dir, 40, 3);
    for (const p of ['p0005', 'p0023', 'p0038']) {
      const file = path.join(dir, p, 'partnership.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/owners: \{ client: [a-z-]+/, 'owners: { client: nobody-here'));
    }
    appendFileSync(path.join(dir, 'p0031/risks.yaml'), 'risks: []\n');
    for (const format of ['json', 'stylish', 'sarif', 'junit']) {
      const alone = govern('0', 'check', '.', '--today', '2026-11-15', '--format', format);
      expect(alone.code).toBe(1);
      expect(alone.err).toBe('');
      for (const workers of ['1', '3']) expect(govern(workers, 'check', '.', '--today', '2026-11-15', '--format', format)).toEqual(alone);
    }
    const findings = JSON.parse(govern('2', 'check', '.', '--today', '2026-11-15', '--format', 'json').out).findings as { file: string }[];
    expect(new Set(findings.map((f) => f.file.split('/')[0]))).toEqual(new Set(['p0005', 'p0023', 'p0031', 'p0038']));
    // Thirteen whole processes over 40 partnerships: a busy 2-core CI machine needs more than the default 30 s.
  }, 120_000);
});

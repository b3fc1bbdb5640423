import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { writePortfolio } from '../../scripts/bench/portfolio.mjs';
import { writeTree } from '../portfolio/tree.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/govern.js', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'govern-portfolio-threads-'));
const hand = writeTree();
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(hand, { recursive: true, force: true });
});

/** The built CLI with a given number of worker threads. */
function govern(workers: string, ...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1', GOVERN_WORKERS: workers };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Every file of a folder, by name, with its text. */
function folder(at: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(at)
      .sort()
      .map((f) => [f, readFileSync(path.join(at, f), 'utf8')]),
  );
}

describe('govern render portfolio on worker threads', () => {
  it('gives exactly the rows, links and packs of the main thread alone', () => {
    expect(existsSync(path.join(repo, 'lib/bundle/govern.cjs'))).toBe(true);
    // Generated partnerships, a few with check errors, beside four written by other hands
    // (Sydney with CRLF and a BOM, Oslo with comments, one broken, one unmeasured).
    writePortfolio(dir, 30, 2);
    for (const p of ['p0004', 'p0017']) {
      const file = path.join(dir, p, 'partnership.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/owners: \{ client: [a-z-]+/, 'owners: { client: nobody-here'));
    }
    for (const sub of readdirSync(hand)) cpSync(path.join(hand, sub), path.join(dir, `zz-${sub}`), { recursive: true });
    // Two folders with the same id: the second pack is named -2 whichever thread worked it out.
    cpSync(path.join(hand, 'south'), path.join(dir, 'zz-south-again'), { recursive: true });

    const args = ['render', 'portfolio', '.', '--period', '2026-Q3', '--today', '2026-11-15'];
    for (const format of ['json', 'md', 'html']) {
      const alone = govern('0', ...args, '--format', format);
      expect(alone.err).toBe('');
      expect(alone.code).toBe(0);
      for (const workers of ['1', '3']) expect(govern(workers, ...args, '--format', format), `${format}, ${workers} threads`).toEqual(alone);
    }
    const rows = JSON.parse(govern('2', ...args, '--format', 'json').out).rows as { status: string; folder: string }[];
    expect(rows).toHaveLength(35);
    expect(
      rows
        .filter((r) => r.status === 'errors')
        .map((r) => r.folder)
        .sort(),
    ).toEqual(['p0004', 'p0017', 'zz-broken']);
    expect(rows.find((r) => r.folder === 'zz-quiet')?.status).toBe('unmeasured');

    const alone = govern('0', ...args, '--format', 'html', '--out', 'alone/portfolio.html', '--packs', 'alone/packs', '--quiet');
    const threaded = govern('3', ...args, '--format', 'html', '--out', 'threaded/portfolio.html', '--packs', 'threaded/packs', '--quiet');
    expect([alone.code, alone.err, threaded.code, threaded.err]).toEqual([0, '', 0, '']);
    expect(readFileSync(path.join(dir, 'threaded/portfolio.html'), 'utf8')).toBe(readFileSync(path.join(dir, 'alone/portfolio.html'), 'utf8'));
    const packs = folder(path.join(dir, 'threaded/packs'));
    expect(packs).toEqual(folder(path.join(dir, 'alone/packs')));
    expect(Object.keys(packs)).toContain('south-2.html');
    expect(readFileSync(path.join(dir, 'threaded/portfolio.html'), 'utf8')).toContain('href="packs/south-2.html"');
    // Eleven whole processes over 35 partnerships: a busy 2-core machine needs more than the default 30 s.
  }, 180_000);
});

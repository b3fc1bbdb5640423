// The start-up cache (bin/load-bundle.cjs): a V8 code cache per file and
// command, for the bundle and for what it requires from lib/ (the vendored
// packages, the precompiled templates), made by the first run and accepted by
// the next (docs/performance.md), on every Node version (Node's own compile
// cache keeps less, and a check on Node 24 cost 1.3 x as much with it).
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'govern-startup-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(tmp: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TMPDIR: tmp };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  const r = spawnSync(process.execPath, [path.join(repo, 'bin/govern.js'), ...args, '--today', '2026-11-15'], { cwd: dir, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The cache files, by name, with their modification times. */
function caches(tmp: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const folder of readdirSync(tmp).filter((n) => n.startsWith('govern-code-cache-'))) {
    for (const name of readdirSync(path.join(tmp, folder))) out.set(name, statSync(path.join(tmp, folder, name)).mtimeMs);
  }
  return out;
}

describe('the start-up cache', () => {
  it('keeps one cache per file and command, for the bundle and the files it requires from lib/, and the next run accepts them', () => {
    cpSync(path.join(repo, 'examples/acme-northwind'), path.join(dir, 'acme'), { recursive: true });
    const tmp = mkdtempSync(path.join(dir, 'tmp-'));
    const args = ['render', 'review-pack', 'acme', '--period', '2026-Q3'];
    const first = run(tmp, ...args);
    expect(first.code, first.err).toBe(0);
    const made = caches(tmp);
    const names = [...made.keys()];
    // (luxon is no longer among them: a review pack reads its dates without it, test/e2e/startup-luxon.e2e.test.ts.)
    for (const file of ['govern', 'handlebars-runtime', 'precompiled']) {
      expect(
        names.some((n) => n.includes(`-${file}-`) && n.endsWith('-render-review-pack.cache')),
        `${file}: ${names.join(', ')}`,
      ).toBe(true);
    }
    // The second run reads them: the same document, and no cache rewritten (V8 refused none).
    const second = run(tmp, ...args);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toBe(first.out);
    expect(caches(tmp)).toEqual(made);
    // Another command has caches of its own; a first argument that is no command name gets `other`.
    expect(run(tmp, 'check', 'acme').code).toBe(0);
    expect([...caches(tmp).keys()].some((n) => n.includes('-govern-') && n.endsWith('-check.cache'))).toBe(true);
    expect(run(tmp, '../../x', 'acme').code).toBe(2);
    expect([...caches(tmp).keys()].filter((n) => !/-(render-review-pack|check|other)\.cache$/.test(n))).toEqual([]);
    // Each built-in document, and its HTML, has caches of its own (each compiles code the others do not).
    for (const [more, role] of [
      [['render', 'review-pack', 'acme', '--period', '2026-Q3', '--format', 'html'], 'render-review-pack-html'],
      [['render', 'contract-summary', 'acme', '--format=html'], 'render-contract-summary-html'],
      [['render', 'contract-summary', 'acme'], 'render-contract-summary'],
    ] as const) {
      expect(run(tmp, ...more).code).toBe(0);
      expect([...caches(tmp).keys()].filter((n) => n.includes('-govern-') && n.endsWith(`-${role}.cache`))).toHaveLength(1);
    }
  });

  it('reads the bundle as ASCII (the build keeps it so) and any other file as UTF-8, cached or not', () => {
    const bundle = readFileSync(path.join(repo, 'lib/bundle/govern.cjs'));
    const at = bundle.findIndex((byte) => byte > 0x7f);
    expect(at, `a non-ASCII byte at ${at}: ${bundle.subarray(Math.max(0, at - 40), at + 10).toString('utf8')}`).toBe(-1);
    const tmp = mkdtempSync(path.join(dir, 'tmp-'));
    const file = path.join(dir, 'non-ascii.cjs');
    writeFileSync(file, "module.exports = { text: 'Zürich – Ωmega 😀', re: /^[\\u2013–]+$/.test('––') };\n");
    const show = `const { text, re } = require(${JSON.stringify(path.join(repo, 'bin/load-bundle.cjs'))}).loadBundle(${JSON.stringify(file)}, 'probe'); process.stdout.write(JSON.stringify([text, re]));`;
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp };
    for (const round of ['no cache', 'cached']) {
      const r = spawnSync(process.execPath, ['-e', show], { encoding: 'utf8', env });
      expect(r.stderr, round).toBe('');
      expect(JSON.parse(r.stdout), round).toEqual(['Zürich – Ωmega 😀', true]);
    }
    expect([...caches(tmp).keys()].some((n) => n.includes('-non-ascii-') && n.endsWith('-probe.cache'))).toBe(true);
  });

  it('uses no cache folder that anyone else could write to: a world-writable one or a link', () => {
    const uid = process.getuid?.();
    if (uid === undefined) return;
    cpSync(path.join(repo, 'examples/acme-northwind'), path.join(dir, 'acme2'), { recursive: true });
    const cases: [string, (folder: string, tmp: string) => void][] = [
      [
        'world-writable',
        (folder) => {
          mkdirSync(folder);
          chmodSync(folder, 0o777);
        },
      ],
      [
        'a link',
        (folder, tmp) => {
          mkdirSync(path.join(tmp, 'elsewhere'));
          symlinkSync(path.join(tmp, 'elsewhere'), folder);
        },
      ],
    ];
    for (const [what, make] of cases) {
      const tmp = mkdtempSync(path.join(dir, 'tmp-'));
      const folder = path.join(tmp, `govern-code-cache-${uid}`);
      make(folder, tmp);
      const r = run(tmp, 'check', 'acme2');
      expect(r.code, `${what}: ${r.err}`).toBe(0);
      // Nothing written there (so nothing would have been read either).
      expect(readdirSync(folder), what).toEqual([]);
    }
    // A folder made by govern itself is private.
    const tmp = mkdtempSync(path.join(dir, 'tmp-'));
    expect(run(tmp, 'check', 'acme2').code).toBe(0);
    expect(statSync(path.join(tmp, `govern-code-cache-${uid}`)).mode & 0o077).toBe(0);
  });

  it('writes no check cache from a check of more than two partnerships, and the next check of one writes it', () => {
    cpSync(path.join(repo, 'examples/portfolio'), path.join(dir, 'portfolio'), { recursive: true });
    const tmp = mkdtempSync(path.join(dir, 'tmp-'));
    const checkCaches = () => [...caches(tmp).keys()].filter((n) => n.includes('-govern-') && n.endsWith('-check.cache'));
    // Three partnerships (one with findings): its cache would slow every later check of one.
    expect(run(tmp, 'check', 'portfolio').code).toBe(1);
    expect(checkCaches()).toEqual([]);
    expect(run(tmp, 'check', 'portfolio/contoso-fabrikam', 'portfolio/globex-initech').code).toBe(0);
    expect(checkCaches()).toHaveLength(1);
    // Once written, a long run leaves it alone and accepts it.
    const made = caches(tmp);
    expect(run(tmp, 'check', 'portfolio').code).toBe(1);
    expect(caches(tmp)).toEqual(made);
  });
});

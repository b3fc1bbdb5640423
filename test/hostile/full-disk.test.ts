import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './corpus.js';

/**
 * Issue 13, item 5, on a real full disk: a 512 KB tmpfs, filled to a few
 * kilobytes short of what the new document needs. writes.test.ts injects the
 * same failure into writeSync; this one lets the kernel refuse the bytes. It
 * needs the right to mount (root in CI); elsewhere it is skipped, and says so.
 */
const LITE = path.join(ROOT, 'test/fixtures/sla/lite');
const OLD = 'the pack the directors were sent last month: it must survive a failed write\n';
const built = existsSync(path.join(ROOT, 'lib/bundle/govern.cjs'));

let disk: string | undefined;
beforeAll(() => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'govern-full-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dir], { stdio: 'pipe' });
    disk = dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    console.warn('SKIPPED the real full-disk test: no right to mount a tmpfs here (writes.test.ts injects the failure instead)');
  }
});
afterAll(() => {
  if (!disk) return;
  execFileSync('umount', [disk]);
  rmSync(disk, { recursive: true, force: true });
});

/** Fills the disk until `left` bytes are free (to the block). */
function fillUntil(left: number): void {
  const s = statfsSync(disk!);
  const free = s.bavail * s.bsize;
  writeFileSync(path.join(disk!, 'filler'), Buffer.alloc(Math.max(0, free - left)));
}

function govern(...args: string[]): { code: number | null; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: disk, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GOVERN_THREADS: '0' } });
  return { code: r.status, err: r.stderr };
}

describe.runIf(built)('writes on a real full disk (tmpfs)', () => {
  it('render --out --force and check --output: exit 2, one line, the old file byte for byte; with room again, the whole file', (context) => {
    if (!disk) return context.skip();
    writeFileSync(path.join(disk, 'pack.html'), OLD);
    writeFileSync(path.join(disk, 'r.sarif'), '{"version":"2.1.0","runs":[]}\n');
    // The contract summary is about 16 KB and the SARIF report about 160 KB: 8 KB of room fits neither.
    fillUntil(8192);
    const runs = [
      govern('render', 'contract-summary', LITE, '--format', 'html', '--out', 'pack.html', '--force', '--today', '2026-11-15'),
      govern('check', LITE, '--format', 'sarif', '--output', 'r.sarif', '--today', '2026-11-15'),
    ];
    for (const r of runs) {
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(/^govern: cannot write \S+: no space left on the device \(ENOSPC\); the file that was there is unchanged\n$/);
      expect(r.err).not.toMatch(/internal error|This is a bug|\n\s+at /);
    }
    expect(readFileSync(path.join(disk, 'pack.html'), 'utf8')).toBe(OLD);
    expect(JSON.parse(readFileSync(path.join(disk, 'r.sarif'), 'utf8'))).toEqual({ version: '2.1.0', runs: [] });
    expect(readdirSync(disk).sort()).toEqual(['filler', 'pack.html', 'r.sarif']);

    unlinkSync(path.join(disk, 'filler'));
    expect(govern('render', 'contract-summary', LITE, '--format', 'html', '--out', 'pack.html', '--force', '--today', '2026-11-15').code).toBe(0);
    expect(readFileSync(path.join(disk, 'pack.html'), 'utf8')).toMatch(/<\/html>\s*$/);
    expect(govern('check', LITE, '--format', 'sarif', '--output', 'r.sarif', '--today', '2026-11-15').code).toBe(0);
    expect((JSON.parse(readFileSync(path.join(disk, 'r.sarif'), 'utf8')) as { runs: unknown[] }).runs).toHaveLength(1);
  });
});

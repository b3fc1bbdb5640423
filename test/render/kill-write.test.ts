import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const BIN = path.join(ROOT, 'bin/govern.js');
const SLOW = path.join(ROOT, 'test/fixtures/render/slow-write.mjs');
const tmp = mkdtempSync(path.join(tmpdir(), 'govern-kill-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ARGS = ['render', 'review-pack', path.join(ROOT, 'examples/acme-northwind'), '--period', '2026-10', '--today', '2026-11-15', '--format', 'html', '--force'];

describe('--out never leaves a partial file (end to end: needs `npm run build`)', () => {
  it('a process killed mid-write leaves the old file intact; the next write sweeps its temporary file', async () => {
    if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) throw new Error('bin/govern.js runs dist/: run `npm run build` first (npm test does)');
    const target = path.join(tmp, 'pack.html');
    writeFileSync(target, 'the previous pack\n');
    const child = spawn(process.execPath, ['--import', SLOW, BIN, ...ARGS, '--out', target], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('govern-test: half written')) resolve();
      });
      child.on('exit', () => reject(new Error(`the render ended before it was killed: ${stderr}`)));
    });
    const temps = readdirSync(tmp).filter((f) => f.endsWith('.tmp'));
    expect(temps).toHaveLength(1);
    // The temporary file really is half written at the moment of the kill.
    expect(readFileSync(path.join(tmp, temps[0]!), 'utf8')).not.toContain('</html>');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    expect(readFileSync(target, 'utf8')).toBe('the previous pack\n');

    // The next write to the same file removes what the killed process left, then writes in full.
    const again = spawnSync(process.execPath, [BIN, ...ARGS, '--out', target], { encoding: 'utf8' });
    expect(again.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/<\/html>\n?$/);
    expect(readdirSync(tmp)).toEqual(['pack.html']);
  });
});

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, cpSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES } from './corpus.js';

const HOOK = fileURLToPath(new URL('./kill-mid-write.mjs', import.meta.url));
const OLD = 'the report a previous run wrote, which must survive\n';
const built = existsSync(path.join(path.dirname(BIN), '../dist/cli/main.js'));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'govern-output-'));
  // A case with many findings, so the report is long.
  cpSync(path.join(FIXTURES, 'cases/too-many-findings'), path.join(dir, 'p'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARGS = ['check', 'p', '--format', 'json', '--today', '2026-11-15', '--output', 'report.json'];
const temps = (): string[] => readdirSync(dir).filter((n) => n.startsWith('.report.json.') && n.endsWith('.tmp'));

describe.runIf(built)('check --output when the process is killed', () => {
  it('killed in the middle of writing the report: the old file is intact', () => {
    writeFileSync(path.join(dir, 'report.json'), OLD);
    const result = spawnSync(process.execPath, ['--import', HOOK, BIN, ...ARGS], { cwd: dir, encoding: 'utf8' });
    expect(result.signal).toBe('SIGKILL');
    expect(readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe(OLD);
    // The kill did land mid-write: half a report sits in the temporary file beside it, never in the target.
    const left = temps();
    expect(left).toHaveLength(1);
    const half = readFileSync(path.join(dir, left[0]!), 'utf8');
    expect(half.length).toBeGreaterThan(100);
    expect(() => JSON.parse(half)).toThrow();
    for (const name of left) rmSync(path.join(dir, name));
  });

  it('a run that is not killed replaces the old file with the whole report', () => {
    writeFileSync(path.join(dir, 'report.json'), OLD);
    const result = spawnSync(process.execPath, [BIN, ...ARGS], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as { findings: unknown[] };
    expect(report.findings).toHaveLength(101);
    expect(temps()).toEqual([]);
  });

  it('killed at random moments: the file is always the old one or a whole new one', async () => {
    const whole = spawnSync(process.execPath, [BIN, ...ARGS.slice(0, -1), 'whole.json'], { cwd: dir, encoding: 'utf8' });
    expect(whole.status).toBe(1);
    const complete = readFileSync(path.join(dir, 'whole.json'), 'utf8');
    const seen = new Set<string>();
    for (const delay of [0, 40, 80, 120, 160, 200, 240, 280, 320, 400]) {
      writeFileSync(path.join(dir, 'report.json'), OLD);
      const child = spawn(process.execPath, [BIN, ...ARGS], { cwd: dir, stdio: 'ignore' });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const now = readFileSync(path.join(dir, 'report.json'), 'utf8');
      expect([OLD, complete]).toContain(now);
      seen.add(now === OLD ? 'old' : 'new');
      for (const name of temps()) rmSync(path.join(dir, name));
    }
    // Which moments land where depends on the machine; only the two outcomes are allowed.
    expect(seen.size).toBeGreaterThanOrEqual(1);
  });
});

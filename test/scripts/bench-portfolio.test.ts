import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';
// @ts-expect-error: a plain .mjs script without types
import { BENCH_TODAY, writePortfolio } from '../../scripts/bench/portfolio.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'govern-bench-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the benchmark portfolio', () => {
  it('is valid, so that the bench times rules doing their work rather than reporting', async () => {
    const size = writePortfolio(dir, 3, 1) as { partnerships: number; incidents: number };
    expect(size.incidents).toBeGreaterThan(3 * 200);
    expect(readdirSync(path.join(dir, 'p0000/measurements')).length).toBe(12);
    const io = memoryIo(['check', dir, '--today', BENCH_TODAY, '--format', 'json']);
    const code = await run(io);
    const report = JSON.parse(io.out()) as { findings: unknown[]; summary: { partnerships: number } };
    expect(report.findings).toEqual([]);
    expect(report.summary.partnerships).toBe(3);
    expect(code).toBe(0);
  });

  it('is the same for the same seed', () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    expect(writePortfolio(a, 2, 7)).toEqual(writePortfolio(b, 2, 7));
  });
});

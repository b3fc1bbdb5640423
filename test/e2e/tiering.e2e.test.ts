// V8's optimising compilers are held back for a run until it proves long
// (bin/load-bundle.cjs holdOptimisers, src/io/tiering.ts): a short run's hot
// code is not worth compiling, a long one's is. Observed in a real process
// with V8's own %GetOptimizationStatus.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'govern-tiering-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A script that holds (or not) as bin/govern.js does, runs a hot function, and prints whether V8 optimised it, before and after the release. */
const script = path.join(dir, 'probe.cjs');
writeFileSync(
  script,
  `const loader = require(${JSON.stringify(path.join(repo, 'bin/load-bundle.cjs'))});
loader.holdOptimisers();
const tiering = globalThis[Symbol.for('govern.tiering')];
const optimised = (f) => (%GetOptimizationStatus(f) & (16 | 32 | 64)) !== 0; // optimised, by Maglev, by TurboFan
function hot(x) { let s = 0; for (let i = 0; i < 50; i++) s += i * x; return s; }
function later(x) { let s = 0; for (let i = 0; i < 50; i++) s += i ^ x; return s; }
let t = 0;
for (let i = 0; i < 300000; i++) t += hot(i);
const before = optimised(hot);
const held = tiering.held;
tiering.release();
for (let i = 0; i < 3000000 && !optimised(later); i++) t += later(i);
process.stdout.write(JSON.stringify({ held, before, after: optimised(later), released: !tiering.held, t: t > 0 }));
`,
);

function probe(...nodeArgs: string[]) {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', ...nodeArgs, script], { encoding: 'utf8', env });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { held: boolean; before: boolean; after: boolean; released: boolean };
}

describe('the optimising compilers, held back until a run proves long', () => {
  it('optimise nothing while held, and hot code once let go', () => {
    expect(probe()).toEqual({ held: true, before: false, after: true, released: true, t: true });
  });

  it('are left to the user who chose tiering flags of their own', () => {
    const chosen = probe('--max-opt=3');
    expect(chosen.held).toBe(false);
    expect(chosen.before).toBe(true);
  });
});

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';

/** The repository root: commands run from here, so fixture paths read as in the docs. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The small partnership of these tests, and the tree holding it with a second one. */
export const LITE = 'test/fixtures/sla/lite';
export const TREE = 'test/fixtures/sla';

/** Runs govern in process with a fixed clock (2026-11-15 12:00 UTC) unless `--today`/`--at` say otherwise. */
export async function govern(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; columns?: number } = {},
): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(args, { cwd: options.cwd ?? ROOT, env: options.env ?? {}, now: () => Date.parse('2026-11-15T12:00:00Z'), stdoutColumns: options.columns });
  const code = await run(io);
  return { code, out: io.out(), err: io.err() };
}

/** A copy of the lite partnership in a temporary folder, to break or change; removed by `done`. */
export function copyLite(): { dir: string; done: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'govern-sla-'));
  cpSync(path.join(ROOT, LITE), dir, { recursive: true });
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** The start of a hook that watches `require`: `load` is Node's own `Module._load`. */
const WATCH_LOADS = ["const Module = require('node:module');", 'const load = Module._load;'];

/** A hook line that names on stderr every luxon file (`LOADED luxon: …`) and every yaml file (`LOADED yaml: …`) loaded. */
export const NAME_LUXON_AND_YAML =
  "Module._load = function (request, ...rest) { if (/^luxon(\\/|$)|vendor\\/luxon\\.cjs$/.test(request)) process.stderr.write('LOADED luxon: ' + request + '\\n'); if (/^yaml(\\/|$)|vendor\\/yaml\\.cjs$|full-yaml\\.cjs$/.test(request)) process.stderr.write('LOADED yaml: ' + request + '\\n'); return load.call(this, request, ...rest); };";

/**
 * Runs the built CLI in `dir` with a `--require` hook (written into `dir`) whose lines follow
 * WATCH_LOADS, so that they may wrap `Module._load` as `load`; its exit code and output.
 */
export function runTraced(dir: string, hook: readonly string[], args: readonly string[], env: NodeJS.ProcessEnv): { code: number | null; out: string; err: string } {
  const file = path.join(dir, 'trace.cjs');
  writeFileSync(file, [...WATCH_LOADS, ...hook].join('\n'));
  const r = spawnSync(process.execPath, ['--require', file, path.join(repo, 'bin/govern.js'), ...args], { cwd: dir, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

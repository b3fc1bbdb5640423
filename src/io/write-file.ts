import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.js';

/**
 * Writes a file atomically: the content goes to a temporary file beside the
 * target, is flushed, then renamed over it, so a reader (or a crash) never sees
 * half a file. Refuses to replace an existing file unless `overwrite` is set.
 */
export function writeFileAtomic(target: string, content: string, options: { overwrite: boolean; flagHint?: string }): void {
  if (!options.overwrite && existsSync(target)) {
    throw new UsageError(`${target} already exists; pass ${options.flagHint ?? '--force'} to replace it`);
  }
  const dir = path.dirname(path.resolve(target));
  mkdirSync(dir, { recursive: true });
  removeStaleTemps(dir, path.basename(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' || code === 'EROFS') {
      throw new UsageError(`cannot write ${target} (${code})`);
    }
    throw error;
  }
}

/**
 * Removes temporary files an earlier write to the same target left behind
 * when its process was killed (SIGKILL cannot be caught, so that process could
 * not clean up): `.<name>.<pid>.<stamp>.tmp` whose pid is no longer running.
 */
function removeStaleTemps(dir: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const m = /^(\d+)\.[0-9a-z]+\.tmp$/.exec(entry.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || isRunning(pid)) continue;
    try {
      unlinkSync(path.join(dir, entry));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

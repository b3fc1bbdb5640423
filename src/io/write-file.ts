import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
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

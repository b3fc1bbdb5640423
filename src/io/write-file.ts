import * as nodeFs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.js';

/** The few file-system calls a write makes: the real `node:fs`, or a fake that fails on purpose in tests. */
export type WriteFs = Pick<
  typeof nodeFs,
  'closeSync' | 'fchmodSync' | 'fsyncSync' | 'lstatSync' | 'mkdirSync' | 'openSync' | 'readFileSync' | 'readdirSync' | 'renameSync' | 'unlinkSync' | 'writeSync'
> &
  Partial<Pick<typeof nodeFs, 'statSync'>>;

export interface WriteOptions {
  /** Replace a file (or a link) that is there already; without it, anything at the target is refused. */
  overwrite: boolean;
  /** The flag that would allow the replacement, for the message (`--force`). */
  flagHint?: string;
  /**
   * What the target held when govern read it (`null`: it did not exist). Checked again just before the
   * rename: a file someone changed in the meantime is not written over (`govern add` while it prompts).
   * A file that began with a byte-order mark keeps it.
   */
  unchangedSince?: string | null;
  /** For tests: the file system to write with. */
  fs?: WriteFs;
}

/**
 * A failed write caused by the machine, not by govern: no space left, permission denied, a folder that cannot be made.
 * One line on stderr and exit 2, like a usage error; the file that was there is unchanged.
 */
export class WriteError extends UsageError {
  override readonly name: string = 'WriteError';
}

/**
 * Writes a file completely or not at all. The content goes to a temporary
 * file in the same folder; every byte is written (a short write is retried, a
 * write that makes no progress is a failure), flushed to disk, and only then
 * renamed over the target, so a reader, a full disk or a kill never sees half
 * a file and the old one stays as it was on any failure. An existing file
 * keeps its permissions (a 0600 file stays 0600). Anything already at the
 * target, a dangling symbolic link included, is replaced only with `overwrite`;
 * a link is replaced by the new file, never written through.
 */
export function writeFileAtomic(target: string, content: string, options: WriteOptions): void {
  const fs = options.fs ?? nodeFs;
  if (isStream(target, fs)) {
    writeThrough(target, content, fs);
    return;
  }
  const { mode } = checkTarget(target, options, fs);
  const dir = path.dirname(path.resolve(target));
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw writeError(target, error, `cannot make the folder ${path.dirname(target)}`);
  }
  removeStaleTemps(dir, path.basename(target), fs);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  // An edit of a file govern read keeps the byte-order mark the file had (the decoder took it off the text).
  const keepBom = typeof options.unchangedSince === 'string' && !content.startsWith('\uFEFF') && currentText(target, fs)?.startsWith('\uFEFF') === true;
  const bytes = Buffer.from(keepBom ? `\uFEFF${content}` : content, 'utf8');
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', mode ?? 0o666);
    writeAll(fs, fd, bytes);
    // The umask may have taken bits from the old file's mode; give them back exactly.
    if (mode !== undefined) fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (options.unchangedSince !== undefined && withoutBom(currentText(target, fs)) !== withoutBom(options.unchangedSince)) {
      throw new UsageError(`${target} changed while govern was working on it; nothing was written: run the command again`);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // closing is all that is left to try
      }
    }
    try {
      fs.unlinkSync(temp);
    } catch {
      // already gone
    }
    if (error instanceof UsageError) throw error;
    throw writeError(target, error);
  }
}

/**
 * Whether the target is a pipe, a socket or a character device (`--output /dev/null`, a FIFO, a terminal), or
 * a link in /dev or /proc to one (`/dev/stdout`, `/dev/fd/3`): such a target is written to, not replaced. A
 * rename over it would put a regular file where the device was; run as root, `--output /dev/null` did exactly
 * that to the machine's /dev/null. Nothing is lost by writing to a stream, so no `--force` is asked for. A
 * block device is refused; a link anywhere else is replaced as a file is (never written through).
 */
function isStream(target: string, fs: WriteFs): boolean {
  let stat: nodeFs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return false;
  }
  if (stat.isSymbolicLink()) {
    const abs = path.resolve(target);
    if (!(abs.startsWith('/dev/') || abs.startsWith('/proc/')) || fs.statSync === undefined) return false;
    try {
      stat = fs.statSync(target);
    } catch {
      return false;
    }
  }
  if (stat.isBlockDevice()) throw new WriteError(`cannot write ${target}: it is a block device`);
  return stat.isFIFO() || stat.isSocket() || stat.isCharacterDevice();
}

/**
 * Writes every byte: a short write is retried, a write that makes no progress is a full disk (ENOSPC). On a
 * stream, a full non-blocking pipe (stdout of a busy reader) is waited on, and a reader that went away
 * (`--output /dev/stdout | head -1`) ends the write quietly (CLI.md); a file gives neither.
 */
function writeAll(fs: WriteFs, fd: number, bytes: Buffer): void {
  let done = 0;
  while (done < bytes.length) {
    let n: number;
    try {
      n = fs.writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      continue;
    }
    if (!(n > 0)) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    done += n;
  }
}

/** Writes every byte to a stream target (a pipe, a device), as a shell's `>` would. */
function writeThrough(target: string, content: string, fs: WriteFs): void {
  const bytes = Buffer.from(content, 'utf8');
  // `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: the descriptor itself (opening it again fails on a socket).
  const own = /^\/(?:dev\/(?:(stdout)|(stderr)|fd\/(\d+))|proc\/self\/fd\/(\d+))$/.exec(path.resolve(target));
  const given = own ? (own[1] ? 1 : own[2] ? 2 : Number(own[3] ?? own[4])) : undefined;
  let fd: number | undefined;
  try {
    fd = given ?? fs.openSync(target, 'w');
    writeAll(fs, fd, bytes);
    if (given === undefined) fs.closeSync(fd);
    fd = undefined;
  } catch (error) {
    if (fd !== undefined && given === undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // closing is all that is left to try
      }
    }
    throw writeError(target, error);
  }
}

/**
 * Checks that every target of a write may be written, before the first byte
 * of any of them (`schema --write`, `init`): a command that writes several
 * files writes all of them or none.
 */
export function checkTargets(targets: readonly string[], options: Pick<WriteOptions, 'overwrite' | 'flagHint' | 'fs'>): void {
  const fs = options.fs ?? nodeFs;
  const refused: string[] = [];
  for (const target of targets) {
    try {
      if (!isStream(target, fs)) checkTarget(target, options, fs);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      refused.push(error.message);
    }
  }
  if (refused.length === 1) throw new UsageError(`${refused[0]!}; nothing was written`);
  if (refused.length > 1) throw new UsageError(`${refused.length} of ${targets.length} files cannot be written; nothing was written:`, refused);
}

/** What is at the target now: nothing, a file that may be replaced (with its mode), or a refusal. */
function checkTarget(target: string, options: Pick<WriteOptions, 'overwrite' | 'flagHint'>, fs: WriteFs): { mode?: number } {
  let stat: nodeFs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    if (code === 'ENOTDIR') throw new WriteError(`cannot write ${target}: a part of its path is a file, not a folder (ENOTDIR)`);
    throw writeError(target, error);
  }
  if (stat.isDirectory()) throw new WriteError(`cannot write ${target}: it is a folder`);
  if (!options.overwrite) {
    const what = stat.isSymbolicLink() ? 'is a symbolic link' : 'already exists';
    throw new UsageError(`${target} ${what}; pass ${options.flagHint ?? '--force'} to replace it`);
  }
  // A link is replaced by the file (rename never follows it); its target's mode is not ours to copy.
  return stat.isFile() ? { mode: stat.mode & 0o7777 } : {};
}

function currentText(target: string, fs: WriteFs): string | null {
  try {
    return String(fs.readFileSync(target, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

// The text govern read had its byte-order mark taken off by the decoder.
const withoutBom = (text: string | null): string | null => (text === null ? null : text.replace(/^\uFEFF/, ''));

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of its path is a file, not a folder',
  ENOENT: 'its folder does not exist',
  EISDIR: 'it is a folder',
  EEXIST: 'a file of that name appeared meanwhile',
  EIO: 'an input/output error',
  EFBIG: 'the file would be too large',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links in its path',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EBUSY: 'the file is busy',
};

/** An error of the environment as one line; anything without an errno code is a fault of govern and is thrown on. */
function writeError(target: string, error: unknown, what = `cannot write ${target}`): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return error instanceof Error ? error : new Error(String(error));
  return new WriteError(`${what}: ${REASONS[code] ?? (error as Error).message} (${code}); the file that was there is unchanged`);
}

/**
 * Removes temporary files an earlier write to the same target left behind
 * when its process was killed (SIGKILL cannot be caught, so that process could
 * not clean up): `.<name>.<pid>.<stamp>.tmp` whose pid is no longer running.
 */
function removeStaleTemps(dir: string, name: string, fs: WriteFs): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
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
      fs.unlinkSync(path.join(dir, entry));
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

import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, constants } from 'node:fs';
import path from 'node:path';
import { joinPath, relativePath } from './paths.js';
import { countRead } from './tiering.js';
import { MAX_FILE_BYTES } from '../model/limits.js';
import { loadSource } from '../load/load-source.js';
import { CONFIG_FILE } from '../model/file-kind.js';
import type { RawFile, SourceFile } from '../model/source.js';
import { diskAccess, judgePath, walkTree, type Refusal } from './file-policy.js';

export { MAX_FILE_BYTES };

export { LINK_OUTSIDE, type Refusal } from './file-policy.js';

/** A tree on disk, listed: the YAML files below a root, as `/`-separated paths relative to it. */
export interface ListedTree {
  /** Absolute root folder. */
  root: string;
  paths: string[];
  /**
   * YAML files listed but not to be read, by path: symbolic links that lead
   * outside the root or into a dot-folder, or loop. Listed so that they get a
   * finding rather than vanish without a word.
   */
  refused: Map<string, Refusal>;
}

/**
 * Lists the YAML files under a folder, skipping dot-folders, `node_modules`
 * and the templates folder, as the file-access policy says (see
 * file-policy.ts): a pull request cannot make govern read, and quote in its
 * findings, a file elsewhere on the machine or in `.git/`.
 */
export function listTree(root: string, options: { exclude?: readonly string[] } = {}): ListedTree {
  realpathSync(root);
  const listing = walkTree(
    diskAccess(root),
    (options.exclude ?? []).map((p) => path.resolve(p)),
  );
  return { root, paths: listing.paths, refused: listing.refused };
}

/**
 * The one reader of govern.config.yaml on disk, used by every command (check,
 * render, sla, who, calendar, due, add, rules, diff's working tree): the
 * nearest config at or above `start` (up to the repository's top), read under
 * the file-access policy. Undefined when no config applies.
 */
export function readNearestConfig(start: string, show: (absPath: string) => string): { configPath: string; config: SourceFile } | undefined {
  const configPath = findConfig(start);
  return configPath === undefined ? undefined : { configPath, config: readConfigAt(configPath, show(configPath)) };
}

/** The config file at a path `readNearestConfig` found (read again where a worker thread needs it), under the same policy. */
export function readConfigAt(absPath: string, displayPath: string): SourceFile {
  return loadSource(readConfigFile(absPath, displayPath), 'config');
}

/**
 * Reads govern.config.yaml under the file-access policy: a link is followed
 * only to a file inside the config's own folder and outside its dot-folders;
 * otherwise the file is not read and says why (and the config is then invalid).
 */
function readConfigFile(absPath: string, displayPath: string): RawFile {
  const verdict = judgePath(diskAccess(path.dirname(absPath)), absPath);
  if ('refusal' in verdict) return { path: displayPath, relPath: CONFIG_FILE, readError: verdict.refusal };
  return asText(readRaw(verdict.real, displayPath, CONFIG_FILE));
}

/**
 * Reads one file; a problem reading it is returned, not thrown. At most
 * MAX_FILE_BYTES are read whatever the file claims, so a file that grows while
 * it is read (or a device behind a name) cannot exhaust memory.
 */
export function readRaw(absPath: string, displayPath: string, relPath: string, refusal?: Refusal): RawFile {
  if (refusal) return { path: displayPath, relPath, readError: refusal };
  const read = readBounded(absPath, MAX_FILE_BYTES);
  if ('content' in read) return { path: displayPath, relPath, content: read.content };
  return { path: displayPath, relPath, readError: read.code === 'EFBIG' ? tooLarge(read.size ?? MAX_FILE_BYTES + 1) : { code: read.code, message: read.message } };
}

/**
 * A partnership file's bytes as its text when they are text: ASCII as Latin-1 (the same string, made by
 * a copy, not by decoding), other valid UTF-8 decoded, without a leading byte-order mark, as
 * loadSource's fatal TextDecoder reads them, at a fraction of its cost (about 12 ms for the 5 000
 * files of 200 partnerships against 85). Bytes holding a NUL, or that are not UTF-8, are given back as
 * they are, for loadSource to report where. The raw bytes are kept for what compares them
 * (`render --check`, a baseline).
 */
export function asText(raw: RawFile): RawFile {
  const bytes = raw.content;
  if (bytes === undefined || typeof bytes === 'string' || bytes.includes(0)) return raw;
  if (isAscii(bytes)) return { ...raw, content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') };
  if (!isUtf8(bytes)) return raw;
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { ...raw, content: Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom).toString('utf8') };
}

/**
 * Reads a whole regular file of at most `maxBytes`: the bytes, or why not. A
 * FIFO or a device put behind the name (`/dev/zero`, a named pipe nobody
 * writes to) is refused without blocking, and at most `maxBytes` + 1 bytes
 * are read whatever the file claims, so one that grows meanwhile cannot
 * exhaust memory. `size` is the size seen when the file is too large.
 */
export function readBounded(absPath: string, maxBytes: number): { content: Buffer } | { code: string; message: string; size?: number; folder?: true } {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO put in place of a file must not block the run.
    fd = openSync(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { code: 'ENOTFILE', message: 'this is not a regular file', ...(stat.isDirectory() ? { folder: true as const } : {}) };
    const tooBig = (size: number) => ({ code: 'EFBIG', message: `it is more than ${maxBytes / 1048576} MB`, size });
    if (stat.size > maxBytes) return tooBig(stat.size);
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      // All the bytes fstat counted: done, without a second read to be told so (one system call per file fewer).
      if (length === stat.size) break;
      if (length === buffer.length) {
        if (length > maxBytes) return tooBig(length);
        break;
      }
    }
    countRead(length);
    return { content: buffer.subarray(0, length) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const message = code === 'EACCES' || code === 'EPERM' ? 'the file cannot be read: permission denied' : `the file cannot be read (${code})`;
    return { code, message };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooLarge(size: number): Refusal {
  const shown = size > MAX_FILE_BYTES + 1 ? `${(size / 1048576).toFixed(1)} MB` : `more than ${MAX_FILE_BYTES / 1048576} MB`;
  return { code: 'EFBIG', message: `the file is ${shown}; partnership files may be at most ${MAX_FILE_BYTES / 1048576} MB, so it was not read` };
}

/** The nearest `govern.config.yaml` at or above a folder, stopping at the repository root. */
function findConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = joinPath(dir, CONFIG_FILE);
    // throwIfNoEntry: a missing file is the usual answer here, and a thrown error costs far more than the stat.
    try {
      // lstat: a link in the config's place is found, and then judged by readConfigFile, rather than passed over.
      const stat = lstatSync(candidate, { throwIfNoEntry: false });
      if (stat && (stat.isFile() || stat.isSymbolicLink())) return candidate;
    } catch {
      // not here
    }
    try {
      if (statSync(joinPath(dir, '.git'), { throwIfNoEntry: false })) return undefined;
    } catch {
      // not a repository root
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The path users see for a file `relPath` (plain, `/`-separated) inside a folder shown as `shownDir`
 * (`displayPath(cwd, dir)`): `shownDir/relPath`, which is what displayPath gives unless the working
 * directory is inside the folder (`shownDir` all `..`), without walking the file's whole path again
 * (5 000 files: about 40 ms); the file's path then has as many `..` as the folder's. A folder shown
 * absolute (far from the working directory, or far inside it), and any other case, is displayPath's
 * own answer.
 */
export function displayPathIn(cwd: string, dir: string, shownDir: string, relPath: string): string {
  if (path.sep === '/' && !ONLY_UP.test(shownDir) && !path.isAbsolute(shownDir) && PLAIN_RELATIVE_PATH.test(relPath))
    return shownDir === '.' ? relPath : `${shownDir}/${relPath}`;
  return displayPath(cwd, joinPath(dir, relPath));
}
/** A path of `..` segments only: the working directory is inside the folder. */
const ONLY_UP = /^\.\.(?:\/\.\.)*$/;
const PLAIN_RELATIVE_PATH = /^(?!\.\.?(?:\/|$))[^/]+(?:\/(?!\.\.?(?:\/|$))[^/]+)*$/;

/** A path as users see it: relative to the working directory, with `/`. */
export function displayPath(cwd: string, absPath: string): string {
  const rel = relativePath(cwd, absPath);
  const shown = rel === '' ? '.' : rel.startsWith('..') && path.isAbsolute(absPath) && rel.split(path.sep).filter((s: string) => s === '..').length > 3 ? absPath : rel;
  return shown.split(path.sep).join('/');
}

import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, constants, type Stats } from 'node:fs';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../check/limits.js';
import { CONFIG_FILE } from '../model/file-kind.js';
import type { RawFile } from '../model/source.js';

export { MAX_FILE_BYTES };

/** Why a listed file is not read: the code and words its finding carries. */
export type Refusal = NonNullable<RawFile['readError']>;

/** The code of a refused symbolic link that leads outside the tree (not an errno: govern's own). */
export const LINK_OUTSIDE = 'ELINKOUT';

/** Folders never looked into. */
const SKIPPED_DIRS = new Set(['node_modules']);

/** A tree on disk, listed: the YAML files below a root, as `/`-separated paths relative to it. */
export interface ListedTree {
  /** Absolute root folder. */
  root: string;
  paths: string[];
  /**
   * YAML files listed but not to be read, by path: symbolic links that lead
   * outside the root or loop. Listed so that they get a finding rather than
   * vanish without a word.
   */
  refused: Map<string, Refusal>;
}

/**
 * Lists the YAML files under a folder, skipping dot-folders, `node_modules`
 * and the templates folder. Folders are entered once each (a link back up
 * cannot loop); symbolic links to YAML files outside the root, or that loop,
 * are listed as refused and never read, so a pull request cannot make govern
 * read (and quote in its findings) a file elsewhere on the machine.
 */
export function listTree(root: string, options: { exclude?: readonly string[] } = {}): ListedTree {
  const realRoot = realpathSync(root);
  const excluded = new Set((options.exclude ?? []).map((p) => path.resolve(p)));
  const paths: string[] = [];
  const refused = new Map<string, Refusal>();
  const seenDirs = new Set<string>();
  const walk = (dir: string, rel: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      const yamlName = /\.ya?ml$/i.test(name);
      let stat: Stats;
      try {
        stat = lstatSync(full);
        if (stat.isSymbolicLink()) {
          let target: string;
          try {
            target = realpathSync(full);
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
            if (yamlName) {
              paths.push(relPath);
              refused.set(relPath, {
                code,
                message: code === 'ELOOP' ? 'the file is a symbolic link that loops back on itself' : `the file is a symbolic link to nothing (${code})`,
              });
            }
            continue;
          }
          if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
            if (yamlName && statSync(full).isFile()) {
              paths.push(relPath);
              refused.set(relPath, {
                code: LINK_OUTSIDE,
                message: 'the file is a symbolic link to a file outside the checked folder; govern does not follow it: copy the file here, or check the folder it points to',
              });
            }
            continue;
          }
          stat = statSync(full);
        }
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (SKIPPED_DIRS.has(name) || excluded.has(path.resolve(full))) continue;
        walk(full, relPath);
      } else if (stat.isFile() && yamlName) {
        paths.push(relPath);
      }
    }
  };
  walk(root, '');
  return { root, paths, refused };
}

/**
 * Reads one file; a problem reading it is returned, not thrown. At most
 * MAX_FILE_BYTES are read whatever the file claims, so a file that grows while
 * it is read (or a device behind a name) cannot exhaust memory.
 */
export function readRaw(absPath: string, displayPath: string, relPath: string, refusal?: Refusal): RawFile {
  if (refusal) return { path: displayPath, relPath, readError: refusal };
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO put in place of a file must not block the run.
    fd = openSync(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { path: displayPath, relPath, readError: { code: 'ENOTFILE', message: 'this is not a regular file' } };
    if (stat.size > MAX_FILE_BYTES) return { path: displayPath, relPath, readError: tooLarge(stat.size) };
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        if (length > MAX_FILE_BYTES) return { path: displayPath, relPath, readError: tooLarge(length) };
        break;
      }
    }
    return { path: displayPath, relPath, content: buffer.subarray(0, length) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const message = code === 'EACCES' || code === 'EPERM' ? 'the file cannot be read: permission denied' : `the file cannot be read (${code})`;
    return { path: displayPath, relPath, readError: { code, message } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooLarge(size: number): Refusal {
  const shown = size > MAX_FILE_BYTES + 1 ? `${(size / 1048576).toFixed(1)} MB` : `more than ${MAX_FILE_BYTES / 1048576} MB`;
  return { code: 'EFBIG', message: `the file is ${shown}; partnership files may be at most ${MAX_FILE_BYTES / 1048576} MB, so it was not read` };
}

/** The nearest `govern.config.yaml` at or above a folder, stopping at the repository root. */
export function findConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
    try {
      if (statSync(path.join(dir, '.git'))) return undefined;
    } catch {
      // not a repository root
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A path as users see it: relative to the working directory, with `/`. */
export function displayPath(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath);
  const shown = rel === '' ? '.' : rel.startsWith('..') && path.isAbsolute(absPath) && rel.split(path.sep).filter((s: string) => s === '..').length > 3 ? absPath : rel;
  return shown.split(path.sep).join('/');
}

import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from '../model/file-kind.js';
import type { RawFile } from '../model/source.js';

/** Files larger than this are not read: a partnership file is kilobytes, not megabytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Folders never looked into. */
const SKIPPED_DIRS = new Set(['node_modules']);

/** A tree on disk, listed: the YAML files below a root, as `/`-separated paths relative to it. */
export interface ListedTree {
  /** Absolute root folder. */
  root: string;
  paths: string[];
}

/**
 * Lists the YAML files under a folder, skipping dot-folders, `node_modules`,
 * the templates folder, and symbolic links that lead outside the root or loop.
 */
export function listTree(root: string, options: { exclude?: readonly string[] } = {}): ListedTree {
  const realRoot = realpathSync(root);
  const excluded = new Set((options.exclude ?? []).map((p) => path.resolve(p)));
  const paths: string[] = [];
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
      let stat: Stats;
      try {
        stat = lstatSync(full);
        if (stat.isSymbolicLink()) {
          const target = realpathSync(full);
          if (target !== realRoot && !target.startsWith(realRoot + path.sep)) continue;
          stat = statSync(full);
        }
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (SKIPPED_DIRS.has(name) || excluded.has(path.resolve(full))) continue;
        walk(full, relPath);
      } else if (stat.isFile() && /\.ya?ml$/i.test(name)) {
        paths.push(relPath);
      }
    }
  };
  walk(root, '');
  return { root, paths };
}

/** Reads one file; a problem reading it is returned, not thrown. */
export function readRaw(absPath: string, displayPath: string, relPath: string): RawFile {
  try {
    const stat = statSync(absPath);
    if (stat.size > MAX_FILE_BYTES) {
      return {
        path: displayPath,
        relPath,
        readError: { code: 'EFBIG', message: `the file is ${(stat.size / 1048576).toFixed(1)} MB; partnership files may be at most ${MAX_FILE_BYTES / 1048576} MB` },
      };
    }
    return { path: displayPath, relPath, content: readFileSync(absPath) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const message = code === 'EACCES' || code === 'EPERM' ? 'the file cannot be read: permission denied' : `the file cannot be read (${code})`;
    return { path: displayPath, relPath, readError: { code, message } };
  }
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

import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { joinPath, relativePath } from './paths.js';
import type { RawFile } from '../model/source.js';

/** Why a listed file is not read: the code and words its finding carries. */
export type Refusal = NonNullable<RawFile['readError']>;

/** The code of a refused symbolic link (outside the tree, or into a dot-folder): not an errno, govern's own. */
export const LINK_OUTSIDE = 'ELINKOUT';

/** What is at a path. */
export type EntryKind = 'file' | 'dir' | 'link' | 'other';

/**
 * A tree govern reads, on disk or in a git revision: the few questions the
 * file-access policy asks of it. Paths are the access's own (absolute on
 * disk, repository-relative at a revision); `within` turns a resolved path
 * into one relative to the tree's top, so both are judged by one function.
 */
export interface TreeAccess {
  /** The top of the tree, in the access's own paths. */
  root: string;
  /** The names in a folder, or undefined when it cannot be listed. */
  list(dir: string): string[] | undefined;
  /**
   * The names in a folder with what each is (as `lstat` would say), where the listing itself tells
   * (readdir's entry types on disk): one system call per folder rather than one per entry.
   */
  listKinds?(dir: string): [name: string, kind: EntryKind][] | undefined;
  /** What is at a path, without following a link at its end; undefined when nothing is. */
  lstat(p: string): EntryKind | undefined;
  /** The path with every symbolic link resolved, or why it cannot be (`ELOOP`, `ENOENT`). */
  realpath(p: string): { real: string } | { code: string };
  /** What is at a resolved path. */
  stat(real: string): EntryKind | undefined;
  join(dir: string, name: string): string;
  /** A resolved path relative to the tree's top with `/` (`''` for the top); undefined when outside the tree. */
  within(real: string): string | undefined;
  /** The same access, judging from another top (the config file's folder, the templates folder). */
  rooted(root: string): TreeAccess;
}

/** The words of a refused link, by why it was refused. */
const REFUSALS = {
  outside: 'the file is a symbolic link to a file outside the checked folder; govern does not follow it: copy the file here, or check the folder it points to',
  dot: 'the file is a symbolic link into a dot-folder (such as .git/ or .github/); govern does not follow it: copy the file here',
  loop: 'the file is a symbolic link that loops back on itself',
} as const;

/**
 * The one file-access policy (FORMAT.md, "Files govern reads"): a path is
 * read only when, with its links resolved, it stays inside the tree and
 * outside any dot-folder of it. Returns the resolved path to read, or why it
 * is not read. Every reader (the partnership tree, govern.config.yaml,
 * templates; on disk and at a git revision) asks this, and nothing else.
 */
export function judgePath(access: TreeAccess, p: string): { real: string } | { refusal: Refusal; kind: 'outside' | 'dot' | 'broken' } {
  const resolved = access.realpath(p);
  if ('code' in resolved) {
    const code = resolved.code;
    return { kind: 'broken', refusal: { code, message: code === 'ELOOP' ? REFUSALS.loop : `the file is a symbolic link to nothing (${code})` } };
  }
  return judgeResolved(access, resolved.real);
}

/**
 * judgePath of a path already resolved (`access.realpath` gave it): the name
 * of a file that is no link, in a folder whose resolved path is known, is that
 * folder's resolved path and the name, with no second resolving.
 */
export function judgeResolved(access: TreeAccess, real: string): { real: string } | { refusal: Refusal; kind: 'outside' | 'dot' } {
  const rel = access.within(real);
  if (rel === undefined) return { kind: 'outside', refusal: { code: LINK_OUTSIDE, message: REFUSALS.outside } };
  if (rel.split('/').some((s) => s.startsWith('.') && s !== '.' && s !== '')) return { kind: 'dot', refusal: { code: LINK_OUTSIDE, message: REFUSALS.dot } };
  return { real };
}

/** Folders never looked into. */
const SKIPPED_DIRS = new Set(['node_modules']);

/** A tree, listed: the YAML files below its top, as `/`-separated paths relative to it. */
export interface Listing {
  paths: string[];
  /** YAML files listed but not to be read, by path, so that they get a finding rather than vanish without a word. */
  refused: Map<string, Refusal>;
  /** For each listed path, the resolved path to read it from. */
  real: Map<string, string>;
}

/**
 * Lists the YAML files of a tree, skipping dot-folders, `node_modules` and
 * the excluded folders (the templates folder). Folders are entered once each
 * (a link back up cannot loop); links are followed as `judgePath` allows, and
 * a refused link to a YAML file is listed as refused, never read.
 */
export function walkTree(access: TreeAccess, exclude: readonly string[] = []): Listing {
  const excluded = new Set(exclude);
  const paths: string[] = [];
  const refused = new Map<string, Refusal>();
  const real = new Map<string, string>();
  const seenDirs = new Set<string>();
  const walk = (dir: string, rel: string): void => {
    const self = access.realpath(dir);
    if ('code' in self || seenDirs.has(self.real)) return;
    seenDirs.add(self.real);
    const entries = access.listKinds ? access.listKinds(dir) : access.list(dir)?.map((name): [string, EntryKind | undefined] => [name, undefined]);
    if (!entries) return;
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [name, listed] of entries) {
      if (name.startsWith('.')) continue;
      const full = access.join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      const yamlName = /\.ya?ml$/i.test(name);
      let kind = listed ?? access.lstat(full);
      let target = full;
      if (kind === 'link') {
        const verdict = judgePath(access, full);
        if ('refusal' in verdict) {
          // A refused link to a folder is passed over; one to a file (or to what cannot be seen from here) gets its finding.
          const resolved = access.realpath(full);
          const pointsAtFile = !('real' in resolved && access.stat(resolved.real) === 'dir');
          if (yamlName && pointsAtFile) {
            paths.push(relPath);
            refused.set(relPath, verdict.refusal);
          }
          continue;
        }
        target = verdict.real;
        kind = access.stat(target);
      }
      if (kind === 'dir') {
        if (SKIPPED_DIRS.has(name) || excluded.has(full)) continue;
        walk(full, relPath);
      } else if (kind === 'file' && yamlName) {
        paths.push(relPath);
        real.set(relPath, target);
      }
    }
  };
  walk(access.root, '');
  return { paths, refused, real };
}

/** `target` as a `/`-separated path relative to `base` ('' for `base` itself), or undefined when it is not inside `base`. */
export function inside(base: string, target: string): string | undefined {
  const rel = relativePath(base, target);
  if (rel === '') return '';
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

function kindOfStats(stat: import('node:fs').Stats | undefined): EntryKind | undefined {
  if (!stat) return undefined;
  return stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : 'other';
}

/** The files on disk below a folder, for the policy. */
export function diskAccess(root: string): TreeAccess {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    realRoot = path.resolve(root);
  }
  return {
    root,
    list: (dir) => {
      try {
        return readdirSync(dir);
      } catch {
        return undefined;
      }
    },
    listKinds: (dir) => {
      try {
        return readdirSync(dir, { withFileTypes: true }).map((d): [string, EntryKind] => [
          d.name,
          d.isSymbolicLink() ? 'link' : d.isDirectory() ? 'dir' : d.isFile() ? 'file' : 'other',
        ]);
      } catch {
        return undefined;
      }
    },
    lstat: (p) => {
      try {
        return kindOfStats(lstatSync(p, { throwIfNoEntry: false }));
      } catch {
        return undefined;
      }
    },
    realpath: (p) => {
      try {
        return { real: realpathSync(p) };
      } catch (error) {
        return { code: (error as NodeJS.ErrnoException).code ?? 'EIO' };
      }
    },
    stat: (p) => {
      try {
        return kindOfStats(statSync(p, { throwIfNoEntry: false }));
      } catch {
        return undefined;
      }
    },
    join: (dir, name) => joinPath(dir, name),
    within: (real) => inside(realRoot, real),
    rooted: (other) => diskAccess(other),
  };
}

/** One entry of a git tree: a blob (mode 100644/100755), a link (120000, its blob the target), a submodule. */
export interface GitEntry {
  mode: string;
  oid: string;
  size: number;
}

/** Symbolic links resolved before giving up, as the kernel does (its limit is 40). */
const MAX_LINK_HOPS = 40;

/**
 * A git revision as a tree for the policy: the repository's whole listing,
 * the targets of its links, and the repository's folder on disk (a link with an
 * absolute target into it is inside, as on disk). Paths are repository-relative
 * with `/`, `''` for the top.
 */
export function gitAccess(entries: ReadonlyMap<string, GitEntry>, linkTargets: ReadonlyMap<string, string>, repoRoot: string, root = ''): TreeAccess {
  const children = new Map<string, Set<string>>();
  children.set('', new Set());
  for (const p of entries.keys()) {
    const parts = p.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!children.has(dir)) children.set(dir, new Set());
      children.get(dir)!.add(parts[i]!);
    }
  }
  const kindAt = (p: string): EntryKind | undefined => {
    const e = entries.get(p);
    if (e) return e.mode === '120000' ? 'link' : e.mode === '160000' ? 'other' : 'file';
    return children.has(p) ? 'dir' : undefined;
  };
  const realpath = (p: string): { real: string } | { code: string } => {
    let pending = p === '' ? [] : p.split('/');
    const done: string[] = [];
    let hops = 0;
    while (pending.length > 0) {
      const part = pending.shift()!;
      if (part === '' || part === '.') continue;
      if (part === '..') {
        // Above the repository's top: outside every tree govern reads.
        if (done.length === 0) return { real: '/..' };
        done.pop();
        continue;
      }
      const here = [...done, part].join('/');
      const kind = kindAt(here);
      if (kind === undefined) return { code: 'ENOENT' };
      if (kind === 'link') {
        if (++hops > MAX_LINK_HOPS) return { code: 'ELOOP' };
        const target = linkTargets.get(here) ?? '';
        if (target.startsWith('/')) {
          const rel = inside(repoRoot, target);
          if (rel === undefined) return { real: '/..' };
          done.length = 0;
          pending = [...(rel === '' ? [] : rel.split('/')), ...pending];
        } else {
          pending = [...target.split('/'), ...pending];
        }
        continue;
      }
      if (pending.length > 0 && kind !== 'dir') return { code: 'ENOTDIR' };
      done.push(part);
    }
    return { real: done.join('/') };
  };
  return {
    root,
    list: (dir) => {
      // A folder reached through a link is listed where the link leads, as readdir does.
      const resolved = realpath(dir);
      const names = 'real' in resolved ? children.get(resolved.real) : undefined;
      return names ? [...names] : undefined;
    },
    lstat: (p) => {
      // The folders on the way may be links themselves: resolve them, not the last name.
      const slash = p.lastIndexOf('/');
      if (slash < 0) return kindAt(p);
      const parent = realpath(p.slice(0, slash));
      return 'real' in parent && !parent.real.startsWith('/') ? kindAt(parent.real === '' ? p.slice(slash + 1) : `${parent.real}/${p.slice(slash + 1)}`) : undefined;
    },
    realpath,
    stat: (real) => (real.startsWith('/') ? undefined : kindAt(real)),
    join: (dir, name) => (dir === '' ? name : `${dir}/${name}`),
    within: (real) => {
      if (real.startsWith('/')) return undefined;
      if (root === '') return real;
      return real === root ? '' : real.startsWith(`${root}/`) ? real.slice(root.length + 1) : undefined;
    },
    rooted: (other) => gitAccess(entries, linkTargets, repoRoot, other),
  };
}

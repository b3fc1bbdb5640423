import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { planTree } from '../check/discover.js';
import { loadSource } from '../check/load.js';
import { UsageError } from '../model/errors.js';
import { CONFIG_FILE } from '../model/file-kind.js';
import { isObject, isString } from '../model/guards.js';
import type { PartnershipTree, RawFile, SourceFile, Workspace } from '../model/source.js';
import { findConfig, listTree, MAX_FILE_BYTES, readRaw } from './read-tree.js';

/** The name that stands for the files on disk instead of a revision. */
export const WORKING_TREE = 'working-tree';

/** Where `govern diff` looks: the repository and the folder inside it. */
export interface DiffTarget {
  /** Absolute repository root, as git reports it. */
  root: string;
  /** The folder compared, relative to the repository root with `/` (`''` for the root). */
  prefix: string;
  /** The working directory (its real path), for the paths shown to users. */
  cwd: string;
}

/** A side of a comparison: a commit, or the working tree. */
export interface Side {
  /** A full commit id, or `working-tree`. */
  id: string;
  /** What the user typed (or the default that was chosen), for messages. */
  label: string;
}

const GIT_ENV = { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };

function git(root: string, args: readonly string[], input?: string): Buffer {
  return execFileSync('git', ['--literal-pathspecs', ...args], {
    cwd: root,
    env: GIT_ENV,
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(input !== undefined ? { input } : {}),
  });
}

function gitText(root: string, args: readonly string[]): string | undefined {
  try {
    return git(root, args).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * Finds the repository that holds a path (which need not exist any more on
 * disk: a partnership deleted in the working tree is still compared). Throws
 * UsageError when the path is outside any git repository or git is missing.
 */
export function locateTarget(input: string, cwd: string): DiffTarget {
  let target = path.resolve(cwd, input);
  if (existsSync(target) && !statSync(target).isDirectory()) target = partnershipFolderOf(path.dirname(target));
  let existing = target;
  const missing: string[] = [];
  while (!existsSync(existing)) {
    missing.unshift(path.basename(existing));
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  let top: string | undefined;
  try {
    top = git(existing, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError('govern diff needs git, and git was not found on the PATH');
    top = undefined;
  }
  if (!top) throw new UsageError(`${input} is not inside a git repository: govern diff compares two git revisions of a partnership`);
  const root = realpathSync(top);
  const rel = path.relative(root, realpathSync(existing));
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${input} is not inside the git repository at ${top}`);
  const prefix = [...rel.split(path.sep), ...missing].filter((s) => s !== '' && s !== '.').join('/');
  return { root, prefix, cwd: safeRealpath(cwd) };
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function partnershipFolderOf(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'partnership.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

/**
 * The top folder of the git repository that holds `dir` (which need not exist
 * yet), when that is not `dir` itself; undefined outside any repository, at
 * its top, or without git.
 */
export function enclosingRepositoryRoot(dir: string): string | undefined {
  let existing = path.resolve(dir);
  const missing: string[] = [];
  while (!existsSync(existing)) {
    missing.unshift(path.basename(existing));
    const parent = path.dirname(existing);
    if (parent === existing) return undefined;
    existing = parent;
  }
  const top = gitText(existing, ['rev-parse', '--show-toplevel']);
  if (!top) return undefined;
  const root = realpathSync(top);
  return path.join(realpathSync(existing), ...missing) === root ? undefined : root;
}

/** True when the text names a commit in the repository. */
export function isRevision(root: string, revision: string): boolean {
  return !revision.startsWith('-') && gitText(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]) !== undefined;
}

/** The full commit id a revision names; UsageError when it names none. `working-tree` stays as it is. */
export function resolveSide(root: string, revision: string): Side {
  if (revision === WORKING_TREE) return { id: WORKING_TREE, label: WORKING_TREE };
  const sha = revision.startsWith('-') ? undefined : gitText(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  if (!sha) {
    throw new UsageError(`unknown revision \`${revision}\`: name a branch, tag or commit of this repository (\`git log --oneline\` lists commits), or \`${WORKING_TREE}\``);
  }
  return { id: sha, label: revision };
}

/** The default base: where HEAD left the default branch (`origin/HEAD`, else `main`, else `master`). */
export function defaultBase(root: string): Side {
  for (const branch of ['origin/HEAD', 'main', 'master']) {
    if (!isRevision(root, branch)) continue;
    const sha = gitText(root, ['merge-base', 'HEAD', branch]);
    if (sha) return { id: sha, label: `merge-base of HEAD and ${branch}` };
  }
  throw new UsageError('no base revision: found no default branch (origin/HEAD, main or master) sharing history with HEAD; name the base, as in `govern diff <base>`');
}

/** One entry of `git ls-tree -r -l -z`. */
interface TreeEntry {
  path: string;
  oid: string;
  size: number;
}

/** Lists the blobs at a revision under the given paths, relative to the repository root. */
function lsTree(root: string, sha: string, pathspecs: readonly string[]): TreeEntry[] {
  const out = git(root, ['ls-tree', '-r', '-l', '-z', '--full-tree', sha, '--', ...pathspecs]).toString('utf8');
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    // Symbolic links and submodules are not followed at a revision: their targets may not be in it.
    if (type !== 'blob' || mode === '120000' || !oid) continue;
    entries.push({ path: record.slice(tab + 1), oid, size: Number(size) });
  }
  return entries;
}

/** Reads blobs by id through one `git cat-file --batch`. */
function catBlobs(root: string, oids: readonly string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const out = git(root, ['cat-file', '--batch'], `${oids.join('\n')}\n`);
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    if (header[1] === 'missing' || header.length < 3) continue;
    const size = Number(header[2]);
    blobs.set(header[0]!, out.subarray(at, at + size));
    at += size + 1;
  }
  return blobs;
}

/** Whether a path inside the compared folder is one govern looks at (see listTree for the working tree). */
function isVisible(rel: string, excludes: readonly string[]): boolean {
  const segments = rel.split('/');
  if (segments.some((s) => s.startsWith('.') || s === 'node_modules')) return false;
  if (excludes.some((e) => rel === e || rel.startsWith(`${e}/`))) return false;
  return /\.ya?ml$/i.test(rel);
}

/** The templates folder a config names, relative to the repository root; never looked into. */
function templatesExclusion(config: SourceFile, configDir: string): string | undefined {
  const data = config.data;
  if (!isObject(data) || !isString(data.templates)) return undefined;
  return path.posix.normalize(path.posix.join(configDir, data.templates)).replace(/\/$/, '');
}

/** The ancestors of a folder inside the repository, nearest first, ending with the root (`''`). */
function ancestors(prefix: string): string[] {
  const out: string[] = [];
  let dir = prefix;
  for (;;) {
    out.push(dir);
    if (dir === '') return out;
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  }
}

const join = (dir: string, name: string): string => (dir === '' ? name : `${dir}/${name}`);

/** A path inside the repository as users see it: relative to the working directory, with `/`. */
function shownPath(target: DiffTarget, repoPath: string): string {
  // Relative to the working directory itself, so that from inside a partnership folder its files are `slas.yaml`, as check shows them, not `../acme/slas.yaml`.
  const shown = path.relative(target.cwd, path.join(target.root, ...repoPath.split('/'))).split(path.sep).join('/');
  return shown === '' ? '.' : shown;
}

/** Builds the workspace of one side through the same pure planner and loader as `check`. */
function buildWorkspace(target: DiffTarget, paths: readonly string[], read: (repoPath: string, shown: string, relPath: string) => RawFile, config?: SourceFile): Workspace {
  const shownOf = (repoPath: string): string => shownPath(target, repoPath);
  const partnerships: PartnershipTree[] = [];
  for (const planned of planTree(paths)) {
    const dir = join(target.prefix, planned.dir);
    partnerships.push({
      root: shownOf(dir === '' ? '.' : dir),
      files: planned.files.map((f) => {
        const repoPath = join(target.prefix, f.treePath);
        return loadSource(read(repoPath, shownOf(repoPath), f.relPath), f.kind);
      }),
    });
  }
  partnerships.sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
  return { partnerships, ...(config ? { config } : {}) };
}

/**
 * Loads every partnership under the target folder as it is at a commit, reading
 * blobs with git: nothing is checked out and the working tree is never touched.
 * A folder absent at that commit gives an empty workspace.
 */
export function loadWorkspaceAtRevision(target: DiffTarget, sha: string): Workspace {
  const configCandidates = ancestors(target.prefix).map((d) => join(d, CONFIG_FILE));
  const entries = lsTree(target.root, sha, [target.prefix === '' ? '.' : target.prefix, ...configCandidates]);
  const byPath = new Map(entries.map((e) => [e.path, e] as const));
  const blobs = catBlobs(target.root, entries.filter((e) => e.size <= MAX_FILE_BYTES && (isVisible(e.path, []) || e.path.endsWith(CONFIG_FILE))).map((e) => e.oid));
  const read = (repoPath: string, shown: string, relPath: string): RawFile => {
    const entry = byPath.get(repoPath);
    if (entry && entry.size > MAX_FILE_BYTES) {
      return { path: shown, relPath, readError: { code: 'EFBIG', message: `the file is ${(entry.size / 1048576).toFixed(1)} MB; partnership files may be at most ${MAX_FILE_BYTES / 1048576} MB` } };
    }
    const content = entry ? blobs.get(entry.oid) : undefined;
    return content ? { path: shown, relPath, content } : { path: shown, relPath, readError: { code: 'ENOENT', message: 'the file cannot be read from git' } };
  };
  const configPath = configCandidates.find((c) => byPath.has(c));
  const config = configPath ? loadSource(read(configPath, shownPath(target, configPath), CONFIG_FILE), 'config') : undefined;
  const excluded = config && configPath ? templatesExclusion(config, path.posix.dirname(configPath) === '.' ? '' : path.posix.dirname(configPath)) : undefined;
  const under = target.prefix === '' ? '' : `${target.prefix}/`;
  const excludes = excluded !== undefined && excluded.startsWith(under) ? [excluded.slice(under.length)] : [];
  const paths = entries
    .filter((e) => e.path.startsWith(under))
    .map((e) => e.path.slice(under.length))
    .filter((rel) => isVisible(rel, excludes))
    .sort();
  return buildWorkspace(target, paths, read, config);
}

/** Loads every partnership under the target folder from the files on disk (the working tree). */
export function loadWorkingTree(target: DiffTarget): Workspace {
  const abs = path.join(target.root, ...target.prefix.split('/').filter((s) => s !== ''));
  if (!existsSync(abs) || !statSync(abs).isDirectory()) return { partnerships: [] };
  const configAbs = findConfig(abs);
  let config: SourceFile | undefined;
  let exclude: string[] = [];
  if (configAbs) {
    const configRepoPath = path.relative(target.root, configAbs).split(path.sep).join('/');
    config = loadSource(readRaw(configAbs, shownPath(target, configRepoPath), CONFIG_FILE), 'config');
    const excluded = templatesExclusion(config, path.posix.dirname(configRepoPath) === '.' ? '' : path.posix.dirname(configRepoPath));
    if (excluded !== undefined) exclude = [path.join(target.root, excluded)];
  }
  const listed = listTree(abs, { exclude });
  return buildWorkspace(target, listed.paths, (repoPath, shown, relPath) => readRaw(path.join(target.root, repoPath), shown, relPath), config);
}

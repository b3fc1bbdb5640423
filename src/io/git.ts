import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { planTree } from '../load/discover.js';
import { loadSource } from '../load/load-source.js';
import { UsageError } from '../model/errors.js';
import { CONFIG_FILE, type FileKind } from '../model/file-kind.js';
import { isObject, isString } from '../model/guards.js';
import type { PartnershipTree, RawFile, SourceFile, Workspace } from '../model/source.js';
import { partnershipInTemplates } from '../load/templates-folder.js';
import { diskAccess, gitAccess, judgePath, walkTree, type GitEntry, type Refusal, type TreeAccess } from './file-policy.js';
import { BatchUnavailable, CatFileSession, RevisionObjects } from './git-batch.js';
import { listTemplateFiles } from './read-templates.js';
import { listTree, MAX_FILE_BYTES, readNearestConfig, readRaw } from './read-tree.js';

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
    throw new UsageError(
      `unknown revision \`${revision}\`: name a branch, tag or commit of this repository (\`git log --oneline\` lists commits), or \`${WORKING_TREE}\``,
    );
  }
  return { id: sha, label: revision };
}

/**
 * The full commit ids of several revisions through one `git cat-file
 * --batch-check` (one process, not one `rev-parse` each); the same answers and
 * the same UsageError as resolveSide, for the first revision in order that
 * names no commit. `working-tree` stays as it is.
 */
export function resolveSides(root: string, revisions: readonly string[]): Side[] {
  const asked = revisions.filter((r) => r !== WORKING_TREE && !r.startsWith('-') && !/[\0\n\r]/.test(r));
  const found = new Map<string, string>();
  if (asked.length > 0) {
    let out = '';
    try {
      out = git(root, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], `${asked.map((r) => `${r}^{commit}`).join('\n')}\n`).toString('utf8');
    } catch {
      // git refused the whole batch: every revision is looked up on its own below
      return revisions.map((r) => resolveSide(root, r));
    }
    const lines = out.split('\n');
    asked.forEach((r, i) => {
      const m = /^([0-9a-f]{40,64}) commit$/.exec(lines[i] ?? '');
      if (m) found.set(r, m[1]!);
    });
  }
  return revisions.map((r) => {
    if (r === WORKING_TREE) return { id: WORKING_TREE, label: WORKING_TREE };
    const sha = found.get(r);
    return sha ? { id: sha, label: r } : resolveSide(root, r);
  });
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

/** Lists the entries at a revision (blobs, links, submodules) under the given paths (all when none), relative to the repository root. */
export function lsTree(root: string, sha: string, pathspecs: readonly string[]): Map<string, GitEntry> {
  return parseLsTree(git(root, ['ls-tree', '-r', '-l', '-z', '--full-tree', sha, ...(pathspecs.length > 0 ? ['--', ...pathspecs] : [])]).toString('utf8'));
}

/** `git ls-tree -r -l -z` output as entries by path. */
function parseLsTree(out: string): Map<string, GitEntry> {
  const entries = new Map<string, GitEntry>();
  for (const record of out.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, , oid, size] = record.slice(0, tab).split(/ +/);
    if (!mode || !oid) continue;
    entries.set(record.slice(tab + 1), { mode, oid, size: Number(size) || 0 });
  }
  return entries;
}

/** The same listing as lsTree, from a git process run beside others (not one after another). */
async function lsTreeConcurrently(root: string, sha: string, pathspecs: readonly string[]): Promise<Map<string, GitEntry>> {
  const { execFile } = await import('node:child_process');
  const out = await new Promise<Buffer>((resolve, reject) => {
    execFile(
      'git',
      ['--literal-pathspecs', 'ls-tree', '-r', '-l', '-z', '--full-tree', sha, ...(pathspecs.length > 0 ? ['--', ...pathspecs] : [])],
      { cwd: root, env: GIT_ENV, maxBuffer: 1024 * 1024 * 1024, encoding: 'buffer' },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
  return parseLsTree(out.toString('utf8'));
}

/** Reads blobs by id through one `git cat-file --batch`. */
function catBlobs(root: string, oids: readonly string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const out = git(root, ['cat-file', '--batch'], `${[...new Set(oids)].join('\n')}\n`);
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

/** What loading a revision asks of git: a listing (`ls-tree`) or blobs (`cat-file --batch`). */
type GitAsk = { list: readonly string[] } | { blobs: readonly string[] };

/** Loading a revision, as steps that ask git and are answered by one driver or another (runWithProcesses, runWithSession). */
type GitSteps<T> = Generator<GitAsk, T, unknown>;

/** The entries under the pathspecs (all when none). */
function* listed(pathspecs: readonly string[]): GitSteps<Map<string, GitEntry>> {
  return (yield { list: pathspecs }) as Map<string, GitEntry>;
}

/** The blobs by id; none asked, none read. */
function* blobsOf(oids: readonly string[]): GitSteps<Map<string, Buffer>> {
  if (oids.length === 0) return new Map();
  return (yield { blobs: oids }) as Map<string, Buffer>;
}

/** Answers each step with a git process of its own, one after another. */
function runWithProcesses<T>(root: string, sha: string, steps: GitSteps<T>): T {
  let step = steps.next();
  while (!step.done) {
    const ask = step.value;
    step = steps.next('list' in ask ? lsTree(root, sha, ask.list) : catBlobs(root, ask.blobs));
  }
  return step.value;
}

/** Answers each step through one cat-file process shared by every revision (RevisionObjects). */
async function runWithSession<T>(objects: RevisionObjects, sha: string, steps: GitSteps<T>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    const ask = step.value;
    step = steps.next('list' in ask ? await objects.list(sha, ask.list) : await objects.read(ask.blobs));
  }
  return step.value;
}

/**
 * A revision as a tree the file-access policy can judge: its entries, and
 * the targets of its symbolic links (mode 120000), so that a link is followed
 * or refused exactly as on disk. Only the compared folder and the config's
 * places are listed, unless a link is among them: then the whole revision,
 * since a link may lead anywhere in it.
 */
function* revisionAccess(
  target: DiffTarget,
  pathspecs: readonly string[],
  listing?: Map<string, GitEntry>,
): GitSteps<{ access: TreeAccess; entries: Map<string, GitEntry> }> {
  let entries = listing ?? (yield* listed(pathspecs));
  if ([...entries.values()].some((e) => e.mode === '120000')) entries = yield* listed([]);
  const links = [...entries.entries()].filter(([, e]) => e.mode === '120000');
  const blobs = yield* blobsOf(links.map(([, e]) => e.oid));
  const targets = new Map(links.map(([p, e]) => [p, (blobs.get(e.oid) ?? Buffer.alloc(0)).toString('utf8')] as const));
  return { access: gitAccess(entries, targets, target.root), entries };
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
  let known = shownPaths.get(target);
  if (!known) shownPaths.set(target, (known = new Map()));
  let shown = known.get(repoPath);
  if (shown === undefined) {
    // Relative to the working directory itself, so that from inside a partnership folder its files are `slas.yaml`, as check shows them, not `../acme/slas.yaml`.
    shown = path
      .relative(target.cwd, path.join(target.root, ...repoPath.split('/')))
      .split(path.sep)
      .join('/');
    if (shown === '') shown = '.';
    known.set(repoPath, shown);
  }
  return shown;
}

/** Each target's paths as shown, worked out once for both sides of a diff (path.relative is not cheap). */
const shownPaths = new WeakMap<DiffTarget, Map<string, string>>();

/** Builds the workspace of one side through the same pure planner and loader as `check`. */
function buildWorkspace(
  target: DiffTarget,
  paths: readonly string[],
  read: (repoPath: string, shown: string, relPath: string) => RawFile,
  config?: SourceFile,
  load: (repoPath: string, shown: string, relPath: string, kind: FileKind | null) => SourceFile = (repoPath, shown, relPath, kind) =>
    loadSource(read(repoPath, shown, relPath), kind),
): Workspace {
  const shownOf = (repoPath: string): string => shownPath(target, repoPath);
  const partnerships: PartnershipTree[] = [];
  for (const planned of planTree(paths)) {
    const dir = join(target.prefix, planned.dir);
    partnerships.push({
      root: shownOf(dir === '' ? '.' : dir),
      files: planned.files.map((f) => {
        const repoPath = join(target.prefix, f.treePath);
        return load(repoPath, shownOf(repoPath), f.relPath, f.kind);
      }),
    });
  }
  partnerships.sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
  return { partnerships, ...(config ? { config } : {}) };
}

/** The files of a templates folder at one side of a diff: text by path inside the folder (null when not read). */
export interface TemplateSnapshot {
  /** The folder, as users see it. */
  folder: string;
  files: Map<string, string | null>;
}

/** One side of a diff: the partnerships, the config, the templates, and a partnership found inside the templates folder. */
export interface LoadedSide extends Workspace {
  templates?: TemplateSnapshot;
  /** A partnership.yaml inside the templates folder, as users see it: check refuses such a config. */
  partnershipInTemplates?: string;
}

const NOT_IN_GIT: Refusal = { code: 'ENOENT', message: 'the file cannot be read from git' };

/**
 * Loads every partnership under the target folder as it is at a commit, reading
 * blobs with git: nothing is checked out and the working tree is never touched.
 * Links are judged as on disk (file-policy.ts). A folder absent at that commit
 * gives an empty workspace.
 */
export function loadWorkspaceAtRevision(target: DiffTarget, sha: string, prefetched?: Prefetched): LoadedSide {
  return runWithProcesses(target.root, sha, revisionSteps(target, prefetched));
}

/** loadWorkspaceAtRevision as steps, whatever answers them. */
function* revisionSteps(target: DiffTarget, prefetched?: Prefetched, parsed?: Map<string, SourceFile>): GitSteps<LoadedSide> {
  const pathspecs = revisionPathspecs(target);
  let { access, entries } = yield* revisionAccess(target, pathspecs, prefetched?.entries);
  const configCandidates = pathspecs.slice(1);
  const tooLarge = (size: number): Refusal => ({
    code: 'EFBIG',
    message: `the file is ${(size / 1048576).toFixed(1)} MB; partnership files may be at most ${MAX_FILE_BYTES / 1048576} MB`,
  });
  // What to read for each path: a blob's entry, or why it is not read.
  const plan = new Map<string, { entry: GitEntry } | { refusal: Refusal }>();
  const planRead = (repoPath: string, verdict: { real: string } | { refusal: Refusal }): void => {
    if ('refusal' in verdict) {
      plan.set(repoPath, { refusal: verdict.refusal });
      return;
    }
    // A file listed through a folder link is read where the link leads.
    const resolved = access.realpath(verdict.real);
    const entry = entries.get('real' in resolved ? resolved.real : verdict.real);
    if (!entry || entry.mode === '120000' || entry.mode === '160000') plan.set(repoPath, { refusal: NOT_IN_GIT });
    else plan.set(repoPath, entry.size > MAX_FILE_BYTES ? { refusal: tooLarge(entry.size) } : { entry });
  };
  // Blobs read beforehand (loadRevisions) are used only for the paths planned here, as if fetched now.
  const blobs = new Map<string, Buffer>(prefetched?.blobs);
  const read = (repoPath: string, shown: string, relPath: string): RawFile => {
    const planned = plan.get(repoPath);
    if (!planned) return { path: shown, relPath, readError: NOT_IN_GIT };
    if ('refusal' in planned) return { path: shown, relPath, readError: planned.refusal };
    const content = blobs.get(planned.entry.oid);
    return content ? { path: shown, relPath, content } : { path: shown, relPath, readError: NOT_IN_GIT };
  };
  function* fetch(): GitSteps<void> {
    const more = yield* blobsOf([...plan.values()].flatMap((p) => ('entry' in p && !blobs.has(p.entry.oid) ? [p.entry.oid] : [])));
    for (const [oid, blob] of more) blobs.set(oid, blob);
  }

  const configPath = configCandidates.find((c) => {
    const kind = access.lstat(c);
    return kind === 'file' || kind === 'link';
  });
  const configDir = configPath === undefined ? '' : path.posix.dirname(configPath) === '.' ? '' : path.posix.dirname(configPath);
  let config: SourceFile | undefined;
  if (configPath !== undefined) {
    planRead(configPath, judgePath(access.rooted(configDir), configPath));
    yield* fetch();
    config = loadSource(read(configPath, shownPath(target, configPath), CONFIG_FILE), 'config');
  }

  const excluded = config ? templatesExclusion(config, configDir) : undefined;
  if (
    excluded !== undefined &&
    !excluded.startsWith('..') &&
    !path.posix.isAbsolute(excluded) &&
    target.prefix !== '' &&
    !`${excluded}/`.startsWith(`${target.prefix}/`)
  ) {
    // A templates folder beside the compared one: list it too, as the working tree would be read.
    ({ access, entries } = yield* revisionAccess(target, [...pathspecs, excluded]));
  }
  const tree = access.rooted(target.prefix);
  const listing =
    target.prefix === '' || access.stat(target.prefix) === 'dir'
      ? walkTree(tree, excluded !== undefined ? [excluded] : [])
      : { paths: [], refused: new Map<string, Refusal>(), real: new Map<string, string>() };
  for (const rel of listing.paths) {
    const refusal = listing.refused.get(rel);
    const repoPath = join(target.prefix, rel);
    planRead(repoPath, refusal ? { refusal } : { real: listing.real.get(rel) ?? repoPath });
  }

  // The templates folder, judged from the config's folder as on disk.
  let templates: TemplateSnapshot | undefined;
  let held: string | undefined;
  const templatePaths = new Map<string, string>();
  if (excluded !== undefined && !excluded.startsWith('..') && !path.posix.isAbsolute(excluded)) {
    const verdict = judgePath(access.rooted(configDir), excluded);
    if ('real' in verdict && access.stat(verdict.real) === 'dir') {
      const folder = access.rooted(verdict.real);
      for (const t of listTemplateFiles(folder)) {
        templatePaths.set(t.relPath, t.path);
        planRead(t.path, t.refusal ? { refusal: t.refusal } : { real: t.real! });
      }
      const inside = partnershipInTemplates(walkTree(folder).paths);
      if (inside !== undefined) held = shownPath(target, join(excluded, inside));
      templates = { folder: shownPath(target, excluded), files: new Map() };
    }
  }
  yield* fetch();
  if (templates) {
    for (const [relPath, repoPath] of templatePaths) {
      const raw = read(repoPath, repoPath, relPath);
      templates.files.set(relPath, raw.content === undefined ? null : Buffer.from(raw.content).toString('utf8'));
    }
  }
  // A blob read at the same path with the same meaning is the same file at every revision: parsed once (RevisionReader).
  const load = (repoPath: string, shown: string, relPath: string, kind: FileKind | null): SourceFile => {
    const planned = plan.get(repoPath);
    const oid = planned && 'entry' in planned && blobs.has(planned.entry.oid) ? planned.entry.oid : undefined;
    const key = parsed && oid !== undefined ? JSON.stringify([oid, shown, relPath, kind]) : undefined;
    const known = key !== undefined ? parsed?.get(key) : undefined;
    if (known) return known;
    const file = loadSource(read(repoPath, shown, relPath), kind);
    if (key !== undefined) parsed?.set(key, file);
    return file;
  };
  const workspace = buildWorkspace(target, listing.paths, read, config, load);
  return { ...workspace, ...(templates ? { templates } : {}), ...(held !== undefined ? { partnershipInTemplates: held } : {}) };
}

/** What git lists for the compared folder at a revision: the folder itself, then a config's every possible place above it. */
function revisionPathspecs(target: DiffTarget): string[] {
  return [target.prefix === '' ? '.' : target.prefix, ...ancestors(target.prefix).map((d) => join(d, CONFIG_FILE))];
}

/** A revision's listing and blobs, read before its workspace is built. */
interface Prefetched {
  entries: Map<string, GitEntry>;
  blobs: ReadonlyMap<string, Buffer>;
}

/**
 * Loads several revisions as loadWorkspaceAtRevision does each, with fewer git
 * processes: the listings (one `ls-tree` per revision) run side by side, and
 * the YAML files of all of them are read through one `git cat-file --batch`.
 * A blob read here is used only where the file-access policy lets
 * loadWorkspaceAtRevision read that path; anything else it needs (a link's
 * target, a template) it still fetches itself.
 */
export async function loadRevisions(target: DiffTarget, shas: readonly string[]): Promise<LoadedSide[]> {
  if (shas.length === 0) return [];
  const pathspecs = revisionPathspecs(target);
  const listings = await Promise.all(shas.map((sha) => lsTreeConcurrently(target.root, sha, pathspecs)));
  const wanted = listings.flatMap((entries) =>
    [...entries].flatMap(([p, e]) => ((e.mode === '100644' || e.mode === '100755') && e.size <= MAX_FILE_BYTES && /\.ya?ml$/i.test(p) ? [e.oid] : [])),
  );
  const blobs = catBlobs(target.root, wanted);
  return shas.map((sha, i) => loadWorkspaceAtRevision(target, sha, { entries: listings[i]!, blobs }));
}

/**
 * Global pathspec settings that make `git --literal-pathspecs ls-tree` refuse
 * to run, where the cat-file process, which takes no pathspec, would answer:
 * with one of them set, the separate processes are asked, as before.
 */
const PATHSPEC_SETTINGS = ['GIT_GLOB_PATHSPECS', 'GIT_NOGLOB_PATHSPECS', 'GIT_ICASE_PATHSPECS'];

/**
 * What `govern diff` asks git, through one `git cat-file --batch-command`
 * started on the first question and fed as the answers come (both revisions
 * resolved, their trees walked as `ls-tree` would list them, their blobs
 * read; each object once). Where that process cannot answer as the separate
 * ones would (a git older than 2.36, a process that died, a tree git would
 * read otherwise), the same question goes to the separate processes
 * (resolveSides, loadRevisions), whose answers and errors are the reference.
 */
export class RevisionReader {
  private readonly session: CatFileSession | undefined;
  private readonly objects: RevisionObjects | undefined;

  constructor(private readonly root: string) {
    if (PATHSPEC_SETTINGS.some((name) => process.env[name] !== undefined)) return;
    this.session = new CatFileSession(root, GIT_ENV);
    this.objects = new RevisionObjects(this.session);
  }

  /** The same answers, and the same refusal, as resolveSides. */
  async resolveSides(revisions: readonly string[]): Promise<Side[]> {
    const objects = this.objects;
    // A revision resolveSides would not ask cat-file about is refused by it, in its words.
    if (objects && revisions.every((r) => r === WORKING_TREE || (!r.startsWith('-') && !/[\0\n\r]/.test(r)))) {
      try {
        const shas = await Promise.all(revisions.map((r) => (r === WORKING_TREE ? WORKING_TREE : objects.commitOf(r))));
        if (shas.every((sha) => sha !== undefined)) {
          return revisions.map((r, i) => (r === WORKING_TREE ? { id: WORKING_TREE, label: WORKING_TREE } : { id: shas[i]!, label: r }));
        }
      } catch (error) {
        if (!(error instanceof BatchUnavailable)) throw error;
      }
    }
    return resolveSides(this.root, revisions);
  }

  /** The same sides as loadRevisions (and as loadWorkspaceAtRevision for each commit). */
  async load(target: DiffTarget, shas: readonly string[]): Promise<LoadedSide[]> {
    const objects = this.objects;
    if (objects && shas.length > 0) {
      try {
        const parsed = new Map<string, SourceFile>();
        return await Promise.all(shas.map((sha) => runWithSession(objects, sha, revisionSteps(target, undefined, parsed))));
      } catch (error) {
        if (!(error instanceof BatchUnavailable)) throw error;
      }
    }
    return loadRevisions(target, shas);
  }

  /** Lets the git process end; nothing more is asked. */
  close(): void {
    this.session?.close();
  }
}

/** Loads every partnership under the target folder from the files on disk (the working tree), under the same policy. */
export function loadWorkingTree(target: DiffTarget): LoadedSide {
  const abs = path.join(target.root, ...target.prefix.split('/').filter((s) => s !== ''));
  if (!existsSync(abs) || !statSync(abs).isDirectory()) return { partnerships: [] };
  const repoPathOf = (absPath: string): string => path.relative(target.root, absPath).split(path.sep).join('/');
  const found = readNearestConfig(abs, (absPath) => shownPath(target, repoPathOf(absPath)));
  const config: SourceFile | undefined = found?.config;
  let exclude: string[] = [];
  let templates: TemplateSnapshot | undefined;
  let held: string | undefined;
  if (found && config) {
    const configAbs = found.configPath;
    const configRepoPath = repoPathOf(configAbs);
    const configDir = path.posix.dirname(configRepoPath) === '.' ? '' : path.posix.dirname(configRepoPath);
    const excluded = templatesExclusion(config, configDir);
    if (excluded !== undefined) {
      const folderAbs = path.join(target.root, excluded);
      exclude = [folderAbs];
      const verdict = judgePath(diskAccess(path.dirname(configAbs)), folderAbs);
      if ('real' in verdict && statSync(verdict.real).isDirectory()) {
        templates = { folder: shownPath(target, excluded), files: new Map() };
        for (const t of listTemplateFiles(diskAccess(verdict.real))) {
          const raw = t.real !== undefined ? readRaw(t.real, t.relPath, t.relPath) : undefined;
          templates.files.set(t.relPath, raw?.content === undefined ? null : Buffer.from(raw.content).toString('utf8'));
        }
        const inside = partnershipInTemplates(listTree(verdict.real).paths);
        if (inside !== undefined) held = shownPath(target, join(excluded, inside));
      }
    }
  }
  const listing = walkTree(diskAccess(abs), exclude);
  const read = (repoPath: string, shown: string, relPath: string): RawFile => {
    const rel = target.prefix === '' ? repoPath : repoPath.slice(target.prefix.length + 1);
    return readRaw(listing.real.get(rel) ?? path.join(target.root, repoPath), shown, relPath, listing.refused.get(rel));
  };
  const workspace = buildWorkspace(target, listing.paths, read, config);
  return { ...workspace, ...(templates ? { templates } : {}), ...(held !== undefined ? { partnershipInTemplates: held } : {}) };
}

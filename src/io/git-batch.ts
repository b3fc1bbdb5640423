import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { GitEntry } from './file-policy.js';

/**
 * Thrown when the single git process cannot answer as the separate ones
 * would (a git without `cat-file --batch-command`, which came in 2.36; a
 * process that died; a tree git would refuse or read in another order): the
 * caller then does the same work with the separate processes, whose answers
 * (and errors) are the reference.
 */
export class BatchUnavailable extends Error {
  constructor(why: string) {
    super(`git cat-file --batch-command: ${why}`);
    this.name = 'BatchUnavailable';
  }
}

/** What `info` tells of an object. */
export interface ObjectInfo {
  oid: string;
  type: string;
  size: number;
}

interface Pending {
  command: 'info' | 'contents';
  resolve: (answer: { info: ObjectInfo; body?: Buffer } | undefined) => void;
  reject: (error: Error) => void;
}

/** An object's header: `<oid> <type> <size>`; anything else (`<name> missing`, `<name> ambiguous`) names no object. */
const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) ([a-z]+) (\d+)$/;
const NOT_FOUND = / (?:missing|ambiguous)$/;

/**
 * One `git cat-file --batch-command` process, fed incrementally: each
 * question is one line, the answers come back in order. Started on the first
 * question; every failure after that rejects with BatchUnavailable.
 */
export class CatFileSession {
  private child: ChildProcessByStdio<Writable, Readable, null> | undefined;
  private failed: BatchUnavailable | undefined;
  private readonly pending: Pending[] = [];
  private header: Buffer[] = [];
  /** Questions not yet written: those asked in one turn go to git as one write, and one `flush`. */
  private outbox: string[] = [];
  private body: { buf: Buffer; filled: number; info: ObjectInfo; done: Pending } | undefined;

  constructor(
    private readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** The type and size of an object, or undefined when the name names none. */
  info(name: string): Promise<ObjectInfo | undefined> {
    return this.ask('info', name).then((a) => a?.info);
  }

  /** An object's type, size and bytes, or undefined when the name names none. */
  contents(name: string): Promise<{ info: ObjectInfo; body: Buffer } | undefined> {
    return this.ask('contents', name).then((a) => (a ? { info: a.info, body: a.body! } : undefined));
  }

  /** Ends the process (it exits when its input ends). */
  close(): void {
    if (this.child && !this.failed) this.child.stdin.end();
    this.failed ??= new BatchUnavailable('closed');
  }

  private ask(command: 'info' | 'contents', name: string): Promise<{ info: ObjectInfo; body?: Buffer } | undefined> {
    if (/[\n\r\0]/.test(name)) return Promise.reject(new BatchUnavailable('a name that is not one line'));
    if (this.failed) return Promise.reject(this.failed);
    const child = this.child ?? this.start();
    return new Promise((resolve, reject) => {
      this.pending.push({ command, resolve, reject });
      if (this.outbox.length === 0) process.nextTick(() => this.send(child));
      this.outbox.push(`${command} ${name}\n`);
    });
  }

  private send(child: ChildProcessByStdio<Writable, Readable, null>): void {
    const lines = this.outbox;
    this.outbox = [];
    if (!this.failed) child.stdin.write(`${lines.join('')}flush\n`);
  }

  private start(): ChildProcessByStdio<Writable, Readable, null> {
    const child = spawn('git', ['--literal-pathspecs', 'cat-file', '--batch-command', '--buffer'], { cwd: this.cwd, env: this.env, stdio: ['pipe', 'pipe', 'ignore'] });
    this.child = child;
    child.on('error', (error) => this.fail(error.message));
    child.stdin.on('error', (error) => this.fail(error.message));
    child.stdout.on('data', (chunk: Buffer) => this.take(chunk));
    child.stdout.on('end', () => this.fail('the process ended'));
    return child;
  }

  private fail(why: string): void {
    const error = this.failed ?? new BatchUnavailable(why);
    this.failed = error;
    for (const p of this.pending.splice(0)) p.reject(error);
    this.body = undefined;
    this.header = [];
  }

  /** Reads answers from git's output, in order: a header line, and after a `contents` header the bytes and a newline. */
  private take(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.failed) {
      if (this.body) {
        const b = this.body;
        const n = Math.min(b.buf.length - b.filled, chunk.length - at);
        chunk.copy(b.buf, b.filled, at, at + n);
        b.filled += n;
        at += n;
        if (b.filled === b.buf.length) {
          this.body = undefined;
          if (b.buf[b.buf.length - 1] !== 0x0a) {
            this.fail('an object not followed by a newline');
            return;
          }
          b.done.resolve({ info: b.info, body: b.buf.subarray(0, b.buf.length - 1) });
        }
        continue;
      }
      const eol = chunk.indexOf(0x0a, at);
      if (eol < 0) {
        this.header.push(chunk.subarray(at));
        return;
      }
      this.header.push(chunk.subarray(at, eol));
      at = eol + 1;
      const line = Buffer.concat(this.header).toString('latin1');
      this.header = [];
      const waiting = this.pending.shift();
      if (!waiting) {
        this.fail('an answer to no question');
        return;
      }
      const m = HEADER.exec(line);
      if (!m) {
        if (!NOT_FOUND.test(line)) {
          this.fail(`an answer of another shape: ${line.slice(0, 80)}`);
          return;
        }
        waiting.resolve(undefined);
        continue;
      }
      const info = { oid: m[1]!, type: m[2]!, size: Number(m[3]) };
      if (waiting.command === 'info') {
        waiting.resolve({ info });
        continue;
      }
      this.body = { buf: Buffer.allocUnsafe(info.size + 1), filled: 0, info, done: waiting };
    }
  }
}

/** One entry of a tree object, with its name as bytes (held as a latin1 string, one char a byte). */
interface TreeItem {
  /** The mode as git reads it (canon_mode in git's tree-walk.h). */
  mode: number;
  name: string;
  oid: string;
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFGITLINK = 0o160000;

/** The mode git uses for a tree entry's written mode (canon_mode): 100644 or 100755, 120000, 040000, else a submodule's 160000. */
function canonMode(mode: number): number {
  const type = mode & S_IFMT;
  if (type === S_IFREG) return S_IFREG | (mode & 0o100 ? 0o755 : 0o644);
  if (type === S_IFLNK) return S_IFLNK;
  if (type === S_IFDIR) return S_IFDIR;
  return S_IFGITLINK;
}

/**
 * git's order of tree entries (base_name_compare): bytes, with a folder's
 * name compared as if it ended in `/`.
 */
function compareEntries(a: TreeItem, b: TreeItem): number {
  const len = Math.min(a.name.length, b.name.length);
  for (let i = 0; i < len; i++) {
    const d = a.name.charCodeAt(i) - b.name.charCodeAt(i);
    if (d !== 0) return d;
  }
  const ca = len < a.name.length ? a.name.charCodeAt(len) : (a.mode & S_IFMT) === S_IFDIR ? 0x2f : 0;
  const cb = len < b.name.length ? b.name.charCodeAt(len) : (b.mode & S_IFMT) === S_IFDIR ? 0x2f : 0;
  return ca - cb;
}

/**
 * The entries of a tree object (`<octal mode> <name>\0<raw id>` each), or
 * BatchUnavailable for one git would refuse (a malformed entry) or might read
 * differently (entries out of git's order, or a name twice: ls-tree stops
 * early on an order it trusts; a name holding a slash).
 */
export function parseTree(body: Buffer, rawLength: number): TreeItem[] {
  const items: TreeItem[] = [];
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    if (space <= at) throw new BatchUnavailable('a malformed tree entry');
    let mode = 0;
    for (let i = at; i < space; i++) {
      const c = body[i]!;
      if (c < 0x30 || c > 0x37) throw new BatchUnavailable('a malformed tree entry mode');
      mode = mode * 8 + (c - 0x30);
    }
    const nul = body.indexOf(0, space + 1);
    if (nul <= space + 1 || nul + 1 + rawLength > body.length) throw new BatchUnavailable('a malformed tree entry');
    const name = body.toString('latin1', space + 1, nul);
    // A name with a slash is no name git writes, and pathspecs would judge it otherwise than git.
    if (name.includes('/')) throw new BatchUnavailable('a tree entry name with a slash');
    const item = {
      mode: canonMode(mode),
      name,
      oid: body.toString('hex', nul + 1, nul + 1 + rawLength),
    };
    const last = items.at(-1);
    if (last && compareEntries(last, item) >= 0) throw new BatchUnavailable('tree entries out of order');
    items.push(item);
    at = nul + 1 + rawLength;
  }
  return items;
}

/** The latin1 spelling (one char a byte) of a path's UTF-8 bytes, as git compares paths. */
const bytesOf = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

/**
 * Reads revisions' trees and blobs through one CatFileSession, as `git
 * ls-tree -r -l -z --full-tree <commit> -- <pathspecs>` (with
 * `--literal-pathspecs`) and `git cat-file --batch` would give them: each
 * object is asked for once, however many revisions share it.
 */
export class RevisionObjects {
  private readonly trees = new Map<string, Promise<TreeItem[]>>();
  private readonly sizes = new Map<string, Promise<number>>();
  private readonly blobs = new Map<string, Promise<Buffer | undefined>>();

  constructor(readonly session: CatFileSession) {}

  /** The full commit id a revision names, or undefined when it names no commit (`<revision>^{commit}`). */
  async commitOf(revision: string): Promise<string | undefined> {
    const info = await this.session.info(`${revision}^{commit}`);
    return info?.type === 'commit' ? info.oid : undefined;
  }

  /**
   * The blobs, links and submodules at a commit under the pathspecs (every
   * one when there are none), by path from the repository's top, in git's
   * order: what parseLsTree makes of ls-tree's output.
   */
  async list(commit: string, pathspecs: readonly string[]): Promise<Map<string, GitEntry>> {
    const rawLength = commit.length / 2;
    const root = await this.session.contents(`${commit}^{tree}`);
    if (!root || root.info.type !== 'tree') throw new BatchUnavailable('a commit without its tree');
    const rootItems = parseTree(root.body, rawLength);
    // A pathspec is its bytes; `.` (from the top, with --full-tree) is every path.
    const specs = pathspecs.map((p) => (p === '.' ? '' : bytesOf(p)));
    const everything = specs.length === 0 || specs.includes('');
    // tree_entry_interesting with literal pathspecs: a path is listed when it is one or lies below one, and a folder on the way to one is entered (a submodule is not: only `sub/` would name it, and no pathspec here ends in `/`).
    const verdict = (full: string, type: number, inside: boolean): 'below' | 'on-the-way' | undefined => {
      if (inside || specs.some((s) => full === s || full.startsWith(`${s}/`))) return 'below';
      if (type === S_IFDIR && specs.some((s) => s.startsWith(`${full}/`))) return 'on-the-way';
      return undefined;
    };
    // The folders entered, a level at a time (each level's trees asked for together), then walked depth first as ls-tree -r does.
    const loaded = new Map<string, TreeItem[]>();
    let level: { dir: string; items: TreeItem[]; inside: boolean }[] = [{ dir: '', items: rootItems, inside: everything }];
    while (level.length > 0) {
      const next: { dir: string; oid: string; inside: boolean }[] = [];
      for (const { dir, items, inside } of level) {
        for (const item of items) {
          const full = dir === '' ? item.name : `${dir}/${item.name}`;
          const seen = verdict(full, item.mode & S_IFMT, inside);
          if (seen !== undefined && (item.mode & S_IFMT) === S_IFDIR) next.push({ dir: full, oid: item.oid, inside: seen === 'below' });
        }
      }
      const trees = await Promise.all(next.map((n) => this.tree(n.oid, rawLength)));
      for (const [i, n] of next.entries()) loaded.set(n.oid, trees[i]!);
      level = next.map((n, i) => ({ dir: n.dir, items: trees[i]!, inside: n.inside }));
    }
    const found: { path: string; item: TreeItem }[] = [];
    const walk = (dir: string, items: TreeItem[], inside: boolean): void => {
      for (const item of items) {
        const full = dir === '' ? item.name : `${dir}/${item.name}`;
        const type = item.mode & S_IFMT;
        const seen = verdict(full, type, inside);
        if (seen === undefined) continue;
        if (type === S_IFDIR) walk(full, loaded.get(item.oid)!, seen === 'below');
        else found.push({ path: full, item });
      }
    };
    walk('', rootItems, everything);
    const sizes = await Promise.all(found.map(({ item }) => ((item.mode & S_IFMT) === S_IFGITLINK ? 0 : this.sizeOf(item.oid))));
    const entries = new Map<string, GitEntry>();
    found.forEach(({ path, item }, i) => {
      entries.set(Buffer.from(path, 'latin1').toString('utf8'), { mode: item.mode.toString(8).padStart(6, '0'), oid: item.oid, size: sizes[i]! });
    });
    return entries;
  }

  /** The bytes of blobs by id (those git has), as catBlobs reads them. */
  async read(oids: readonly string[]): Promise<Map<string, Buffer>> {
    const unique = [...new Set(oids)];
    const bodies = await Promise.all(unique.map((oid) => this.blob(oid)));
    const out = new Map<string, Buffer>();
    unique.forEach((oid, i) => {
      const body = bodies[i];
      if (body) out.set(oid, body);
    });
    return out;
  }

  private tree(oid: string, rawLength: number): Promise<TreeItem[]> {
    let tree = this.trees.get(oid);
    if (!tree) {
      tree = this.session.contents(oid).then((answer) => {
        if (!answer || answer.info.type !== 'tree') throw new BatchUnavailable('a folder that is not a tree');
        return parseTree(answer.body, rawLength);
      });
      this.trees.set(oid, tree);
    }
    return tree;
  }

  private sizeOf(oid: string): Promise<number> {
    let size = this.sizes.get(oid);
    if (!size) {
      // ls-tree -l asks each blob's size; one it cannot find prints `BAD`, which parseLsTree reads as 0.
      size = this.session.info(oid).then((info) => info?.size ?? 0);
      this.sizes.set(oid, size);
    }
    return size;
  }

  private blob(oid: string): Promise<Buffer | undefined> {
    let blob = this.blobs.get(oid);
    if (!blob) {
      blob = this.session.contents(oid).then((answer) => answer?.body);
      this.blobs.set(oid, blob);
    }
    return blob;
  }
}

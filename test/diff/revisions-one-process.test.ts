// `govern diff` between two commits asks one git process, `cat-file
// --batch-command` (src/io/git-batch.ts, RevisionReader in src/io/git.ts):
// both revisions resolved, their trees walked as `ls-tree -r -l -z` lists
// them, their blobs read. Each answer is held here to the separate processes
// it replaces (resolveSides, lsTree, loadWorkspaceAtRevision), on random
// trees with hostile names, links and submodules; and where the one process
// cannot answer as they would, the separate processes answer.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BatchUnavailable, CatFileSession, parseTree, RevisionObjects } from '../../src/io/git-batch.js';
import { diffWorkspaces } from '../../src/diff/compare.js';
import { diffFormatters } from '../../src/diff/format.js';
import { NO_COLORS } from '../../src/formatters/types.js';
import { loadWorkspaceAtRevision, lsTree, resolveSides, RevisionReader, type DiffTarget, type LoadedSide } from '../../src/io/git.js';
import { plain } from './plain-data.js';
import { tempRepo, type TempRepo } from './repo.js';
// @ts-expect-error: a plain .mjs script without types
import { random as seededRandom } from '../../scripts/bench/portfolio.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GIT_ENV = { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
const made: TempRepo[] = [];
afterAll(() => {
  for (const r of made) r.remove();
});

/** A seeded random source (mulberry32, the bench generator's), so that a failing case can be made again. */
const random = seededRandom as (seed: number) => () => number;

/** Names that sort, match and decode in awkward ways: near-prefixes, `-` and `.` before `/`, tabs, newlines, bytes that are not UTF-8. */
const NAMES: (string | Buffer)[] = [
  'a',
  'a-b',
  'a.b',
  'a0',
  'ab',
  'partnership',
  'partnership.yaml',
  'govern.config.yaml',
  'slas.yaml',
  'contacts.yaml',
  'x y',
  "R&D's",
  'tab\there',
  'new\nline.yaml',
  'Zoë & Co',
  '*',
  ':c',
  '-dash',
  '.hidden',
  'node_modules',
  'measurements',
  Buffer.from([0xff, 0x61]),
  Buffer.from([0x62, 0xe2, 0x82]),
  Buffer.from([0xef, 0xbf, 0xbd]),
];
const TEXTS = ['contacts: []\n', 'name: Globex & Initech\n', '\ufeffa: 1\r\nb: [1, 2]\r\n', 'x: [\n', 'roles: []\n# * & !\n', '\u0000binary', ''];

interface Made {
  repo: TempRepo;
  commits: string[];
  /** Every path made, as git would spell it in a pathspec (UTF-8 text; a name that is not UTF-8 comes out another way, as it would from a user). */
  paths: string[];
}

/** A repository whose commits hold random trees of files, folders, links (inside, outside, dangling, to folders) and submodules. */
function randomRepo(seed: number): Made {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const repo = tempRepo();
  made.push(repo);
  const top = Buffer.from(repo.dir);
  const paths = new Set<string>();
  const commits: string[] = [];
  for (let c = 0; c < 2; c++) {
    execFileSync('git', ['rm', '-r', '-q', '--cached', '--ignore-unmatch', '.'], { cwd: repo.dir });
    execFileSync('sh', ['-c', 'find . -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +'], { cwd: repo.dir });
    const gitlinks: string[] = [];
    const fill = (dir: Buffer[], depth: number): void => {
      const names = new Set<string>();
      const count = Math.floor(rnd() * (depth === 0 ? 7 : 5)) + 1;
      for (let i = 0; i < count; i++) {
        const name = pick(NAMES);
        const bytes = typeof name === 'string' ? Buffer.from(name) : name;
        if (names.has(bytes.toString('hex'))) continue;
        names.add(bytes.toString('hex'));
        const rel = [...dir, bytes];
        const relText = Buffer.concat(rel.flatMap((b, j) => (j === 0 ? [b] : [Buffer.from('/'), b]))).toString('utf8');
        const abs = Buffer.concat([top, ...rel.flatMap((b) => [Buffer.from('/'), b])]);
        paths.add(relText);
        const kind = rnd();
        if (kind < 0.35 && depth < 3) {
          mkdirSync(abs);
          fill(rel, depth + 1);
        } else if (kind < 0.55) {
          symlinkSync(pick(['slas.yaml', '../a', 'a/contacts.yaml', '/etc/passwd', path.join(repo.dir, 'a'), 'missing', '..', '.', 'partnership']), abs);
        } else if (kind < 0.62 && typeof name === 'string' && !name.includes('\n')) {
          gitlinks.push(relText);
        } else {
          writeFileSync(abs, pick(TEXTS) + (rnd() < 0.3 ? 'x'.repeat(Math.floor(rnd() * 3000)) : ''));
          if (rnd() < 0.2) chmodSync(abs, 0o755);
        }
      }
    };
    fill([], 0);
    repo.git('add', '-A');
    for (const g of gitlinks) {
      try {
        repo.git('update-index', '--add', '--cacheinfo', `160000,${'1234567890abcdef1234567890abcdef12345678'},${g}`);
      } catch {
        // a folder of that name is already in the index
      }
    }
    repo.git('commit', '-q', '--allow-empty', '-m', `tree ${c}`);
    commits.push(repo.git('rev-parse', 'HEAD'));
  }
  return { repo, commits, paths: [...paths] };
}

/** Pathspec sets as revisionPathspecs makes them, and others: whole trees, missing paths, a path and its parent. */
function pathspecSets(paths: readonly string[], rnd: () => number): string[][] {
  const pick = (): string => paths[Math.floor(rnd() * paths.length)] ?? 'a';
  const sets: string[][] = [[], ['.'], ['.', 'govern.config.yaml'], ['partnership', 'partnership/govern.config.yaml', 'govern.config.yaml'], ['no/such/path']];
  for (let i = 0; i < 8; i++) {
    const p = pick();
    const parent = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    sets.push([p, ...(parent ? [`${parent}/govern.config.yaml`] : []), 'govern.config.yaml']);
    sets.push([pick(), pick(), `${pick()}/deeper`]);
  }
  return sets;
}

/** Entries as a list, so that their order counts too. */
const listed = (entries: Map<string, unknown>): unknown[] => [...entries.entries()];

describe('one cat-file process lists a revision as ls-tree does', () => {
  for (let seed = 1; seed <= 20; seed++) {
    it(`random tree ${seed}: the same entries, in the same order, for every pathspec set`, async () => {
      const { repo, commits, paths } = randomRepo(seed);
      const objects = new RevisionObjects(new CatFileSession(repo.dir, GIT_ENV));
      try {
        for (const sha of commits) {
          for (const specs of pathspecSets(paths, random(seed * 31))) {
            expect(listed(await objects.list(sha, specs)), `${sha} ${JSON.stringify(specs)}`).toEqual(listed(lsTree(repo.dir, sha, specs)));
          }
        }
      } finally {
        objects.session.close();
      }
    });
  }

  it('in a SHA-256 repository', async () => {
    const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'govern-sha256-')));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } }).trim();
    git('init', '-q', '--object-format=sha256');
    mkdirSync(path.join(dir, 'p/measurements'), { recursive: true });
    writeFileSync(path.join(dir, 'p/partnership.yaml'), 'id: a\nname: A & B\n');
    writeFileSync(path.join(dir, 'p/measurements/2026-01.yaml'), 'x: 1\n');
    symlinkSync('partnership.yaml', path.join(dir, 'p/contacts.yaml'));
    git('add', '-A');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'a');
    const sha = git('rev-parse', 'HEAD');
    expect(sha).toHaveLength(64);
    const objects = new RevisionObjects(new CatFileSession(dir, GIT_ENV));
    try {
      for (const specs of [[], ['p'], ['p/measurements', 'govern.config.yaml'], ['q']])
        expect(listed(await objects.list(sha, specs))).toEqual(listed(lsTree(dir, sha, specs)));
    } finally {
      objects.session.close();
    }
    const reader = new RevisionReader(dir);
    const target: DiffTarget = { root: dir, prefix: 'p', cwd: dir };
    try {
      expect(plain(await reader.load(target, [sha]))).toEqual(plain([loadWorkspaceAtRevision(target, sha)]));
    } finally {
      reader.close();
    }
  });

  it('reads tree entries as git does: a mode such as 100664 is 100644, one of no known type a submodule', async () => {
    const repo = tempRepo();
    made.push(repo);
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, input: 'a: 1\n' }).toString().trim();
    const raw = (mode: string, name: string): Buffer => Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(blob, 'hex')]);
    const tree = execFileSync('git', ['hash-object', '-w', '-t', 'tree', '--literally', '--stdin'], {
      cwd: repo.dir,
      input: Buffer.concat([raw('100664', 'a.yaml'), raw('100775', 'b.yaml'), raw('120777', 'c.yaml'), raw('10644', 'd.yaml')]),
    })
      .toString()
      .trim();
    const commit = repo.git('commit-tree', tree, '-m', 'odd modes');
    const objects = new RevisionObjects(new CatFileSession(repo.dir, GIT_ENV));
    try {
      const entries = await objects.list(commit, []);
      expect(listed(entries)).toEqual(listed(lsTree(repo.dir, commit, [])));
      expect([...entries.values()].map((e) => e.mode)).toEqual(['100644', '100755', '120000', '160000']);
    } finally {
      objects.session.close();
    }
  });

  it('gives up, for the separate processes to answer, on a tree git reads otherwise: out of order, a name twice, a slash in a name', () => {
    const oid = Buffer.alloc(20, 7);
    const entry = (mode: string, name: string): Buffer => Buffer.concat([Buffer.from(`${mode} ${name}\0`), oid]);
    expect(parseTree(Buffer.concat([entry('100644', 'a'), entry('100644', 'b')]), 20).map((e) => e.name)).toEqual(['a', 'b']);
    // `a-b` sorts before the folder `a` (compared as `a/`), after the file `a`.
    expect(parseTree(Buffer.concat([entry('100644', 'a-b'), entry('40000', 'a')]), 20).map((e) => e.name)).toEqual(['a-b', 'a']);
    expect(parseTree(Buffer.concat([entry('100644', 'a'), entry('100644', 'a-b')]), 20).map((e) => e.name)).toEqual(['a', 'a-b']);
    for (const bad of [
      Buffer.concat([entry('100644', 'b'), entry('100644', 'a')]),
      Buffer.concat([entry('100644', 'a'), entry('100644', 'a')]),
      Buffer.concat([entry('40000', 'a'), entry('100644', 'a-b')]),
      entry('100644', 'a/b'),
      entry('100844', 'a'),
      entry('100644', ''),
      entry('100644', 'a').subarray(0, 20),
    ]) {
      expect(() => parseTree(bad, 20)).toThrow(BatchUnavailable);
    }
  });
});

describe('one cat-file process loads revisions as the separate processes do', () => {
  for (const seed of [21, 22, 23, 24, 25, 26]) {
    it(`random tree ${seed}: every side, for the whole repository and for folders in it`, async () => {
      const { repo, commits, paths } = randomRepo(seed);
      const root = realpathSync(repo.dir);
      const rnd = random(seed);
      const prefixes = ['', 'a', 'partnership', ...[1, 2, 3].map(() => paths[Math.floor(rnd() * paths.length)]!)];
      for (const prefix of prefixes) {
        const target: DiffTarget = { root, prefix, cwd: root };
        const reader = new RevisionReader(root);
        try {
          expect(plain(await reader.load(target, commits)), prefix).toEqual(plain(commits.map((sha) => loadWorkspaceAtRevision(target, sha))));
        } finally {
          reader.close();
        }
      }
    });
  }

  it('on a tree of links in, out of and around the partnership', async () => {
    const top = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'govern-links-one-')));
    afterAll(() => rmSync(top, { recursive: true, force: true }));
    const repo = path.join(top, 'repo');
    const p = (rel: string): string => path.join(repo, rel);
    writeFileSync(path.join(top, 'outside.yaml'), 'contacts: []\n');
    for (const d of ['acme/shared', '.github', 'common/people', 'templates']) mkdirSync(p(d), { recursive: true });
    writeFileSync(p('govern.config.yaml'), 'templates: ./templates\n');
    writeFileSync(p('templates/mine.md.hbs'), '# {{partnership.name}}\n');
    writeFileSync(p('acme/partnership.yaml'), 'id: acme\nname: Acme & Co\n');
    writeFileSync(p('acme/shared/contacts.yaml'), 'contacts: []\n');
    writeFileSync(p('.github/risks.yaml'), 'risks: []\n');
    writeFileSync(p('common/people/raci.yaml'), 'roles: []\n');
    symlinkSync('shared/contacts.yaml', p('acme/contacts.yaml'));
    symlinkSync('../.github/risks.yaml', p('acme/risks.yaml'));
    symlinkSync(path.join(top, 'outside.yaml'), p('acme/budget.yaml'));
    symlinkSync(p('acme/shared/contacts.yaml'), p('acme/objectives.yaml'));
    symlinkSync('loop.yaml', p('acme/loop.yaml'));
    symlinkSync('../common/people', p('acme/people'));
    symlinkSync('../templates', p('acme/measurements'));
    symlinkSync('acme', p('partners'));
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } }).trim();
    git('-c', 'init.defaultBranch=main', 'init', '-q');
    git('add', '-A');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'links');
    const sha = git('rev-parse', 'HEAD');
    for (const prefix of ['', 'acme', 'partners', 'acme/people', 'templates', 'no-such']) {
      const target: DiffTarget = { root: repo, prefix, cwd: p('acme') };
      const reader = new RevisionReader(repo);
      try {
        expect(plain(await reader.load(target, [sha, sha])), prefix).toEqual(plain([loadWorkspaceAtRevision(target, sha), loadWorkspaceAtRevision(target, sha)]));
      } finally {
        reader.close();
      }
    }
  });

  it('resolves revisions as resolveSides does, with the same refusal for one that names no commit', async () => {
    const repo = tempRepo();
    made.push(repo);
    const first = repo.commit({ 'a/partnership.yaml': 'id: a\n' });
    repo.git('tag', 'v1');
    repo.git('tag', '-a', '-m', 'annotated', 'v1a');
    repo.commit({ 'a/partnership.yaml': 'id: b\n' });
    const asked = [
      'HEAD',
      'HEAD~1',
      'v1',
      'v1a',
      'main',
      first,
      first.slice(0, 7),
      '@',
      'HEAD^{tree}',
      'HEAD:a',
      'main~5',
      '',
      ' HEAD',
      'HEAD ',
      'working-tree',
      '-x',
      'a\nb',
      'no such',
    ];
    const reader = new RevisionReader(repo.dir);
    try {
      for (const a of asked) {
        for (const b of ['HEAD', 'working-tree']) {
          const expected = (() => {
            try {
              return { sides: resolveSides(repo.dir, [a, b]) };
            } catch (error) {
              return { error: (error as Error).message };
            }
          })();
          const actual = await reader.resolveSides([a, b]).then(
            (sides) => ({ sides }),
            (error: Error) => ({ error: error.message }),
          );
          expect(actual, JSON.stringify([a, b])).toEqual(expected);
        }
      }
    } finally {
      reader.close();
    }
  });
});

describe('where the one process cannot answer, the separate processes do', () => {
  const repo = tempRepo();
  made.push(repo);
  const contacts = readFileSync(path.join(ROOT, 'examples/acme-northwind/contacts.yaml'), 'utf8');
  const partnership = readFileSync(path.join(ROOT, 'examples/acme-northwind/partnership.yaml'), 'utf8');
  const a = repo.commit({ 'acme/partnership.yaml': partnership, 'acme/contacts.yaml': contacts });
  const b = repo.commit({ 'acme/partnership.yaml': partnership.replace(/^name: .*$/m, 'name: Acme & Northwind (renamed)') });
  const bin = mkdtempSync(path.join(os.tmpdir(), 'govern-old-git-'));
  afterAll(() => rmSync(bin, { recursive: true, force: true }));
  const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  const log = path.join(bin, 'log');
  // A git from before 2.36: no --batch-command.
  writeFileSync(
    path.join(bin, 'git'),
    `#!/bin/sh\necho "$2 $3" >> ${JSON.stringify(log)}\nif [ "$3" = "--batch-command" ]; then echo "error: unknown option \\\`batch-command'" >&2; exit 129; fi\nexec ${JSON.stringify(realGit)} "$@"\n`,
  );
  chmodSync(path.join(bin, 'git'), 0o755);
  const diff = (env: NodeJS.ProcessEnv, format: string): { status: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/govern.js'), 'diff', a, b, 'acme', '--format', format], {
      cwd: repo.dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('a git without cat-file --batch-command: the same report, from the separate processes', () => {
    for (const format of ['json', 'md', 'table']) {
      rmSync(log, { force: true });
      const now = diff({}, format);
      const old = diff({ PATH: `${bin}${path.delimiter}${process.env.PATH}` }, format);
      expect(now.status, now.stderr).toBe(0);
      expect(old).toEqual(now);
      const commands = readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[0]);
      expect(commands.sort()).toEqual(['cat-file', 'cat-file', 'cat-file', 'ls-tree', 'ls-tree', 'rev-parse']);
    }
  });

  it('a global pathspec setting ls-tree refuses with --literal-pathspecs: refused as before, not answered', () => {
    const now = diff({ GIT_ICASE_PATHSPECS: '1' }, 'json');
    expect(now.status).toBe(2);
    expect(now.stderr).toMatch(/ls-tree/);
  });
});

describe('a file the same at both revisions is parsed once', () => {
  it('and shared by both sides, nothing in diff or check changes it, and the report is the one from sides loaded apart', async () => {
    const repo = tempRepo();
    made.push(repo);
    const example = path.join(ROOT, 'examples/acme-northwind');
    const files = Object.fromEntries(
      execFileSync('git', ['ls-files'], { cwd: example, encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((f) => [`acme/${f}`, readFileSync(path.join(example, f), 'utf8')]),
    );
    const base = repo.commit({ ...files, 'acme/contacts.yaml': files['acme/contacts.yaml']!.replace(/phone: .*/, 'phone: "12"') });
    // The head fixes one finding and makes others: both sides are checked.
    const head = repo.commit({
      'acme/contacts.yaml': files['acme/contacts.yaml']!,
      'acme/slas.yaml': files['acme/slas.yaml']!.replace(/target: (\d+)/, 'target: 150'),
      'acme/raci.yaml': `${files['acme/raci.yaml']!}\nbogus: [\n`,
    });
    const root = realpathSync(repo.dir);
    const target: DiffTarget = { root, prefix: 'acme', cwd: root };
    const reader = new RevisionReader(root);
    const together = await reader.load(target, [base, head]);
    reader.close();
    const apart = [loadWorkspaceAtRevision(target, base), loadWorkspaceAtRevision(target, head)];
    expect(plain(together)).toEqual(plain(apart));
    const [b, h] = together as [LoadedSide, LoadedSide];
    const shared = h.partnerships[0]!.files.filter((f) => b.partnerships[0]!.files.includes(f)).map((f) => f.relPath);
    expect(shared).toContain('partnership.yaml');
    expect(shared).not.toContain('slas.yaml');
    const freeze = (value: unknown, seen = new Set<unknown>()): void => {
      if (value === null || typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      for (const v of Object.values(value)) freeze(v, seen);
      Object.freeze(value);
    };
    freeze(together);
    const options = { base: { now: new Date('2026-11-15T12:00:00Z'), today: '2026-11-15' }, head: { now: new Date('2026-11-15T12:00:00Z'), today: '2026-11-15' } };
    const report = diffWorkspaces(b, h, { base, head }, options);
    expect(report.newFindings.length).toBeGreaterThan(0);
    expect(report).toEqual(diffWorkspaces(apart[0]!, apart[1]!, { base, head }, options));
    for (const format of Object.values(diffFormatters)) {
      expect(format({ report, baseLabel: 'a', headLabel: 'b', colors: NO_COLORS })).toBe(
        format({ report: diffWorkspaces(apart[0]!, apart[1]!, { base, head }, options), baseLabel: 'a', headLabel: 'b', colors: NO_COLORS }),
      );
    }
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingTree, loadWorkspaceAtRevision, type DiffTarget } from '../../src/io/git.js';
import { loadWorkspaceFromDisk } from '../../src/io/load-workspace.js';
import type { Workspace } from '../../src/model/source.js';
import { PARTNERSHIP } from './corpus.js';

/**
 * One tree of links, read three ways: by `check` from disk, by `diff` from
 * the working tree, and by `diff` from the commit that holds it. The
 * file-access policy must give the same files, the same refusals and the
 * same text each way (FORMAT.md: "diff at a revision and in the working
 * tree judge links the same way").
 */
let top: string;
let repo: string;
let sha: string;

beforeAll(() => {
  top = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'govern-links-')));
  writeFileSync(path.join(top, 'outside.yaml'), 'contacts: []\n# OUTSIDE\n');
  repo = path.join(top, 'repo');
  const p = (rel: string): string => path.join(repo, rel);
  mkdirSync(p('acme/shared'), { recursive: true });
  mkdirSync(p('.github'), { recursive: true });
  mkdirSync(p('common/people'), { recursive: true });
  writeFileSync(p('acme/partnership.yaml'), PARTNERSHIP);
  writeFileSync(p('acme/shared/contacts.yaml'), 'contacts:\n  - { id: zoë, name: Zoë, party: client }\n');
  writeFileSync(p('.github/risks.yaml'), 'risks: []\n# IN-DOT-FOLDER\n');
  writeFileSync(p('common/people/raci.yaml'), 'roles: []\n');
  symlinkSync('shared/contacts.yaml', p('acme/contacts.yaml')); // inside: followed
  symlinkSync('../.github/risks.yaml', p('acme/risks.yaml')); // into a dot-folder: refused
  symlinkSync(path.join(top, 'outside.yaml'), p('acme/budget.yaml')); // absolute, outside: refused
  symlinkSync(p('acme/shared/contacts.yaml'), p('acme/objectives.yaml')); // absolute, inside: followed
  symlinkSync('hop', p('acme/governance.yaml')); // a chain of two links, inside
  symlinkSync('shared/contacts.yaml', p('acme/hop'));
  symlinkSync('loop.yaml', p('acme/loop.yaml')); // loops
  symlinkSync('missing.yaml', p('acme/slas.yaml')); // leads nowhere
  symlinkSync('../common/people', p('acme/people')); // a folder link inside the repository
  symlinkSync('../.github', p('acme/measurements')); // a folder link into a dot-folder: passed over
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    }).trim();
  git('-c', 'init.defaultBranch=main', 'init', '-q');
  git('add', '-A');
  git('-c', 'user.name=T', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'links');
  sha = git('rev-parse', 'HEAD');
});
afterAll(() => rmSync(top, { recursive: true, force: true }));

/** Each file as [path in its partnership, the rule of its reading problem or its text]. */
function seen(workspace: Workspace): [string, string][] {
  return workspace.partnerships.flatMap((t) => t.files.map((f): [string, string] => [f.relPath, f.text === '' ? (f.problems[0]?.ruleId ?? '') : f.text]));
}

describe('links are judged the same on disk and at a revision', () => {
  for (const prefix of ['', 'acme']) {
    it(`comparing ${prefix === '' ? 'the whole repository' : 'one partnership folder'}`, () => {
      const target: DiffTarget = { root: repo, prefix, cwd: repo };
      const atRevision = seen(loadWorkspaceAtRevision(target, sha));
      const contacts = 'contacts:\n  - { id: zoë, name: Zoë, party: client }\n';
      const expected: [string, string][] = [
        ['budget.yaml', 'file/symlink-outside'],
        ['contacts.yaml', contacts],
        ['governance.yaml', contacts],
        ['loop.yaml', 'file/unreadable'],
        ['objectives.yaml', contacts],
        ['partnership.yaml', PARTNERSHIP],
        // Checking only acme/, the folder link to common/ leads outside the tree.
        ...(prefix === '' ? ([['people/raci.yaml', 'roles: []\n']] as [string, string][]) : []),
        ['risks.yaml', 'file/symlink-outside'],
        ['shared/contacts.yaml', contacts],
        ['slas.yaml', 'file/unreadable'],
      ];
      expect(atRevision).toEqual(expected);
      expect(seen(loadWorkingTree(target))).toEqual(expected);
      expect(seen(loadWorkspaceFromDisk([prefix === '' ? '.' : prefix], repo))).toEqual(expected);
      expect(JSON.stringify(atRevision)).not.toMatch(/OUTSIDE|IN-DOT-FOLDER/);
    });
  }
});

// `govern diff` between two commits reads both with few git processes: both
// revisions resolved by one, the listings side by side, every YAML blob of both
// through one `cat-file --batch` (src/io/git.ts, loadRevisions). What it loads
// must be exactly what loading each revision on its own gives.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRevisions, loadWorkspaceAtRevision, locateTarget, resolveSide, resolveSides } from '../../src/io/git.js';
import { plain } from './plain-data.js';
import { tempRepo } from './repo.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const repo = tempRepo();
afterAll(() => repo.remove());

const partnership = readFileSync(path.join(ROOT, 'examples/acme-northwind/partnership.yaml'), 'utf8');
const contacts = readFileSync(path.join(ROOT, 'examples/acme-northwind/contacts.yaml'), 'utf8');
const base = repo.commit({
  'govern.config.yaml': 'templates: ./templates\n',
  'templates/mine.md.hbs': '# {{partnership.name}}\n',
  'acme/partnership.yaml': partnership,
  'acme/shared/contacts.yaml': contacts,
  'acme/notes.txt': 'not YAML\n',
});
symlinkSync('shared/contacts.yaml', path.join(repo.dir, 'acme/contacts.yaml'));
const head = repo.commit({
  'acme/partnership.yaml': partnership.replace(/^name: .*$/m, 'name: Acme & Northwind (renamed)'),
  'templates/mine.md.hbs': '# {{partnership.id}}\n',
});

describe('loading two revisions at once', () => {
  it('gives what loading each revision on its own gives: files, links, config and templates', async () => {
    const target = locateTarget('acme', repo.dir);
    const together = await loadRevisions(target, [base, head]);
    expect(plain(together)).toEqual(plain([loadWorkspaceAtRevision(target, base), loadWorkspaceAtRevision(target, head)]));
    expect(together[1]!.templates?.files.get('mine.md.hbs')).toBe('# {{partnership.id}}\n');
    expect(together[1]!.partnerships[0]!.files.some((f) => f.path.endsWith('contacts.yaml') && f.data !== undefined)).toBe(true);
  });

  it('resolves revisions as resolveSide does, one by one, with the same refusal for one that names no commit', () => {
    const root = locateTarget('.', repo.dir).root;
    expect(resolveSides(root, ['HEAD~1', 'HEAD', 'working-tree'])).toEqual([resolveSide(root, 'HEAD~1'), resolveSide(root, 'HEAD'), resolveSide(root, 'working-tree')]);
    for (const bad of ['no-such-branch', '-x', 'HEAD\nHEAD', `${base.slice(0, 8)}:acme`]) expect(() => resolveSides(root, ['HEAD', bad])).toThrow(/unknown revision/);
  });

  it('runs two git processes for `govern diff <base> <head> <path>` on a partnership (was seven one after another, then five): rev-parse and one cat-file --batch-command', () => {
    expect(existsSync(path.join(ROOT, 'lib/bundle/govern.cjs'))).toBe(true);
    const plainRepo = tempRepo();
    const a = plainRepo.commit({ 'acme/partnership.yaml': partnership, 'acme/contacts.yaml': contacts });
    const b = plainRepo.commit({ 'acme/partnership.yaml': partnership.replace(/^name: .*$/m, 'name: Acme & Northwind (renamed)') });
    const bin = path.join(plainRepo.dir, '..', `${path.basename(plainRepo.dir)}-wrap`);
    mkdirSync(bin);
    afterAll(() => {
      plainRepo.remove();
      rmSync(bin, { recursive: true, force: true });
    });
    const log = path.join(bin, 'log');
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$2" >> ${JSON.stringify(log)}\nexec ${JSON.stringify(realGit)} "$@"\n`);
    chmodSync(path.join(bin, 'git'), 0o755);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/govern.js'), 'diff', a, b, 'acme', '--format', 'json'], {
      cwd: plainRepo.dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, NO_COLOR: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).changes.length).toBeGreaterThan(0);
    expect(readFileSync(log, 'utf8').trim().split('\n').sort()).toEqual(['cat-file', 'rev-parse']);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A throwaway git repository in a temporary folder. */
export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes files (null deletes one), stages everything and commits; returns the commit id. */
  commit(files: Record<string, string | null>, message?: string): string;
  /** Writes files on disk without committing. */
  write(files: Record<string, string | null>): void;
  remove(): void;
}

/** Creates a repository on `main` with a local identity, so commits work on any machine. */
export function tempRepo(): TempRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'govern-diff-'));
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    }).trim();
  git('-c', 'init.defaultBranch=main', 'init', '-q');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'commit.gpgsign', 'false');
  const write = (files: Record<string, string | null>): void => {
    for (const [rel, content] of Object.entries(files)) {
      const abs = path.join(dir, rel);
      if (content === null) {
        rmSync(abs, { force: true });
      } else {
        mkdirSync(path.dirname(abs), { recursive: true });
        writeFileSync(abs, content);
      }
    }
  };
  return {
    dir,
    git,
    write,
    commit(files, message = 'change') {
      write(files);
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Prefixes every path of a file set with a folder. */
export function under(folder: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [`${folder}/${k}`, v]));
}

/** Applies text replacements to one file of a set, failing loudly when a replacement finds nothing. */
export function edit(files: Record<string, string>, file: string, ...pairs: [string, string][]): Record<string, string> {
  let text = files[file];
  if (text === undefined) throw new Error(`no ${file} in the fixture`);
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`${file} has no \`${from}\``);
    text = text.replace(from, to);
  }
  return { ...files, [file]: text };
}

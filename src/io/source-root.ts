import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The top of the git repository around `cwd` (the nearest folder holding `.git`,
 * a folder or a worktree's file), else `cwd` itself; and the way from there to
 * `cwd`, `/`-separated, ending in `/` (empty at the top). SARIF's URIs are
 * relative to that top whatever the working directory, so code scanning can
 * place them. No git process: a walk up the folders.
 */
export function sourceRoot(cwd: string): { top: string; prefix: string } {
  let here: string;
  try {
    here = realpathSync(cwd);
  } catch {
    here = path.resolve(cwd);
  }
  for (let dir = here; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) {
      const rel = path.relative(dir, here).split(path.sep).join('/');
      return { top: dir, prefix: rel === '' ? '' : `${rel}/` };
    }
    if (path.dirname(dir) === dir) return { top: here, prefix: '' };
  }
}

/**
 * Each rule's section of the shipped docs/rules.md (its Markdown, heading left
 * out), by rule id: SARIF's fullDescription and help. Empty when the file cannot be read.
 */
export function readRuleDocs(): Map<string, string> {
  const docs = new Map<string, string>();
  let text: string;
  try {
    text = readFileSync(fileURLToPath(new URL('../../docs/rules.md', import.meta.url)), 'utf8');
  } catch {
    return docs;
  }
  const parts = text.replace(/\r\n?/g, '\n').split(/^## +(\S+)[ \t]*$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) docs.set(parts[i]!, parts[i + 1]!.trim());
  return docs;
}

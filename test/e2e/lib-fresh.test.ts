import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npm test` builds first, and the build rewrites lib/: if the committed lib/
// was made from other sources, git sees a change here. Rebuild with `npm run build` and commit lib/.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
const inGit = existsSync(path.join(ROOT, '.git')) && git('rev-parse', '--is-inside-work-tree').stdout.trim() === 'true';

describe.skipIf(!inGit)('the committed bundle', () => {
  it('is what `npm run build` makes from the committed sources', () => {
    const status = git('status', '--porcelain', '--untracked-files=all', '--', 'lib');
    expect(status.status).toBe(0);
    expect(status.stdout, 'lib/ differs from a fresh build: run `npm run build` and commit lib/').toBe('');
  });

  it('needs nothing from node_modules: package.json has no dependencies', async () => {
    const pkg = (await import(path.join(ROOT, 'package.json'), { with: { type: 'json' } })).default as Record<string, unknown>;
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.scripts).not.toHaveProperty('prepare');
  });
});

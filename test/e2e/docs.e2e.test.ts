import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('docs/rules.md', () => {
  it('documents every registered rule and is up to date', () => {
    const result = spawnSync(process.execPath, ['scripts/rules-doc.mjs', '--check'], { cwd: repo, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

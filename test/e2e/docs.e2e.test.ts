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

describe('src/model/generated/', () => {
  it('holds the types scripts/model-types.mjs writes from the schemas, up to date', () => {
    const result = spawnSync(process.execPath, ['scripts/model-types.mjs', '--check'], { cwd: repo, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('docs/rendering.md', () => {
  it("has the helper table written from the helpers' doc comments, up to date", () => {
    const result = spawnSync(process.execPath, ['scripts/helpers-doc.mjs', '--check'], { cwd: repo, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('docs/commands.md', () => {
  it('lists every check output format (OUTPUT_FORMATS) in the synopsis and as a bullet', async () => {
    const { OUTPUT_FORMATS } = await import('../../src/model/output-formats.js');
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/commands.md', import.meta.url), 'utf8');
    expect(doc).toContain(`--format ${OUTPUT_FORMATS.join('|')}]`);
    const section = doc.slice(doc.indexOf('--format stylish'));
    const bullets = [...section.matchAll(/^- `([a-z]+)`(?: \(default\))?:/gm)].map((m) => m[1]).slice(0, OUTPUT_FORMATS.length + 1);
    for (const name of OUTPUT_FORMATS) expect(bullets, name).toContain(name);
  });
});

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

describe('docs/format.md', () => {
  type Schema = { $ref?: string; type?: unknown; items?: Schema; properties?: Record<string, Schema>; definitions?: Record<string, Schema>; title?: string };

  /** The fields of a schema as the tables write them (`contract.renewal.noticeDays`, `roles[].id`): the leaves only. */
  function fields(schema: Schema): string[] {
    const resolve = (s: Schema | undefined): Schema | undefined => (s?.$ref ? resolve(schema.definitions?.[s.$ref.split('/').pop() ?? '']) : s);
    const out: string[] = [];
    const walk = (node: Schema | undefined, prefix: string): boolean => {
      const s = resolve(node);
      if (s?.type === 'array') return walk(s.items, `${prefix}[]`);
      if (!s?.properties) return false;
      for (const [name, child] of Object.entries(s.properties)) {
        const path = prefix ? `${prefix}.${name}` : name;
        if (!walk(child, path)) out.push(path);
      }
      return true;
    };
    walk(schema, '');
    return out;
  }

  /** The fields a section's tables name: `a.b`, `c` in one cell is `a.b` and its sibling `a.c`. */
  function listed(section: string): Set<string> {
    const names = new Set<string>();
    for (const line of section.split('\n')) {
      if (!line.startsWith('| `')) continue;
      const cell = line.split(' | ')[0] ?? '';
      let parent = '';
      for (const [, name = ''] of cell.matchAll(/`([^`]+)`/g)) {
        const at = Math.max(name.lastIndexOf('.'), name.lastIndexOf('[]') + 1);
        if (at > 0) parent = name.slice(0, at + (name[at] === '.' ? 1 : 0));
        names.add(at > 0 ? name : `${parent}${name}`);
      }
    }
    return names;
  }

  it('has a table row for every field of every file kind (a new field needs its row)', async () => {
    const { readFileSync } = await import('node:fs');
    const { FILE_KINDS } = await import('../../src/model/file-kind.js');
    const doc = readFileSync(new URL('../../docs/format.md', import.meta.url), 'utf8');
    const missing: string[] = [];
    for (const kind of FILE_KINDS) {
      const schema = JSON.parse(readFileSync(new URL(`../../schemas/${kind}.schema.json`, import.meta.url), 'utf8')) as Schema;
      const file = /\(([^)]+\.yaml)\)/
        .exec(schema.title ?? '')?.[1]
        ?.replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
      const start = doc.indexOf(`\n## ${file}\n`);
      expect(start, `docs/format.md has no section "## ${file}" for ${kind}`).toBeGreaterThan(0);
      const section = doc.slice(start, doc.indexOf('\n## ', start + 4));
      const names = listed(section);
      const topLists = Object.keys(schema.properties ?? {});
      const covered = (path: string): boolean => {
        // A table of the only list in a file may leave out its prefix (`id` for `contacts[].id`).
        if (topLists.length === 1 && names.has(path.replace(/^[A-Za-z]+\[\]\./, ''))) return true;
        const parts = path.split('.');
        return parts.some((_, i) => {
          const prefix = parts.slice(0, parts.length - i).join('.');
          return names.has(prefix) || names.has(prefix.replace(/\[\]$/, '')) || names.has(`${prefix}[]`);
        });
      };
      for (const path of fields(schema)) if (!covered(path)) missing.push(`${kind}: ${path}`);
    }
    expect(missing).toEqual([]);
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

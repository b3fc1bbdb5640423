import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The layer table of ARCHITECTURE.md, bottom to top. A folder may import its
// own files and any folder on a lower row; never a folder on its own row
// (peers stay independent) nor one above. Type-only and dynamic imports count.
const LAYERS: readonly (readonly string[])[] = [
  ['model'],
  ['time'],
  ['text'],
  ['parse'],
  ['load'],
  ['schema'],
  ['sla', 'waivers', 'import'],
  ['kpi', 'budget'],
  ['rules'],
  ['check', 'config', 'baseline', 'author'],
  ['formatters'],
  ['render', 'diff'],
  ['due'],
  ['io'],
  ['cli'],
];

// Only these folders may touch the file system, spawn processes or open workers.
const SYSTEM_MODULES = ['fs', 'fs/promises', 'child_process', 'worker_threads'];
const SYSTEM_ALLOWED = ['io', 'cli'];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const folders = (names: readonly string[]) => `^src/(${names.join('|')})/`;

/** One forbidden rule per row: its folders must not import a peer or anything above. */
function layerRules(layers: readonly (readonly string[])[], exceptions: readonly { from: string; to: string }[]): IForbiddenRuleType[] {
  const rules: IForbiddenRuleType[] = [];
  layers.forEach((row, rank) => {
    const above = layers.slice(rank + 1).flat();
    for (const folder of row) {
      const peers = row.filter((f) => f !== folder);
      const banned = [...peers, ...above];
      if (banned.length === 0) continue;
      const mine = exceptions.filter((e) => e.from.startsWith(`src/${folder}/`));
      rules.push({
        name: `${folder}-runs-up`,
        comment: `src/${folder}/ may import only its own files and: ${layers.slice(0, rank).flat().join(', ') || 'nothing'}`,
        severity: 'error',
        from: mine.length ? { path: `^src/${folder}/`, pathNot: mine.map((e) => `^${escapeRegExp(e.from)}$`) } : { path: `^src/${folder}/` },
        to: { path: folders(banned) },
      });
      for (const e of mine) {
        rules.push({
          name: `${folder}-runs-up`,
          severity: 'error',
          from: { path: `^${escapeRegExp(e.from)}$` },
          to: { path: folders(banned), pathNot: `^${escapeRegExp(e.to)}$` },
        });
      }
    }
  });
  const known = layers.flat();
  rules.push({
    name: 'unknown-folder',
    comment: 'every folder of src/ has a row in the layer table',
    severity: 'error',
    from: { path: '^src/', pathNot: folders(known) },
    to: {},
  });
  rules.push({
    name: 'system-outside-io',
    comment: `only ${SYSTEM_ALLOWED.join(' and ')} touch the file system or processes`,
    severity: 'error',
    from: { path: '^src/', pathNot: folders(SYSTEM_ALLOWED) },
    to: { dependencyTypes: ['core'], path: `^(node:)?(${SYSTEM_MODULES.map(escapeRegExp).join('|')})$` },
  });
  return rules;
}

async function violations(roots: string[], layers: readonly (readonly string[])[], exceptions: readonly { from: string; to: string }[]): Promise<string[]> {
  const result = await cruise(
    roots,
    {
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      exclude: { path: 'node_modules' },
      validate: true,
      ruleSet: { forbidden: layerRules(layers, exceptions) },
    },
    { extensions: ['.ts', '.js'] },
    { tsConfig: { fileName: 'tsconfig.json' } },
  );
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text, expected a result object');
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

describe('layers', () => {
  it('no import runs up a layer', async () => {
    expect(await violations(['src'], LAYERS, [])).toEqual([]);
  }, 60_000);

  it('the rules catch an import that runs up, one between peers, and fs below io', async () => {
    // The same rules on the real tree with a row moved: model above sla turns sla -> model into an up-import.
    const swapped = [LAYERS[6] ?? [], ...LAYERS.filter((_, i) => i !== 6)];
    const up = await violations(['src/sla'], swapped, []);
    expect(up.some((v) => v.startsWith('sla-runs-up: src/sla/') && v.includes('-> src/model/'))).toBe(true);
    // Peers: put rules beside sla and waivers, and rules -> sla is a peer import.
    const peers = LAYERS.map((row) => (row.includes('sla') ? [...row, 'rules'] : row.filter((f) => f !== 'rules')));
    expect((await violations(['src/rules'], peers, [])).some((v) => v.startsWith('rules-runs-up: src/rules/') && v.includes('-> src/sla/'))).toBe(true);
    // File system: io/read-tree.ts reads files; named as if it were in schema/ it would be refused.
    const rules = layerRules(LAYERS, []).find((r) => r.name === 'system-outside-io');
    expect(new RegExp(String(rules?.to.path)).test('node:fs')).toBe(true);
    expect(new RegExp(String(rules?.from.pathNot)).test('src/io/read-tree.ts')).toBe(true);
    expect(new RegExp(String(rules?.from.pathNot)).test('src/schema/validators.ts')).toBe(false);
  }, 60_000);

  it('ARCHITECTURE.md shows the same table', () => {
    const doc = readFileSync(new URL('../ARCHITECTURE.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| (\d+) \| ([^|]+) \|/gm)].map((m) => [Number(m[1]), (m[2] ?? '').split(',').map((s) => s.trim().replace(/`|\//g, ''))] as const);
    expect(rows.map(([, names]) => names)).toEqual(LAYERS.map((row) => [...row]));
    expect(rows.map(([n]) => n)).toEqual(LAYERS.map((_, i) => i));
  });
});

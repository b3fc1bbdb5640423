import { isDeepStrictEqual } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';
import { readQuickly } from '../../src/parse/fast-yaml.js';
import { readLineYaml } from '../../src/parse/line-yaml.js';
import { locateInLines } from '../../src/parse/line-positions.js';
import { parseYaml } from '../../src/parse/parse-yaml.js';
// @ts-expect-error: a plain .mjs script without types
import { BENCH_TODAY, STYLE_NAMES, writePortfolio } from '../../scripts/bench/portfolio.mjs';

// The bench's corpus in every author's style (scripts/bench/styles.mjs): the
// files are valid partnerships, a fast reader takes at least 99 % of them in
// every style, and whatever it reads is what `yaml` reads, places included.

const dir = mkdtempSync(path.join(tmpdir(), 'govern-styles-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const styles = (STYLE_NAMES as string[]).length;
const { styles: styleOf } = writePortfolio(dir, styles * 2, 5, 'varied') as { styles: Record<string, string> };

function listYaml(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listYaml(path.join(folder, e.name)) : e.name.endsWith('.yaml') ? [path.join(folder, e.name)] : [],
  );
}

describe('the bench corpus in other authors’ styles', () => {
  it('has every style, each a valid portfolio: a check finds nothing', async () => {
    expect(new Set(Object.values(styleOf)).size).toBe(styles);
    expect(styles).toBeGreaterThanOrEqual(7);
    const io = memoryIo(['check', dir, '--today', BENCH_TODAY, '--format', 'json']);
    const code = await run(io);
    expect((JSON.parse(io.out()) as { findings: unknown[] }).findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('is read by a fast reader in at least 99 % of the files of every style, to the values and places yaml gives', () => {
    const tally: Record<string, { files: number; fast: number; why: string[] }> = {};
    for (const [name, style] of Object.entries(styleOf)) {
      const row = (tally[style] ??= { files: 0, fast: 0, why: [] });
      for (const file of listYaml(path.join(dir, name))) {
        const text = readFileSync(file, 'utf8');
        const why: string[] = [];
        const quick = readQuickly(text, why);
        row.files++;
        if (!quick) {
          row.why.push(`${path.relative(dir, file)}: ${why.join('; ')}`);
          continue;
        }
        row.fast++;
        const full = parseYaml(text);
        expect(full.problems, file).toEqual([]);
        expect(isDeepStrictEqual(quick.data, full.data), file).toBe(true);
        const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        const lines = readLineYaml(source, true);
        if (!lines?.positions) continue;
        const paths: (string | number)[][] = [];
        const walk = (value: unknown, at: (string | number)[]): void => {
          paths.push(at);
          if (Array.isArray(value)) value.forEach((v, i) => void walk(v, [...at, i]));
          else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
        };
        walk(lines.data, []);
        for (const p of paths.filter((_, i) => i % 5 === 0)) {
          for (const at of ['key', 'value'] as const) {
            const mine = locateInLines(lines.data, lines.positions, p, at).range;
            if (mine) expect(mine, `${file} ${JSON.stringify(p)} ${at}`).toEqual(full.locate(p, at));
          }
        }
      }
    }
    for (const [style, row] of Object.entries(tally)) {
      expect(row.fast / row.files, `${style}: ${row.why.slice(0, 3).join(' | ')}`).toBeGreaterThanOrEqual(0.99);
    }
  });
});

// A render of the built-in templates runs their precompiled form on
// Handlebars' runtime alone: the parser and compiler (lib/vendor/handlebars.cjs)
// load only when a template has to be compiled (docs/performance.md). And
// no render loads `node:crypto` (3-5 ms to compile on first use): a precompiled
// template is matched to its text by the text itself, not by a digest.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runTraced } from '../helpers/traced-cli.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'govern-startup-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the built CLI with a hook that names, on stderr, every Handlebars file and ES module it loads, and the Node built-ins. */
function traced(...args: string[]) {
  return runTraced(
    dir,
    [
      "Module._load = function (request, ...rest) { if (/handlebars|precompiled/.test(request)) process.stderr.write('LOADED ' + request + '\\n'); return load.call(this, request, ...rest); };",
      "process.on('exit', () => { for (const k of Object.keys(require.cache)) if (/\\.m?js$/.test(k) && /precompiled/.test(k)) process.stderr.write('ESM ' + k + '\\n'); });",
      "process.on('exit', () => { for (const m of process.moduleLoadList) if (m.startsWith('NativeModule ')) process.stderr.write('BUILTIN ' + m.slice(13) + '\\n'); });",
    ],
    [...args, '--today', '2026-11-15'],
    { ...process.env, NO_COLOR: '1' },
  );
}

describe('start-up of a render', () => {
  it('runs the built-in templates on the runtime, from the CommonJS precompiled file, and compiles a user template with the full Handlebars', () => {
    expect(existsSync(path.join(repo, 'lib/bundle/govern.cjs'))).toBe(true);
    cpSync(path.join(repo, 'examples/acme-northwind'), path.join(dir, 'acme'), { recursive: true });
    for (const args of [
      ['render', 'review-pack', 'acme', '--period', '2026-Q3'],
      ['render', 'review-pack', 'acme', '--period', '2026-Q3', '--format', 'html'],
      ['render', 'contract-summary', 'acme'],
    ]) {
      const run = traced(...args);
      expect(run.code, run.err).toBe(0);
      expect(run.out.length).toBeGreaterThan(1000);
      const loaded = run.err.split('\n').filter((l) => l.startsWith('LOADED') || l.startsWith('ESM'));
      expect(loaded.some((l) => /handlebars-runtime\.cjs$/.test(l))).toBe(true);
      expect(loaded.some((l) => /precompiled\.cjs$/.test(l))).toBe(true);
      expect(loaded.filter((l) => /vendor\/handlebars\.cjs$|^ESM/.test(l))).toEqual([]);
      const builtins = run.err.split('\n').filter((l) => l.startsWith('BUILTIN '));
      expect(builtins).toContain('BUILTIN fs');
      expect(builtins.filter((l) => /^BUILTIN (crypto|internal\/crypto\/)/.test(l))).toEqual([]);
    }

    // A templates folder of one's own: that template is compiled at run time, so the full Handlebars loads, and works.
    mkdirSync(path.join(dir, 'acme', 'templates'));
    writeFileSync(path.join(dir, 'acme', 'govern.config.yaml'), 'templates: ./templates\n');
    writeFileSync(path.join(dir, 'acme', 'templates', 'mine.md.hbs'), '# mine{{#if true}} and more{{/if}}\n');
    const mine = traced('render', 'mine', 'acme');
    expect(mine.code, mine.err).toBe(0);
    expect(mine.out).toBe('# mine and more\n');
    expect(mine.err).toMatch(/LOADED \.\.\/vendor\/handlebars\.cjs/);
  });
});

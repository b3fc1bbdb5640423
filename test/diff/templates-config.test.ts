import { afterEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import type { DiffReport } from '../../src/diff/types.js';
import { BASE } from './fixture.js';
import { tempRepo, under, type TempRepo } from './repo.js';

/**
 * Templates and govern.config.yaml are code: a pull request that changes
 * them changes every rendered document or every check, so diff lists the
 * change and --fail-on any fails on it; a templates folder that holds a
 * partnership (which would hide it from check) is a usage error.
 */
const TODAY = '2026-11-15';

async function govern(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo([...args, '--today', TODAY], { cwd });
  const code = await run(io);
  return { code, out: io.out(), err: io.err() };
}

const STYLES = '{{!-- our house look --}}\n<style>\n  body { font-family: "Source Sans", sans-serif; }\n</style>\n';

let repo: TempRepo | undefined;
afterEach(() => repo?.remove());

describe('govern diff: templates and the config are changes', () => {
  it('a styles partial that gains a script is listed, and --fail-on any fails on it', async () => {
    repo = tempRepo();
    repo.commit({ ...under('partners/northwind', BASE), 'govern.config.yaml': 'templates: ./house-style\n', 'house-style/partials/styles.html.hbs': STYLES });
    repo.git('checkout', '-q', '-b', 'restyle');
    const head = repo.commit({
      'house-style/partials/styles.html.hbs': `${STYLES}<script>fetch('https://tracker.example/p')</script>\n`,
      'house-style/contract-summary.md.hbs': '# {{partnership.name}}\n',
    });
    for (const to of [head, 'working-tree']) {
      const json = await govern(repo.dir, 'diff', 'main', to, '--format', 'json');
      expect(json.err).toBe('');
      const report = JSON.parse(json.out) as DiffReport;
      expect(report.changes.map((c) => [c.file, c.change, c.impact, c.summary])).toEqual([
        [
          'house-style/contract-summary.md.hbs',
          'added',
          'neutral',
          'Template contract-summary.md.hbs added in house-style: templates decide what every rendered document shows',
        ],
        [
          'house-style/partials/styles.html.hbs',
          'changed',
          'neutral',
          'Template partials/styles.html.hbs changed in house-style: templates decide what every rendered document shows',
        ],
      ]);
      const table = await govern(repo.dir, 'diff', 'main', to);
      expect(table.out).not.toMatch(/no change to obligations/);
      expect((await govern(repo.dir, 'diff', 'main', to, '--fail-on', 'any')).code).toBe(1);
    }
    expect((await govern(repo.dir, 'diff', 'main', 'main', '--fail-on', 'any')).code).toBe(0);
    // Comparing only the partners' folder: the templates beside it still count, the same at a revision and on disk.
    for (const to of [head, 'working-tree']) {
      const report = JSON.parse((await govern(repo.dir, 'diff', 'main', to, 'partners', '--format', 'json')).out) as DiffReport;
      expect(
        report.changes.map((c) => c.file),
        to,
      ).toEqual(['house-style/contract-summary.md.hbs', 'house-style/partials/styles.html.hbs']);
    }
  });

  it('a config that stops parsing is refused as check refuses it; fixed, or edited in a way with no setting to name, it is listed', async () => {
    repo = tempRepo();
    repo.commit({ ...BASE, 'govern.config.yaml': '# strict\nrules:\n  contacts/unreferenced: error\n' });
    const head = repo.commit({ 'govern.config.yaml': '# strict\nrules: [contacts/unreferenced: error\n' });
    const io = memoryIo(['diff', 'HEAD~1', head, '--format', 'json', '--today', TODAY], { cwd: repo.dir });
    // The head's config is broken: diff refuses it as check does.
    expect(await run(io)).toBe(2);
    expect(io.err()).toMatch(/govern\.config\.yaml is not valid/);
    // Fixed again: the base is the broken one, and the change is listed.
    const fixed = repo.commit({ 'govern.config.yaml': '# strict, again\nrules:\n  contacts/unreferenced: error\n' });
    const report = JSON.parse((await govern(repo.dir, 'diff', head, fixed, '--format', 'json')).out) as DiffReport;
    expect(report.changes.map((c) => [c.file, c.change, c.summary])).toEqual([
      ['govern.config.yaml', 'added', 'Rule contacts/unreferenced turned from warning (its default) to error'],
    ]);
    // An edit with no setting to name (here a blank line) is still listed: the config is code.
    const reworded = repo.commit({ 'govern.config.yaml': '# strict, again\nrules:\n  contacts/unreferenced: error\n\n' });
    expect((await govern(repo.dir, 'diff', fixed, reworded, '--format', 'json')).out).toContain('"summary": "File govern.config.yaml changed"');
    // Either kind of config change fails --fail-on any; no change passes it.
    for (const [from, to] of [
      [head, fixed],
      [fixed, reworded],
    ] as const) {
      expect((await govern(repo.dir, 'diff', from, to, '--fail-on', 'any')).code, `${from}..${to}`).toBe(1);
    }
    expect((await govern(repo.dir, 'diff', reworded, reworded, '--fail-on', 'any')).code).toBe(0);
  });
});

describe('a templates folder that holds a partnership is a usage error', () => {
  it('check, sla, who and diff stop with exit 2 and name the partnership', async () => {
    repo = tempRepo();
    repo.commit({
      ...under('acme', BASE),
      ...under('northwind', BASE),
      'govern.config.yaml': '# pack look\ntemplates: ./templates\n',
      'templates/review-pack.md.hbs': '# {{partnership.name}}\n',
    });
    repo.git('checkout', '-q', '-b', 'oops');
    repo.commit({ 'govern.config.yaml': '# pack look\ntemplates: ./northwind\n' });
    const message =
      /^govern: govern\.config\.yaml: the templates folder holds a partnership \(northwind\/partnership\.yaml\); govern never checks files inside the templates folder/;
    for (const args of [
      ['check', '.'],
      ['sla', 'acme'],
      ['who', 'acme'],
      ['calendar', 'acme'],
      ['due', 'acme'],
      ['render', 'contract-summary', 'acme'],
      ['render', 'portfolio', '.', '--period', '2026-10'],
      ['diff', 'main', 'HEAD'],
      ['diff', 'main'],
    ]) {
      const r = await govern(repo.dir, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
    }
    // The change that fixes it compares: a base that had it is no reason to refuse.
    repo.git('checkout', '-q', 'main');
    expect((await govern(repo.dir, 'diff', 'oops', 'main')).code).toBe(0);
  });
});

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { EXAMPLE, HOSTILE, ROOT } from './helpers.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'govern-render-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function govern(args: string[], options: { cwd?: string; tty?: boolean } = {}) {
  const io = memoryIo(args, { cwd: options.cwd ?? ROOT, env: {}, stdoutIsTTY: options.tty ?? false });
  const code = await run(io);
  return { code, out: io.out(), err: io.err() };
}

/** A repository holding a copy of the example and a govern.config.yaml naming a templates folder. */
function repo(name: string, templates: string | null, files: Record<string, string> = {}): string {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  cpSync(EXAMPLE, path.join(dir, 'acme'), { recursive: true });
  if (templates !== null) writeFileSync(path.join(dir, 'govern.config.yaml'), `templates: ${templates}\n`);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('govern render', () => {
  it('writes Markdown to stdout by default', async () => {
    const r = await govern(['render', 'contract-summary', 'examples/acme-northwind', '--today', '2026-11-15']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Contract summary: Acme ⇄ Northwind managed services\n/);
  });

  it('review-pack without --period is a usage error naming the periods with measurements', async () => {
    const r = await govern(['render', 'review-pack', 'examples/acme-northwind']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('review-pack needs --period; the periods with measurements are: 2026-08, 2026-09, 2026-10');
    const none = await govern(['render', 'review-pack', 'examples/acme-northwind', '--period', '2025-03']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('no measurements for 2025-03');
    const bad = await govern(['render', 'review-pack', 'examples/acme-northwind', '--period', 'October']);
    expect(bad.code).toBe(2);
  });

  it('a quarter holding measured months is accepted', async () => {
    const r = await govern(['render', 'review-pack', 'examples/acme-northwind', '--period', '2026-Q3', '--today', '2026-11-15']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Reviewed at the **Quarterly business review** held on **Thursday 8 October 2026**');
    expect(r.out).toContain('**Service credits owed for Q3 2026 (July–September):** 1,500.00 EUR.');
  });

  it('without a template, or with an unknown one, says what there is', async () => {
    expect((await govern(['render'])).code).toBe(2);
    const r = await govern(['render', '../../etc/passwd', 'examples/acme-northwind']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no template named `../../etc/passwd`; the templates are: contract-summary, portfolio, review-pack');
  });

  it('several partnerships without --partnership: exit 2 listing the ids', async () => {
    const dir = repo('two', null);
    cpSync(path.join(ROOT, 'test/fixtures/sla/other'), path.join(dir, 'other'), { recursive: true });
    const r = await govern(['render', 'contract-summary', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain('pick one with --partnership <id>');
    expect(r.err).toContain('acme-northwind  (acme)');
    expect(r.err).toContain('other  (other)');
    const one = await govern(['render', 'contract-summary', '.', '--partnership', 'acme-northwind', '--today', '2026-11-15'], { cwd: dir });
    expect(one.code).toBe(0);
  });

  it('refuses a partnership with check errors, with the findings; --allow-invalid renders and says so', async () => {
    const r = await govern(['render', 'contract-summary', 'test/fixtures/render/hostile', '--today', '2026-11-15', '--no-color']);
    expect(r.code).toBe(1);
    // The findings go to stderr, never into stdout (which may be `> pack.md`).
    expect(r.out).toBe('');
    expect(r.err).toContain('test/fixtures/render/hostile/contacts.yaml');
    expect(r.err).toContain('--allow-invalid');
    const allowed = await govern(['render', 'contract-summary', path.relative(ROOT, HOSTILE), '--today', '2026-11-15', '--allow-invalid', '--no-color']);
    expect(allowed.code).toBe(0);
    expect(allowed.out).toContain('> **Note:** Rendered from files with 12 check errors');
  });

  it('--out writes the file, refuses to replace it without --force, and replaces it with', async () => {
    const out = path.join(tmp, 'out', 'pack.html');
    const args = ['render', 'review-pack', 'examples/acme-northwind', '--period', '2026-10', '--today', '2026-11-15', '--format', 'html'];
    expect((await govern([...args, '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    writeFileSync(out, 'mine');
    const refused = await govern([...args, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('already exists; pass --force');
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect((await govern([...args, '--output', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readdirSync(path.dirname(out))).toEqual(['pack.html']);
  });

  it('HTML to a terminal asks for --out', async () => {
    const r = await govern(['render', 'contract-summary', 'examples/acme-northwind', '--format', 'html'], { tty: true });
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out contract-summary.html');
  });
});

describe('user templates', () => {
  it('override a built-in by name, add new ones, and use the built-in partials and helpers; --list says where each is from', async () => {
    const dir = repo('user', './templates', {
      'templates/contract-summary.md.hbs': '# {{partnership.name}}\n{{#each parties}}- {{name}}: {{> rag status="green"}}\n{{/each}}',
      'templates/one-pager.md.hbs':
        'Notice by {{date summary.term.noticeBy}}{{#if pack}}; credits {{#each pack.availability.creditsOwed}}{{money amount currency}}{{/each}}{{/if}}\n',
      'templates/partials/signature.md.hbs': 'unused',
    });
    const summary = await govern(['render', 'contract-summary', 'acme', '--today', '2026-11-15'], { cwd: dir });
    expect(summary.code).toBe(0);
    expect(summary.out).toBe('# Acme ⇄ Northwind managed services\n- Acme Corp: 🟢 met\n- Northwind MSP: 🟢 met\n');
    const page = await govern(['render', 'one-pager', 'acme', '--today', '2026-11-15', '--period', '2026-10'], { cwd: dir });
    expect(page.out).toBe('Notice by 2 October 2027; credits 750.00 EUR\n');
    const list = await govern(['render', '--list', 'acme'], { cwd: dir });
    expect(list.code).toBe(0);
    expect(list.out).toContain(
      'contract-summary  (contract summary)\n  html built-in: (built-in) contract-summary.html.hbs\n  md   yours, replaces the built-in: templates/contract-summary.md.hbs',
    );
    expect(list.out).toContain('one-pager');
    expect(list.out).toContain('review-pack  (review pack for --period)');
  });

  it('a template error names the template, line and column', async () => {
    const dir = repo('broken', 'templates', { 'templates/bad.md.hbs': 'line one\n{{#each summary.parties}}\n  {{nmae}}\n{{/each}}\n' });
    const r = await govern(['render', 'bad', 'acme', '--today', '2026-11-15'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe('govern: templates/bad.md.hbs:3:5: "nmae" is not a field here\n');
  });

  it('a templates folder outside the repository, or absolute, is refused', async () => {
    mkdirSync(path.join(tmp, 'elsewhere'), { recursive: true });
    const up = repo('up', '../elsewhere');
    const r = await govern(['render', 'contract-summary', 'acme'], { cwd: up });
    expect(r.code).toBe(2);
    expect(r.err).toContain('leads outside');
    const abs = repo('abs', path.join(tmp, 'elsewhere'));
    const a = await govern(['render', 'contract-summary', 'acme'], { cwd: abs });
    expect(a.code).toBe(2);
    expect(a.err).toContain('absolute path');
    const linked = repo('linked', './templates');
    symlinkSync(path.join(tmp, 'elsewhere'), path.join(linked, 'templates'));
    const l = await govern(['render', 'contract-summary', 'acme'], { cwd: linked });
    expect(l.code).toBe(2);
    expect(l.err).toContain('leads outside');
  });

  it('a symbolic link out of the templates folder is not followed', async () => {
    writeFileSync(path.join(tmp, 'secret.md.hbs'), 'SECRET');
    const dir = repo('symlink', './templates', { 'templates/ok.md.hbs': 'ok\n' });
    symlinkSync(path.join(tmp, 'secret.md.hbs'), path.join(dir, 'templates', 'secret.md.hbs'));
    const r = await govern(['render', 'secret', 'acme'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain('templates/secret.md.hbs: a symbolic link leading outside the templates folder or into a dot-folder; not read');
    expect(r.out).not.toContain('SECRET');
    expect(existsSync(path.join(dir, 'templates', 'ok.md.hbs'))).toBe(true);
  });
});

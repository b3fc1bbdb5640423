import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initQuestions } from '../../src/author/init-questions.js';
import { checkWorkspace } from '../../src/check/run-check.js';
import { INIT_FLAGS } from '../../src/cli/commands/init.js';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { loadWorkspaceFromDisk } from '../../src/io/load-workspace.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'govern-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = Date.parse('2026-11-15T12:00:00Z');

describe('govern init', () => {
  it('--yes writes a partnership that check passes with zero findings', async () => {
    const io = memoryIo(['init', 'acme', '--yes', '--timezone', 'Europe/Berlin'], { cwd: dir, now: () => NOW });
    expect(await run(io)).toBe(0);
    const workspace = loadWorkspaceFromDisk(['acme'], dir);
    const result = checkWorkspace(workspace, { now: NOW });
    expect(result.diagnostics).toEqual([]);
    expect(result.summary).toEqual({ errors: 0, warnings: 0, partnerships: 1, files: 9 });
    expect(readdirSync(path.join(dir, 'acme')).sort()).toEqual(
      [
        '.github',
        '.govern',
        '.pre-commit-config.yaml',
        '.vscode',
        'budget.yaml',
        'contacts.yaml',
        'escalation.yaml',
        'govern.config.yaml',
        'governance.yaml',
        'objectives.yaml',
        'partnership.yaml',
        'raci.yaml',
        'risks.yaml',
        'slas.yaml',
      ].sort(),
    );
    expect(io.out()).toContain('no problems');
    // The editor settings point at schema files that were written.
    const settings = JSON.parse(readFileSync(path.join(dir, 'acme/.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
    for (const schema of Object.keys(settings['yaml.schemas'])) expect(() => readFileSync(path.join(dir, 'acme', schema))).not.toThrow();
    expect(settings['yaml.schemas']['.govern/schemas/measurements.schema.json']).toEqual(['measurements/*.yaml']);
  });

  it('takes every answer from flags, without --yes and without a terminal', async () => {
    const io = memoryIo(
      [
        'init',
        'p',
        '--client',
        'Acme Corp',
        '--provider',
        'Northwind MSP',
        '--timezone',
        'America/New_York',
        '--start',
        '2026-01-01',
        '--end',
        '2028-12-31',
        '--notice-days',
        '120',
        '--client-lead-name',
        'Jane Doe',
        '--client-lead-email',
        'jane@acme.example',
        '--client-lead-phone',
        '+1 212 555 0100',
        '--provider-lead-name',
        'Bob Smith',
        '--provider-lead-email',
        'bob@northwind.example',
        '--provider-lead-phone',
        '+49 30 1234567',
        '--service',
        'desk-business-hours',
        '--desk-name',
        'Helpdesk',
        '--currency',
        'USD',
      ],
      { cwd: dir, now: () => NOW },
    );
    expect(await run(io), io.err()).toBe(0);
    const partnership = readFileSync(path.join(dir, 'p/partnership.yaml'), 'utf8');
    expect(partnership).toContain('id: acme-corp-northwind-msp');
    expect(partnership).toContain('renewal: { auto: true, noticeDays: 120 }');
    expect(partnership).toContain('services: [helpdesk]');
    expect(readFileSync(path.join(dir, 'p/contacts.yaml'), 'utf8')).toContain('phone: "+1 212 555 0100"');
    expect(readFileSync(path.join(dir, 'p/contacts.yaml'), 'utf8')).not.toContain('duty-manager');
    expect(checkWorkspace(loadWorkspaceFromDisk(['p'], dir), { now: NOW }).diagnostics).toEqual([]);
  });

  it('without a terminal, fails at once with exit 2 naming the flags, and writes nothing', async () => {
    const io = memoryIo(['init', 'p', '--client', 'Acme'], { cwd: dir, stdinIsTTY: false });
    expect(await run(io)).toBe(2);
    expect(io.err()).toMatch(/no terminal to ask them on; pass --provider <name>, --timezone <zone>, .*--currency <code> \(or --yes to take the defaults\)/);
    expect(io.err()).not.toContain('--client <name>');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('treats CI as having no terminal even when stdin is one', async () => {
    const io = memoryIo(['init', 'p'], { cwd: dir, stdinIsTTY: true, env: { CI: 'true' } });
    expect(await run(io)).toBe(2);
    expect(io.err()).toContain('--client <name>');
  });

  it('refuses to overwrite: lists the files that exist, exit 2, nothing written', async () => {
    mkdirSync(path.join(dir, 'p/.vscode'), { recursive: true });
    writeFileSync(path.join(dir, 'p/.vscode/settings.json'), '{ "mine": true }\n');
    writeFileSync(path.join(dir, 'p/risks.yaml'), 'risks: []\n');
    const io = memoryIo(['init', 'p', '--yes'], { cwd: dir });
    expect(await run(io)).toBe(2);
    expect(io.err()).toContain('init never overwrites, so nothing was written');
    expect(io.err()).toContain('  risks.yaml\n');
    expect(io.err()).toContain('  .vscode/settings.json\n');
    expect(readdirSync(path.join(dir, 'p')).sort()).toEqual(['.vscode', 'risks.yaml']);
    expect(readFileSync(path.join(dir, 'p/.vscode/settings.json'), 'utf8')).toBe('{ "mine": true }\n');
    // Leaving the editor files out gets past that one, but not past risks.yaml.
    const again = memoryIo(['init', 'p', '--yes', '--no-editor'], { cwd: dir });
    expect(await run(again)).toBe(2);
    expect(again.err()).not.toContain('.vscode');
  });

  it.each([
    [['--timezone', 'Mars/Olympus'], /--timezone "Mars\/Olympus": .*not an IANA time zone/],
    [['--client-lead-phone', '12345'], /--client-lead-phone "12345": .*\+ then 7 to 15 digits/],
    [['--start', '2026-01-01', '--end', '2025-12-31'], /--end "2025-12-31": must be after 2026-01-01/],
    [['--service', 'gold'], /--service "gold": `gold` is not one of: platform-24x7, desk-business-hours/],
    [['--client-lead-email', 'not-an-address'], /not an e-mail address/],
  ])('rejects a bad flag value %j with exit 2', async (args, message) => {
    const io = memoryIo(['init', 'p', '--yes', ...args], { cwd: dir });
    expect(await run(io)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('in a subfolder of a git repository, puts the CI workflow and pre-commit config at its top, where they run; a second partnership keeps them', async () => {
    execFileSync('git', ['init', '-q'], { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    const io = memoryIo(['init', 'partners/acme', '--yes'], { cwd: dir, now: () => NOW });
    expect(await run(io), io.err()).toBe(0);
    expect(readdirSync(path.join(dir, 'partners/acme'))).not.toContain('.github');
    expect(readdirSync(path.join(dir, 'partners/acme'))).not.toContain('.pre-commit-config.yaml');
    expect(readFileSync(path.join(dir, '.github/workflows/govern.yml'), 'utf8')).toContain('uses: govern-tool/govern@v');
    expect(readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8')).toContain('- id: govern-check');
    expect(io.err()).toContain('  .github/workflows/govern.yml (at the top of the repository, where it runs)\n');
    // CI and the hook run check at the top, which reads the config there: one in the subfolder would hold only locally.
    expect(readdirSync(path.join(dir, 'partners/acme'))).not.toContain('govern.config.yaml');
    expect(readFileSync(path.join(dir, 'govern.config.yaml'), 'utf8')).toContain('rules: {}');
    expect(io.err()).toContain('  govern.config.yaml (at the top of the repository, where check reads it)\n');
    // The editor settings stay with the partnership: their globs are relative to it.
    expect(existsSync(path.join(dir, 'partners/acme/.vscode/settings.json'))).toBe(true);

    writeFileSync(path.join(dir, '.pre-commit-config.yaml'), 'repos: []   # mine\n');
    const second = memoryIo(['init', 'partners/beta', '--yes', '--client', 'Beta'], { cwd: dir, now: () => NOW });
    expect(await run(second), second.err()).toBe(0);
    expect(second.err()).toContain("kept the repository's own .github/workflows/govern.yml and .pre-commit-config.yaml: make sure it runs govern check");
    expect(second.err()).toContain("kept the repository's own govern.config.yaml: its rule settings apply to this partnership too");
    expect(readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8')).toBe('repos: []   # mine\n');
    expect(existsSync(path.join(dir, 'partners/beta/partnership.yaml'))).toBe(true);
  });

  it('at the top of a git repository, writes the CI workflow there as before', async () => {
    execFileSync('git', ['init', '-q'], { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    const io = memoryIo(['init', '--yes'], { cwd: dir, now: () => NOW });
    expect(await run(io), io.err()).toBe(0);
    expect(existsSync(path.join(dir, '.github/workflows/govern.yml'))).toBe(true);
    expect(io.err()).not.toContain('kept');
  });

  it('has a flag for every question', () => {
    const questions = initQuestions({ today: '2026-11-15', systemZone: 'UTC' }).map((q) => q.flag);
    expect(INIT_FLAGS.map(([flag]) => flag)).toEqual(questions);
  });
});

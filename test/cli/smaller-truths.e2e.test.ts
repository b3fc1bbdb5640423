// Issue 19, item 9: smaller truths of the command line. Spawns the built CLI (`npm run build`) on folders
// written here: two partnerships of a portfolio that share an id, a config that changes severities.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/govern.js', import.meta.url));
const tree = mkdtempSync(path.join(os.tmpdir(), 'govern-truths-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function govern(cwd: string, ...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1', GOVERN_WORKERS: '0' };
  delete env.FORCE_COLOR;
  delete env.GOVERN_TODAY;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
  writeFileSync(path.join(tree, rel), text);
}

// Two folders, one id: a copy made for a second contract and never renamed. Block style, a BOM, a comment.
const partnership = (name: string) => `\uFEFF# ${name}
id: 'fjord-&-co'
name: '${name}'
client: { id: fjord, name: "Fjord AS" }
provider: { id: nord, name: "Nord Drift" }
timezone: Europe/Oslo
`;
write('portfolio/oslo/partnership.yaml', partnership('Fjord & Co — Oslo'));
write('portfolio/bergen/partnership.yaml', partnership('Fjord & Co — Bergen'));
write('portfolio/govern.config.yaml', 'rules:\n  governance/no-review-meeting: off   # no meetings yet\n  contacts/unreferenced: error\n');
const portfolio = path.join(tree, 'portfolio');

describe('a duplicate partnership id in a portfolio', () => {
  it('is an error at the second partnership.yaml, with the first as related', () => {
    const r = govern(portfolio, 'check', '.', '--format', 'json');
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out).findings.filter((d: { ruleId: string }) => d.ruleId === 'partnership/duplicate-id');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', file: 'oslo/partnership.yaml', path: ['id'], range: { start: { line: 2, column: 5 } } });
    expect(findings[0].message).toBe(
      'partnership id `fjord-&-co` is also the id of the partnership in bergen: give each partnership its own id, so that --partnership and reports can tell them apart',
    );
    expect(findings[0].related).toEqual([expect.objectContaining({ file: 'bergen/partnership.yaml', message: '`fjord-&-co` first used here' })]);
  });

  it('the same on worker threads', () => {
    const env = { ...process.env, NO_COLOR: '1', GOVERN_WORKERS: '2' };
    const r = spawnSync(process.execPath, [bin, 'check', '.', '--format', 'json'], { cwd: portfolio, encoding: 'utf8', env });
    const findings = JSON.parse(r.stdout).findings.filter((d: { ruleId: string }) => d.ruleId === 'partnership/duplicate-id');
    expect(findings).toHaveLength(1);
    // The places are found on the main thread, from the text a thread sent (the check no longer finds them for every partnership).
    expect(findings[0]).toMatchObject({ file: 'oslo/partnership.yaml', range: { start: { line: 2, column: 5 }, end: { line: 2, column: 17 } } });
    expect(findings[0].related).toEqual([
      expect.objectContaining({ file: 'bergen/partnership.yaml', range: { start: { line: 2, column: 5 }, end: { line: 2, column: 17 } } }),
    ]);
  });

  it('a clean check does not read a partnership.yaml a second time for the place of its id', () => {
    // An escape in a double-quoted name: js-yaml reads the file; only `yaml` knows places in it.
    write('solo/p/partnership.yaml', 'id: solo\nname: "Solo \\u0026 Co"\nclient: { id: a, name: A }\nprovider: { id: b, name: B }\ntimezone: UTC\n');
    const env = { ...process.env, NO_COLOR: '1', GOVERN_DEBUG: 'parse' };
    delete env.GOVERN_WORKERS;
    const r = spawnSync(process.execPath, [bin, 'check', 'p', '--today', '2026-11-15'], { cwd: path.join(tree, 'solo'), encoding: 'utf8', env });
    expect(r.stderr).toContain('govern: parse: partnership.yaml: js-yaml');
    expect(r.stderr).not.toContain('for the place of a finding');
  });

  it('--partnership with that id is a usage error naming both folders; the folder picks one', () => {
    const r = govern(portfolio, 'calendar', '.', '--partnership', 'fjord-&-co', '--today', '2026-11-15');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('2 partnerships have the id `fjord-&-co`, in bergen and oslo');
  });
});

describe('check -o file', () => {
  it('prints the summary line on stderr, so a CI log is never empty', () => {
    const r = govern(portfolio, 'check', '.', '--format', 'sarif', '-o', 'out/govern.sarif');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^✖ \d+ problems \(\d+ errors?, \d+ warnings?\) in 2 partnerships \(report written to out\/govern\.sarif\)\n$/);
    expect(JSON.parse(readFileSync(path.join(portfolio, 'out/govern.sarif'), 'utf8')).version).toBe('2.1.0');
  });
});

describe('govern rules', () => {
  it('shows the effective severities where govern.config.yaml changes them, and where they come from', () => {
    const r = govern(portfolio, 'rules');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^governance\/no-review-meeting\s+off\s+.*\(govern\.config\.yaml; default warning\)$/m);
    expect(r.out).toMatch(/^contacts\/unreferenced\s+error\s+.*\(govern\.config\.yaml; default warning\)$/m);
    expect(r.out).toMatch(/^ref\/unknown-contact\s+error\s+[^(]*$/m);
    expect(r.out).toContain('2 severities are changed here (govern.config.yaml); the others are the defaults.');
    const json = JSON.parse(govern(portfolio, 'rules', '--format', 'json', '--rule', 'risks/stale-review=error').out);
    expect(json.find((x: { id: string }) => x.id === 'governance/no-review-meeting')).toMatchObject({
      severity: 'off',
      defaultSeverity: 'warning',
      source: 'govern.config.yaml',
    });
    expect(json.find((x: { id: string }) => x.id === 'risks/stale-review')).toMatchObject({ severity: 'error', source: '--rule' });
    expect(json.find((x: { id: string }) => x.id === 'ref/unknown-contact')).toMatchObject({ severity: 'error', source: 'default' });
  });
});

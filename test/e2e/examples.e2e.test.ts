import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/govern.js', import.meta.url));

/** Runs the built CLI as a user would: a separate process in the repository. */
function govern(...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.GOVERN_TODAY;
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', env });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the README commands', () => {
  it('checks examples/acme-northwind clean: exit 0 and one summary line', () => {
    const { code, out, err } = govern('check', 'examples/acme-northwind', '--today', '2026-11-15');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(out).toMatch(/^✔ 1 partnership, \d+ files: no problems\n$/);
  });

  it('prints the version', () => {
    const { code, out } = govern('--version');
    expect(code).toBe(0);
    expect(out.trim()).toBe(JSON.parse(readFileSync(`${repo}/package.json`, 'utf8')).version);
  });

  it('finds nothing in the two clean partnerships of the portfolio', () => {
    const { code, out } = govern('check', 'examples/portfolio/contoso-fabrikam', 'examples/portfolio/globex-initech', '--today', '2026-11-15', '--format', 'json');
    expect(JSON.parse(out).findings).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('examples/portfolio/broken-umbrella', () => {
  const readme = readFileSync(`${repo}/examples/portfolio/README.md`, 'utf8');
  const expected = [...readme.matchAll(/^\| `(broken-umbrella\/[^`]+)` \| (\d+) \| `([^`]+)` \| (error|warning) \|/gm)].map((m) => ({
    file: `examples/portfolio/${m[1]}`,
    line: Number(m[2]),
    ruleId: m[3]!,
    // govern.config.yaml in the portfolio raises this rule to an error.
    severity: m[3] === 'risks/stale-review' ? 'error' : m[4],
  }));

  it('reports exactly the mistakes its README lists, at those lines', () => {
    expect(expected.length).toBeGreaterThan(15);
    const { code, out } = govern('check', 'examples/portfolio/broken-umbrella', '--today', '2026-11-15', '--format', 'json');
    expect(code).toBe(1);
    const found = JSON.parse(out).findings.map((f: { file: string; range: { start: { line: number } }; ruleId: string; severity: string }) => ({
      file: f.file,
      line: f.range.start.line,
      ruleId: f.ruleId,
      severity: f.severity,
    }));
    const key = (x: { file: string; line: number; ruleId: string }) => `${x.file}:${x.line} ${x.ruleId}`;
    expect(found.map(key).sort()).toEqual(expected.map(key).sort());
    expect(found).toEqual(expect.arrayContaining(expected));
  });

  it('gives the same findings in every machine format', () => {
    const sarif = JSON.parse(govern('check', 'examples/portfolio/broken-umbrella', '--today', '2026-11-15', '--format', 'sarif').out);
    expect(sarif.runs[0].results).toHaveLength(expected.length);
    const github = govern('check', 'examples/portfolio/broken-umbrella', '--today', '2026-11-15', '--format', 'github').out;
    expect(github.trimEnd().split('\n')).toHaveLength(expected.length);
    const junit = govern('check', 'examples/portfolio/broken-umbrella', '--today', '2026-11-15', '--format', 'junit').out;
    // Every finding is a case; the warnings, which do not fail this run, are no failures (the count agrees with the exit code).
    expect(junit.match(/<testcase [^>]*line=/g)).toHaveLength(expected.length);
    expect(junit.match(/<failure /g)).toHaveLength(expected.filter((f) => f.severity === 'error').length);
  });
});

// GitHub's own SARIF validation: Microsoft's SARIF Multitool with the rules code scanning applies
// (`validate --rule-kind Gh`), run on what `govern check --format sarif` writes for a tree with
// findings, checked from a folder below the repository's top. The same log with the rule texts
// taken away must fail, so the test shows the validator is really judging.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/govern.js');
const require = createRequire(import.meta.url);
const multitool = (() => {
  try {
    return path.join(path.dirname(require.resolve('@microsoft/sarif-multitool/package.json')), 'bin.js');
  } catch {
    return undefined;
  }
})();
const work = mkdtempSync(path.join(tmpdir(), 'govern-multitool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface ValidationResult {
  ruleId: string;
  level?: string;
  message: { text?: string; id?: string };
}

/** The multitool's findings on a SARIF file, from the SARIF log it writes. */
function validate(file: string): ValidationResult[] {
  const out = `${file}.validation.sarif`;
  const done = spawnSync(process.execPath, [multitool!, 'validate', '--rule-kind', 'Gh', '--output', out, file], { encoding: 'utf8', timeout: 120_000 });
  expect(done.status, `${done.stdout}\n${done.stderr}`).toBe(0);
  expect(existsSync(out)).toBe(true);
  const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: ValidationResult[] }[] };
  return log.runs.flatMap((r) => r.results ?? []);
}

describe.skipIf(multitool === undefined)("SARIF passes GitHub's validation (sarif-multitool --rule-kind Gh)", () => {
  const top = path.join(work, "Globex & Initech's repo");
  mkdirSync(path.join(top, 'ops'), { recursive: true });
  cpSync(path.join(ROOT, 'examples/portfolio'), path.join(top, 'partners'), { recursive: true });
  spawnSync('git', ['init', '--quiet'], { cwd: top });
  const check = spawnSync(process.execPath, [BIN, 'check', '../partners', '--format', 'sarif', '--today', '2026-11-15'], {
    cwd: path.join(top, 'ops'),
    encoding: 'utf8',
  });
  const sarif = path.join(work, 'govern.sarif');
  writeFileSync(sarif, check.stdout);

  it('reports no error or warning on a log with findings', () => {
    expect(check.status).toBe(1);
    expect((JSON.parse(check.stdout) as { runs: { results: unknown[] }[] }).runs[0]!.results.length).toBeGreaterThan(5);
    const problems = validate(sarif).filter((r) => r.level === undefined || r.level === 'error' || r.level === 'warning');
    expect(problems.map((p) => `${p.ruleId}: ${p.message.text ?? p.message.id}`)).toEqual([]);
  }, 180_000);

  it('does report the rule texts code scanning needs, when they are missing', () => {
    const log = JSON.parse(check.stdout) as { runs: { tool: { driver: { rules: Record<string, unknown>[] } } }[] };
    for (const rule of log.runs[0]!.tool.driver.rules) {
      delete rule.fullDescription;
      delete rule.help;
      rule.name = rule.id;
    }
    const bad = path.join(work, 'bare.sarif');
    writeFileSync(bad, JSON.stringify(log));
    expect(validate(bad).filter((r) => r.level === undefined || r.level === 'error').length).toBeGreaterThan(0);
  }, 180_000);
});

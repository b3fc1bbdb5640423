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

describe.skipIf(multitool === undefined)('SARIF with a baseline and waivers passes the same validation', () => {
  it('baselineState new, unchanged and absent, and suppressions of kind external, on a BOM/CRLF partnership in a non-ASCII folder', () => {
    const top = path.join(work, 'repo-sp');
    const folder = path.join(top, 'parcerias', 'açaí-&-cia');
    mkdirSync(folder, { recursive: true });
    spawnSync('git', ['init', '--quiet'], { cwd: top });
    const files: Record<string, string> = {
      'partnership.yaml':
        '\uFEFFid: acai\r\nname: "Açaí & Cia"\r\nclient: { id: a, name: Açaí }\r\nprovider: { id: d, name: "D\'Ávila" }\r\ntimezone: America/Sao_Paulo\r\nowners: { client: joao, provider: ines }\r\n',
      'contacts.yaml':
        'contacts:\r\n  - { id: joao, name: João, party: client, email: joao@a.example }\r\n  - { id: ines, name: Inês, party: provider, email: ines@d.example }\r\n',
      'governance.yaml': 'meetings:\n  - { id: m, name: Reunião, cadence: monthly, chair: joao, attendees: [ines] }\n',
      'risks.yaml':
        'risks:\n  - { id: chuva, title: Chuva, likelihood: 1, impact: 1, owner: ines, status: open, reviewBy: 2026-06-30 }\n  - { id: greve, title: Greve, likelihood: 1, impact: 1, owner: joao, status: open, reviewBy: 2026-08-01 }\n',
      'raci.yaml': 'roles:\n  - { id: campo, name: Campo, party: provider, holders: [ines, zeca] }\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
    const govern = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--today', '2026-11-15'], { cwd: top, encoding: 'utf8' });
    expect(govern('check', 'parcerias', '--write-baseline', 'baseline.json').status).toBe(0);
    // One fixed (absent), one waived, one new.
    writeFileSync(path.join(folder, 'risks.yaml'), files['risks.yaml']!.replace('2026-06-30', '2027-01-31'));
    writeFileSync(
      path.join(folder, 'waivers.yaml'),
      'waivers:\n  - { rule: risks/stale-review, at: greve, reason: "Greve & chuva", owner: joao, expires: 2026-12-31 }\n',
    );
    writeFileSync(path.join(folder, 'raci.yaml'), files['raci.yaml']!.replace('[ines, zeca]', '[ines, zeca, tiao]'));
    const check = govern('check', 'parcerias', '--baseline', 'baseline.json', '--format', 'sarif');
    expect(check.status).toBe(1);
    const results = (JSON.parse(check.stdout) as { runs: { results: { baselineState?: string; suppressions?: { kind: string }[] }[] }[] }).runs[0]!.results;
    expect(results.map((r) => r.baselineState ?? r.suppressions?.[0]?.kind).sort()).toEqual(['absent', 'external', 'new', 'unchanged']);
    const file = path.join(work, 'baseline.sarif');
    writeFileSync(file, check.stdout);
    const problems = validate(file).filter((r) => r.level === undefined || r.level === 'error' || r.level === 'warning');
    expect(problems.map((p) => `${p.ruleId}: ${p.message.text ?? p.message.id}`)).toEqual([]);
  }, 180_000);
});

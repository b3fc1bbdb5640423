// docs/adopting.md, run as printed: its one-commit block and its CI job's commands, on a fresh git
// repository holding a partnership (Auckland, BOM and CRLF, flow maps, `&` and `'` in names) with
// existing findings, one of them an error. Then a new mistake: CI sees exactly that one.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const doc = readFileSync(join(ROOT, 'docs/adopting.md'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'govern-adopting-doc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const crlf = (t: string) => t.replace(/\n/g, '\r\n');
const TREE: Record<string, string> = {
  'partners/acme/partnership.yaml': `\uFEFF${crlf(`# Acme & Kiwi-Ops: field support
id: acme-kiwi
name: "Acme & Kiwi-Ops"
client: { id: acme, name: Acme }
provider: { id: kiwi, name: "Kiwi's Ops" }
timezone: Pacific/Auckland
contract:
  reference: K-1
  start: 2025-07-01
  end: 2027-06-30
  renewal: { auto: true, noticeDays: 90 }
owners: { client: jane-doe, provider: rangi }
scope: { services: [desk] }
`)}`,
  'partners/acme/contacts.yaml': crlf(`contacts:
  - { id: jane-doe, name: Jane Doe, party: client, email: jane@acme.example }
  - { id: rangi, name: "Rangi Pōmare", party: provider, email: rangi@kiwi.example }
`),
  'partners/acme/slas.yaml':
    'calendars:\n  - id: 24x7\nservices:\n  - id: desk\n    name: Desk\n    calendar: 24x7\n    priorities:\n      - { id: P1, response: 15m, resolution: 3h, target: 95 }\n',
  // Planted: the first level has no coverage (an error), no senior level 24x7, the last level late.
  'partners/acme/escalation.yaml': `paths:
  - id: major-incident
    appliesTo: { services: [desk], priorities: [P1] }
    levels:
      - { name: Desk, after: 0m, contacts: [rangi] }
      - { name: CTO, after: 3h, contacts: [jane-doe] }   # by contract
`,
  'partners/acme/governance.yaml':
    'meetings:\n  - { id: hui, name: Monthly hui, cadence: monthly, day: first-tue, time: "09:30", duration: 1h, chair: jane-doe, attendees: [rangi] }\n',
  'partners/acme/risks.yaml': 'risks:\n  - { id: r1, title: Old server, likelihood: 2, impact: 2, owner: rangi, status: open, reviewBy: 2026-08-01 }\n',
};

/** The commands of a fenced block, `\` continuations joined. */
function commands(block: string): string[] {
  return block
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((l) => l.trim() !== '');
}
function block(after: string, fence = '```\n'): string {
  const at = doc.indexOf(fence, doc.indexOf(after)) + fence.length;
  return doc.slice(at, doc.indexOf('```', at));
}

describe('docs/adopting.md, as printed', () => {
  const repo = join(work, 'repo');
  const bin = join(work, 'bin');
  mkdirSync(bin);
  // `govern` on PATH is the built CLI; `npx --yes @govern-tool/govern@0.1.0` in the CI lines is the same.
  writeFileSync(join(bin, 'govern'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/govern.js')}" "$@"\n`);
  chmodSync(join(bin, 'govern'), 0o755);
  const env = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    GOVERN_TODAY: '2026-11-15',
    NO_COLOR: '1',
    GIT_AUTHOR_NAME: 'Aroha',
    GIT_AUTHOR_EMAIL: 'aroha@example.org',
    GIT_COMMITTER_NAME: 'Aroha',
    GIT_COMMITTER_EMAIL: 'aroha@example.org',
  };
  const sh = (cmd: string) => {
    const r = spawnSync('sh', ['-c', cmd.replace(/npx --yes @govern-tool\/govern@[\d.]+/g, 'govern')], { cwd: repo, env, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  for (const [name, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(repo, name)), { recursive: true });
    writeFileSync(join(repo, name), text);
  }
  sh('git init -q -b main && git add -A && git commit -qm "the partnership as it has been for years"');

  it('switches govern on in one commit: the block runs, and CI is green on that commit', () => {
    mkdirSync(join(repo, '.github/workflows'), { recursive: true });
    const workflow = block('## In a GitHub Actions job', '```yaml\n');
    writeFileSync(join(repo, '.github/workflows/govern.yml'), workflow);
    expect(sh('govern check partners/').code).toBe(1);
    const steps = commands(block('Three steps'));
    expect(steps.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([
      'govern add waiver',
      'govern check partners/',
      'govern render contract-summary',
      'git add partners/',
      'git commit -m',
    ]);
    for (const [i, step] of steps.entries()) {
      const r = sh(step);
      // `add waiver` checks after writing, and the other findings remain (the doc says so).
      expect([step, r.code], r.err).toEqual([step, i === 0 ? 1 : 0]);
    }
    expect(sh('git status --porcelain').out).toBe('');
    expect(sh('git log --oneline').out.trim().split('\n')).toHaveLength(2);
    expect(readFileSync(join(repo, 'partners/acme/waivers.yaml'), 'utf8')).toContain('owner: jane-doe\n    expires: 2027-03-31\n');

    // The CI job's own commands (the render step, and the check the action runs with its baseline input).
    const ci = [...workflow.matchAll(/- run: (.*)/g)].map((m) => m[1]!);
    ci.push('govern check partners/ --baseline .govern-baseline.json --format github');
    for (const cmd of ci) expect([cmd, sh(cmd).code]).toEqual([cmd, 0]);
    const blame = sh('git blame --date=short .govern-baseline.json').out;
    expect(blame).toMatch(/\(Aroha +\d{4}-\d\d-\d\d +\d+\) +\{"file":"partners\/acme\/escalation\.yaml","rule":"escalation\/first-level-24x7"/);
  });

  it('from then on, CI sees exactly the new finding', () => {
    const risks = join(repo, 'partners/acme/risks.yaml');
    writeFileSync(risks, `# reviewed\n${readFileSync(risks, 'utf8')}  - { id: r0, title: New, likelihood: 1, impact: 1, owner: nobody, status: open }\n`);
    const r = sh('govern check partners/ --baseline .govern-baseline.json --format json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { findings: { ruleId: string; baselineState?: string; waived?: unknown }[] };
    expect(report.findings.filter((f) => f.baselineState === 'new').map((f) => f.ruleId)).toEqual(['ref/unknown-contact']);
    expect(report.findings.filter((f) => f.baselineState === 'unchanged')).toHaveLength(3);
    expect(report.findings.filter((f) => f.waived)).toHaveLength(1);
  });
});

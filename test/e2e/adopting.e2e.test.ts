import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/govern.js', import.meta.url));

/** The official SARIF 2.1.0 schema (vendored, draft-04), compiled with Ajv. */
function sarifValidator(): ((data: unknown) => boolean) & { errors?: unknown } {
  const require = createRequire(import.meta.url);
  const AjvDraft4 = require('ajv-draft-04') as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } };
  const addFormats = require('ajv-formats') as (ajv: unknown) => void;
  const ajv = new AjvDraft4({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync('/work/shared/vendor-schemas/sarif-schema-2.1.0.json', 'utf8')));
}

// Written the way a team in Wellington keeps its files: comments, flow maps, quoted names, CRLF in one file.
const FILES: Record<string, string> = {
  'partnership.yaml': `# Kōwhai ⇄ O'Brien & Sons: managed desk
id: kowhai-obrien
name: "Kōwhai ⇄ O'Brien & Sons"
client: { id: kowhai, name: Kōwhai Trust }
provider: { id: obrien, name: "O'Brien & Sons" }
timezone: Pacific/Auckland
owners: { client: aroha, provider: sean }
`,
  'contacts.yaml':
    'contacts:\r\n  - { id: aroha, name: Aroha Ngata, party: client, email: aroha@kowhai.example }\r\n  - { id: sean, name: "Seán O\'Brien", party: provider, email: sean@obrien.example }\r\n',
  'raci.yaml': `roles:
  - id: desk-lead
    name: Desk lead
    party: provider
    holders: [sean, niamh]      # niamh left in 2025: planted, ref/unknown-contact
`,
  'governance.yaml': `meetings:
  - id: hui
    name: Monthly hui
    cadence: monthly
    chair: aroha
    attendees: [desk-lead]
`,
  'risks.yaml': `risks:
  - id: tuatara
    title: Legacy server nobody patches
    likelihood: 2
    impact: 2
    owner: sean
    status: open
    reviewBy: 2026-06-30       # planted: risks/stale-review
  - id: kea
    title: Contractor with admin rights
    likelihood: 1
    impact: 3
    owner: aroha
    status: mitigating
    reviewBy: 2026-09-01       # planted: risks/stale-review
`,
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'govern-adopt-'));
  mkdirSync(join(dir, 'kowhai'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, 'kowhai', name), text);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function govern(...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.GOVERN_TODAY;
  const result = spawnSync(process.execPath, [bin, ...args, '--today', '2026-11-15'], { cwd: dir, encoding: 'utf8', env });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
const edit = (name: string, change: (text: string) => string) => writeFileSync(join(dir, 'kowhai', name), change(readFileSync(join(dir, 'kowhai', name), 'utf8')));

interface Finding {
  ruleId: string;
  file: string;
  severity: string;
  baselineState?: string;
  waived?: { reason: string; owner: string; expires: string };
  range: { start: { line: number } };
}

describe('adopting govern: a baseline', () => {
  it('records the findings, fails only on a new one after lines move, and says which known ones are fixed', () => {
    expect(govern('check', 'kowhai').code).toBe(1);

    const written = govern('check', 'kowhai', '--write-baseline', 'ci/govern-baseline.json');
    expect(written.code).toBe(0);
    expect(written.err).toBe('govern: wrote 3 findings to ci/govern-baseline.json\n');
    const baseline = readFileSync(join(dir, 'ci/govern-baseline.json'), 'utf8');
    expect(baseline).toBe(`{
  "format": "govern-baseline",
  "version": 2,
  "findings": [
    {"file":"../kowhai/raci.yaml","rule":"ref/unknown-contact","path":["roles","desk-lead","holders","niamh"]},
    {"file":"../kowhai/risks.yaml","rule":"risks/stale-review","path":["risks","kea","reviewBy"]},
    {"file":"../kowhai/risks.yaml","rule":"risks/stale-review","path":["risks","tuatara","reviewBy"]}
  ]
}
`);
    // Written again over unchanged files: not a byte changed, not even the file's time.
    const before = statSync(join(dir, 'ci/govern-baseline.json')).mtimeMs;
    const again = govern('check', 'kowhai', '--write-baseline', 'ci/govern-baseline.json');
    expect(again.err).toBe('govern: ci/govern-baseline.json already holds these 3 findings; unchanged\n');
    expect(readFileSync(join(dir, 'ci/govern-baseline.json'), 'utf8')).toBe(baseline);
    expect(statSync(join(dir, 'ci/govern-baseline.json')).mtimeMs).toBe(before);

    const clean = govern('check', 'kowhai', '--baseline', 'ci/govern-baseline.json');
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/✔ no problems in 1 partnership; 3 known, not counted\n$/);

    // Lines move (comments at the top of every file), one known finding is fixed, one new mistake is made.
    for (const name of Object.keys(FILES)) edit(name, (t) => `# reviewed by the new team\n# second line of notes\n${t}`);
    edit('risks.yaml', (t) => t.replace('reviewBy: 2026-09-01', 'reviewBy: 2027-02-01'));
    edit('risks.yaml', (t) => `${t}  - { id: weta, title: Backups untested, likelihood: 2, impact: 2, owner: mere, status: open }\n`);

    const stylish = govern('check', 'kowhai', '--baseline', 'ci/govern-baseline.json');
    expect(stylish.code).toBe(1);
    expect(stylish.out).toContain('  7:21  known    no contact `niamh`');
    expect(stylish.out).toContain('  10:15  known    risk `tuatara` was due for review by 2026-06-30');
    expect(stylish.out).toMatch(/ {2}18:\d+ +error {4}no contact `mere`/);
    expect(stylish.out).toContain(
      '✖ 1 problem (1 error, 0 warnings) in 1 partnership; 2 known, not counted\n✔ 1 known finding is fixed: run --write-baseline to drop it\n',
    );

    const json = govern('check', 'kowhai', '--baseline', 'ci/govern-baseline.json', '--format', 'json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as { findings: Finding[]; summary: Record<string, number>; fixed: unknown[] };
    expect(report.findings.map((f) => [f.ruleId, f.file, f.range.start.line, f.baselineState])).toEqual([
      ['ref/unknown-contact', 'kowhai/raci.yaml', 7, 'unchanged'],
      ['risks/stale-review', 'kowhai/risks.yaml', 10, 'unchanged'],
      ['ref/unknown-contact', 'kowhai/risks.yaml', 18, 'new'],
    ]);
    expect(report.summary).toMatchObject({ errors: 1, warnings: 0, known: 2, fixed: 1 });
    expect(report.fixed).toEqual([{ ruleId: 'risks/stale-review', file: 'kowhai/risks.yaml', path: ['risks', 'kea', 'reviewBy'] }]);
    expect(json.err).toBe('govern: 1 known finding is fixed: run --write-baseline to drop it\n');

    const sarif = govern('check', 'kowhai', '--baseline', 'ci/govern-baseline.json', '--format', 'sarif');
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.out);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0].results as { ruleId: string; baselineState: string; level: string }[];
    expect(results.map((r) => [r.ruleId, r.baselineState])).toEqual([
      ['ref/unknown-contact', 'unchanged'],
      ['risks/stale-review', 'unchanged'],
      ['ref/unknown-contact', 'new'],
      ['risks/stale-review', 'absent'],
    ]);

    const junit = govern('check', 'kowhai', '--baseline', 'ci/govern-baseline.json', '--format', 'junit');
    expect(junit.out).toMatch(/<testsuites name="govern check" tests="\d+" failures="1" /);
    expect(junit.out.match(/<failure /g)).toHaveLength(1);
    expect(junit.out.match(/<skipped message="known \(in the baseline\)/g)).toHaveLength(2);

    // Dropping the fixed one: the baseline loses exactly its line.
    expect(govern('check', 'kowhai', '--write-baseline', 'ci/govern-baseline.json').code).toBe(0);
    const rewritten = readFileSync(join(dir, 'ci/govern-baseline.json'), 'utf8');
    expect(rewritten).not.toContain('["risks","kea","reviewBy"]');
    expect(rewritten).toContain('{"file":"../kowhai/risks.yaml","rule":"ref/unknown-contact","path":["risks","weta","owner"]}');
  });

  it('matches from another working folder, since the baseline names files relative to itself', () => {
    govern('check', 'kowhai', '--write-baseline', 'kowhai/.govern-baseline.json');
    const result = spawnSync(process.execPath, [bin, 'check', '.', '--baseline', '.govern-baseline.json', '--today', '2026-11-15'], {
      cwd: join(dir, 'kowhai'),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('3 known, not counted');
  });

  it('refuses a baseline that is missing, or a file that is not one, and never overwrites that file', () => {
    const missing = govern('check', 'kowhai', '--baseline', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no baseline at nope.json: write one with --write-baseline nope.json');
    const target = join(dir, 'kowhai', 'risks.yaml');
    const bytes = readFileSync(target);
    const refused = govern('check', 'kowhai', '--write-baseline', 'kowhai/risks.yaml');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('kowhai/risks.yaml is not a govern baseline');
    expect(readFileSync(target).equals(bytes)).toBe(true);
  });
});

const WAIVERS = `# Accepted for now, each with an owner and an end date.
waivers:
  - rule: risks/stale-review
    at: tuatara                       # matches: the server is being replaced
    reason: "Replacement server arrives in March & O'Brien patch it until then"
    owner: sean
    expires: 2027-03-31
  - rule: risks/stale-review
    file: risks.yaml
    at: risks.1
    reason: Reviewed at the last hui
    owner: aroha
    expires: 2026-11-01               # expired (today is pinned to 2026-11-15)
  - rule: raci/role-without-holders   # matches nothing
    reason: Desk lead is being recruited
    owner: aroha
    expires: 2027-01-31
  - rule: yaml/syntax                 # cannot be waived
    reason: The export tool writes bad YAML
    owner: sean
    expires: 2027-01-31
`;

describe('adopting govern: waivers', () => {
  beforeEach(() => writeFileSync(join(dir, 'kowhai', 'waivers.yaml'), WAIVERS));

  it('shows a matching waiver as waived with its reason, and reports expired, unused and unwaivable ones, in stylish', () => {
    const { code, out } = govern('check', 'kowhai');
    expect(code).toBe(1);
    expect(out).toContain(
      '  8:15   waived   risk `tuatara` was due for review by 2026-06-30: review it and set the next `reviewBy` date, or close it  risks/stale-review\n' +
        "         waived until 2027-03-31 (owner sean): Replacement server arrives in March & O'Brien patch it until then\n",
    );
    expect(out).toMatch(/ {2}15:15 +warning {2}risk `kea` was due for review/);
    expect(out).toContain('13:14  warning  the waiver of `risks/stale-review` expired on 2026-11-01');
    expect(out).toContain('14:11  warning  the waiver of `raci/role-without-holders` matches no finding');
    expect(out).toContain('18:11  error    `yaml/syntax` findings cannot be waived');
    expect(out).toContain('✖ 5 problems (2 errors, 3 warnings) in 1 partnership; 1 waived, not counted\n');
  });

  it('gives the waiver in JSON', () => {
    const { out } = govern('check', 'kowhai', '--format', 'json');
    const report = JSON.parse(out) as { findings: Finding[]; summary: Record<string, number> };
    expect(report.findings.map((f) => [f.ruleId, f.file, f.range.start.line, f.severity, f.waived ?? null])).toEqual([
      ['ref/unknown-contact', 'kowhai/raci.yaml', 5, 'error', null],
      [
        'risks/stale-review',
        'kowhai/risks.yaml',
        8,
        'warning',
        { reason: "Replacement server arrives in March & O'Brien patch it until then", owner: 'sean', expires: '2027-03-31' },
      ],
      ['risks/stale-review', 'kowhai/risks.yaml', 15, 'warning', null],
      ['waivers/expired', 'kowhai/waivers.yaml', 13, 'warning', null],
      ['waivers/unused', 'kowhai/waivers.yaml', 14, 'warning', null],
      ['waivers/unwaivable', 'kowhai/waivers.yaml', 18, 'error', null],
    ]);
    expect(report.summary).toMatchObject({ errors: 2, warnings: 3, waived: 1 });
  });

  it('gives SARIF suppressions of kind external with the reason, valid against the SARIF schema', () => {
    const { out } = govern('check', 'kowhai', '--format', 'sarif');
    const log = JSON.parse(out);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0].results as { ruleId: string; suppressions?: unknown[] }[];
    expect(results.map((r) => [r.ruleId, r.suppressions ?? null])).toEqual([
      ['ref/unknown-contact', null],
      [
        'risks/stale-review',
        [
          {
            kind: 'external',
            status: 'accepted',
            justification: "Replacement server arrives in March & O'Brien patch it until then",
            properties: { owner: 'sean', expires: '2027-03-31' },
          },
        ],
      ],
      ['risks/stale-review', null],
      ['waivers/expired', null],
      ['waivers/unused', null],
      ['waivers/unwaivable', null],
    ]);
  });

  it('passes once every finding is fixed or waived: a waived one never fails the run', () => {
    writeFileSync(
      join(dir, 'kowhai', 'waivers.yaml'),
      `waivers:\n  - { rule: risks/stale-review, reason: QBR covers it, owner: aroha, expires: 2027-03-31 }\n  - { rule: ref/unknown-contact, file: raci.yaml, at: desk-lead, reason: Niamh's replacement starts in January, owner: sean, expires: 2027-01-31 }\n`,
    );
    const { code, out } = govern('check', 'kowhai', '--strict');
    expect(code).toBe(0);
    expect(out).toContain('✔ no problems in 1 partnership; 3 waived, not counted\n');
  });
});

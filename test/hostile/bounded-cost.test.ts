import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addWorking, compileCalendar, workingMs, type WeeklyCalendar } from '../../src/sla/calendar.js';
import { didYouMean, MAX_SUGGEST_CANDIDATES } from '../../src/text/suggest.js';
import { BIN } from './corpus.js';

// Item 3 of issue 13: whatever a pull request puts in the files, a run ends in bounded time and output.
// Each test asserts what govern says; the timeouts are hang guards (the old code took minutes), never a
// measurement.

const built = existsSync(path.join(path.dirname(BIN), '../lib/bundle/govern.cjs'));
const HANG_GUARD = 120_000;

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'govern-bounded-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function run(cwd: string, args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', GOVERN_THREADS: '0' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const PARTNERSHIP = `id: kiwi-ops
name: Kiwi Ops & Tūī Hosting
client: { id: kiwi, name: Kiwi Ops }
provider: { id: tui, name: Tūī Hosting }
timezone: Pacific/Auckland
`;

const CONTACTS = `contacts:
  - { id: aroha, name: Aroha Ngata, party: client, email: aroha@kiwi.example }
  - { id: mere, name: Mere Tane, party: provider, email: mere@tui.example, phone: "+64 9 555 0101" }
`;

describe('did you mean, on very long ids', () => {
  it('a 20 000-character unknown reference gets no suggestion and costs no quadratic work', { timeout: HANG_GUARD }, () => {
    const long = 'a'.repeat(20_000);
    const candidates = Array.from({ length: 50 }, (_, i) => `${'a'.repeat(19_990)}${i}`);
    expect(didYouMean(long, candidates)).toBeUndefined();
    // Short ids still get their suggestion.
    expect(didYouMean('arhoa', ['aroha', 'mere'])).toBe('aroha');
  });

  it('the work is bounded by count, not by time: a long word looks at no candidate, a short one at 2 000 at most', () => {
    let pulled = 0;
    function* candidates(n: number, length: number): Generator<string> {
      for (let i = 0; i < n; i++) {
        pulled++;
        yield `${'b'.repeat(length - String(i).length)}${i}`;
      }
    }
    expect(didYouMean('a'.repeat(20_000), candidates(100_000, 20_000))).toBeUndefined();
    expect(pulled).toBe(0);
    expect(didYouMean('bbbbbx', candidates(100_000, 6))).toBe('bbbbb0');
    expect(pulled).toBe(MAX_SUGGEST_CANDIDATES + 1);
  });

  it.runIf(built)('check: ids over 200 characters are a schema finding; four 20 000-character references end quickly', { timeout: HANG_GUARD }, () => {
    const long = (c: string): string => c.repeat(20_000);
    const dir = tree({
      'p/partnership.yaml': `${PARTNERSHIP}owners: { client: ${long('x')}, provider: ${long('y')} }\n`,
      'p/contacts.yaml': `${CONTACTS}  - { id: ${'z'.repeat(201)}, name: Long Id, party: client }\n`,
      'p/governance.yaml': `meetings:\n  - { id: ${long('m')}, name: Review, cadence: monthly, day: first-tue, time: "10:00", chair: ${long('q')}, attendees: [aroha] }\n`,
    });
    const r = run(dir, ['check', 'p', '--format', 'json', '--today', '2026-05-01']);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.out) as { findings: { ruleId: string; message: string; file: string; line: number }[] }).findings;
    const tooLong = findings.filter((f) => f.ruleId === 'schema' && /too long \(at most 200 characters\)/.test(f.message));
    // The cap's finding at each over-long id and reference, and no suggestion for any of them.
    expect(tooLong.map((f) => `${f.file} ${f.message}`)).toEqual([
      'p/contacts.yaml `id` is too long (at most 200 characters)',
      'p/governance.yaml `id` is too long (at most 200 characters)',
      'p/governance.yaml `chair` is too long (at most 200 characters)',
      'p/partnership.yaml `client` is too long (at most 200 characters)',
      'p/partnership.yaml `provider` is too long (at most 200 characters)',
    ]);
    const unknown = findings.filter((f) => f.ruleId === 'ref/unknown-contact');
    expect(unknown).toHaveLength(3);
    for (const f of unknown) expect(f.message).not.toMatch(/did you mean/);
  });
});

describe('business time over a very long duration', () => {
  const cal = compileCalendar(
    { id: 'office', timezone: 'Pacific/Auckland', hours: { 'mon-fri': '08:30-17:00' }, holidays: ['2027-02-06', '2030-12-25', '2031-01-01'] } as never,
    'UTC',
  ) as WeeklyCalendar;

  it('skips whole weeks: the result agrees with working time counted back', { timeout: HANG_GUARD }, () => {
    const from = Date.parse('2026-07-01T10:00:00+12:00');
    // 20 000 hours of office time: about 45 years of weeks, holidays taken off as written.
    const ms = 20_000 * 3_600_000;
    const due = addWorking(cal, from, ms);
    expect(Number.isFinite(due)).toBe(true);
    // Counting back by walking every day (the slow way, once) gives the same working time, give or take the
    // clock changes inside skipped weeks (none here: the office is closed at 02:00-03:00).
    expect(workingMs(cal, from, due)).toBe(ms);
  });

  it('a duration of many centuries is not worked out: Infinity, at once', { timeout: HANG_GUARD }, () => {
    expect(addWorking(cal, Date.parse('2026-07-01T10:00:00+12:00'), 99_999_999_999 * 3_600_000)).toBe(Number.POSITIVE_INFINITY);
  });

  it.runIf(built)('govern who with after: 1000000h answers, and check says the duration is longer than ten years', { timeout: HANG_GUARD }, () => {
    const dir = tree({
      'partnership.yaml': PARTNERSHIP,
      'contacts.yaml': CONTACTS,
      'slas.yaml': `calendars:\n  - { id: office, timezone: Pacific/Auckland, hours: { mon-fri: "08:30-17:00" }, holidays: [2026-12-25] }\nservices:\n  - id: web\n    name: Web hosting\n    calendar: office\n    priorities:\n      - { id: P2, response: 1000000h, resolution: 2000000h, target: 90 }\n`,
      'escalation.yaml': `paths:\n  - id: web-path\n    appliesTo: { services: [web], priorities: [P2] }\n    levels:\n      - { name: Desk, after: 0m, contacts: [mere], coverage: office }\n      - { name: Manager, after: 1000000h, contacts: [aroha], coverage: office }\n      - { name: Owner, after: 80000h, contacts: [aroha], coverage: office }\n`,
    });
    const who = run(dir, ['who', '.', '--service', 'web', '--priority', 'P2', '--at', '2026-07-01T10:00:00+12:00', '--format', 'json']);
    expect(who.err).toBe('');
    expect(who.code).toBe(0);
    const levels = (JSON.parse(who.out) as { paths: { levels: { due: string | null }[] }[] }).paths[0]!.levels;
    expect(levels[0]!.due).toBe('2026-07-01T10:00:00+12:00');
    // Over ten years: not worked out. 80 000 h (under ten years of hours) of an office week: about 2030s-2060s.
    expect(levels[1]!.due).toBeNull();
    expect(levels[2]!.due).toMatch(/^20[5-6]\d-/);
    const check = run(dir, ['check', '.', '--format', 'json', '--today', '2026-07-01']);
    const findings = (JSON.parse(check.out) as { findings: { ruleId: string; message: string; range: { start: { line: number } }; file: string }[] }).findings.filter(
      (f) => f.ruleId === 'sla/duration-too-long',
    );
    expect(findings.map((f) => [f.file, f.range.start.line])).toEqual([
      ['escalation.yaml', 6],
      ['slas.yaml', 8],
      ['slas.yaml', 8],
    ]);
    expect(findings[0]!.message).toContain('longer than ten years');
  });

  it.runIf(built)('govern who and sla on a calendar open a minute a week: under ten years of working time is not 90 000 years of days', { timeout: HANG_GUARD }, () => {
    // 80 000 h at a minute a week is 4.8 million weeks: walked a day at a time (or a cached offset a day, as
    // the week skip did) this ran past two minutes. Further than a hundred years is "never"; 80 h (4 800
    // weeks, 92 years) is still worked out.
    const dir = tree({
      'partnership.yaml': PARTNERSHIP,
      'contacts.yaml': CONTACTS,
      'slas.yaml': `calendars:\n  - { id: sparse, timezone: America/Sao_Paulo, hours: { mon: "09:00-09:01" } }\nservices:\n  - id: web\n    name: Web hosting\n    calendar: sparse\n    priorities:\n      - { id: P2, response: 80000h, resolution: 87000h, target: 90 }\n`,
      'escalation.yaml': `paths:\n  - id: web-path\n    appliesTo: { services: [web], priorities: [P2] }\n    levels:\n      - { name: Desk, after: 0m, contacts: [mere], coverage: sparse }\n      - { name: Manager, after: 80h, contacts: [aroha], coverage: sparse }\n      - { name: Owner, after: 80000h, contacts: [aroha], coverage: sparse }\n`,
      'measurements/2026-07.yaml': `period: 2026-07\nincidents:\n  - { id: INC-1, service: web, priority: P2, opened: 2026-07-06T12:00:00Z, responded: 2026-07-06T12:30:00Z, resolved: 2026-07-07T12:00:00Z }\n`,
    });
    const who = run(dir, ['who', '.', '--service', 'web', '--priority', 'P2', '--at', '2026-07-06T12:00:00Z', '--format', 'json']);
    expect(who.err).toBe('');
    expect(who.code).toBe(0);
    const levels = (JSON.parse(who.out) as { paths: { levels: { due: string | null }[] }[] }).paths[0]!.levels;
    expect(new Date(levels[0]!.due!).toISOString()).toBe('2026-07-06T12:00:00.000Z');
    expect(new Date(levels[1]!.due!).toISOString()).toMatch(/^2118-\d\d-\d\dT12:01:00\.000Z$/);
    expect(levels[2]!.due).toBeNull();
    const sla = run(dir, ['sla', '.', '--period', '2026-07', '--format', 'json']);
    expect(sla.err).not.toMatch(/internal error/);
    expect(sla.code).toBe(0);
  });
});

describe.runIf(built)('render: nested loops in a repository template', () => {
  it('stops at the output limit with a TemplateError, exit 2, and writes nothing', { timeout: HANG_GUARD }, () => {
    // 400 exclusions, three loops deep: 64 million iterations, gigabytes of text, unless govern stops it.
    const exclusions = Array.from({ length: 400 }, (_, i) => `"Exclusion number ${i} with some words"`).join(', ');
    const all = '@root.summary.scope.exclusions';
    const loop = `{{#each ${all}}}{{#each ${all}}}{{#each ${all}}}{{this}} {{/each}}{{/each}}{{/each}}`;
    const dir = tree({
      'p/partnership.yaml': `${PARTNERSHIP}scope: { services: [], exclusions: [${exclusions}] }\n`,
      'p/contacts.yaml': CONTACTS,
      'govern.config.yaml': 'templates: ./tpl\n',
      'tpl/bomb.md.hbs': `# Bomb\n\n${loop}\n`,
    });
    const r = run(dir, ['render', 'bomb', 'p', '--out', 'out.md', '--allow-invalid']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bomb\.md\.hbs:3:\d+: (loops ran more than 1,000,000 times|the document grew past \d+ MB)/);
    expect(r.err).not.toMatch(/internal error|at .*\.cjs/);
    expect(existsSync(path.join(dir, 'out.md'))).toBe(false);
  });
});

describe.runIf(built)('render: partials and values, with no loop at all', () => {
  it('partials that include the next ten times, eight deep (10⁸ inclusions): stopped at the limit, exit 2, nothing written', { timeout: HANG_GUARD }, () => {
    const files: Record<string, string> = {
      'p/partnership.yaml': PARTNERSHIP,
      'p/contacts.yaml': CONTACTS,
      'govern.config.yaml': 'templates: ./tpl\n',
      'tpl/bomb.md.hbs': '# Bomb\n\n{{> p1}}\n',
      'tpl/partials/p9.md.hbs': 'x',
    };
    for (let i = 1; i <= 8; i++) files[`tpl/partials/p${i}.md.hbs`] = `{{> p${i + 1}}}`.repeat(10);
    const dir = tree(files);
    const r = run(dir, ['render', 'bomb', 'p', '--out', 'out.md', '--allow-invalid']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^govern: tpl\/partials\/p\d\.md\.hbs:1:1: loops and partials ran more than 1,000,000 times in one document: a render is limited \(docs\/limits\.md\); nothing was written\n$/,
    );
    expect(existsSync(path.join(dir, 'out.md'))).toBe(false);
  });

  it('a Markdown template naming a 1 MB value a hundred times: stopped at 20 MB, at the mustache that crossed it', { timeout: HANG_GUARD }, () => {
    const dir = tree({
      'p/partnership.yaml': `${PARTNERSHIP}scope: { services: [], exclusions: [${'w'.repeat(1024 * 1024)}] }\n`,
      'p/contacts.yaml': CONTACTS,
      'govern.config.yaml': 'templates: ./tpl\n',
      'tpl/flat.md.hbs': `# Flat\n${'{{@root.summary.scope.exclusions.[0]}}\n'.repeat(100)}`,
    });
    const r = run(dir, ['render', 'flat', 'p', '--out', 'out.md', '--allow-invalid']);
    expect(r.code).toBe(2);
    // 20 values of 1 MB reach 20 MB; the 21st crosses it, on line 22.
    expect(r.err).toBe('govern: tpl/flat.md.hbs:22:1: the document grew past 20 MB: a render is limited (docs/limits.md); nothing was written\n');
    expect(existsSync(path.join(dir, 'out.md'))).toBe(false);
  });
});

describe.runIf(built)('the other caps of docs/limits.md', () => {
  it('a template file over 1 MB is not read: said on stderr, and the render refuses (exit 2)', () => {
    const dir = tree({
      'p/partnership.yaml': PARTNERSHIP,
      'p/contacts.yaml': CONTACTS,
      'govern.config.yaml': 'templates: ./tpl\n',
      'tpl/big.md.hbs': `# Big\n${'x'.repeat(1024 * 1024)}`,
    });
    const r = run(dir, ['render', 'big', 'p', '--out', 'out.md', '--allow-invalid']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('govern: skipped tpl/big.md.hbs: larger than 1024 KB; not read');
    expect(r.err).toMatch(/no template named `big`/);
    expect(existsSync(path.join(dir, 'out.md'))).toBe(false);
  });

  it('govern due looks at most two years ahead: --within 105w (735 days) is a usage error', () => {
    const dir = tree({ 'p/partnership.yaml': PARTNERSHIP, 'p/contacts.yaml': CONTACTS });
    expect(run(dir, ['due', 'p', '--within', '731d', '--today', '2026-05-01']).code).toBe(0);
    const r = run(dir, ['due', 'p', '--within', '105w', '--today', '2026-05-01']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('govern: --within takes days or weeks ahead, such as 30d or 6w (at most 731 days); got `105w`\n');
  });
});

describe.runIf(built)('findings per run', () => {
  it('12 000 unknown files: the first 10 000 findings, then one summary of how many more; the exit code counts them all', { timeout: HANG_GUARD }, () => {
    const files: Record<string, string> = { 'p/partnership.yaml': PARTNERSHIP, 'p/contacts.yaml': CONTACTS };
    for (let i = 0; i < 12_000; i++) files[`p/extra/n${i}.yaml`] = 'x: 1\n';
    // An error in a file that sorts after all of them: beyond the cap, and still failing the run.
    files['p/risks.yaml'] = 'risks:\n  - { id: "Not An Id", title: Broken, likelihood: 9, impact: 1, owner: aroha, status: open }\n';
    const dir = tree(files);
    const r = run(dir, ['check', 'p', '--format', 'json', '--today', '2026-05-01']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { findings: { ruleId: string; message: string }[] };
    expect(report.findings.length).toBe(10_001);
    const last = report.findings.at(-1)!;
    expect(last.ruleId).toBe('run/too-many-findings');
    expect(last.message).toMatch(/^…and \d+ more findings in this run \([1-9]\d* errors?, \d+ warnings\)/);
    const stylish = run(dir, ['check', 'p', '--today', '2026-05-01']);
    expect(stylish.out).toMatch(/…and \d+ more findings in this run/);
    // Four lines per finding at most (the finding, the source line, the caret, a file heading), and no more.
    expect(stylish.out.split('\n').length).toBeLessThan(10_001 * 5 + 100);
    expect(stylish.out.split('\n').filter((l) => /\bfiles\/unknown$/.test(l)).length).toBeLessThanOrEqual(10_000);
    expect(stylish.code).toBe(r.code);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run as runInProcess } from '../../src/cli/main.js';
import { tempRepo, type TempRepo } from '../diff/repo.js';
import { BIN } from './corpus.js';

// Issue 13, item 2, walked writer by writer (the ones printed-text.test.ts and documents-and-calendars.test.ts
// leave): `due` as a table, every JSON output, the rendered Markdown's cells, headings and mentions, a usage
// error quoting a path, and the progress line of an import. A Valparaíso partnership written for this file.

const built = existsSync(path.join(path.dirname(BIN), '../lib/bundle/govern.cjs'));

function run(cwd: string, args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GOVERN_THREADS: '0' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Lines as a CI runner (or a terminal) reads them: a lone CR starts a line too. */
const runnerLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** Nothing that acts: no line a runner takes as a command, no ESC, no lone CR, no C1 control, no bidi mark. */
function expectInert(text: string): void {
  for (const line of runnerLines(text)) expect(line.startsWith('::'), `a line a runner takes as a command: ${JSON.stringify(line)}`).toBe(false);
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
}

// Each value: a lone CR and a workflow command, a line feed and another, cursor movement, a C1 CSI, a bidi
// override, a heading, a forged table row, raw HTML and a team mention with an issue link.
const EVIL = 'Cerro\r::warning title=X::pwned\n::add-mask::tok \u001b[2K\u001b[1A\u009b2J \u202eexe.\u202c';
const MD_EVIL = 'Ops\r# Reviewed by @org/security-team: safe | forged | cell |\r<h1>Approved</h1> see #123';

const q = (text: string): string => JSON.stringify(text);

const FILES: Record<string, string> = {
  'partnership.yaml': `# Written by hand: flow maps, a comment, an apostrophe.
id: valpo-ops
name: ${q(`Valparaíso ${MD_EVIL}`)}
client: { id: valpo, name: ${q(`Puerto ${EVIL}`)} }
provider: { id: andes, name: "Andes O'Higgins IT" }
timezone: America/Santiago
contract: { reference: MSA-12, start: 2026-01-01, end: 2027-01-31, renewal: { auto: true, noticeDays: 60 } }
owners: { client: ines, provider: tomas }
scope: { services: [desk], exclusions: [${q(MD_EVIL)}] }
`,
  'contacts.yaml': `contacts:
  - { id: ines, name: ${q(`Inés ${EVIL}`)}, party: client, email: ines@valpo.example, title: ${q(MD_EVIL)} }
  - { id: tomas, name: Tomás Rojas, party: provider, email: tomas@andes.example, phone: "+56 32 555 0101" }
`,
  'governance.yaml': `meetings:
  - { id: mesa, name: ${q(`Mesa ${EVIL}`)}, cadence: monthly, day: first-tue, time: "09:30", duration: 1h, chair: ines, attendees: [tomas] }
`,
  'slas.yaml': `services:
  - id: desk
    name: ${q(`Desk ${MD_EVIL}`)}
    calendar: 24x7
    priorities:
      - { id: P1, response: 15m, resolution: 4h, target: 95 }
`,
  'escalation.yaml': `paths:
  - id: p1
    appliesTo: { services: [desk], priorities: [P1] }
    levels:
      - { name: ${q(`Mesa ${EVIL}`)}, after: 0m, contacts: [tomas], coverage: 24x7 }
`,
  'risks.yaml': `risks:
  - { id: r1, title: ${q(`Cable ${EVIL}`)}, likelihood: 2, impact: 2, owner: ines, status: open, reviewBy: 2026-12-01 }
`,
  'reviews/2026-11.yaml': `period: 2026-11
held: 2026-11-20
actions:
  - { id: A-1, title: ${q(`Patch ${EVIL}`)}, owner: tomas, due: 2026-12-04, status: open }
`,
};

function tree(files: Record<string, string>): string {
  const at = mkdtempSync(path.join(os.tmpdir(), 'govern-walk-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(at, rel)), { recursive: true });
    writeFileSync(path.join(at, rel), text);
  }
  return at;
}

let dir: string;
/** The same partnership with a risk owned by an id that names no one: findings that quote a hostile value. */
let broken: string;
beforeAll(() => {
  dir = tree(FILES);
  broken = tree({
    ...FILES,
    'risks.yaml': `${FILES['risks.yaml']}  - { id: r2, title: Dust, likelihood: 1, impact: 1, owner: ${q(`x${EVIL}`)}, status: open, reviewBy: 2026-12-01 }\n`,
  });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(broken, { recursive: true, force: true });
});

const TODAY = '2026-11-25';

describe.runIf(built)('every writer for people, walked', () => {
  it('govern due --format table: every value on its own line, shown with visible escapes', () => {
    const r = run(dir, ['due', '.', '--today', TODAY]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expectInert(r.out);
    // (Cells are cut at 60 columns.)
    expect(r.out).toContain('Patch Cerro\\r::warning title=X::pwned\\n::add-mas');
    expect(r.out).toContain('Inés Cerro\\r::warning title=X::pwned\\n::add-mask::tok \\x1b[');
    // One row per item, and nothing else: a header, the items, a blank line, the count.
    const lines = r.out.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ items in the next 30 days/);
    expect(lines.length).toBe(Number(/^(\d+) items/.exec(lines.at(-1)!)![1]) + 3);
  });

  it('every JSON output: the same data for a script, and nothing that acts when printed', () => {
    for (const [args, at] of [
      [['check', '.', '--format', 'json', '--today', TODAY], broken],
      [['check', '.', '--format', 'sarif', '--today', TODAY], broken],
      [['due', '.', '--format', 'json', '--today', TODAY], dir],
      [['who', '.', '--service', 'desk', '--priority', 'P1', '--at', '2026-11-25T10:00:00-03:00', '--format', 'json'], dir],
      [['render', 'contract-summary', '.', '--data', 'json', '--today', TODAY], dir],
    ] as const) {
      const r = run(at, [...args]);
      expect(r.err, args.join(' ')).toBe('');
      expectInert(r.out);
      const data: unknown = JSON.parse(r.out);
      const strings: string[] = [];
      JSON.stringify(data, (_k, v: unknown) => (typeof v === 'string' && strings.push(v), v));
      // Parsed, the values are the files' own, every character kept.
      expect(
        strings.some((s) => s.includes(EVIL) || s.includes(MD_EVIL)),
        args.join(' '),
      ).toBe(true);
    }
  });

  it('render: a value cannot leave its table cell, start a heading, bring in HTML or mention a team', () => {
    const md = new MarkdownIt({ html: true, linkify: true });
    for (const args of [
      ['render', 'contract-summary', '.', '--today', TODAY],
      ['render', 'contract-summary', '.', '--today', TODAY, '--format', 'html', '--out', 'summary.html'],
    ]) {
      const r = run(dir, args);
      expect(r.err.replace(/^govern: wrote .*\n/m, '')).toBe('');
      expect(r.code).toBe(0);
    }
    const r = run(dir, ['render', 'contract-summary', '.', '--today', TODAY]);
    const tokens = md.parse(r.out, {});
    const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [tokens[i + 1]!.content] : []));
    // The value is in govern's own headings (the title, a service's), never one of its own.
    expect(headings[0]).toBe(
      'Contract summary: Valparaíso Ops \\# Reviewed by @\u2060org/security-team: safe \\| forged \\| cell \\| \\<h1\\>Approved\\</h1\\> see \\#\u2060123',
    );
    expect(headings.filter((h) => /^(\\?#|Reviewed|Approved|<h1)/.test(h))).toEqual([]);
    const html = md.render(r.out);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).not.toContain('<h1>Approved');
    // Every table row has as many cells as its header.
    let columns = 0;
    let cells = 0;
    for (const t of tokens) {
      if (t.type === 'tr_open') cells = 0;
      if (t.type === 'th_open' || t.type === 'td_open') cells++;
      if (t.type === 'tr_close') {
        if (columns === 0) columns = cells;
        expect(cells).toBe(columns);
      }
      if (t.type === 'table_close') columns = 0;
    }
    expect(tokens.filter((t) => t.type === 'td_open').length).toBeGreaterThan(0);
    const text = tokens
      .flatMap((t) => t.children ?? [])
      .filter((c) => c.type === 'text')
      .map((c) => c.content)
      .join('\n');
    expect(text).toContain('Reviewed by @\u2060org/security-team');
    expect(text).not.toMatch(/(^|[^\p{L}\p{N}_])@[A-Za-z0-9]/u);
    expect(text).not.toMatch(/#\d/);
    // E-mails stay e-mails.
    expect(text).toContain('ines@valpo.example');
    expectInert(r.out);
  });

  it('a usage error quoting a path from the command line is one inert line', () => {
    const r = run(dir, ['check', `nope\r::warning::x\n::error::y\u001b[2J\u202e`]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expectInert(r.err);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toContain('nope\\r::warning::x\\n::error::y\\x1b[2J\\u202e');
  });
});

describe('the progress line of a long import', () => {
  it('shows a hostile export name with visible escapes: only govern’s own CR and erase codes move the cursor', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'govern-walk-import-'));
    try {
      mkdirSync(path.join(work, 'p'));
      for (const f of ['partnership.yaml', 'contacts.yaml', 'slas.yaml']) writeFileSync(path.join(work, 'p', f), FILES[f]!);
      writeFileSync(path.join(work, 'p/govern.import.yaml'), 'incidents:\n  preset: jira\n  values:\n    service: { Desk: desk }\n    priority: { Highest: P1 }\n');
      const rows = ['Summary,Issue key,Issue Type,Status,Priority,Component/s,Created,Custom field (First Response Date),Resolved'];
      for (let i = 0; i < 6000; i++)
        rows.push(
          `T ${i},VAL-${i},Incident,Done,Highest,Desk,${String(1 + (i % 28)).padStart(2, '0')}/Nov/26 9:05 AM,${String(1 + (i % 28)).padStart(2, '0')}/Nov/26 9:10 AM,${String(1 + (i % 28)).padStart(2, '0')}/Nov/26 10:05 AM`,
        );
      const name = 'x\r::warning::pwned\n::error::y\u001b[2J\u202e.csv';
      writeFileSync(path.join(work, name), `${rows.join('\n')}\n`);
      const io = memoryIo(['import', 'incidents', name, 'p', '--today', '2026-12-10'], { cwd: work, env: { NO_COLOR: '1' }, stderrIsTTY: true });
      const code = await runInProcess(io);
      expect(code, io.err()).toBe(0);
      const err = io.err();
      expect(err).toContain('x\\r::warning::pwned\\n::error::y\\x1b[2J\\u202e.csv: 5,000 rows read');
      // Take govern's own `\r ESC[K` away: nothing else moves the cursor or starts a line.
      expectInert(err.replaceAll('\r\u001b[K', '\n'));
      expectInert(io.out());
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe.runIf(built)('govern diff --format json', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = tempRepo();
    repo.commit(Object.fromEntries(Object.entries(FILES).map(([k, v]) => [`p/${k}`, v])));
    repo.write({ 'p/slas.yaml': FILES['slas.yaml']!.replace('response: 15m', 'response: 30m').replace('Desk ', `Desk ${JSON.stringify(EVIL).slice(1, -1)} `) });
  });
  afterAll(() => repo.remove());

  it('keeps every value as data, escaped so that nothing acts when printed', () => {
    const r = run(repo.dir, ['diff', 'main', '--format', 'json']);
    expect(r.err).toBe('');
    expectInert(r.out);
    const report = JSON.parse(r.out) as { changes: unknown[] };
    expect(report.changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(report)).toContain(JSON.stringify(EVIL).slice(1, -1));
  });
});

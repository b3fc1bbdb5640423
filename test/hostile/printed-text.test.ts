import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRepo, type TempRepo } from '../diff/repo.js';
import { BIN, HOSTILE_TEXT } from './corpus.js';

// Item 2 of issue 13: text from the files must not execute where it is printed. Every case is a fresh
// partnership (flow maps, comments, an apostrophe and an ampersand in names, CRLF in one file) whose values
// carry what a pull request could send: a lone CR followed by a workflow command, cursor movement drawing a
// fake "no problems" line, a right-to-left override, a heading and a team mention for the PR comment.

const built = existsSync(path.join(path.dirname(BIN), '../lib/bundle/govern.cjs'));

/** Lines as a CI runner (or a terminal) reads them: a lone CR starts a line too. */
const runnerLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

function run(cwd: string, args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: undefined, GOVERN_THREADS: '0' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Asserts that nothing a value carried reaches the output as itself. */
function expectInert(text: string): void {
  for (const line of runnerLines(text)) {
    expect(line.startsWith('::'), `a line a runner takes as a command: ${JSON.stringify(line)}`).toBe(false);
  }
  expect(text).not.toContain('\u001b');
  expect(text).not.toContain('\u202e');
  expect(text).not.toContain('\u2028');
  expect(text).not.toMatch(/\r(?!\n)/);
}

const PARTNERSHIP = `# Written by hand, flow style; names carry what a hostile PR would.
id: o-brien-and-co
name: "O'Brien & Co \\u202eelif.exe"
client: { id: obrien, name: "O'Brien & Co" }
provider: { id: fixit, name: Fix-It Ltd }
timezone: America/Sao_Paulo
owners: { client: ${JSON.stringify(HOSTILE_TEXT.workflowCommand)}, provider: ${JSON.stringify(HOSTILE_TEXT.fakeAllClear)} }
`;

const CONTACTS = [
  'contacts:',
  '  - id: ana-souza',
  `    name: ${JSON.stringify(HOSTILE_TEXT.fakeAllClear)}`,
  '    title: "Gerente\\r::add-mask::secret"',
  '    party: client',
  '    phone: "+55 11 5555 0100"',
  '  - id: rui',
  '    name: Rui Lopes',
  '    party: provider',
  '',
].join('\r\n');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'govern-printed-'));
  mkdirSync(path.join(dir, 'p'));
  writeFileSync(path.join(dir, 'p/partnership.yaml'), PARTNERSHIP);
  writeFileSync(path.join(dir, 'p/contacts.yaml'), CONTACTS);
  // A raw lone CR inside a quoted value, as the bytes of the file: the stylish excerpt shows that line.
  writeFileSync(path.join(dir, 'p/risks.yaml'), 'risks:\n  - id: "r1\r::warning title=RAW::pwned"\n    title: raw\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(built)('text from the files in human-readable output', () => {
  it('stylish, piped: values are shown with visible escapes; no line starts a workflow command, no ESC', () => {
    const r = run(dir, ['check', 'p', '--today', '2026-03-01']);
    expect(r.code).toBe(1);
    expectInert(r.out);
    expectInert(r.err);
    expect(r.out).toContain('x\\r::warning title=INJECTED::pwned');
    expect(r.out).toContain('\\x1b[2K\\x1b[1A');
    expect(r.out).toContain('r1\\r::warning title=RAW::pwned');
  });

  it('stylish with --no-color and FORCE_COLOR: colour codes only, never an ESC from a value', () => {
    const plain = run(dir, ['check', 'p', '--today', '2026-03-01', '--no-color']);
    expectInert(plain.out);
    const r = spawnSync(process.execPath, [BIN, 'check', 'p', '--today', '2026-03-01'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '1', NO_COLOR: '' },
    });
    // Colour codes (ESC [ … m) are govern's; remove them and nothing else may be an ESC or a lone CR.
    const withoutColour = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expectInert(withoutColour);
    expect(r.stdout).not.toContain('\u001b[2K');
    expect(r.stdout).not.toContain('\u001b[1A');
  });

  it('--format github stays escaped: every command line is govern’s own annotation', () => {
    const r = run(dir, ['check', 'p', '--today', '2026-03-01', '--format', 'github']);
    expect(r.code).toBe(1);
    for (const line of runnerLines(r.out).filter((l) => l !== '')) expect(line).toMatch(/^::(error|warning) file=/);
    expect(r.out).not.toContain('\u001b');
    expect(r.out).toContain('x%0D::warning title=INJECTED::pwned');
  });

  it('a config error on stderr quoting a hostile rule name, under --format github', () => {
    const cfg = mkdtempSync(path.join(os.tmpdir(), 'govern-printed-cfg-'));
    try {
      mkdirSync(path.join(cfg, 'p'));
      writeFileSync(path.join(cfg, 'p/partnership.yaml'), PARTNERSHIP.replace(/^owners:.*$/m, ''));
      writeFileSync(path.join(cfg, 'govern.config.yaml'), 'rules:\n  "x\\r::warning title=CONFIG::pwned\\e[2K": off\n');
      const r = run(cfg, ['check', 'p', '--format', 'github']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('x\\r::warning title=CONFIG::pwned\\x1b[2K');
      expectInert(r.err);
      expect(r.out).toBe('');
    } finally {
      rmSync(cfg, { recursive: true, force: true });
    }
  });

  it('a usage error quoting a value from the command line is one inert line', () => {
    const r = run(dir, ['check', 'p', '--max-warnings', '1\r::warning::x\u001b[1A']);
    expect(r.code).toBe(2);
    expectInert(r.err);
  });

  it('govern who: names, titles and numbers from contacts.yaml cannot draw lines', () => {
    const who = mkdtempSync(path.join(os.tmpdir(), 'govern-printed-who-'));
    try {
      writeFileSync(path.join(who, 'partnership.yaml'), PARTNERSHIP.replace(/^owners:.*$/m, 'owners: { client: ana-souza, provider: rui }'));
      writeFileSync(path.join(who, 'contacts.yaml'), CONTACTS);
      writeFileSync(
        path.join(who, 'slas.yaml'),
        'services:\n  - id: desk\n    name: "Desk\\r::stop-commands::tok"\n    calendar: 24x7\n    priorities:\n      - { id: P1, response: 15m, resolution: 4h, target: 95 }\n',
      );
      writeFileSync(
        path.join(who, 'escalation.yaml'),
        'paths:\n  - id: p1\n    name: "\\e[2J\\e[Hall clear"\n    appliesTo: { services: [desk], priorities: [P1] }\n    levels:\n      - { name: "Desk\\r::warning::fake", after: 0m, contacts: [ana-souza], coverage: 24x7 }\n',
      );
      for (const extra of [[], ['--no-color']]) {
        const r = run(who, ['who', '.', '--service', 'desk', '--priority', 'P1', '--at', '2026-03-02T10:00:00-03:00', ...extra]);
        expect(r.code).toBe(0);
        expectInert(r.out);
        expect(r.out).toContain('Gerente\\r::add-mask::secret');
        expect(r.out).toContain('\\x1b[2J\\x1b[Hall clear');
      }
    } finally {
      rmSync(who, { recursive: true, force: true });
    }
  });
});

describe.runIf(built)('govern diff: table and the Markdown for pull requests', () => {
  let repo: TempRepo;
  const md = new MarkdownIt({ html: true, linkify: true });
  const forged = 'ok\r# Reviewed by @org/security-team: safe to merge\r\r| forged | row |\r|---|---|\r| x | y |\rsee #123';
  beforeAll(() => {
    repo = tempRepo();
    repo.commit({ 'p/partnership.yaml': PARTNERSHIP.replace(/^owners:.*$/m, 'owners: { client: ana-souza, provider: rui }'), 'p/contacts.yaml': CONTACTS });
    repo.write({
      'p/partnership.yaml': PARTNERSHIP.replace(/^owners:.*$/m, 'owners: { client: ana-souza, provider: rui }')
        .replace(/^name: .*$/m, `name: ${JSON.stringify(forged)}`)
        .replace(/^timezone: .*$/m, 'timezone: America/Sao_Paulo\nscope: { services: [desk], exclusions: [' + JSON.stringify(HOSTILE_TEXT.workflowCommand) + '] }'),
    });
  });
  afterAll(() => repo.remove());

  it('--format md: no heading, row or mention comes from a value', () => {
    const r = run(repo.dir, ['diff', 'main', '--format', 'md']);
    expect(r.err).toBe('');
    expect(r.out).toContain('Reviewed by');
    const tokens = md.parse(r.out, {});
    // Every heading is govern's own.
    const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [tokens[i + 1]!.content] : []));
    for (const h of headings) expect(h).toMatch(/^(govern diff:|Weakened|Tightened|Neutral|New findings)/);
    const html = md.render(r.out);
    expect(html).not.toMatch(/<h1/);
    // Each table keeps its own rows: every row has as many cells as its header.
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
    const bodyRows = tokens.filter((t) => t.type === 'tr_open').length;
    const lines = r.out.split('\n').filter((l) => l.startsWith('|') && !l.startsWith('|---')).length;
    expect(bodyRows).toBe(lines);
    expect(html).not.toContain('<td>forged</td>');
    // No live mention or issue link: the text never holds `@name` or `#123` as such.
    const text = tokens
      .flatMap((t) => t.children ?? [])
      .filter((c) => c.type === 'text')
      .map((c) => c.content)
      .join('\n');
    expect(text).toContain('Reviewed by @\u2060org/security-team');
    expect(text).not.toMatch(/(^|[^\p{L}\p{N}_])@[A-Za-z0-9]/u);
    expect(text).not.toMatch(/#\d/);
    expect(r.out).not.toMatch(/\r(?!\n)/);
    expect(r.out).not.toContain('\u001b');
  });

  it('--format table: no line starts a workflow command, no ESC', () => {
    const r = run(repo.dir, ['diff', 'main', '--format', 'table']);
    expect(r.err).toBe('');
    expectInert(r.out);
    expect(r.out).toContain('\\r');
  });
});

describe.runIf(built)('govern sla: table and Markdown', () => {
  it('a service name with a lone CR, ESC and a mention stays inert in both', () => {
    const sla = mkdtempSync(path.join(os.tmpdir(), 'govern-printed-sla-'));
    try {
      cpSync(path.join(path.dirname(BIN), '../test/fixtures/sla/lite'), sla, { recursive: true });
      const slas = path.join(sla, 'slas.yaml');
      writeFileSync(slas, readFileSync(slas, 'utf8').replace('name: Managed hosting', `name: ${JSON.stringify(`Hosting\r# Approved by @org/finance\u001b[2K #42`)}`));
      const table = run(sla, ['sla', '.', '--period', '2026-10', '--today', '2026-11-15']);
      expect(table.code).toBe(0);
      expectInert(table.out);
      const md = run(sla, ['sla', '.', '--period', '2026-10', '--today', '2026-11-15', '--format', 'md']);
      expect(md.code).toBe(0);
      expectInert(md.out);
      const tokens = new MarkdownIt().parse(md.out, {});
      const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [tokens[i + 1]!.content] : []));
      expect(headings.some((h) => h.includes('Approved'))).toBe(false);
      const text = tokens
        .flatMap((t) => t.children ?? [])
        .filter((c) => c.type === 'text')
        .map((c) => c.content)
        .join('\n');
      expect(text).toContain('Approved by @\u2060org/finance');
      expect(text).not.toMatch(/(^|[^\p{L}\p{N}_])@[A-Za-z0-9]/u);
      expect(text).not.toMatch(/#\d/);
    } finally {
      rmSync(sla, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import type { Change, DiffReport } from '../../src/diff/types.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { EXPECTED, everyExample } from './examples.js';
import { BASE } from './fixture.js';
import { edit, tempRepo, under, type TempRepo } from './repo.js';

const TODAY = '2026-11-15';

async function govern(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(['diff', '--today', TODAY, ...args], { cwd });
  const code = await run(io);
  return { code, out: io.out(), err: io.err() };
}

async function diffJson(cwd: string, ...args: string[]): Promise<DiffReport> {
  const { code, out, err } = await govern(cwd, '--format', 'json', ...args);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as DiffReport;
}

/** The findings of `govern check` over a folder: rule, file, line. */
async function checkFindings(cwd: string): Promise<[string, string, number][]> {
  const io = memoryIo(['check', '--format', 'json', '--today', TODAY], { cwd });
  await run(io);
  return (JSON.parse(io.out()) as { findings: Diagnostic[] }).findings.map((d) => [d.ruleId, d.file, d.range.start.line]);
}

const brief = (c: Change): [string, (string | number)[], string, string, string] => [c.file, c.path, c.change, c.category, c.impact];

describe('govern diff: every example of a classified change', () => {
  let repo: TempRepo;
  let baseSha: string;
  let headSha: string;
  let report: DiffReport;

  beforeAll(async () => {
    repo = tempRepo();
    baseSha = repo.commit(BASE, 'base');
    repo.git('checkout', '-q', '-b', 'feature');
    headSha = repo.commit(everyExample(), 'every example');
    report = await diffJson(repo.dir, 'main', 'feature');
  });
  afterAll(() => repo.remove());

  it('names both commits', () => {
    expect(report.base).toBe(baseSha);
    expect(report.head).toBe(headSha);
  });

  it('classifies each change by category and impact, with ids in its path', () => {
    const found = report.changes.map(brief);
    for (const expected of EXPECTED) expect(found).toContainEqual(expected);
    expect(found).toHaveLength(EXPECTED.length);
  });

  it('treats 4h and PT4H as the same duration', () => {
    expect(report.changes.filter((c) => c.path.join('/') === 'services/hosting/priorities/P1/resolution')).toEqual([]);
  });

  it('gives the values as written and a plain sentence', () => {
    expect(report.changes).toContainEqual({
      partnership: 'acme-northwind',
      file: 'slas.yaml',
      path: ['services', 'hosting', 'priorities', 'P2', 'resolution'],
      change: 'changed',
      before: '8h',
      after: '12h',
      category: 'operational',
      impact: 'weakened',
      summary: 'P2 resolution for Hosting loosened from 8h to 12h',
    });
    const summary = (p: string): string => report.changes.find((c) => c.path.join('/') === p)!.summary;
    expect(summary('services/service-desk/priorities/P1/calendar')).toBe('P1 calendar for Service desk narrowed from 24x7 (168h a week) to business-hours (50h a week)');
    expect(summary('activities/patching/accountable')).toBe(
      'Accountable for Monthly server patching moved from Service delivery manager (provider) to Client IT lead (client): the client now answers for it',
    );
    expect(summary('services/hosting/credits/tiers')).toBe('Service credits for Hosting lowered from 5% below 99.9%, 10% below 99.5% to 3% below 99.9%, 10% below 99.5%');
    expect(summary('paths/major-incident/levels/Provider CTO')).toBe('Escalation path major-incident: level "Provider CTO" (after 2h) removed');
    expect(summary('meetings/monthly-service-review/cadence')).toBe('Meeting Monthly service review thinned from monthly to quarterly');
    expect(summary('risks/key-person/likelihood')).toBe('Risk Single engineer knows the legacy ERP score up from 12 to 20 (likelihood 3 → 5)');
    expect(summary('contract/end')).toBe("Contract end brought forward from 2027-12-31 to 2026-12-31: the provider's obligations stop sooner");
    expect(summary('contract/value')).toBe('Contract value raised from 480000 EUR a year to 500000 EUR a year');
  });

  it('reverses every impact when the revisions are swapped, except what is neither way', async () => {
    const reverse = await diffJson(repo.dir, 'feature', 'main');
    const flip = { weakened: 'tightened', tightened: 'weakened', neutral: 'neutral' } as const;
    const back = { added: 'removed', removed: 'added', changed: 'changed' } as const;
    for (const [file, p, change, category, impact] of EXPECTED) {
      expect(reverse.changes.map(brief)).toContainEqual([file, p, back[change as keyof typeof back], category, flip[impact as keyof typeof flip]]);
    }
  });

  it('lists the problems of check that the change introduces', () => {
    expect(report.newFindings.map((d) => [d.ruleId, d.file])).toEqual([
      ['contacts/unreferenced', 'contacts.yaml'],
      ['contract/notice-passed', 'partnership.yaml'],
      ['risks/high-score-plan', 'risks.yaml'],
      ['escalation/missing-path', 'slas.yaml'],
    ]);
  });

  it('the base it starts from is clean', async () => {
    const io = memoryIo(['check', '--today', TODAY], { cwd: repo.dir });
    repo.git('checkout', '-q', 'main');
    try {
      expect(await run(io)).toBe(0);
      expect(io.out()).toMatch(/no problems/);
    } finally {
      repo.git('checkout', '-q', 'feature');
    }
  });

  it('writes a pull-request comment: summary line, counts table, each change before → after, weakened first', async () => {
    const { code, out } = await govern(repo.dir, 'main', 'feature', '--format', 'md');
    expect(code).toBe(0);
    const tokens = new MarkdownIt().parse(out, {});
    const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [tokens[i + 1]!.content] : []));
    expect(headings[0]).toBe('govern diff: 18 weakened, 3 tightened, 2 neutral; 4 new findings');
    expect(headings.slice(1).map((h) => h.split(':')[0])).toEqual(['Weakened', 'Tightened', 'Neutral', 'New findings (4)']);

    const tables = readTables(tokens);
    const counts = tables[0]!;
    expect(counts[0]).toEqual(['category', 'weakened', 'tightened', 'neutral', 'total']);
    const row = (category: string): string[] => counts.find((r) => r[0] === category)!;
    const count = (category: string, impact: string): string => String(report.changes.filter((c) => c.category === category && c.impact === impact).length);
    for (const category of ['commercial', 'operational', 'people', 'governance']) {
      expect(row(category)).toEqual([
        category,
        count(category, 'weakened'),
        count(category, 'tightened'),
        count(category, 'neutral'),
        String(report.changes.filter((c) => c.category === category).length),
      ]);
    }
    expect(counts.at(-1)).toEqual(['total', '18', '3', '2', '23']);

    const [weakened, tightened, neutral] = tables.slice(1);
    expect(weakened![0]).toEqual(['category', 'change', 'before → after', 'where']);
    expect(weakened!.slice(1).map((r) => r[1])).toContain('P2 resolution for Hosting loosened from 8h to 12h');
    expect(weakened!.slice(1).find((r) => r[1]!.startsWith('P2 resolution'))![2]).toBe('8h → 12h');
    expect(tightened!.length - 1).toBe(3);
    expect(neutral!.length - 1).toBe(2);
    expect(weakened!.length - 1 + tightened!.length - 1 + neutral!.length - 1).toBe(report.changes.length);
    expect(tables[4]![0]).toEqual(['severity', 'rule', 'where', 'message']);
    expect(tables[4]!.slice(1).map((r) => r[1])).toEqual(report.newFindings.map((d) => d.ruleId));
  });

  it('prints a table for the terminal', async () => {
    const { code, out } = await govern(repo.dir, 'main', 'feature');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe(`govern diff ${baseSha.slice(0, 7)} (main) → ${headSha.slice(0, 7)} (feature): 18 weakened, 3 tightened, 2 neutral; 4 new findings`);
    expect(out).toContain('P2 resolution for Hosting loosened');
    expect(out.indexOf('weakened ')).toBeLessThan(out.indexOf('tightened '));
  });

  it('--fail-on weakened exits 1 when something weakened, and 0 when only tightened', async () => {
    expect((await govern(repo.dir, 'main', 'feature', '--fail-on', 'weakened')).code).toBe(1);
    const tightenOnly = tempRepo();
    try {
      tightenOnly.commit(BASE);
      const head = tightenOnly.commit(edit(BASE, 'slas.yaml', ['        response: 2h\n        resolution: 8h', '        response: 2h\n        resolution: 6h']));
      expect((await govern(tightenOnly.dir, 'HEAD~1', head, '--fail-on', 'weakened')).code).toBe(0);
      expect((await govern(tightenOnly.dir, 'HEAD~1', head, '--fail-on', 'any')).code).toBe(1);
      expect((await govern(tightenOnly.dir, 'HEAD', 'HEAD', '--fail-on', 'any')).code).toBe(0);
    } finally {
      tightenOnly.remove();
    }
  });
});

/** Each table of a token stream as rows of cell texts. */
function readTables(tokens: ReturnType<MarkdownIt['parse']>): string[][][] {
  const tables: string[][][] = [];
  let table: string[][] | undefined;
  let row: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'table_open') table = [];
    else if (t.type === 'table_close') tables.push(table!);
    else if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close') table!.push(row!);
    else if (t.type === 'th_open' || t.type === 'td_open') row!.push(plainText(tokens[i + 1]!));
  }
  return tables;
}

function plainText(inline: ReturnType<MarkdownIt['parse']>[number]): string {
  return (inline.children ?? []).map((c) => (c.type === 'softbreak' || c.type === 'hardbreak' ? '\n' : c.content)).join('');
}

describe('govern diff: what is not a change', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = tempRepo();
  });
  afterAll(() => repo.remove());

  it('a reordered list, reordered keys and rewritten durations are no change', async () => {
    repo.commit(BASE, 'base');
    const reordered = edit(
      BASE,
      'slas.yaml',
      ['        response: 15m\n        resolution: 4h', '        resolution: PT4H\n        response: PT15M'],
      ['        response: 1h\n        resolution: 8h', '        response: 60m\n        resolution: 480m'],
    );
    const contacts = BASE['contacts.yaml']!.split('  - id: ');
    reordered['contacts.yaml'] = ['contacts:\n', contacts[3], contacts[1], contacts[2]].join('  - id: ').replace('contacts:\n  - id: ', 'contacts:\n  - id: ');
    reordered['partnership.yaml'] = edit(reordered, 'partnership.yaml', ['services: [service-desk, hosting]', 'services: [hosting, service-desk]'])['partnership.yaml']!;
    const slas = reordered['slas.yaml']!;
    const services = slas.slice(slas.indexOf('  - id: service-desk'));
    const desk = services.slice(0, services.indexOf('  - id: hosting'));
    const hosting = services.slice(services.indexOf('  - id: hosting'));
    reordered['slas.yaml'] = slas.slice(0, slas.indexOf('  - id: service-desk')) + hosting + desk;
    repo.commit(reordered, 'reorder');
    const report = await diffJson(repo.dir, 'HEAD~1', 'HEAD');
    expect(report.changes).toEqual([]);
    expect(report.newFindings).toEqual([]);
  });
});

describe('govern diff: files and partnerships that move, arrive and leave', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = tempRepo();
  });
  afterEach(() => repo.remove());

  it('a partnership folder moved is one neutral change, not every file removed and added', async () => {
    repo.commit(under('acme', BASE), 'base');
    repo.git('mv', 'acme', 'partners');
    repo.git('commit', '-q', '-m', 'move');
    const report = await diffJson(repo.dir, 'HEAD~1', 'HEAD');
    expect(report.changes).toEqual([
      {
        partnership: 'acme-northwind',
        file: '',
        path: ['folder'],
        change: 'changed',
        before: 'acme',
        after: 'partners',
        category: 'governance',
        impact: 'neutral',
        summary: 'Partnership acme-northwind moved from acme to partners',
      },
    ]);
    expect(report.newFindings).toEqual([]);
  });

  it('a file moved to another name inside a partnership is the old one removed and the new one added', async () => {
    const review = 'period: 2026-10\nheld: 2026-10-08\ndecisions: [Keep the batch window]\n';
    repo.commit({ ...BASE, 'reviews/2026-10.yaml': review }, 'base');
    repo.git('mv', 'reviews/2026-10.yaml', 'reviews/2026-11.yaml');
    repo.commit({ 'reviews/2026-11.yaml': review.replace('2026-10-08', '2026-11-08').replace('period: 2026-10', 'period: 2026-11') }, 'move');
    const report = await diffJson(repo.dir, 'HEAD~1', 'HEAD');
    expect(report.changes.map(brief)).toEqual([
      ['reviews/2026-10.yaml', [], 'removed', 'governance', 'weakened'],
      ['reviews/2026-11.yaml', [], 'added', 'governance', 'neutral'],
    ]);
  });

  it('a portfolio: partnerships added, removed and renamed', async () => {
    const other = (id: string): Record<string, string> => ({
      'partnership.yaml': BASE['partnership.yaml']!.replace('id: acme-northwind', `id: ${id}`)
        .replace(/owners:.*\n/, '')
        .replace(/scope:\n(  .*\n)*/, ''),
    });
    repo.commit({ ...under('partners/acme', BASE), ...under('partners/beta', other('beta')) }, 'base');
    repo.git('mv', 'partners/acme', 'partners/acme-northwind');
    repo.git('rm', '-q', '-r', 'partners/beta');
    repo.commit(under('partners/gamma', other('gamma')), 'portfolio');
    const report = await diffJson(repo.dir, 'HEAD~1', 'HEAD');
    expect(report.changes.map((c) => [c.partnership, c.change, c.path, c.before, c.after, c.impact])).toEqual([
      ['acme-northwind', 'changed', ['folder'], 'partners/acme', 'partners/acme-northwind', 'neutral'],
      ['beta', 'removed', [], 'partners/beta', null, 'weakened'],
      ['gamma', 'added', [], null, 'partners/gamma', 'neutral'],
    ]);
    expect(report.changes[2]!.summary).toBe('Partnership gamma (Acme and Northwind) added in partners/gamma (1 file)');
  });

  it('compares only the partnership named by path', async () => {
    repo.commit(
      {
        ...under('partners/acme', BASE),
        ...under('partners/other', { ...BASE, 'partnership.yaml': BASE['partnership.yaml']!.replace('id: acme-northwind', 'id: other') }),
      },
      'base',
    );
    repo.commit({ 'partners/other/risks.yaml': BASE['risks.yaml']!.replace('likelihood: 3', 'likelihood: 1') }, 'change other');
    const acme = await diffJson(repo.dir, 'HEAD~1', 'HEAD', 'partners/acme');
    expect(acme.changes).toEqual([]);
    const fromInside = await diffJson(path.join(repo.dir, 'partners'), 'HEAD~1', 'HEAD', 'other');
    expect(fromInside.changes.map((c) => [c.partnership, c.path.join('/'), c.impact])).toEqual([['other', 'risks/key-person/likelihood', 'tightened']]);
  });
});

describe('govern diff: findings a change introduces', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = tempRepo();
  });
  afterEach(() => repo.remove());

  it('a removed contact still on an escalation path is a new finding; one that was already there is not, though its line moved', async () => {
    const base = edit(BASE, 'risks.yaml', ['owner: bob-smith', 'owner: nobody']);
    repo.commit(base, 'base');
    let head = edit(base, 'contacts.yaml', ['  - id: kim-lee\n    name: Kim Lee\n    party: provider\n    email: kim.lee@northwind.example\n', '']);
    head = edit(head, 'raci.yaml', ['holders: [kim-lee]', 'holders: [bob-smith]']);
    head = edit(head, 'risks.yaml', ['risks:\n', '# the register, reviewed monthly\n\nrisks:\n']);
    repo.commit(head, 'remove kim');
    const report = await diffJson(repo.dir, 'HEAD~1', 'HEAD');
    expect(report.newFindings.map((d) => [d.ruleId, d.file, d.range.start.line, d.path])).toEqual([
      ['ref/unknown-contact', 'escalation.yaml', 7, ['paths', 0, 'levels', 0, 'contacts', 0]],
      ['ref/unknown-contact', 'escalation.yaml', 15, ['paths', 0, 'levels', 2, 'contacts', 0]],
    ]);
    expect(report.newFindings[0]!.message).toContain('kim-lee');
    expect(report.changes.map(brief)).toContainEqual(['contacts.yaml', ['contacts', 'kim-lee'], 'removed', 'people', 'neutral']);
    // The finding that is not new is there at the head, two lines lower than at the base.
    expect(await checkFindings(repo.dir)).toContainEqual(['ref/unknown-contact', 'risks.yaml', 8]);
  });

  it('reads govern.config.yaml at each revision: a rule switched off there finds nothing new', async () => {
    repo.commit({ ...under('acme', BASE), 'govern.config.yaml': 'rules:\n  ref/unknown-contact: off\n' }, 'base');
    repo.commit({ 'acme/contacts.yaml': BASE['contacts.yaml']!.replace(/  - id: kim-lee\n(    .*\n)*/, '') }, 'remove kim');
    const report = await diffJson(repo.dir, 'HEAD~1', 'HEAD', 'acme');
    expect(report.changes.map((c) => c.path.join('/'))).toEqual(['contacts/kim-lee']);
    expect(report.newFindings.filter((d) => d.ruleId === 'ref/unknown-contact')).toEqual([]);
    const strict = await diffJson(repo.dir, 'HEAD~1', 'HEAD', 'acme', '--rule', 'ref/unknown-contact=error');
    expect(strict.newFindings.map((d) => [d.ruleId, d.file])).toContainEqual(['ref/unknown-contact', 'acme/escalation.yaml']);
  });

  it('run from inside the partnership folder, a new finding names its file as check does there', async () => {
    repo.commit(under('acme', BASE), 'base');
    repo.commit({ 'acme/contacts.yaml': BASE['contacts.yaml']!.replace(/  - id: kim-lee\n(    .*\n)*/, '') }, 'remove kim');
    const inside = path.join(repo.dir, 'acme');
    const report = await diffJson(inside, 'HEAD~1', 'HEAD');
    expect(report.newFindings.map((d) => [d.ruleId, d.file, d.range.start.line])).toEqual(await checkFindings(inside));
    expect(report.newFindings.map((d) => d.file)).toContain('escalation.yaml');
  });

  it('a rule turned down in govern.config.yaml is a weakened change, not silence', async () => {
    repo.commit({ ...under('acme', BASE), 'govern.config.yaml': 'rules:\n  risks/stale-review: error\n' }, 'base');
    repo.commit({ 'govern.config.yaml': 'rules:\n  risks/stale-review: off\n  risks/high-score-plan: warning\n  contacts/unreferenced: error\n' }, 'quieter');
    const report = await diffJson(repo.dir, 'HEAD~1', 'HEAD', 'acme');
    expect(report.changes.map((c) => [c.file, c.path, c.change, c.before, c.after, c.impact])).toEqual([
      ['govern.config.yaml', ['rules', 'contacts/unreferenced'], 'added', null, 'error', 'tightened'],
      ['govern.config.yaml', ['rules', 'risks/high-score-plan'], 'added', null, 'warning', 'weakened'],
      ['govern.config.yaml', ['rules', 'risks/stale-review'], 'changed', 'error', 'off', 'weakened'],
    ]);
    expect(report.changes.at(-1)!.summary).toBe('Rule risks/stale-review turned from error to off: check no longer reports it');
    expect((await govern(repo.dir, 'HEAD~1', 'HEAD', 'acme', '--fail-on', 'weakened')).code).toBe(1);
  });

  it('a finding whose item only moved in its list is not new', async () => {
    const base = edit(BASE, 'escalation.yaml', ['contacts: [bob-smith]', 'contacts: [bob-smyth]']);
    repo.commit(base, 'base');
    const lines = base['escalation.yaml']!;
    const [head, rest] = [lines.slice(0, lines.indexOf('      - name: Service desk')), lines.slice(lines.indexOf('      - name: Service desk'))];
    const levels = rest.split(/(?=      - name: )/);
    repo.commit({ 'escalation.yaml': head + [levels[1], levels[0], levels[2]].join('') }, 'reorder levels');
    const report = await diffJson(repo.dir, 'HEAD~1', 'HEAD');
    expect(report.newFindings.filter((d) => d.ruleId.startsWith('ref/'))).toEqual([]);
    expect(await checkFindings(repo.dir)).toContainEqual(['ref/unknown-contact', 'escalation.yaml', 7]);
  });
});

describe('govern diff: defaults and mistakes', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = tempRepo();
  });
  afterEach(() => repo.remove());

  it('compares the merge-base with main against the working tree, without touching it', async () => {
    const baseSha = repo.commit(BASE, 'base');
    repo.commit({ 'notes.md': 'on main later\n' }, 'main moves on');
    repo.git('checkout', '-q', '-b', 'feature', 'HEAD~1');
    repo.commit(edit(BASE, 'governance.yaml', ['duration: 1h', 'duration: 30m']), 'shorter');
    repo.write(edit(BASE, 'governance.yaml', ['duration: 1h', 'duration: 45m']));
    const status = repo.git('status', '--porcelain');
    const headBefore = repo.git('rev-parse', 'HEAD');
    const report = await diffJson(repo.dir);
    expect(report.base).toBe(baseSha);
    expect(report.head).toBe('working-tree');
    expect(report.changes.map((c) => [c.path.join('/'), c.before, c.after, c.impact])).toEqual([['meetings/monthly-service-review/duration', '1h', '45m', 'weakened']]);
    expect(repo.git('status', '--porcelain')).toBe(status);
    expect(repo.git('rev-parse', 'HEAD')).toBe(headBefore);
  });

  it('takes a last argument that is a folder and no revision as the path', async () => {
    repo.commit(under('acme', BASE), 'base');
    repo.write(edit(under('acme', BASE), 'acme/risks.yaml', ['impact: 4', 'impact: 2']));
    const report = await diffJson(repo.dir, 'main', 'acme');
    expect(report.changes.map((c) => c.impact)).toEqual(['tightened']);
  });

  it('an unknown revision is a usage error that says so', async () => {
    repo.commit(BASE, 'base');
    const { code, out, err } = await govern(repo.dir, 'no-such-branch', 'HEAD');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^govern: unknown revision `no-such-branch`/);
    expect((await govern(repo.dir, 'HEAD', 'nope', '.')).err).toMatch(/unknown revision `nope`/);
  });

  it('a path outside any git repository is a usage error', async () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), 'govern-nogit-'));
    try {
      const { code, err } = await govern(plain, 'HEAD~1', 'HEAD', '.');
      expect(code).toBe(2);
      expect(err).toMatch(/is not inside a git repository/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('no partnership at either revision is a usage error', async () => {
    repo.commit({ 'README.md': 'nothing here\n' }, 'base');
    const { code, err } = await govern(repo.dir, 'HEAD', 'HEAD');
    expect(code).toBe(2);
    expect(err).toMatch(/no partnership found/);
  });
});

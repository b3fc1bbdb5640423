import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS } from '../../src/model/output-formats.js';
import { BIN, PARTNERSHIP, ROOT } from './corpus.js';

/**
 * The attacks of issue 13, item 1, as a pull request would make them, on a
 * real git repository whose .git/config holds the token that actions/checkout
 * leaves there, with a secret file outside the repository. Every command, in
 * every format, must refuse the link (file/symlink-outside, or a config error
 * that names it) and never print a byte of what the link points at.
 */
const built = existsSync(path.join(ROOT, 'dist/cli/main.js'));
const TOKEN = 'ghs_S3CRETTOKENfromCheckout0123456789';
const OUTSIDE = 'OUTSIDE-SECRET-do-not-print';

// Written as a person would: a comment, a flow map, an apostrophe and non-ASCII in a name.
const CONTACTS = `# who we call
contacts:
  - { id: ana-lopez, name: "Ana López", party: client, email: ana@client.example }
  - id: bo-o-neill
    name: Bo O'Neill
    party: provider
`;

interface Repo {
  dir: string;
  git(...args: string[]): void;
  commit(message: string): void;
  govern(...args: string[]): { status: number | null; out: string };
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repository with one partnership committed on main, a token in .git/config and a secret beside the repository. */
function makeRepo(): Repo {
  const top = mkdtempSync(path.join(os.tmpdir(), 'govern-file-access-'));
  made.push(top);
  writeFileSync(path.join(top, 'secret.yaml'), `password: ${OUTSIDE}\nrules:\n  schema: "off"\n`);
  const dir = path.join(top, 'repo');
  mkdirSync(path.join(dir, 'northwind'), { recursive: true });
  const git = (...args: string[]): void => {
    execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: top } });
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'pr@example.test');
  git('config', 'user.name', 'A Contributor');
  appendFileSync(path.join(dir, '.git/config'), `[http "https://example.test/"]\n\textraheader = AUTHORIZATION: basic ${TOKEN}\n`);
  writeFileSync(path.join(dir, 'northwind/partnership.yaml'), PARTNERSHIP);
  writeFileSync(path.join(dir, 'northwind/contacts.yaml'), CONTACTS);
  writeFileSync(path.join(dir, 'govern.config.yaml'), '# settings for the whole repository\nrules: {}\n');
  const commit = (message: string): void => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
  };
  commit('the partnership as agreed');
  // The pull request's branch: what follows is the change.
  git('checkout', '-q', '-b', 'change');
  return {
    dir,
    git,
    commit,
    govern: (...args) => {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
    },
  };
}

const CHECK_FORMATS = OUTPUT_FORMATS;
const DIFF_FORMATS = ['table', 'md', 'json'];

/** Runs every reading command in every format; returns all that was printed, with each run's exit code. */
function everything(repo: Repo, options: { revision?: boolean } = {}): { status: number | null; out: string; args: string }[] {
  const runs: string[][] = [
    ...CHECK_FORMATS.map((f) => ['check', '.', '--format', f, '--today', '2026-11-15']),
    ...DIFF_FORMATS.map((f) => ['diff', '--format', f, '--today', '2026-11-15']),
    ...(options.revision ? DIFF_FORMATS.map((f) => ['diff', 'main', 'HEAD', '--format', f, '--today', '2026-11-15']) : []),
    ['render', 'contract-summary', 'northwind', '--format', 'md', '--allow-invalid', '--today', '2026-11-15'],
    ['render', 'contract-summary', 'northwind', '--format', 'html', '--allow-invalid', '--today', '2026-11-15'],
    ['sla', 'northwind', '--today', '2026-11-15'],
    ['who', 'northwind', '--today', '2026-11-15'],
    ['calendar', 'northwind', '--today', '2026-11-15'],
    ['due', 'northwind', '--today', '2026-11-15'],
    ['rules'],
    ['rules', 'northwind', '--format', 'json'],
  ];
  return runs.map((args) => ({ ...repo.govern(...args), args: args.join(' ') }));
}

function expectNoLeak(runs: { out: string; args: string }[]): void {
  for (const run of runs) {
    expect(run.out, run.args).not.toContain(TOKEN);
    expect(run.out, run.args).not.toContain(OUTSIDE);
    expect(run.out, run.args).not.toMatch(/root:x:0:0/);
    expect(run.out, run.args).not.toMatch(/internal error/);
  }
}

describe.runIf(built)('files govern reads: links out of the tree or into a dot-folder, for every command', () => {
  it('a contacts.yaml linked to a file outside: every command refuses it, diff of the working tree too', () => {
    const repo = makeRepo();
    unlinkSync(path.join(repo.dir, 'northwind/contacts.yaml'));
    symlinkSync(path.join(repo.dir, '../secret.yaml'), path.join(repo.dir, 'northwind/contacts.yaml'));
    symlinkSync('/etc/passwd', path.join(repo.dir, 'northwind/budget.yaml'));
    expectNoLeak(everything(repo));
    repo.commit('links');
    const runs = everything(repo, { revision: true });
    expectNoLeak(runs);
    const json = JSON.parse(repo.govern('check', '.', '--format', 'json', '--today', '2026-11-15').out.trim()) as { findings: { ruleId: string; file: string }[] };
    expect(json.findings.filter((f) => f.ruleId === 'file/symlink-outside').map((f) => f.file)).toEqual(['northwind/budget.yaml', 'northwind/contacts.yaml']);
    // At a revision the links are judged as on disk: refused, and the finding is new.
    const diff = JSON.parse(repo.govern('diff', 'main', 'HEAD', '--format', 'json', '--today', '2026-11-15').out.trim()) as {
      newFindings: { ruleId: string; file: string }[];
    };
    expect(diff.newFindings.filter((f) => f.ruleId === 'file/symlink-outside').map((f) => f.file)).toEqual(['northwind/budget.yaml', 'northwind/contacts.yaml']);
  });

  it('a partnership file linked into .git/ (the checkout token) is not read from the repository top', () => {
    const repo = makeRepo();
    symlinkSync('../.git/config', path.join(repo.dir, 'northwind/budget2.yaml'));
    mkdirSync(path.join(repo.dir, '.github'));
    writeFileSync(path.join(repo.dir, '.github/notes.yaml'), `token: ${TOKEN}\n`);
    symlinkSync('../.github', path.join(repo.dir, 'northwind/reviews'));
    expectNoLeak(everything(repo));
    repo.commit('links into dot-folders');
    expectNoLeak(everything(repo, { revision: true }));
    const out = repo.govern('check', '.', '--today', '2026-11-15').out;
    expect(out).toMatch(/northwind\/budget2\.yaml\n\s+1:1\s+warning\s+the file is a symbolic link into a dot-folder/);
    expect(out).not.toMatch(/yaml\/syntax/);
  });

  it('a govern.config.yaml linked to .git/config or outside is not read: check, diff and render stop with a config error', () => {
    for (const target of ['.git/config', '../secret.yaml']) {
      const repo = makeRepo();
      unlinkSync(path.join(repo.dir, 'govern.config.yaml'));
      symlinkSync(target, path.join(repo.dir, 'govern.config.yaml'));
      const runs = everything(repo);
      expectNoLeak(runs);
      // Every command stops, in one line naming the file, even those that use no rule setting (who, calendar, due).
      for (const run of runs) {
        expect(run.status, run.args).toBe(2);
        expect(run.out, run.args).toMatch(/govern\.config\.yaml:1:1 the file is a symbolic link/);
      }
      // A command that writes stops before writing.
      const contacts = readFileSync(path.join(repo.dir, 'northwind/contacts.yaml'));
      const add = repo.govern('add', 'contact', 'northwind', '--name', 'Cy Doe', '--party', 'client', '--email', 'cy@client.example', '--today', '2026-11-15');
      expect(add.status).toBe(2);
      expect(add.out.trim().split('\n')).toEqual([expect.stringMatching(/^govern: govern\.config\.yaml:1:1 the file is a symbolic link/)]);
      expect(readFileSync(path.join(repo.dir, 'northwind/contacts.yaml')).equals(contacts)).toBe(true);
      expectNoLeak([{ ...add, args: 'add contact' }]);
      repo.commit('config link');
      const atRevision = repo.govern('diff', 'main', 'HEAD', '--format', 'md');
      expect(atRevision.status).toBe(2);
      expect(atRevision.out).toMatch(/govern\.config\.yaml:1:1 the file is a symbolic link/);
      expectNoLeak([{ ...atRevision, args: 'diff main HEAD' }]);
    }
  });

  it('a govern.config.yaml linked inside the tree that turns rules off: check follows it, and so does diff at a revision', () => {
    const repo = makeRepo();
    mkdirSync(path.join(repo.dir, 'settings'));
    writeFileSync(path.join(repo.dir, 'settings/quiet.yaml'), 'rules:\n  contacts/unreferenced: "off"\n');
    unlinkSync(path.join(repo.dir, 'govern.config.yaml'));
    symlinkSync('settings/quiet.yaml', path.join(repo.dir, 'govern.config.yaml'));
    expect(repo.govern('check', '.', '--today', '2026-11-15').out).not.toMatch(/contacts\/unreferenced/);
    repo.commit('quieter');
    for (const args of [
      ['diff', 'main', 'HEAD'],
      ['diff', 'main'],
    ]) {
      const diff = repo.govern(...args, '--format', 'json', '--fail-on', 'weakened');
      expect(diff.status, args.join(' ')).toBe(1);
      const report = JSON.parse(diff.out.trim()) as { changes: { file: string; path: string[]; impact: string }[] };
      expect(report.changes).toContainEqual(expect.objectContaining({ file: 'govern.config.yaml', path: ['rules', 'contacts/unreferenced'], impact: 'weakened' }));
    }
  });

  it('a template partial linked into .git/ is not read by render', () => {
    const repo = makeRepo();
    writeFileSync(path.join(repo.dir, 'govern.config.yaml'), 'templates: ./look\n');
    mkdirSync(path.join(repo.dir, 'look/partials'), { recursive: true });
    symlinkSync('../../.git/config', path.join(repo.dir, 'look/partials/styles.html.hbs'));
    symlinkSync(path.join(repo.dir, '../secret.yaml'), path.join(repo.dir, 'look/contract-summary.md.hbs'));
    const runs = everything(repo);
    expectNoLeak(runs);
    const md = repo.govern('render', 'contract-summary', 'northwind', '--format', 'md', '--allow-invalid', '--today', '2026-11-15');
    expect(md.status).toBe(0);
    expect(md.out).toMatch(/skipped look\/contract-summary\.md\.hbs: a symbolic link leading outside the templates folder or into a dot-folder; not read/);
    expect(md.out).toMatch(/skipped look\/partials\/styles\.html\.hbs: a symbolic link leading outside the templates folder or into a dot-folder; not read/);
  });

  it('govern rules reads govern.config.yaml through the same reader as check: a link out of its folder or into .git/ is refused, one inside followed', () => {
    for (const target of ['.git/config', '../secret.yaml']) {
      const repo = makeRepo();
      unlinkSync(path.join(repo.dir, 'govern.config.yaml'));
      symlinkSync(target, path.join(repo.dir, 'govern.config.yaml'));
      for (const args of [['rules'], ['rules', '--format', 'json'], ['rules', 'northwind']]) {
        const run = repo.govern(...args);
        expect(run.status, `${args.join(' ')} -> ${target}`).toBe(2);
        // One line, naming the file and why; stdout is empty.
        expect(run.out.trim().split('\n'), target).toEqual([
          expect.stringMatching(/^govern: govern\.config\.yaml:1:1 the file is a symbolic link (to a file outside|into a dot-folder)/),
        ]);
        // Nothing of the linked file: not its rule ids (`schema` would be "unknown rule `schema`"), not the token.
        expect(run.out, target).not.toMatch(/unknown rule|yaml\/|schema/);
        expectNoLeak([{ ...run, args: `${args.join(' ')} -> ${target}` }]);
      }
    }
    const repo = makeRepo();
    mkdirSync(path.join(repo.dir, 'settings'));
    writeFileSync(path.join(repo.dir, 'settings/quiet.yaml'), 'rules:\n  contacts/unreferenced: "off"\n');
    unlinkSync(path.join(repo.dir, 'govern.config.yaml'));
    symlinkSync('settings/quiet.yaml', path.join(repo.dir, 'govern.config.yaml'));
    const rules = JSON.parse(repo.govern('rules', '--format', 'json').out.trim()) as { id: string; severity: string; source: string }[];
    expect(rules.find((r) => r.id === 'contacts/unreferenced')).toMatchObject({ severity: 'off', source: 'govern.config.yaml' });
  });

  it('a contacts.yaml swapped for a link defines nothing: the references to contacts are still judged, by check and by diff (working tree and revision)', () => {
    const repo = makeRepo();
    // The file outside defines the very ids the partnership uses: were it read, every reference would resolve.
    writeFileSync(
      path.join(repo.dir, '../outside-contacts.yaml'),
      `contacts:\n  - id: ana-lopez\n    name: ${OUTSIDE}\n    party: client\n    email: ana@client.example\n  - id: kim-from-outside\n    name: Kim\n    party: provider\n    email: kim@provider.example\n`,
    );
    writeFileSync(
      path.join(repo.dir, 'northwind/risks.yaml'),
      '# what could go wrong\nrisks:\n  - id: key-person\n    title: One engineer knows the ERP\n    likelihood: 2\n    impact: 3\n    owner: ana-lopez\n    status: open\n    reviewBy: 2027-06-30\n  - id: outage\n    title: A long outage\n    likelihood: 2\n    impact: 3\n    owner: kim-from-outsid\n    status: open\n    reviewBy: 2027-06-30\n',
    );
    repo.commit('risks with owners');
    unlinkSync(path.join(repo.dir, 'northwind/contacts.yaml'));
    symlinkSync(path.join(repo.dir, '../outside-contacts.yaml'), path.join(repo.dir, 'northwind/contacts.yaml'));

    type Finding = { ruleId: string; file: string; message: string; severity: string; data?: { suggestion?: string } };
    const check = repo.govern('check', '.', '--format', 'json', '--today', '2026-11-15');
    expect(check.status).toBe(1);
    const findings = (JSON.parse(check.out.trim()) as { findings: Finding[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'file/symlink-outside').map((f) => f.file)).toEqual(['northwind/contacts.yaml']);
    const refs = findings.filter((f) => f.ruleId === 'ref/unknown-contact');
    expect(refs.map((f) => [f.file, f.severity, f.message])).toEqual([
      ['northwind/risks.yaml', 'error', 'no contact `ana-lopez` (contacts.yaml is not read: a symbolic link govern does not follow)'],
      ['northwind/risks.yaml', 'error', 'no contact `kim-from-outsid` (contacts.yaml is not read: a symbolic link govern does not follow)'],
    ]);
    // No "did you mean" drawn from the file outside.
    expect(refs.some((f) => f.data?.suggestion !== undefined)).toBe(false);

    const diffs: { args: string[]; run: { status: number | null; out: string } }[] = [];
    const expectDiff = (...args: string[]): void => {
      const run = repo.govern('diff', ...args, '--format', 'json', '--fail-on', 'weakened', '--today', '2026-11-15');
      diffs.push({ args, run });
      expect(run.status, args.join(' ')).toBe(1);
      const report = JSON.parse(run.out.trim()) as { changes: { file: string; impact: string; summary: string }[]; newFindings: Finding[] };
      expect(report.changes, args.join(' ')).toContainEqual(
        expect.objectContaining({ file: 'contacts.yaml', impact: 'weakened', summary: expect.stringMatching(/symbolic link govern does not follow at the head/) }),
      );
      expect(
        report.newFindings.filter((f) => f.ruleId === 'ref/unknown-contact').map((f) => f.message),
        args.join(' '),
      ).toEqual(refs.map((f) => f.message));
    };
    expectDiff();
    repo.commit('contacts from elsewhere');
    expectDiff('main', 'HEAD');
    expectNoLeak([{ ...check, args: 'check' }, ...diffs.map((d) => ({ ...d.run, args: d.args.join(' ') })), ...everything(repo, { revision: true })]);
  });

  it('add, init and schema --write neither read nor write through a link out of the tree or into .git/', () => {
    const repo = makeRepo();
    const secret = path.join(repo.dir, '../secret.yaml');
    const secretBefore = readFileSync(secret);
    const gitConfigBefore = readFileSync(path.join(repo.dir, '.git/config'));
    symlinkSync('../.git/config', path.join(repo.dir, 'northwind/risks.yaml'));
    const runs = [
      {
        args: 'add risk',
        ...repo.govern(
          'add',
          'risk',
          'northwind',
          '--title',
          'A risk',
          '--likelihood',
          '2',
          '--impact',
          '2',
          '--owner',
          'ana-lopez',
          '--status',
          'open',
          '--review-by',
          '2027-01-31',
          '--today',
          '2026-11-15',
        ),
      },
    ];
    unlinkSync(path.join(repo.dir, 'northwind/contacts.yaml'));
    symlinkSync(secret, path.join(repo.dir, 'northwind/contacts.yaml'));
    runs.push({
      args: 'add contact',
      ...repo.govern('add', 'contact', 'northwind', '--name', 'Cy Doe', '--party', 'client', '--email', 'cy@client.example', '--today', '2026-11-15'),
    });
    for (const run of runs) {
      expect(run.status, run.args).toBe(2);
      expect(run.out, run.args).toMatch(/northwind\/(contacts|risks)\.yaml has problems reading or parsing it/);
    }
    // A schema target that is a link out: refused without --force, replaced (not written through) with it.
    mkdirSync(path.join(repo.dir, 'schemas'));
    symlinkSync(secret, path.join(repo.dir, 'schemas/contacts.schema.json'));
    const refused = repo.govern('schema', '--write', 'schemas');
    expect(refused.status).toBe(2);
    expect(refused.out).toMatch(/contacts\.schema\.json is a symbolic link; pass --force to replace it/);
    const forced = repo.govern('schema', '--write', 'schemas', '--force');
    expect(forced.status).toBe(0);
    expect(lstatSync(path.join(repo.dir, 'schemas/contacts.schema.json')).isFile()).toBe(true);
    // init into a folder whose partnership.yaml is a link out: refused, nothing written.
    mkdirSync(path.join(repo.dir, 'acme'));
    symlinkSync(secret, path.join(repo.dir, 'acme/partnership.yaml'));
    const init = repo.govern('init', 'acme', '--yes');
    expect(init.status).toBe(2);
    expect(readdirSync(path.join(repo.dir, 'acme'))).toEqual(['partnership.yaml']);
    expect(readFileSync(secret).equals(secretBefore)).toBe(true);
    expect(readFileSync(path.join(repo.dir, '.git/config')).equals(gitConfigBefore)).toBe(true);
    expectNoLeak([...runs, { ...refused, args: 'schema --write' }, { ...forced, args: 'schema --write --force' }, { ...init, args: 'init' }]);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';
import { PARTNERSHIP } from '../helpers/memory.js';

const root = mkdtempSync(path.join(tmpdir(), 'govern-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function govern(args: string[], env: Record<string, string> = {}) {
  const io = memoryIo(args, { cwd: root, env });
  const code = await run(io);
  return { code, out: io.out(), err: io.err() };
}

const broken = tree('broken', {
  'partnership.yaml': `${PARTNERSHIP}owners: { client: jane-do, provider: bob }\n`,
  'contacts.yaml':
    'contacts:\n  - { id: jane-doe, name: Jane Doe, party: client, email: jane@acme.example }\n  - { id: bob, name: Bob Smith, party: provider, phone: "+49 30 1234567" }\n',
});
const warnOnly = tree('warn-only', {
  'partnership.yaml': PARTNERSHIP,
  'contacs.yaml': 'contacts: []\n',
});

describe('govern check exit codes', () => {
  it('exits 1 on errors and names the file, line and rule', async () => {
    const { code, out } = await govern(['check', 'broken', '--no-color']);
    expect(code).toBe(1);
    expect(out).toContain('broken/partnership.yaml');
    expect(out).toMatch(/6:19\s+error\s+no contact `jane-do`; did you mean `jane-doe`\?\s+ref\/unknown-contact/);
  });

  it('lets --rule turn an error off', async () => {
    const { code } = await govern(['check', 'broken', '--rule', 'ref/unknown-contact=off', '--rule', 'contacts/unreferenced=off']);
    expect(code).toBe(0);
  });

  it('passes warnings unless --strict or --max-warnings says otherwise', async () => {
    expect((await govern(['check', 'warn-only'])).code).toBe(0);
    expect((await govern(['check', 'warn-only', '--strict'])).code).toBe(1);
    const over = await govern(['check', 'warn-only', '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.err).toMatch(/more than --max-warnings 0/);
    expect((await govern(['check', 'warn-only', '--max-warnings', '99'])).code).toBe(0);
  });

  it('is a usage error (2) for a missing path, a folder without partnership, bad flags', async () => {
    const missing = await govern(['check', 'nope']);
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toBe('govern: path not found: nope\n');
    mkdirSync(path.join(root, 'empty'), { recursive: true });
    const empty = await govern(['check', 'empty']);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/no partnership found in empty/);
    expect((await govern(['check', 'broken', '--format', 'xml'])).code).toBe(2);
    expect((await govern(['check', 'broken', '--max-warnings', 'many'])).code).toBe(2);
    expect((await govern(['check', 'broken', '--today', '2026-02-30'])).err).toMatch(/--today must be a date/);
    expect((await govern(['check', 'broken', '--rule', 'ref/unknown-contac=off'])).err).toMatch(/did you mean `ref\/unknown-contact`/);
    expect((await govern(['frobnicate'])).code).toBe(2);
  });

  it('is a usage error listing the problems of an invalid govern.config.yaml', async () => {
    tree('configured', {
      'govern.config.yaml': 'rules:\n  raci/consulted-and-informd: off\n  ref/unknown-contact: loud\n',
      'p/partnership.yaml': PARTNERSHIP,
    });
    const result = await govern(['check', 'configured']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/govern\.config\.yaml is not valid/);
    expect(result.err).toMatch(/govern\.config\.yaml:3:\d+ .*loud/);
  });

  it('applies severities from govern.config.yaml', async () => {
    tree('configured-ok', {
      'govern.config.yaml': 'rules:\n  ref/unknown-contact: warning\n',
      'p/partnership.yaml': `${PARTNERSHIP}owners: { client: nobody }\n`,
    });
    const result = await govern(['check', 'configured-ok', '--format', 'json']);
    const report = JSON.parse(result.out);
    expect(report.findings.find((f: { ruleId: string }) => f.ruleId === 'ref/unknown-contact').severity).toBe('warning');
  });

  it('finds the partnership that holds a file path', async () => {
    const result = await govern(['check', 'broken/contacts.yaml', '--format', 'json']);
    expect(JSON.parse(result.out).summary.partnerships).toBe(1);
  });

  it('writes --output atomically and prints nothing to stdout', async () => {
    const result = await govern(['check', 'broken', '--format', 'sarif', '--output', 'out/report.sarif']);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(JSON.parse(readFileSync(path.join(root, 'out/report.sarif'), 'utf8')).version).toBe('2.1.0');
  });
});

describe('colour', () => {
  it('is off without a terminal, on with FORCE_COLOR, off again with NO_COLOR or --no-color', async () => {
    expect((await govern(['check', 'broken'])).out).not.toContain('\u001b[');
    expect((await govern(['check', 'broken'], { FORCE_COLOR: '1' })).out).toContain('\u001b[');
    expect((await govern(['check', 'broken'], { FORCE_COLOR: '1', NO_COLOR: '1' })).out).not.toContain('\u001b[');
    expect((await govern(['check', 'broken', '--no-color'], { FORCE_COLOR: '1' })).out).not.toContain('\u001b[');
  });
});

describe('govern rules and schema', () => {
  it('lists every rule with its default severity', async () => {
    const { code, out } = await govern(['rules']);
    expect(code).toBe(0);
    expect(out).toMatch(/ref\/unknown-contact\s+error\s+/);
  });
  it('prints a schema and refuses an unknown kind', async () => {
    const one = await govern(['schema', 'contacts']);
    expect(JSON.parse(one.out).$id).toMatch(/contacts\.schema\.json$/);
    const bad = await govern(['schema', 'contact']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown file kind `contact`/);
  });
  it('take the shared options every command takes (--today, --color, --no-color, --quiet)', async () => {
    for (const args of [['rules'], ['schema'], ['schema', 'contacts']]) {
      for (const shared of [['--today', '2026-11-15'], ['--no-color'], ['--color'], ['--quiet']]) {
        const result = await govern([...args, ...shared]);
        expect(result.err).toBe('');
        expect(result.code).toBe(0);
      }
    }
    const quiet = await govern(['schema', '--write', 'schemas-quiet', '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
  });
  it('writes every schema with --write', async () => {
    const { code } = await govern(['schema', '--write', 'schemas-out']);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, 'schemas-out/partnership.schema.json'), 'utf8')).title).toBeTruthy();
  });
});

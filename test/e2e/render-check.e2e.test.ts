import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/govern.js', import.meta.url));

// A partnership in Buenos Aires whose CONTRACT.md is committed and kept current by CI.
const FILES: Record<string, string> = {
  'partnership.yaml': `id: sur-norte
name: "Sur & Norte S.A."
client: { id: sur, name: Sur }
provider: { id: norte, name: "Norte 'Servicios'" }
timezone: America/Argentina/Buenos_Aires
contract:
  start: 2025-03-01
  end: 2027-02-28
  renewal: { auto: false, noticeDays: 60 }
owners: { client: ana, provider: leo }
`,
  'contacts.yaml':
    '\uFEFFcontacts:\r\n  - { id: ana, name: Ana Paz, party: client, email: ana@sur.example }\r\n  - { id: leo, name: Leo Díaz, party: provider, email: leo@norte.example }\r\n',
  'governance.yaml':
    'meetings:\n  - { id: mensual, name: Revisión mensual, cadence: monthly, day: first-mon, time: "10:00", duration: 1h, chair: ana, attendees: [leo] }\n',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'govern-render-check-'));
  mkdirSync(join(dir, 'sur'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, 'sur', name), text);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function govern(...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.GOVERN_TODAY;
  const r = spawnSync(process.execPath, [bin, ...args, '--today', '2026-11-15'], { cwd: dir, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('govern render --check', () => {
  it.each(['md', 'html'])('%s: exit 0 when the file is current, 1 when stale naming the sections, and the file is never touched', (format) => {
    const out = `CONTRACT.${format}`;
    expect(govern('render', 'contract-summary', 'sur', '--format', format, '--out', out).code).toBe(0);
    const bytes = readFileSync(join(dir, out));
    const mtime = statSync(join(dir, out)).mtimeMs;

    const fresh = govern('render', 'contract-summary', 'sur', '--format', format, '--out', out, '--check');
    expect(fresh.code).toBe(0);
    expect(fresh.out).toBe('');
    expect(fresh.err).toBe(`govern: ${out} is up to date\n`);

    writeFileSync(join(dir, 'sur', 'contacts.yaml'), FILES['contacts.yaml']!.replace('Leo Díaz', 'Leonardo Díaz'));
    const stale = govern('render', 'contract-summary', 'sur', '--format', format, '--out', out, '--check');
    expect(stale.code).toBe(1);
    expect(stale.out).toContain(`${out} is stale; the sections that differ:\n`);
    expect(stale.out).toContain('  Parties and account owners\n');
    expect(stale.out).toContain('  Meetings\n');
    expect(stale.out).not.toContain('  Term\n');
    expect(stale.out).toContain(`update it with: govern render contract-summary sur${format === 'md' ? '' : ' --format html'} --today 2026-11-15 --out ${out} --force\n`);
    expect(readFileSync(join(dir, out)).equals(bytes)).toBe(true);
    expect(statSync(join(dir, out)).mtimeMs).toBe(mtime);
  });

  it('a file that does not exist is stale, and is not created', () => {
    const r = govern('render', 'contract-summary', 'sur', '--out', 'docs/CONTRACT.md', '--check');
    expect(r.code).toBe(1);
    expect(r.out).toContain('docs/CONTRACT.md does not exist yet');
    expect(() => statSync(join(dir, 'docs'))).toThrow();
  });

  it('needs --out (exit 2)', () => {
    const r = govern('render', 'contract-summary', 'sur', '--check');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--check compares a file with what would be rendered: name it with --out');
  });
});

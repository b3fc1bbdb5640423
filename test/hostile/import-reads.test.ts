import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/model/limits.js';
import { BIN, ROOT } from './corpus.js';

/**
 * What `govern import` reads (issue 13, item 1): govern.import.yaml found in
 * the partnership is a file of the pull request and obeys the file-access
 * policy; the export named on the command line is trusted as a path but read
 * bounded. A FIFO, /dev/zero or a huge file is a one-line usage error (exit 2),
 * never a hang, an abort or a file read whole; nothing is written.
 */
const built = existsSync(path.join(ROOT, 'dist/cli/main.js'));
const TOKEN = 'ghs_IMPORTTOKENfromCheckout0123456789';
const OUTSIDE = 'OUTSIDE-MAPPING-do-not-print';

const FILES: Record<string, string> = {
  'harbour/partnership.yaml': `id: quay-hosting
name: Quay hosting
client: { id: quay, name: Quay & Co }
provider: { id: pier, name: Pier Ltd }
timezone: Europe/Dublin
contract: { start: 2026-01-01, end: 2027-12-31 }
owners: { client: aoife, provider: ciaran }
`,
  'harbour/contacts.yaml': `contacts:
  - { id: aoife, name: Aoife, party: client, email: aoife@quay.example }
  - { id: ciaran, name: Ciarán, party: provider, email: ciaran@pier.example }
`,
  'harbour/slas.yaml': `services:
  - id: web
    name: Web
    calendar: 24x7
    priorities:
      - { id: P1, response: 30m, resolution: 4h, target: 90 }
`,
  'harbour/govern.import.yaml': `incidents:
  columns: { id: ref, service: svc, priority: prio, opened: opened, responded: responded, resolved: resolved }
`,
  'export.csv': 'ref,svc,prio,opened,responded,resolved\nQ-1,web,P1,2026-10-05T10:00:00+01:00,2026-10-05T10:10:00+01:00,2026-10-05T12:00:00+01:00\n',
};

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repository holding the partnership, a token in .git/config, and a mapping outside it. */
function makeRepo(): { dir: string; govern(...args: string[]): { status: number | null; signal: string | null; out: string; stderr: string } } {
  const top = mkdtempSync(path.join(os.tmpdir(), 'govern-import-reads-'));
  made.push(top);
  const dir = path.join(top, 'repo');
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  execFileSync('git', ['init', '-q'], { cwd: dir });
  appendFileSync(path.join(dir, '.git/config'), `[http]\n\textraheader = AUTHORIZATION: basic ${TOKEN}\n`);
  writeFileSync(path.join(top, 'mapping.yaml'), `incidents:\n  columns: { id: ${OUTSIDE} }\n  bogus: ${OUTSIDE}\n`);
  return {
    dir,
    govern: (...args) => {
      // A hang guard, not a timing assertion: a run that blocks on a FIFO is killed, and the test fails on its signal.
      const r = spawnSync(process.execPath, [BIN, ...args], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, NO_COLOR: '1', GOVERN_TODAY: '2026-11-20' },
      });
      return { status: r.status, signal: r.signal, out: `${r.stdout}\n${r.stderr}`, stderr: r.stderr };
    },
  };
}

function expectRefused(run: { status: number | null; signal: string | null; out: string; stderr: string }, pattern: RegExp, dir: string): void {
  expect(run.signal).toBeNull();
  expect(run.status).toBe(2);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.out).not.toContain(TOKEN);
  expect(run.out).not.toContain(OUTSIDE);
  expect(run.out).not.toMatch(/internal error|at .*\.js:\d+/);
  expect(existsSync(path.join(dir, 'harbour/measurements'))).toBe(false);
  expect(readdirSync(path.join(dir, 'harbour')).filter((n) => n.includes('.tmp'))).toEqual([]);
}

describe.runIf(built)('govern import reads under the file policy, bounded', { timeout: 180_000 }, () => {
  it('imports with the mapping as written (the baseline the other cases break)', () => {
    const repo = makeRepo();
    const run = repo.govern('import', 'incidents', 'export.csv', 'harbour');
    expect(run.status, run.out).toBe(0);
    expect(existsSync(path.join(repo.dir, 'harbour/measurements/2026-10.yaml'))).toBe(true);
  });

  it('a govern.import.yaml linked out of the partnership, or into .git/, is refused unread', () => {
    for (const target of ['../../mapping.yaml', '../.git/config']) {
      const repo = makeRepo();
      rmSync(path.join(repo.dir, 'harbour/govern.import.yaml'));
      symlinkSync(target, path.join(repo.dir, 'harbour/govern.import.yaml'));
      expectRefused(
        repo.govern('import', 'incidents', 'export.csv', 'harbour'),
        /^govern: cannot read the mapping harbour\/govern\.import\.yaml: the file is a symbolic link (to a file outside|into a dot-folder)/,
        repo.dir,
      );
    }
  });

  it('a govern.import.yaml that is a FIFO, a link to /dev/zero or over 5 MB: exit 2, not a hang', () => {
    const cases: [string, (at: string) => void, RegExp][] = [
      ['fifo', (at) => execFileSync('mkfifo', [at]), /not a regular file/],
      ['/dev/zero', (at) => symlinkSync('/dev/zero', at), /symbolic link to a file outside/],
      ['huge', (at) => sparse(at, MAX_FILE_BYTES + 1), /over 5 MB; the mapping may be at most 5 MB/],
    ];
    for (const [name, make, pattern] of cases) {
      const repo = makeRepo();
      rmSync(path.join(repo.dir, 'harbour/govern.import.yaml'));
      make(path.join(repo.dir, 'harbour/govern.import.yaml'));
      expectRefused(repo.govern('import', 'incidents', 'export.csv', 'harbour'), pattern, repo.dir);
      // --map on the command line is trusted as a path, and read bounded just the same.
      if (name !== '/dev/zero') expectRefused(repo.govern('import', 'incidents', 'export.csv', 'harbour', '--map', 'harbour/govern.import.yaml'), pattern, repo.dir);
      expectRefused(repo.govern('import', 'incidents', 'export.csv', 'harbour', '--map', '/dev/zero'), /not a regular file/, repo.dir);
    }
  });

  it('the export as a FIFO, /dev/zero, a folder or over 256 MB: exit 2, one line, nothing written', () => {
    const repo = makeRepo();
    execFileSync('mkfifo', [path.join(repo.dir, 'pipe.csv')]);
    sparse(path.join(repo.dir, 'huge.csv'), 300 * 1024 * 1024);
    expectRefused(repo.govern('import', 'incidents', 'pipe.csv', 'harbour'), /^govern: cannot read the export pipe\.csv: it is not a regular file/, repo.dir);
    expectRefused(repo.govern('import', 'incidents', '/dev/zero', 'harbour'), /cannot read the export \S*dev\/zero: it is not a regular file/, repo.dir);
    expectRefused(repo.govern('import', 'incidents', 'harbour', 'harbour'), /cannot read the export harbour: it is a folder/, repo.dir);
    expectRefused(
      repo.govern('import', 'incidents', 'huge.csv', 'harbour'),
      /cannot read the export huge\.csv: it is 300\.0 MB; the export may be at most 256 MB/,
      repo.dir,
    );
  });
});

/** A file of `bytes` bytes that takes no disk space (a hole). */
function sparse(at: string, bytes: number): void {
  const fd = openSync(at, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

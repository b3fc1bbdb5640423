import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, WriteError, type WriteFs } from '../../src/io/write-file.js';
import { BIN, ROOT } from './corpus.js';

// Item 5 of issue 13: every write is complete or not at all; the environment's errors are one line and exit 2;
// a closed pipe ends quietly.

const built = existsSync(path.join(ROOT, 'lib/bundle/govern.cjs'));
const FULL_DISK = fileURLToPath(new URL('./write-fails.mjs', import.meta.url));
const EDIT = fileURLToPath(new URL('./edit-while-writing.mjs', import.meta.url));
const LITE = path.join(ROOT, 'test/fixtures/sla/lite');
const OLD = 'the pack the directors were sent last month: it must survive a failed write\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'govern-writes-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const temps = (folder: string): string[] => readdirSync(folder).filter((n) => n.endsWith('.tmp'));

function govern(args: string[], options: { cwd?: string; preload?: string; env?: Record<string, string> } = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [...(options.preload ? ['--import', options.preload] : []), BIN, ...args], {
    cwd: options.cwd ?? dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GOVERN_THREADS: '0', ...options.env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** One line on stderr, no stack, no "this is a bug". */
function expectOneLine(err: string, pattern: RegExp): void {
  expect(err).toMatch(pattern);
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/internal error|This is a bug|\n\s+at /);
}

describe('writeFileAtomic with a file system that fails', () => {
  /** The real fs, but writes stop after `room` bytes: a short write first, then ENOSPC. */
  function fullDisk(room: number): WriteFs & { written: number } {
    const fake = {
      ...fs,
      written: 0,
      writeSync(fd: number, buffer: NodeJS.ArrayBufferView, offset?: number, length?: number): number {
        if (fake.written >= room) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        const n = fs.writeSync(fd, buffer, offset ?? 0, Math.min(length ?? buffer.byteLength, room - fake.written));
        fake.written += n;
        return n;
      },
    } as unknown as WriteFs & { written: number };
    return fake;
  }

  it('a write cut short by a full disk leaves the old file byte for byte, and no temporary file', () => {
    const target = path.join(dir, 'unit.html');
    writeFileSync(target, OLD);
    const fake = fullDisk(1000);
    expect(() => writeFileAtomic(target, 'x'.repeat(40_000), { overwrite: true, fs: fake })).toThrow(WriteError);
    expect(fake.written).toBe(1000);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(temps(dir)).toEqual([]);
    try {
      writeFileAtomic(target, 'x'.repeat(40_000), { overwrite: true, fs: fullDisk(10) });
    } catch (error) {
      expect((error as Error).message).toBe(`cannot write ${target}: no space left on the device (ENOSPC); the file that was there is unchanged`);
    }
  });

  it('a write that makes no progress is a failure, not a loop or a short file', () => {
    const target = path.join(dir, 'zero.txt');
    writeFileSync(target, OLD);
    const stuck = { ...fs, writeSync: () => 0 } as unknown as WriteFs;
    expect(() => writeFileAtomic(target, 'new text', { overwrite: true, fs: stuck })).toThrow(/ENOSPC/);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(temps(dir)).toEqual([]);
  });

  it('a rename that fails leaves the old file and removes the temporary one', () => {
    const target = path.join(dir, 'rename.txt');
    writeFileSync(target, OLD);
    const failing = {
      ...fs,
      renameSync: () => {
        throw Object.assign(new Error('EXDEV'), { code: 'EIO' });
      },
    } as unknown as WriteFs;
    expect(() => writeFileAtomic(target, 'new text', { overwrite: true, fs: failing })).toThrow(/cannot write .*\(EIO\)/);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(temps(dir)).toEqual([]);
  });
});

describe.runIf(built)('writes end to end', () => {
  it('render --out --force on a nearly full disk: exit 2, one line, the old pack unchanged', () => {
    writeFileSync(path.join(dir, 'pack.html'), OLD);
    const r = govern(['render', 'contract-summary', LITE, '--format', 'html', '--out', 'pack.html', '--force', '--today', '2026-11-15'], {
      preload: FULL_DISK,
      env: { GOVERN_TEST_DISK_BYTES: '4096' },
    });
    expect(r.code).toBe(2);
    expectOneLine(r.err, /^govern: cannot write .*pack\.html: no space left on the device \(ENOSPC\); the file that was there is unchanged\n$/);
    expect(readFileSync(path.join(dir, 'pack.html'), 'utf8')).toBe(OLD);
    expect(temps(dir)).toEqual([]);
  });

  it('check --output r.sarif on a nearly full disk: exit 2, no invalid JSON left behind', () => {
    writeFileSync(path.join(dir, 'r.sarif'), '{"version":"2.1.0","runs":[]}\n');
    const r = govern(['check', LITE, '--format', 'sarif', '--output', 'r.sarif', '--today', '2026-11-15'], {
      preload: FULL_DISK,
      env: { GOVERN_TEST_DISK_BYTES: '2000' },
    });
    expect(r.code).toBe(2);
    expectOneLine(r.err, /no space left on the device \(ENOSPC\)/);
    expect(JSON.parse(readFileSync(path.join(dir, 'r.sarif'), 'utf8'))).toEqual({ version: '2.1.0', runs: [] });
  });

  it('a folder that cannot be made (a file stands in its place): exit 2, one line', () => {
    writeFileSync(path.join(dir, 'file'), 'a file, not a folder\n');
    const r = govern(['check', LITE, '--output', 'file/r.txt', '--today', '2026-11-15']);
    expect(r.code).toBe(2);
    expectOneLine(r.err, /^govern: cannot write \S*file\/r\.txt: a part of its path is a file, not a folder \(ENOTDIR\)\n$/);
    const deeper = govern(['sla', LITE, '--period', '2026-10', '--output', 'file/a/b/r.txt', '--today', '2026-11-15']);
    expect(deeper.code).toBe(2);
    expectOneLine(deeper.err, /ENOTDIR/);
  });

  it('--force keeps a 0600 file 0600', () => {
    const target = path.join(dir, 'private.md');
    writeFileSync(target, OLD);
    chmodSync(target, 0o600);
    const r = govern(['render', 'contract-summary', LITE, '--out', 'private.md', '--force', '--today', '2026-11-15']);
    expect(r.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('Contract summary');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('a dangling link at --out is not replaced without --force, and never written through', () => {
    const link = path.join(dir, 'dangling.md');
    const nowhere = path.join(dir, 'nowhere', 'target.md');
    symlinkSync(nowhere, link);
    const refused = govern(['render', 'contract-summary', LITE, '--out', 'dangling.md', '--today', '2026-11-15']);
    expect(refused.code).toBe(2);
    expectOneLine(refused.err, /^govern: \S*dangling\.md is a symbolic link; pass --force to replace it\n$/);
    expect(readlinkSync(link)).toBe(nowhere);
    const forced = govern(['render', 'contract-summary', LITE, '--out', 'dangling.md', '--force', '--today', '2026-11-15']);
    expect(forced.code).toBe(0);
    expect(lstatSync(link).isFile()).toBe(true);
    expect(existsSync(nowhere)).toBe(false);
  });

  it('schema --write checks every target before the first byte: two exist, none is written', () => {
    const out = path.join(dir, 'schemas');
    mkdirSync(out);
    writeFileSync(path.join(out, 'contacts.schema.json'), '{"mine":true}\n');
    writeFileSync(path.join(out, 'slas.schema.json'), '{"mine":true}\n');
    const r = govern(['schema', '--write', 'schemas']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^govern: 2 of \d+ files cannot be written; nothing was written:\n {2}.*contacts\.schema\.json already exists; pass --force to replace it\n {2}.*slas\.schema\.json already exists/,
    );
    expect(readdirSync(out).sort()).toEqual(['contacts.schema.json', 'slas.schema.json']);
    expect(govern(['schema', '--write', 'schemas', '--force']).code).toBe(0);
    // Every schema govern ships (one per file kind, and the config's) is written once forced.
    // portfolio.schema.json describes a view's JSON, not a file kind: it is not written for editors.
    expect(readdirSync(out).sort()).toEqual(
      readdirSync(path.join(ROOT, 'schemas'))
        .filter((f) => f.endsWith('.schema.json') && f !== 'portfolio.schema.json')
        .sort(),
    );
  });

  it('every command that writes, on a full disk: exit 2, one line, the old file byte for byte, no temporary file', () => {
    const p = path.join(dir, 'every-writer');
    cpSync(LITE, p, { recursive: true });
    writeFileSync(
      path.join(p, 'incidents.csv'),
      'id,service,priority,opened,responded,resolved\nINC-9,hosting,P1,2026-10-20T10:00:00+02:00,2026-10-20T10:05:00+02:00,2026-10-20T11:00:00+02:00\n',
    );
    const today = ['--today', '2026-11-15'];
    const writers: [string, string[], string][] = [
      ['sla --output', ['sla', '.', '--period', '2026-10', '--output', 'out/sla.txt', ...today], 'out/sla.txt'],
      ['calendar --output', ['calendar', '.', '--output', 'out/meetings.ics', ...today], 'out/meetings.ics'],
      ['due --output', ['due', '.', '--format', 'ics', '--output', 'out/due.ics', ...today], 'out/due.ics'],
      [
        'render --out (portfolio)',
        ['render', 'portfolio', '.', '--period', '2026-10', '--format', 'html', '--out', 'out/portfolio.html', '--force', ...today],
        'out/portfolio.html',
      ],
      ['add contact', ['add', 'contact', '.', '--name', 'Zoë Ørsted', '--party', 'client', '--email', 'zoe@acme.example', ...today], 'contacts.yaml'],
      ['import incidents', ['import', 'incidents', 'incidents.csv', '.', ...today], 'measurements/2026-10.yaml'],
    ];
    mkdirSync(path.join(p, 'out'));
    for (const [name, args, target] of writers) {
      const file = path.join(p, target);
      if (!existsSync(file)) writeFileSync(file, OLD);
      const before = readFileSync(file);
      const r = govern(args, { cwd: p, preload: FULL_DISK, env: { GOVERN_TEST_DISK_BYTES: '64' } });
      expect(r.code, `${name}: ${r.err}`).toBe(2);
      expect(r.err, name).toMatch(/no space left on the device \(ENOSPC\)/);
      expect(r.err, name).not.toMatch(/internal error|This is a bug|\n\s+at /);
      expect(readFileSync(file).equals(before), name).toBe(true);
      expect(temps(path.dirname(file)), name).toEqual([]);
    }
  });

  it('a dangling link on the way to --output or --out: exit 2, one line, nothing written through it', () => {
    symlinkSync(path.join(dir, 'gone', 'reports'), path.join(dir, 'reports'));
    for (const args of [
      ['check', LITE, '--output', 'reports/r.txt', '--today', '2026-11-15'],
      ['render', 'contract-summary', LITE, '--out', 'reports/summary.md', '--today', '2026-11-15'],
    ]) {
      const r = govern(args);
      expect(r.code, args.join(' ')).toBe(2);
      expectOneLine(r.err, /^govern: cannot (make the folder|write) \S*reports\S*: /);
      expect(existsSync(path.join(dir, 'gone')), args.join(' ')).toBe(false);
    }
  });

  it('govern add refuses to write over a file that changed since it was read', () => {
    const p = path.join(dir, 'add');
    cpSync(LITE, p, { recursive: true });
    const contacts = path.join(p, 'contacts.yaml');
    const r = govern(['add', 'contact', '.', '--name', 'Zoë Ørsted', '--party', 'client', '--email', 'zoe@acme.example', '--today', '2026-11-15'], {
      cwd: p,
      preload: EDIT,
      env: { GOVERN_TEST_EDIT: contacts },
    });
    expect(r.code).toBe(2);
    expectOneLine(r.err, /contacts\.yaml changed while govern was working on it; nothing was written: run the command again/);
    const text = readFileSync(contacts, 'utf8');
    expect(text).toContain('# edited meanwhile');
    expect(text).not.toContain('Zoë');
    expect(temps(p)).toEqual([]);
  });
});

describe.runIf(built)('a closed output pipe', () => {
  const sh = (command: string): { status: string; err: string } => {
    const errFile = path.join(dir, 'pipe-err.txt');
    const status = execFileSync('bash', ['-c', `${command} 2>${errFile}; echo "\${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1)!;
    return { status, err: readFileSync(errFile, 'utf8') };
  };

  // BIN, quoted for bash: GOVERN_TEST_BIN may point at another build.
  const govern = `node '${BIN.replaceAll("'", "'\\''")}'`;

  it('govern rules | head -1, | true and check --help | head -1: quiet, exit 0, every time (20 runs)', { timeout: 240_000 }, () => {
    for (let i = 0; i < 20; i++) {
      for (const command of [
        `${govern} rules | head -1 >/dev/null`,
        `${govern} rules | true`,
        `${govern} check --help | head -1 >/dev/null`,
        `${govern} rules --format json | head -c 10 >/dev/null`,
      ]) {
        const r = sh(command);
        expect(r.err, command).toBe('');
        expect(r.status, command).toBe('0');
      }
    }
  });

  it('check with findings into a closed pipe still fails with its own exit code', () => {
    const r = sh(`${govern} check test/fixtures/hostile/cases/too-many-findings --today 2026-11-15 | true`);
    expect(r.err).toBe('');
    expect(r.status).toBe('1');
  });
});

describe.runIf(built)('an output that is a pipe or a device is written to, never replaced', () => {
  // A rename over /dev/null put a regular file in its place: run as root (as CI runners and containers are),
  // `govern check --output /dev/null` broke the machine's /dev/null for every later program (git read it as a
  // config file and stopped). A FIFO was replaced the same way, and a link such as /dev/stdout would be.
  it('--output /dev/null, /dev/stdout and a FIFO with a reader; render --out /dev/null needs no --force', async () => {
    const before = statSync('/dev/null');
    const devnull = govern(['check', LITE, '--output', '/dev/null', '--today', '2026-11-15']);
    expect(devnull.err).toMatch(/report written to \/dev\/null/);
    expect(devnull.code).toBe(0);
    const after = lstatSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.rdev).toBe(before.rdev);

    const stdout = govern(['check', LITE, '--output', '/dev/stdout', '--format', 'json', '--today', '2026-11-15']);
    expect(stdout.code, stdout.err).toBe(0);
    expect(JSON.parse(stdout.out.slice(0, stdout.out.lastIndexOf('}') + 1)).findings).toEqual([]);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
    // A reader that stops early: quiet, as a closed pipe is for stdout itself.
    const closed = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${BIN}" check "${LITE}" --output /dev/stdout --format sarif --today 2026-11-15 | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}" >&2`,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect(closed.stderr).not.toMatch(/EPIPE|cannot write|internal error/);
    expect(closed.stderr.trim().split('\n').at(-1)).toBe('0');

    const render = govern(['render', 'contract-summary', LITE, '--out', '/dev/null', '--today', '2026-11-15']);
    expect(render.err).not.toMatch(/force|cannot write|internal error/);
    expect(render.code).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);

    const fifo = path.join(dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const got = path.join(dir, 'from-fifo.json');
    const reader = spawn('sh', ['-c', `cat "${fifo}" > "${got}"`]);
    const done = new Promise<number | null>((resolve) => reader.on('exit', resolve));
    const r = govern(['check', LITE, '--output', fifo, '--format', 'json', '--today', '2026-11-15']);
    expect(r.code, r.err).toBe(0);
    expect(await done).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(readFileSync(got, 'utf8')).findings).toEqual([]);
  });
});

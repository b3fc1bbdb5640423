import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, buildUnreadable } from './corpus.js';

const built = existsSync(path.join(path.dirname(BIN), '../dist/cli/main.js'));
/** How to start a process that chmod 000 keeps out: a command and the arguments before node's own. */
interface Launcher {
  command: string;
  prefix: string[];
  uid?: number;
  gid?: number;
}

const NOBODY = 65534;
/** Root without the capabilities that let it read any file: it still owns everything else here. */
const SETPRIV = ['--bounding-set', '-dac_override,-dac_read_search'];

/**
 * How to run govern so that chmod 000 keeps it out: as ourselves when that
 * works; as root (where chmod blocks nothing), as root without its
 * read-anything capabilities (util-linux's setpriv), or else as the user
 * `nobody` when nobody can reach this checkout; otherwise the case cannot be
 * tested here, and is skipped rather than passed.
 */
function launcher(file: string): Launcher | undefined {
  try {
    readFileSync(file);
  } catch {
    return { command: process.execPath, prefix: [] };
  }
  if (process.getuid?.() !== 0) return undefined;
  const blocked = (l: Launcher): boolean => {
    // The file is refused, while its folder, its sibling and the CLI itself can be read.
    const script = `const fs = require('fs'); for (const f of ${JSON.stringify([path.join(path.dirname(file), 'partnership.yaml'), BIN, BUNDLE])}) fs.readFileSync(f); fs.readFileSync(${JSON.stringify(file)})`;
    const probe = spawnSync(l.command, [...l.prefix, '-e', script], { uid: l.uid, gid: l.gid, encoding: 'utf8' });
    return !probe.error && probe.status !== 0 && /EACCES/.test(probe.stderr) && probe.stderr.includes(path.basename(file));
  };
  const candidates: Launcher[] = [
    { command: 'setpriv', prefix: [...SETPRIV, process.execPath] },
    { command: process.execPath, prefix: [], uid: NOBODY, gid: NOBODY },
  ];
  return candidates.find(blocked);
}

const BUNDLE = path.join(path.dirname(BIN), '../lib/bundle/govern.cjs');

describe.runIf(built)('an unreadable file', () => {
  const fixture = buildUnreadable();
  const how = launcher(fixture.file);
  afterAll(() => fixture.remove());

  it.skipIf(how === undefined)('is a file/unreadable finding at line 1, exit 1, not a crash', () => {
    {
      const result = spawnSync(
        how!.command,
        [
          ...how!.prefix,
          BIN,
          'check',
          '.',
          '--format',
          'json',
          '--today',
          '2026-11-15',
          '--rule',
          'governance/no-review-meeting=off',
          '--rule',
          'contacts/unreferenced=off',
          '--rule',
          'escalation/missing-path=off',
        ],
        { cwd: fixture.dir, encoding: 'utf8', uid: how!.uid, gid: how!.gid },
      );
      expect(result.signal).toBeNull();
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as {
        findings: { ruleId: string; file: string; range: { start: { line: number } }; message: string; data: { code: string } }[];
      };
      expect(report.findings.map((d) => [d.ruleId, d.file, d.range.start.line, d.data.code])).toEqual([['file/unreadable', 'contacts.yaml', 1, 'EACCES']]);
      expect(report.findings[0]!.message).toBe('the file cannot be read: permission denied');
    }
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, buildUnreadable } from './corpus.js';

const built = existsSync(path.join(path.dirname(BIN), '../dist/cli/main.js'));
const NOBODY = 65534;

/**
 * How to run govern so that chmod 000 keeps it out: as ourselves when that
 * works; as root (where chmod blocks nothing) as the user `nobody`, if this
 * machine lets us switch; otherwise the case cannot be tested here, and is
 * skipped rather than passed.
 */
function asWhom(file: string): { uid?: number; gid?: number } | undefined {
  try {
    readFileSync(file);
  } catch {
    return {};
  }
  if (process.getuid?.() !== 0) return undefined;
  const probe = spawnSync(process.execPath, ['-e', `require('fs').readFileSync(${JSON.stringify(file)})`], { uid: NOBODY, gid: NOBODY, encoding: 'utf8' });
  if (probe.error || probe.status === 0) return undefined;
  return { uid: NOBODY, gid: NOBODY };
}

describe.runIf(built)('an unreadable file', () => {
  const fixture = buildUnreadable();
  const whom = asWhom(fixture.file);
  afterAll(() => fixture.remove());

  it.skipIf(whom === undefined)('is a file/unreadable finding at line 1, exit 1, not a crash', () => {
    {
      const result = spawnSync(process.execPath, [BIN, 'check', '.', '--format', 'json', '--today', '2026-11-15'], { cwd: fixture.dir, encoding: 'utf8', ...whom });
      expect(result.signal).toBeNull();
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as { findings: { ruleId: string; file: string; range: { start: { line: number } }; message: string; data: { code: string } }[] };
      expect(report.findings.map((d) => [d.ruleId, d.file, d.range.start.line, d.data.code])).toEqual([['file/unreadable', 'contacts.yaml', 1, 'EACCES']]);
      expect(report.findings[0]!.message).toBe('the file cannot be read: permission denied');
    }
  });
});

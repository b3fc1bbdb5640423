import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { govern as inProcess } from './helpers.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/govern.js', import.meta.url));

/** The built CLI as a user runs it (needs `npm run build`). */
function govern(...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.GOVERN_TODAY;
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', env });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('govern sla, who and calendar as a separate process', () => {
  it('has a build to run', () => {
    expect(existsSync(fileURLToPath(new URL('../../dist/cli/entry.js', import.meta.url))), 'run `npm run build` first').toBe(true);
  });

  it('prints the same SLA JSON as the in-process run', async () => {
    const args = ['sla', 'examples/acme-northwind', '--period', '2026-10', '--format', 'json', '--today', '2026-11-15'];
    const spawned = govern(...args);
    expect(spawned.err).toBe('');
    expect(spawned.code).toBe(0);
    expect(spawned.out).toBe((await inProcess(args)).out);
    expect(JSON.parse(spawned.out).services[1].availability).toBe(99.9217);
  });

  it('shows the table, the ladder and the calendar, with their exit codes', () => {
    const table = govern('sla', 'test/fixtures/sla/lite', '--today', '2026-11-30');
    expect(table.code).toBe(0);
    expect(table.out).toContain('at risk');
    const who = govern('who', 'test/fixtures/sla/lite', '--service', 'hosting', '--priority', 'P9');
    expect(who.code).toBe(2);
    expect(who.err).toBe('govern: service `hosting` has no priority `P9`; its priorities are: P1\n');
    const ics = govern('calendar', 'examples/acme-northwind', '--today', '2026-11-15');
    expect(ics.code).toBe(0);
    expect(ics.out.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.out.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});

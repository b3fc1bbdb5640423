// A clean `govern check`, and sla, who, render, calendar and due, answer without
// loading the full date library: their time readings take the cheap exact paths
// of src/time/ (src/time/civil.ts, docs/performance.md).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { NAME_LUXON_AND_YAML, runTraced } from '../helpers/traced-cli.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'govern-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the built CLI with a hook that names every package it loads, and a fixed clock. */
function traced(now: number, ...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.GOVERN_TODAY;
  delete env.GOVERN_WORKERS;
  return runTraced(dir, [NAME_LUXON_AND_YAML, `Date.now = () => ${now};`], args, env);
}

describe('start-up of a clean check', () => {
  // Neither the date library nor the full YAML parser (nor the yaml package, which import/mapping reads
  // govern.import.yaml with) loads on a clean check: the stderr of the traced run must be empty.
  it('does not load luxon or the full YAML parser, at noon or near midnight where the partnership is', () => {
    expect(existsSync(path.join(repo, 'lib/bundle/govern.cjs'))).toBe(true);
    cpSync(path.join(repo, 'examples/acme-northwind'), path.join(dir, 'acme'), { recursive: true });
    // Noon in Berlin; then 00:20 in Berlin (23:20 UTC), where only the zone data can say which day it is.
    for (const now of [Date.UTC(2026, 10, 15, 11), Date.UTC(2026, 10, 15, 23, 20)]) {
      const run = traced(now, 'check', 'acme');
      expect(run.out).toMatch(/no problems/);
      expect(run.code).toBe(0);
      expect(run.err).toBe('');
    }
    // The hook does see luxon where it is needed: `who --at` reads a local date-time in the zone with it.
    const who = traced(Date.UTC(2026, 10, 15, 11), 'who', 'acme', '--service', 'service-desk', '--priority', 'P1', '--at', '2026-10-14 10:00');
    expect(who.code).toBe(0);
    expect(who.err).toMatch(/LOADED luxon/);
    // And it sees the full parser where it is needed: a finding's position in a file with an anchor.
    writeFileSync(path.join(dir, 'acme', 'risks.yaml'), `${readFileSync(path.join(dir, 'acme', 'risks.yaml'), 'utf8')}\nextra: &a { x: 1 }\n`);
    expect(traced(Date.UTC(2026, 10, 15, 11), 'check', 'acme').err).toMatch(/LOADED yaml/);
  });
});

describe('other commands, cold, on one partnership (issue 20 item 4)', () => {
  // Each reads periods, business hours, ISO times and recurrences through src/time/civil.ts: luxon is not loaded,
  // in the example's zone (Europe/Berlin) nor in `UTC` or `Etc/GMT-1`, which Node 20's list of zones lacks.
  it.each(['Europe/Berlin', 'UTC', 'Etc/GMT-1'])('sla, who, render, calendar and due do not load luxon (%s)', (zone) => {
    const name = `acme-${zone.replace('/', '-')}`;
    const copy = path.join(dir, name);
    cpSync(path.join(repo, 'examples/acme-northwind'), copy, { recursive: true });
    const file = path.join(copy, 'partnership.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^timezone: .*$/m, `timezone: ${zone}`));
    const today = ['--today', '2026-11-15'];
    const runs = [
      ['sla', name, '--period', '2026-Q3', ...today],
      ['render', 'review-pack', name, '--period', '2026-Q3', '--out', path.join(dir, `${name}.md`), '--force', ...today],
      ['render', 'review-pack', name, '--period', '2026-Q3', '--format', 'html', '--out', path.join(dir, `${name}.html`), '--force', ...today],
      ['render', 'contract-summary', name, '--out', path.join(dir, `${name}-cs.md`), '--force', ...today],
      ['who', name, '--service', 'service-desk', '--priority', 'P1', '--at', '2026-10-14T10:00:00Z', ...today],
      ['calendar', name, ...today],
      ['due', name, '--within', '30d', ...today],
    ];
    for (const argv of runs) {
      const run = traced(Date.UTC(2026, 10, 15, 11), ...argv);
      expect(run.code, `${argv.join(' ')}: ${run.err}`).toBe(0);
      expect(run.err, argv.join(' ')).not.toMatch(/LOADED/);
    }
  });
});

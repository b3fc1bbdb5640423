// A first `govern import` of a plain export loads neither the full date library nor the yaml package
// (issue 20, item 4; docs/performance.md): zone offsets through src/time/zone.ts, the CSV by readPlainCsv,
// govern.import.yaml by the quick readers, new files written without parsing their head, and the check
// afterwards on the text written. An import into files already there still parses them with yaml.
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { NAME_LUXON_AND_YAML, runTraced } from '../helpers/traced-cli.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'govern-startup-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the built CLI with a hook that names every luxon and yaml file it loads. */
function traced(...args: string[]) {
  return runTraced(dir, [NAME_LUXON_AND_YAML], args, { ...process.env, NO_COLOR: '1', GOVERN_TODAY: '2027-01-15' });
}

const MAPPING =
  'incidents:\n  preset: servicenow\n  values:\n    service: { "Cloud Ops": cloud-hosting, "Service Desk": service-desk }\n    priority: { "1 - Critical": P1, "2 - High": P2, "3 - Moderate": P3 }\n';

function exportOf(rows: number, delimiter: string, eol: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lines = [['number', 'short_description', 'business_service', 'priority', 'state', 'opened_at', 'u_first_response', 'resolved_at'].join(delimiter)];
  for (let i = 0; i < rows; i++) {
    // Office hours, away from the clock changes (a time they skip is refused).
    const t = new Date(Date.UTC(2026, 0, 1, 8 + (i % 8), (i * 7) % 60) + Math.floor(i / 1.2) * 86_400_000);
    const wall = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
    lines.push(
      [
        `INC${i}`,
        `"Ticket ${i}${delimiter} ""quoted""${eol}second line"`,
        i % 2 ? 'Cloud Ops' : 'Service Desk',
        '2 - High',
        'Resolved',
        wall(t),
        wall(new Date(t.getTime() + 600_000)),
        '',
      ].join(delimiter),
    );
  }
  return `\uFEFF${lines.join(eol)}${eol}`;
}

describe('a first import', () => {
  it.each([
    ['Europe/Berlin', ',', '\n'],
    ['Australia/Lord_Howe', ';', '\r\n'],
  ])('loads neither luxon nor yaml (%s)', (zone, delimiter, eol) => {
    const target = path.join(dir, zone.replace('/', '-'));
    cpSync(path.join(repo, 'examples/acme-northwind'), target, { recursive: true, filter: (src) => !src.includes(`${path.sep}measurements`) });
    const p = path.join(target, 'partnership.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace(/^timezone: .*$/m, `timezone: ${zone}`));
    writeFileSync(path.join(target, 'govern.import.yaml'), MAPPING);
    writeFileSync(path.join(dir, 'export.csv'), exportOf(400, delimiter, eol));
    const first = traced('import', 'incidents', 'export.csv', path.basename(target));
    expect(first.out).toMatch(/added/);
    expect(first.code).toBe(0);
    expect(first.err).toBe('');
    // Into the files now there, with a change: they are parsed with yaml to splice the change in.
    writeFileSync(
      path.join(dir, 'export.csv'),
      exportOf(400, delimiter, eol)
        .replace('Ticket 1', 'Ticket one')
        .replace(',2 - High,Resolved,2026-01-01', ',1 - Critical,Resolved,2026-01-01')
        .replace(';2 - High;Resolved;2026-01-01', ';1 - Critical;Resolved;2026-01-01'),
    );
    const again = traced('import', 'incidents', 'export.csv', path.basename(target));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/1 updated/);
    expect(again.err).toMatch(/LOADED yaml/);
  });
});

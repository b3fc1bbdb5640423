// After writing, `govern import` checks the partnership with the files it has just written read from the
// text it wrote (src/io/load-workspace.ts, WrittenFiles), parsed once. That must be the check a fresh
// `govern check` gives: the same findings, lines, summary and exit code, with findings inside the written
// files; and the loader must make of a written text exactly what it makes of the file on disk, whatever the text.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkspaceFromDisk } from '../../src/io/load-workspace.js';
import { readQuickly } from '../../src/parse/fast-yaml.js';

const bin = fileURLToPath(new URL('../../bin/govern.js', import.meta.url));
const example = fileURLToPath(new URL('../../examples/acme-northwind', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'govern-check-after-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function govern(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GOVERN_TODAY: '2027-01-15' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The example, with a finding in a file the import will touch (an incident outside its month) and a mapping. */
function fixture(name: string): string {
  const dir = path.join(work, name);
  cpSync(example, dir, { recursive: true });
  const sept = path.join(dir, 'measurements/2026-09.yaml');
  writeFileSync(
    sept,
    readFileSync(sept, 'utf8').replace(
      /\nincidents:\n/,
      '\nincidents:\n  - id: INC-LATE\n    service: service-desk\n    priority: P3\n    opened: 2026-10-03T09:00:00+02:00\n    responded: 2026-10-03T09:10:00+02:00\n\n',
    ),
  );
  // And one in a file the import leaves alone (read once, at the start, and checked as read then).
  const contacts = path.join(dir, 'contacts.yaml');
  writeFileSync(contacts, readFileSync(contacts, 'utf8').replace('    timezone: Europe/Berlin\n', '    timezone: Europe/Berln\n'));
  writeFileSync(
    path.join(dir, 'govern.import.yaml'),
    'incidents:\n  preset: servicenow\n  values:\n    service: { "Cloud Ops": cloud-hosting, "Service Desk": service-desk }\n    priority: { "1 - Critical": P1, "2 - High": P2, "3 - Moderate": P3 }\n',
  );
  return dir;
}

const EXPORT = [
  'number,short_description,business_service,priority,state,opened_at,u_first_response,resolved_at',
  'INC-2301,"Outlook, again",Service Desk,2 - High,Resolved,2026-08-04 09:05:00,2026-08-04 09:22:00,2026-08-04 15:40:00',
  ...Array.from({ length: 40 }, (_, i) => {
    const day = new Date(Date.UTC(2026, 7, 20) + i * 3 * 86_400_000).toISOString().slice(0, 10);
    return `INC-N${i},Ticket ${i},${i % 2 ? 'Cloud Ops' : 'Service Desk'},${['1 - Critical', '2 - High', '3 - Moderate'][i % 3]},Resolved,${day} 08:00:00,${day} 08:10:00,${i % 4 ? `${day} 10:00:00` : ''}`;
  }),
].join('\n');

describe('the check after an import', () => {
  for (const format of ['text', 'json'] as const) {
    it(`is the check govern check gives of the files written (${format})`, () => {
      const dir = fixture(`p-${format}`);
      writeFileSync(path.join(work, 'export.csv'), `${EXPORT}\n`);
      const imported = govern(work, 'import', 'incidents', 'export.csv', path.basename(dir), ...(format === 'json' ? ['--format', 'json'] : []));
      const checked = govern(work, 'check', path.basename(dir));
      // Findings in a written file (the incident outside its month), and others.
      expect(checked.stdout).toContain('measurements/2026-09.yaml');
      expect(checked.stdout).toMatch(/outside-period/);
      expect(checked.stdout).toMatch(/contacts\.yaml[\s\S]*Europe\/Berln/);
      expect(imported.status).toBe(checked.status);
      if (format === 'text') {
        expect(imported.stdout).toMatch(/added/);
        expect(imported.stdout.endsWith(checked.stdout)).toBe(true);
        expect(imported.stdout.slice(0, -checked.stdout.length)).toMatch(/^(?:\d+ added, \d+ updated, \d+ unchanged in .+\n)+$/);
      } else expect(imported.stderr).toBe(checked.stdout);
    });
  }
});

describe('a written file read from its text', () => {
  it('is what reading it from disk gives: text, data, findings and places', () => {
    const dir = fixture('texts');
    const texts = [
      'period: 2026-11\nincidents:\n  - id: A\n    service: service-desk\n    priority: P1\n    opened: 2026-11-02T09:00:00+01:00\n',
      '\uFEFFperiod: 2026-12\nincidents: [ { id: B, service: nope, priority: P9, opened: 2027-01-02T09:00:00+01:00 } ]\n',
      'period: 2027-01\nkpis: {\n',
      'period: 2027-02\nnote: "a\u0000b"\n',
      'period: 2027-03\nnote: "lone \ud800 surrogate"\n',
      'period: 2027-04\nnote: &a x\nother: *a\n',
    ];
    const written = new Map<string, { text: string; read: ReturnType<typeof readQuickly> }>();
    texts.forEach((text, i) => {
      const abs = path.join(dir, `measurements/x-${i}.yaml`);
      writeFileSync(abs, text, 'utf8');
      written.set(abs, { text, read: readQuickly(text) });
    });
    const fromDisk = loadWorkspaceFromDisk([dir], work);
    const fromText = loadWorkspaceFromDisk([dir], work, { written });
    const shape = (ws: typeof fromDisk) =>
      ws.partnerships[0]!.files.map((f) => ({
        path: f.path,
        relPath: f.relPath,
        kind: f.kind,
        text: f.text,
        data: f.data,
        ok: f.ok,
        problems: f.problems,
        lineCount: f.lineCount,
        places: [f.locate(['period'], 'value'), f.locate(['incidents', 0, 'service'], 'value'), f.locate(['note'], 'key')],
      }));
    const disk = shape(fromDisk);
    expect(disk.filter((f) => f.relPath.startsWith('measurements/x-')).length).toBe(texts.length);
    // A text that does not come back from its UTF-8 as it was (a byte-order mark first, a lone surrogate) is read as it comes back.
    expect(disk.find((f) => f.relPath === 'measurements/x-4.yaml')!.text).toContain('\ufffd');
    expect(disk.find((f) => f.relPath === 'measurements/x-1.yaml')!.text.startsWith('period')).toBe(true);
    expect(shape(fromText)).toEqual(disk);
  });
});

describe('a file read moments ago and not written since', () => {
  it('is the file as loaded then, unless the plan shows it under another name or refuses it', () => {
    const dir = fixture('unchanged');
    const first = loadWorkspaceFromDisk([dir], work);
    const files = first.partnerships[0]!.files;
    const unchanged = new Map(files.map((f) => [path.join(dir, f.relPath), f] as const));
    const again = loadWorkspaceFromDisk([dir], work, { unchanged }).partnerships[0]!.files;
    expect(again.length).toBe(files.length);
    for (const [i, f] of again.entries()) expect(f).toBe(files[i]);
    // Seen from another working folder the names differ: each file is read again, and reads as it did.
    const elsewhere = loadWorkspaceFromDisk([dir], dir, { unchanged }).partnerships[0]!.files;
    elsewhere.forEach((f, i) => {
      expect(f).not.toBe(files[i]);
      expect(f.data).toEqual(files[i]!.data);
    });
    // A file the import wrote is read from its text, not taken as it was.
    const contacts = path.join(dir, 'contacts.yaml');
    const text = readFileSync(contacts, 'utf8').replace('Jane Doe', 'Jane Roe');
    const written = new Map([[contacts, { text, read: readQuickly(text) }]]);
    const mixed = loadWorkspaceFromDisk([dir], work, { unchanged, written }).partnerships[0]!.files;
    expect(mixed.find((f) => f.relPath === 'contacts.yaml')!.text).toBe(text);
  });
});

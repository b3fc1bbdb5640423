import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';

// An Auckland desk fed from Jira: 8 000 rows over January and February 2026 (summer time all along).
let dir: string;
const ROWS = 8000;

function exportText(rows: number): string {
  const lines = ['Summary,Issue key,Issue Type,Status,Priority,Component/s,Created,Custom field (First Response Date),Resolved'];
  const months = ['Jan', 'Feb'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const mon = months[i % 2];
    const hour = 1 + (i % 9);
    lines.push(
      `"Ticket ${i}, ""again""",WHK-${i},Incident,Done,${i % 3 ? 'High' : 'Highest'},Te Reo & Co desk,${day}/${mon}/26 ${hour}:05 AM,${day}/${mon}/26 ${hour}:25 AM,${day}/${mon}/26 ${hour}:55 PM`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'govern-import-progress-'));
  const files: Record<string, string> = {
    'p/partnership.yaml':
      "id: kauri-desk\nname: 'Kauri & Rātā desk'\nclient: {id: kauri, name: Kauri}\nprovider: {id: rata, name: Rātā IT}\ntimezone: Pacific/Auckland\ncontract: {start: 2026-01-01, end: 2027-12-31}\nowners: {client: aroha, provider: wiremu}\n",
    'p/contacts.yaml':
      'contacts:\n- {id: aroha, name: Aroha, party: client, email: aroha@kauri.example}\n- {id: wiremu, name: Wiremu, party: provider, email: wiremu@rata.example}\n',
    'p/slas.yaml':
      'services:\n- id: desk\n  name: Desk\n  calendar: 24x7\n  priorities:\n  - {id: P1, response: 30m, resolution: 24h, target: 90}\n  - {id: P2, response: 1h, resolution: 24h, target: 90}\n',
    'p/govern.import.yaml':
      'incidents:\n  preset: jira   # Jira Service Management\n  values:\n    service: {"Te Reo & Co desk": desk}\n    priority: {Highest: P1, High: P2}\n',
    'jira.csv': exportText(ROWS),
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function govern(args: string[], stderrIsTTY: boolean): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(args, { cwd: dir, env: { NO_COLOR: '1' }, stderrIsTTY });
  const code = await run(io);
  return { code, out: io.out(), err: io.err() };
}

const measurements = (): Record<string, string> =>
  Object.fromEntries(readdirSync(join(dir, 'p/measurements')).map((f) => [f, readFileSync(join(dir, 'p/measurements', f), 'utf8')]));

describe('govern import on a terminal', () => {
  it('rewrites one progress line on stderr as the rows are read, and wipes it before the summary', async () => {
    const r = await govern(['import', 'incidents', 'jira.csv', 'p', '--today', '2026-03-10'], true);
    expect(r.code).toBe(0);
    const updates = r.err.match(/\r\u001b\[Kjira\.csv: [\d,]+ rows read \(\d+ %\)…/g) ?? [];
    expect(updates.map((u) => u.replace(/^\r\u001b\[K/, ''))).toEqual(['jira.csv: 5,000 rows read (62 %)…', 'jira.csv: 7,500 rows read (93 %)…']);
    // The last thing on stderr from the import is the wipe: no progress text is left behind.
    expect(r.err.split('\r\u001b[K').pop()).not.toMatch(/rows read/);
    expect(r.out).toContain('4000 added, 0 updated, 0 unchanged in p/measurements/2026-01.yaml (new file)');
  });

  it('prints no progress line when stderr is not a terminal, in --format json, or with --quiet', async () => {
    for (const [args, tty] of [
      [[], false],
      [['--format', 'json'], true],
      [['--quiet'], true],
    ] as const) {
      rmSync(join(dir, 'p/measurements'), { recursive: true, force: true });
      const r = await govern(['import', 'incidents', 'jira.csv', 'p', '--today', '2026-03-10', ...args], tty);
      expect(r.code).toBe(0);
      expect(r.err).not.toContain('\r');
      expect(r.err).not.toContain('rows read');
    }
  });

  it('prints none for a short export', async () => {
    writeFileSync(join(dir, 'jira.csv'), exportText(4999));
    const r = await govern(['import', 'incidents', 'jira.csv', 'p', '--today', '2026-03-10'], true);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('rows read');
  });

  it('leaves every byte as it was when the same export is imported again', async () => {
    // 600 rows: changing a field reads the whole file as a YAML document, which is slow in the test runner.
    writeFileSync(join(dir, 'jira.csv'), exportText(600));
    expect((await govern(['import', 'incidents', 'jira.csv', 'p', '--today', '2026-03-10'], false)).code).toBe(0);
    const first = measurements();
    expect(Object.keys(first)).toEqual(['2026-01.yaml', '2026-02.yaml']);
    const again = await govern(['import', 'incidents', 'jira.csv', 'p', '--today', '2026-03-10', '--format', 'json'], false);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).files).toEqual([
      { file: 'p/measurements/2026-01.yaml', created: false, changed: false, added: 0, updated: 0, unchanged: 300 },
      { file: 'p/measurements/2026-02.yaml', created: false, changed: false, added: 0, updated: 0, unchanged: 300 },
    ]);
    expect(measurements()).toEqual(first);
    // Nothing written: the check runs on what the import read, and says what `govern check` says.
    const text = await govern(['import', 'incidents', 'jira.csv', 'p', '--today', '2026-03-10'], false);
    const check = await govern(['check', 'p', '--today', '2026-03-10'], false);
    expect(text.out.split('\n').slice(2).join('\n')).toBe(check.out);
    expect(check.out).toContain('escalation/missing-path');
    // One changed row: one field of one entry changes, every other byte stays.
    writeFileSync(
      join(dir, 'jira.csv'),
      exportText(600).replace('WHK-7,Incident,Done,High,Te Reo & Co desk,08/Feb/26 8:05 AM', 'WHK-7,Incident,Done,Highest,Te Reo & Co desk,08/Feb/26 8:05 AM'),
    );
    const changed = await govern(['import', 'incidents', 'jira.csv', 'p', '--today', '2026-03-10'], false);
    expect(changed.out).toContain('0 added, 1 updated, 299 unchanged in p/measurements/2026-02.yaml');
    const after = measurements();
    expect(after['2026-01.yaml']).toBe(first['2026-01.yaml']);
    const diff = after['2026-02.yaml']!.split('\n').filter((line, i) => line !== first['2026-02.yaml']!.split('\n')[i]);
    expect(diff).toEqual(['    priority: P1']);
  });
});

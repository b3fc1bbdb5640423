import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A partnership as someone else writes one: a BOM, `%YAML 1.2` and `---`,
// CRLF, `&` `*` `!` `#` `'` `:` `<` `>` in names, prose and comments, block
// scalars, a quoted name over two lines, `-` alone on its line, a trailing
// tab, an emoji and non-ASCII names. Every file is read by the line reader
// (GOVERN_DEBUG=parse says so), and the findings point where `yaml` would.

const BIN = path.join(import.meta.dirname, '../../bin/govern.js');
const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

const FILES: Record<string, string> = {
  'partnership.yaml': `\ufeff${crlf(`%YAML 1.2
---
# Globex & Initech * since 2020 -- don't edit by hand!
id: globex-initech
name: Globex & Initech
description: >-
  Managed services for R&D and the <b>lab</b>;
  SLA >99.9 % in every month.
client: { id: globex, name: "Globex Corp. #1" }
provider: { id: initech, name: Initech & Søn }  # a comment: with * and !
timezone: Europe/Oslo
owners: { client: zoe-muller, provider: olav }
`)}`,
  'contacts.yaml': `contacts:
  # the client's people
  -
    id: zoe-muller
    name: Zoë Müller 😀
    party: client\t
    email: zoe@globex.example
  - id: olaf
    name: "Olaf O'Brien,
      night shift"
    party: provider
    email: olaf@initech.example   # *not* a shared mailbox
`,
  'risks.yaml': `risks:
  - id: single-engineer
    title: AT&T link is a single point of failure!
    likelihood: 3
    impact: 4
    owner: nobody-we-know   # a typo, on purpose
    mitigation: |
      Second line: Marks & Spencer's backup circuit.
      Review at the QBR.
    status: open
    reviewBy: 2027-03-31
`,
};

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'govern-styles-'));
  const partnership = path.join(dir, 'globex');
  mkdirSync(partnership);
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(partnership, name), text);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(...extra: string[]) {
  const env = { ...process.env, GOVERN_DEBUG: 'parse', NO_COLOR: '1' };
  delete env.GOVERN_WORKERS;
  return spawnSync(process.execPath, [BIN, 'check', 'globex', '--today', '2026-11-15', ...extra], { cwd: dir, encoding: 'utf8', env });
}

describe('check on a partnership written in other authors’ styles', () => {
  it('reads every file with the line reader, and GOVERN_DEBUG=parse says so on stderr', () => {
    const result = check();
    const readers = result.stderr
      .split('\n')
      .filter((line) => line.startsWith('govern: parse: '))
      .sort();
    expect(readers).toEqual(['govern: parse: contacts.yaml: line', 'govern: parse: partnership.yaml: line', 'govern: parse: risks.yaml: line']);
  });

  it('names why a file went to the full parser', () => {
    const anchored = path.join(dir, 'anchored');
    mkdirSync(anchored, { recursive: true });
    writeFileSync(path.join(anchored, 'partnership.yaml'), 'id: a-b\nname: &n A and B\nclient: { id: a, name: *n }\nprovider: { id: b, name: B }\ntimezone: UTC\n');
    const env = { ...process.env, GOVERN_DEBUG: 'parse', NO_COLOR: '1' };
    const result = spawnSync(process.execPath, [BIN, 'check', 'anchored', '--today', '2026-11-15'], { cwd: dir, encoding: 'utf8', env });
    expect(result.stderr).toContain('govern: parse: partnership.yaml: yaml (');
    expect(result.stderr).toContain('js-yaml: an anchor or alias');
  });

  it('points each finding at its place from the line reader’s record, in block and flow style, without the full parser', () => {
    const result = check('--format', 'json');
    const { findings } = JSON.parse(result.stdout) as { findings: { ruleId: string; file: string; range: { start: { line: number; column: number } } }[] };
    const at = (file: string) => findings.find((d) => d.ruleId === 'ref/unknown-contact' && d.file.endsWith(file))?.range.start;
    expect(at('risks.yaml')).toEqual({ line: 6, column: 12 });
    expect(at('partnership.yaml')).toEqual({ line: 12, column: 41 });
    expect(result.status).toBe(1);
    // Both files were read by the line reader, and neither went to the full parser for those places.
    expect(result.stderr).toContain('govern: parse: risks.yaml: line\n');
    expect(result.stderr).toContain('govern: parse: partnership.yaml: line\n');
    expect(result.stderr).not.toContain(': yaml');
  });
});

// Issue 17 verified through the built CLI on a partnership written the way a team in São Paulo keeps
// its files: a byte-order mark and CRLF, comments, flow maps, `&` and `'` in names, a block scalar,
// a folder with non-ASCII letters and `&` in its name, in a git repository checked from below its top.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/govern.js', import.meta.url));
const require = createRequire(import.meta.url);

function sarifValidator(): ((data: unknown) => boolean) & { errors?: unknown } {
  const AjvDraft4 = require('ajv-draft-04') as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } };
  const addFormats = require('ajv-formats') as (ajv: unknown) => void;
  const ajv = new AjvDraft4({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync('/work/shared/vendor-schemas/sarif-schema-2.1.0.json', 'utf8')));
}

const BOM = '\uFEFF';
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const FOLDER = 'parcerias/açaí-&-cia';
const FILES: Record<string, string> = {
  'partnership.yaml': `${BOM}${crlf(`# Parceria: Açaí & Cia ⇄ D'Ávila TI
id: acai-davila
name: "Açaí & Cia ⇄ D'Ávila TI"
description: |
  Suporte de campo em São Paulo.
client: { id: acai, name: "Açaí & Cia" }
provider: { id: davila, name: "D'Ávila TI" }
timezone: America/Sao_Paulo
owners: { client: joao, provider: ines }
`)}`,
  'contacts.yaml': `${BOM}${crlf(`contacts:
  - id: joao
    name: "João Gonçalves"
    party: client
    email: joao@acai.example
  - { id: ines, name: "Inês D'Ávila", party: provider, email: ines@davila.example }
`)}`,
  'raci.yaml': crlf(`roles:
  - id: lider-campo
    name: "Líder de campo"
    party: provider
    holders: [ines, zeca]   # zeca saiu: planted ref/unknown-contact
`),
  'governance.yaml': crlf(`meetings:
  - { id: reuniao-mensal, name: "Reunião mensal", cadence: monthly, day: first-mon, time: "09:00", duration: 1h, chair: joao, attendees: [lider-campo, joao] }
`),
  'risks.yaml': crlf(`risks:
  # revisões atrasadas (planted risks/stale-review twice)
  - id: chuva
    title: "Enchente no data center"
    likelihood: 2
    impact: 3
    owner: ines
    status: open
    reviewBy: 2026-06-30
  - { id: greve, title: "Greve de transporte", likelihood: 1, impact: 2, owner: joao, status: open, reviewBy: 2026-08-01 }
`),
};

let top: string;
let cwd: string;
beforeEach(() => {
  top = mkdtempSync(join(tmpdir(), 'govern-adopt-sp-'));
  spawnSync('git', ['init', '--quiet'], { cwd: top });
  mkdirSync(join(top, FOLDER), { recursive: true });
  mkdirSync(join(top, 'ci'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(top, FOLDER, name), text);
  cwd = join(top, 'ci');
});
afterEach(() => rmSync(top, { recursive: true, force: true }));

function govern(args: string[], options: { today?: string; in?: string } = {}) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.GOVERN_TODAY;
  const r = spawnSync(process.execPath, [bin, ...args, '--today', options.today ?? '2026-11-15'], { cwd: options.in ?? cwd, encoding: 'utf8', env, timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const file = (name: string) => join(top, FOLDER, name);
const edit = (name: string, change: (text: string) => string) => writeFileSync(file(name), change(readFileSync(file(name), 'utf8')));
const check = (...more: string[]) => govern(['check', `../${FOLDER}`, '--baseline', 'baseline.json', ...more]);

interface SarifResult {
  ruleId: string;
  baselineState?: string;
  partialFingerprints?: Record<string, string>;
  suppressions?: { kind: string; justification: string }[];
}
const results = (out: string) => (JSON.parse(out) as { runs: { results: SarifResult[] }[] }).runs[0]!.results;

describe('a baseline on a BOM, CRLF partnership in a non-ASCII folder', () => {
  it('is written stable (no byte, no mtime changed on a rewrite), and a risk added above a known one leaves it known', () => {
    const written = govern(['check', `../${FOLDER}`, '--write-baseline', 'baseline.json']);
    expect(written.code).toBe(0);
    expect(written.err).toBe('govern: wrote 3 findings to baseline.json\n');
    const text = readFileSync(join(cwd, 'baseline.json'), 'utf8');
    expect(text).toContain(`{"file":"../${FOLDER}/risks.yaml","rule":"risks/stale-review","path":["risks","chuva","reviewBy"]}`);
    expect(text).toContain(`{"file":"../${FOLDER}/raci.yaml","rule":"ref/unknown-contact","path":["roles","lider-campo","holders","zeca"]}`);
    expect(text).not.toContain('\r');
    const mtime = statSync(join(cwd, 'baseline.json')).mtimeMs;
    expect(govern(['check', `../${FOLDER}`, '--write-baseline', 'baseline.json']).err).toContain('already holds these 3 findings; unchanged');
    expect(readFileSync(join(cwd, 'baseline.json'), 'utf8')).toBe(text);
    expect(statSync(join(cwd, 'baseline.json')).mtimeMs).toBe(mtime);

    // Comments at the top, and a new risk (overdue: one new warning) above the known ones.
    edit(
      'risks.yaml',
      (t) =>
        `# revisado em 2026\r\n${t.replace('risks:\r\n', 'risks:\r\n  - { id: calor, title: "Onda de calor", likelihood: 1, impact: 1, owner: joao, status: open, reviewBy: 2026-10-01 }\r\n')}`,
    );
    const after = check('--format', 'json', '--strict');
    expect(after.code).toBe(1);
    const report = JSON.parse(after.out) as { findings: { ruleId: string; path: unknown[]; baselineState: string }[]; summary: Record<string, number> };
    expect(report.findings.filter((f) => f.baselineState === 'new').map((f) => f.path)).toEqual([['risks', 0, 'reviewBy']]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 1, known: 3, fixed: 0 });
  });

  it('gives SARIF fingerprints that do not change from day to day, nor with the folder govern runs in, nor as lines move', () => {
    const at = (today: string, where: string, path: string) =>
      results(govern(['check', path, '--format', 'sarif'], { today, in: where }).out).map((r) => `${r.ruleId} ${r.partialFingerprints!['govern/v1']}`);
    const monday = at('2026-11-15', cwd, `../${FOLDER}`);
    expect(new Set(monday).size).toBe(3);
    expect(at('2026-11-20', top, FOLDER)).toEqual(monday);
    edit('risks.yaml', (t) => `# nota\r\n# outra nota\r\n${t}`);
    expect(at('2026-11-16', join(top, FOLDER), '.')).toEqual(monday);
  });

  it('says which known findings are fixed, and a run with only fixed ones and known ones passes; SARIF marks absent; JUnit fails only the new', () => {
    expect(govern(['check', `../${FOLDER}`, '--write-baseline', 'baseline.json']).code).toBe(0);
    edit('risks.yaml', (t) => t.replace('reviewBy: 2026-06-30', 'reviewBy: 2027-02-01'));
    const fixed = check();
    expect(fixed.code).toBe(0);
    expect(fixed.out).toContain('✔ 1 known finding is fixed: run --write-baseline to drop it\n');

    edit('raci.yaml', (t) => t.replace('holders: [ines, zeca]', 'holders: [ines, zeca, tiao]'));
    const sarif = check('--format', 'sarif');
    expect(sarif.code).toBe(1);
    const validate = sarifValidator();
    expect(validate(JSON.parse(sarif.out)), JSON.stringify(validate.errors)).toBe(true);
    expect(results(sarif.out).map((r) => [r.ruleId, r.baselineState])).toEqual([
      ['ref/unknown-contact', 'unchanged'],
      ['ref/unknown-contact', 'new'],
      ['risks/stale-review', 'unchanged'],
      ['risks/stale-review', 'absent'],
    ]);

    const junit = check('--format', 'junit');
    expect(junit.code).toBe(1);
    expect(junit.out.match(/<failure /g)).toHaveLength(1);
    expect(junit.out).toContain('no contact `tiao`');
    const xsd = fileURLToPath(new URL('../install/junit.xsd', import.meta.url));
    const lint = spawnSync('xmllint', ['--noout', '--schema', xsd, '-'], { input: junit.out, encoding: 'utf8' });
    if (lint.error === undefined) expect(lint.status, lint.stderr).toBe(0);
  });

  it('refuses a hostile or broken baseline with one clear line and exit 2, never a stack trace', () => {
    const cases: [string, () => void, RegExp][] = [
      ['bad.json', () => writeFileSync(join(cwd, 'bad.json'), '{"format": "govern-baseline", "findings": [\n'), /bad\.json is not a govern baseline \(it is not JSON\)/],
      ['y.yaml', () => writeFileSync(join(cwd, 'y.yaml'), 'format: govern-baseline\nfindings: []\n'), /y\.yaml is not a govern baseline/],
      ['out.json', () => symlinkSync('/etc/hostname', join(cwd, 'out.json')), /out\.json is a symbolic link to a file outside the repository/],
      ['git.json', () => symlinkSync(join(top, '.git/HEAD'), join(cwd, 'git.json')), /git\.json is a symbolic link into a dot-folder/],
      ['huge.json', () => writeFileSync(join(cwd, 'huge.json'), ' '.repeat(6 * 1024 * 1024)), /huge\.json: it is larger than the 5 MB/],
      ['fifo', () => spawnSync('mkfifo', [join(cwd, 'fifo')]), /fifo: it is not a regular file/],
      ['/dev/zero', () => {}, /\/dev\/zero: it is not a regular file/],
    ];
    for (const [name, make, words] of cases) {
      make();
      if (name === 'fifo' && !existsSync(join(cwd, 'fifo'))) continue;
      const r = govern(['check', `../${FOLDER}`, '--baseline', name]);
      expect([name, r.code]).toEqual([name, 2]);
      expect(r.err).toMatch(words);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    // --write-baseline replaces neither the link's target nor a file that is not a baseline.
    expect(govern(['check', `../${FOLDER}`, '--write-baseline', 'out.json']).code).toBe(2);
    expect(lstatSync(join(cwd, 'out.json')).isSymbolicLink()).toBe(true);
    expect(govern(['check', `../${FOLDER}`, '--write-baseline', 'y.yaml']).code).toBe(2);
    expect(readFileSync(join(cwd, 'y.yaml'), 'utf8')).toBe('format: govern-baseline\nfindings: []\n');
  });
});

describe('waivers on the same partnership', () => {
  it('govern add waiver keeps the byte-order mark and CRLF of waivers.yaml, and check shows the finding waived in SARIF', () => {
    writeFileSync(
      file('waivers.yaml'),
      `${BOM}# aceitos\r\nwaivers:\r\n  - { rule: risks/stale-review, at: greve, reason: "Greve & chuva", owner: joao, expires: 2026-12-31 }\r\n`,
    );
    const added = govern(
      ['add', 'waiver', `../${FOLDER}`, '--rule', 'risks/stale-review', '--at', 'chuva', '--reason', "Obra do D'Ávila", '--owner', 'ines', '--expires', '2027-03-31'],
      {},
    );
    expect(added.err).toContain('added waiver "risks/stale-review"');
    const text = readFileSync(file('waivers.yaml'), 'utf8');
    expect(text.startsWith(`${BOM}# aceitos\r\nwaivers:\r\n`)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const sarif = govern(['check', `../${FOLDER}`, '--format', 'sarif']);
    const waived = results(sarif.out).filter((r) => r.suppressions);
    expect(waived.map((r) => [r.ruleId, r.suppressions![0]!.kind, r.suppressions![0]!.justification])).toEqual([
      ['risks/stale-review', 'external', "Obra do D'Ávila"],
      ['risks/stale-review', 'external', 'Greve & chuva'],
    ]);
  });
});

describe('render --check on the same partnership, in md and html', () => {
  const waive = () =>
    writeFileSync(file('waivers.yaml'), 'waivers:\r\n  - { rule: ref/unknown-contact, at: lider-campo, reason: "Zeca volta", owner: joao, expires: 2027-01-31 }\r\n');
  const out = (format: string) => `../${FOLDER}/CONTRACT.${format}`;
  const render = (format: string, ...more: string[]) => govern(['render', 'contract-summary', `../${FOLDER}`, '--format', format, '--out', out(format), ...more]);

  it.each(['md', 'html'])('%s: a CRLF checkout of the committed file (git autocrlf) is up to date; a real change is stale, named, the file untouched', (format) => {
    waive();
    expect(render(format).code).toBe(0);
    const target = join(cwd, out(format));
    writeFileSync(target, readFileSync(target, 'utf8').replace(/\n/g, '\r\n'));
    const bytes = readFileSync(target);
    const mtime = statSync(target).mtimeMs;
    const crlfCheckout = render(format, '--check');
    expect(crlfCheckout.code).toBe(0);
    expect(crlfCheckout.err).toBe(`govern: ${out(format)} is up to date (it differs only in line endings or a byte-order mark)\n`);

    edit('contacts.yaml', (t) => t.replace('João Gonçalves', 'João G. Gonçalves'));
    const stale = render(format, '--check');
    expect(stale.code).toBe(1);
    expect(stale.out).toContain('  Parties and account owners\n  Meetings\n  Açaí & Cia\n');
    expect(stale.out).not.toContain('  Term\n');
    // The command to run is quoted for a shell: the folder's `&` would otherwise end it.
    expect(stale.out).toContain(
      `update it with: govern render contract-summary '../${FOLDER}'${format === 'md' ? '' : ' --format html'} --today 2026-11-15 --out '${out(format)}' --force\n`,
    );
    expect(readFileSync(target).equals(bytes)).toBe(true);
    expect(statSync(target).mtimeMs).toBe(mtime);
    const pasted = spawnSync(
      'sh',
      [
        '-c',
        `${stale.out
          .split('update it with: ')[1]!
          .trim()
          .replace(/^govern /, `"${process.execPath}" "${bin}" `)} --today 2026-11-15`,
      ],
      {
        cwd,
        encoding: 'utf8',
      },
    );
    expect(pasted.status, pasted.stderr).toBe(0);
    expect(render(format, '--check').code).toBe(0);
  });

  it('the update command it prints keeps --allow-invalid and --today, so running it makes the check pass', () => {
    // The planted error is known (a baseline), not fixed: rendering needs --allow-invalid meanwhile.
    const refused = render('md');
    expect(refused.code, refused.out + refused.err).toBe(1);
    expect(render('md', '--allow-invalid').code).toBe(0);
    const stale = govern(['render', 'contract-summary', `../${FOLDER}`, '--out', out('md'), '--check', '--allow-invalid'], { today: '2027-01-20' });
    expect(stale.code).toBe(1);
    const update = stale.out.split('update it with: ')[1]!.trim();
    expect(update).toContain(' --today 2027-01-20 --allow-invalid ');
    const pasted = spawnSync('sh', ['-c', update.replace(/^govern /, `"${process.execPath}" "${bin}" `)], { cwd, encoding: 'utf8' });
    expect(pasted.status, pasted.stderr).toBe(0);
    expect(govern(['render', 'contract-summary', `../${FOLDER}`, '--out', out('md'), '--check', '--allow-invalid'], { today: '2027-01-20' }).code).toBe(0);
  });

  it('a FIFO or device in place of the file is a usage error, never waited on', () => {
    waive();
    spawnSync('mkfifo', [join(top, FOLDER, 'CONTRACT.md')]);
    const r = render('md', '--check');
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not a regular file');
  });
});

describe('govern due and govern calendar over a portfolio in two hemispheres, read by ical.js', () => {
  const AKL = 'parcerias/kowhai';
  const portfolio = () => {
    edit('partnership.yaml', (t) =>
      t.replace('owners:', 'contract: { reference: "CT-77", start: 2025-01-01, end: 2027-05-31, renewal: { auto: true, noticeDays: 60 } }\r\nowners:'),
    );
    writeFileSync(
      file('waivers.yaml'),
      `${BOM}waivers:\r\n  - { rule: ref/unknown-contact, at: lider-campo, reason: "Zeca volta", owner: joao, expires: 2027-04-02 }\r\n  - { rule: risks/stale-review, at: chuva, reason: "Obra", owner: ines, expires: 2027-06-30 }\r\n`,
    );
    mkdirSync(join(top, AKL));
    const akl: Record<string, string> = {
      'partnership.yaml':
        'id: kowhai\nname: "Kōwhai & Tui"\nclient: { id: k, name: Kōwhai }\nprovider: { id: t, name: "Tui\'s IT" }\ntimezone: Pacific/Auckland\nowners: { client: aroha, provider: sean }\n',
      'contacts.yaml':
        'contacts:\n  - { id: aroha, name: Aroha Ngata, party: client, email: aroha@kowhai.example }\n  - { id: sean, name: "Seán O\'Brien", party: provider, email: sean@tui.example }\n',
      // Fridays at 08:00 in Auckland: NZDT (+13) ends on Sunday 2027-04-04, so 04-02 and 04-09 are 13 and 12 hours ahead of UTC.
      'governance.yaml': 'meetings:\n  - { id: hui, name: Weekly hui, cadence: weekly, day: fri, time: "08:00", duration: 30m, chair: aroha, attendees: [sean] }\n',
      'risks.yaml':
        'risks:\n  - { id: in, title: In the window, likelihood: 1, impact: 1, owner: sean, status: open, reviewBy: 2027-04-10 }\n  - { id: out, title: After it, likelihood: 1, impact: 1, owner: sean, status: open, reviewBy: 2027-04-16 }\n',
    };
    for (const [name, text] of Object.entries(akl)) writeFileSync(join(top, AKL, name), text);
  };
  const parse = (ics: string) => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    return calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  };
  const utc = (e: { startDate: { toJSDate(): Date } }) => e.startDate.toJSDate().toISOString();

  it('due --format ics: each event at its instant across the DST change, attendees by e-mail, reminders ahead of the notice day', () => {
    portfolio();
    const r = govern(['due', '../parcerias', '--within', '3w', '--format', 'ics'], { today: '2027-03-25' });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const events = parse(r.out);
    const byTitle = (start: string) => events.filter((e) => e.summary.startsWith(start));
    // São Paulo has had no DST since 2019: 09:00 there is 12:00 UTC, on the first Monday of April.
    expect(byTitle('Reunião mensal').map(utc)).toEqual(['2027-04-05T12:00:00.000Z']);
    expect(byTitle('Weekly hui').map(utc)).toEqual(['2027-03-25T19:00:00.000Z', '2027-04-01T19:00:00.000Z', '2027-04-08T20:00:00.000Z']);
    for (const hui of byTitle('Weekly hui')) {
      expect(hui.startDate.zone.tzid).toBe('Pacific/Auckland');
      expect(hui.component.getAllProperties('attendee').map((p) => p.getFirstValue())).toEqual(['mailto:aroha@kowhai.example', 'mailto:sean@tui.example']);
    }
    expect(
      byTitle('Reunião mensal')[0]!
        .component.getAllProperties('attendee')
        .map((p) => [p.getFirstValue(), p.getParameter('cn')]),
    ).toEqual([
      ['mailto:joao@acai.example', 'João Gonçalves'],
      ['mailto:ines@davila.example', "Inês D'Ávila"],
    ]);
    // Notice: 60 days before 2027-05-31 is 2027-04-01, an all-day event with reminders before it.
    const [notice] = byTitle('last day to give notice');
    expect(notice!.startDate.toString()).toBe('2027-04-01');
    const triggers = notice!.component.getAllSubcomponents('valarm').map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds());
    expect(triggers.length).toBeGreaterThan(0);
    expect(triggers.every((s) => s < 0)).toBe(true);
    // In the window: the waiver expiring on 04-02 and the review on 04-10; not the waiver of June nor the review of 04-16.
    const summaries = events.map((e) => e.summary).join('\n');
    expect(summaries).toContain('ref/unknown-contact');
    expect(summaries).not.toContain('Obra');
    expect(events.map((e) => e.startDate.toString().slice(0, 10)).filter((d) => d > '2027-04-15')).toEqual([]);
    expect(events.some((e) => e.startDate.toString() === '2027-04-10')).toBe(true);
  });

  it('calendar: the RRULE, expanded by ical.js in the VTIMEZONE it carries, gives the same instants across both DST changes', () => {
    portfolio();
    const r = govern(['calendar', `../${AKL}`], { today: '2027-03-25' });
    expect(r.code).toBe(0);
    const hui = parse(r.out).find((e) => e.summary === 'Weekly hui')!;
    expect(hui.component.getAllProperties('attendee').map((p) => p.getFirstValue())).toEqual(['mailto:aroha@kowhai.example', 'mailto:sean@tui.example']);
    const it = hui.iterator();
    const got: string[] = [];
    for (let next = it.next(); next && got.length < 30; next = it.next()) got.push(next.toJSDate().toISOString());
    expect(got.slice(0, 3)).toEqual(['2027-03-25T19:00:00.000Z', '2027-04-01T19:00:00.000Z', '2027-04-08T20:00:00.000Z']);
    // NZDT starts on Sunday 2027-09-26: Friday 09-24 is +12, Friday 10-01 is +13.
    expect(got).toContain('2027-09-23T20:00:00.000Z');
    expect(got).toContain('2027-09-30T19:00:00.000Z');
  });
});

describe('govern add waiver refuses bad input, and govern diff weighs waivers', () => {
  const base = ['add', 'waiver', `../${FOLDER}`, '--rule', 'risks/stale-review', '--at', 'chuva'];
  const good = { '--reason': 'Obra', '--owner': 'ines', '--expires': '2027-03-31' };
  it.each([
    ['an owner who is not a contact', { '--owner': 'zeca' }, '`zeca` is not one of: joao, ines'],
    ['a date that is not one', { '--expires': '2026-13-01' }, 'is not a date'],
    ['a date already past', { '--expires': '2026-11-14' }, 'already past'],
    ['a date more than a year ahead', { '--expires': '2027-11-17' }, 'more than a year ahead'],
    ['an empty reason', { '--reason': '' }, 'a reason is needed'],
  ])('%s: exit 2, one line, waivers.yaml not created', (_, change, words) => {
    const flags = Object.entries({ ...good, ...change }).flat();
    const r = govern([...base, ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(words);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(file('waivers.yaml'))).toBe(false);
  });

  it('a yaml/* finding cannot be waived, and without a terminal a missing answer names its flag', () => {
    const syntax = govern(['add', 'waiver', `../${FOLDER}`, '--rule', 'yaml/syntax', '--at', 'x', ...Object.entries(good).flat()]);
    expect(syntax.code).toBe(2);
    expect(syntax.err).toContain('cannot be waived');
    const missing = govern(base);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--reason');
  });

  it('diff --fail-on weakened fails on a waiver added or extended, not on one removed', () => {
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=a@b.example', '-c', 'user.name=A', ...args], { cwd: top, encoding: 'utf8' });
    git('add', '-A');
    git('commit', '-qm', 'base');
    const diff = () => govern(['diff', 'HEAD', 'working-tree', `../${FOLDER}`, '--fail-on', 'weakened', '--format', 'json']);
    const waiver = (expires: string) => `${BOM}waivers:\r\n  - { rule: risks/stale-review, at: chuva, reason: Obra, owner: ines, expires: ${expires} }\r\n`;
    writeFileSync(file('waivers.yaml'), waiver('2027-01-31'));
    const added = diff();
    expect(added.code).toBe(1);
    expect(added.out).toContain('"impact": "weakened"');
    git('add', '-A');
    git('commit', '-qm', 'waiver');
    writeFileSync(file('waivers.yaml'), waiver('2027-03-31'));
    const extended = diff();
    expect(extended.code).toBe(1);
    expect(extended.out).toContain('extended from 2027-01-31 to 2027-03-31');
    writeFileSync(file('waivers.yaml'), 'waivers: []\r\n');
    const removed = diff();
    expect(removed.code).toBe(0);
    expect(removed.out).toContain('"impact": "tightened"');
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADD_KINDS, planAdd } from '../../src/author/add-entries.js';
import { flagName } from '../../src/author/questions.js';
import { checkWorkspace } from '../../src/check/run-check.js';
import { ADD_FLAGS } from '../../src/cli/commands/add.js';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { loadWorkspaceFromDisk } from '../../src/io/load-workspace.js';
import { PartnershipIndex } from '../../src/model/partnership-index.js';

let dir: string;
const NOW = Date.parse('2026-11-15T12:00:00Z');
const TODAY = ['--today', '2026-11-15'];

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'govern-add-'));
  expect(await run(memoryIo(['init', 'p', '--yes', '--timezone', 'Europe/Berlin', ...TODAY], { cwd: dir, now: () => NOW }))).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (rel: string): string => readFileSync(path.join(dir, 'p', rel), 'utf8');

/** The lines of `after` that are not in `before`, asserting that nothing else changed. */
function insertedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  expect(head + tail, 'every old line is kept, in order').toBe(a.length);
  return b.slice(head, b.length - tail);
}

async function add(args: string[], options: { tty?: boolean } = {}) {
  const io = memoryIo(['add', ...args, ...TODAY], { cwd: path.join(dir, 'p'), now: () => NOW, stdinIsTTY: options.tty ?? false });
  const code = await run(io);
  return { code, out: io.out(), err: io.err() };
}

function findings() {
  return checkWorkspace(loadWorkspaceFromDisk(['p'], dir), { today: '2026-11-15' }).diagnostics;
}

const HAND_WRITTEN = `# Contacts — kept by hand.   Sorted by party, then name.
%YAML 1.2
---
contacts:
  # ---- client ----
  - id: client-account-lead          # signs off the budget
    name:   Client account lead
    party: client
    email: 'lead@client.example'
    hours: business-hours
    notes: a deliberately long note that runs well past eighty characters, which a re-flow would fold

  # ---- provider ----
  - {id: provider-account-lead, name: "Provider account lead", party: provider, email: 'lead@provider.example', hours: business-hours}
  - id: "provider-service-desk"
    name: Provider service desk
    party: provider
    phone: '+49 30 999000'
    hours: 24x7
  - id: provider-duty-manager
    name: Provider duty manager
    party: provider
    phone: '+49 30 999001'     # on call
    hours: 24x7
# end of contacts
`;

describe('govern add', () => {
  it('inserts a contact into a commented, hand-formatted file; the rest is byte-for-byte unchanged', async () => {
    writeFileSync(path.join(dir, 'p/contacts.yaml'), HAND_WRITTEN);
    const result = await add([
      'contact',
      '--name',
      'Kim Lee',
      '--party',
      'provider',
      '--title',
      'CTO',
      '--phone',
      '+1 212 555 0100',
      '--email',
      'kim@provider.example',
      '--hours',
      '24x7',
    ]);
    expect(result.err).toContain('added contact "kim-lee" at contacts.yaml:25-31');
    expect(insertedLines(HAND_WRITTEN, file('contacts.yaml'))).toEqual([
      '  - id: kim-lee',
      '    name: Kim Lee',
      '    party: provider',
      '    title: CTO',
      "    email: 'kim@provider.example'",
      "    phone: '+1 212 555 0100'",
      '    hours: 24x7',
    ]);
    // The new contact is referenced nowhere yet: check says so, and that is a warning, not an error.
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/partnership/);
  });

  it('adds a risk, an action (creating its review record), a KPI and a service, and check still finds nothing', async () => {
    const before = file('risks.yaml');
    const r = await add([
      'risk',
      '--title',
      'ERP vendor ends support',
      '--likelihood',
      '4',
      '--impact',
      '4',
      '--owner',
      'provider-account-lead',
      '--mitigation',
      'Plan the migration',
      '--contingency',
      'Buy extended support',
      '--yes',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(insertedLines(before, file('risks.yaml'))).toEqual([
      '  - id: erp-vendor-ends-support',
      '    title: ERP vendor ends support',
      '    likelihood: 4',
      '    impact: 4',
      '    owner: provider-account-lead',
      '    mitigation: Plan the migration',
      '    contingency: Buy extended support',
      '    status: open',
      '    reviewBy: 2027-02-15',
    ]);
    expect((await add(['action', '--title', 'Write runbooks', '--owner', 'provider-account-lead', '--review', '2026-Q4', '--due', '2026-12-01', '--yes'])).code).toBe(0);
    expect(file('reviews/2026-Q4.yaml')).toBe(
      '# Review record for 2026-Q4.\nperiod: 2026-Q4\nheld: 2026-11-15   # the day the review took place\nmeeting: monthly-service-review\nactions:\n  - id: A-1\n    title: Write runbooks\n    owner: provider-account-lead\n    due: 2026-12-01\n    status: open\n',
    );
    expect((await add(['action', '--title', 'Second', '--owner', 'client-account-lead', '--due', '2026-12-01', '--status', 'open', '--review', '2026-Q4'])).code).toBe(0);
    expect(file('reviews/2026-Q4.yaml')).toContain('  - id: A-2\n    title: Second\n');
    const objectives = file('objectives.yaml');
    expect(
      (
        await add([
          'kpi',
          '--name',
          'Desk P3 within target',
          '--value',
          '90',
          '--unit',
          '%',
          '--op',
          '>=',
          '--source',
          'sla:service-desk.P3',
          '--objective',
          'meet-service-levels',
        ])
      ).code,
    ).toBe(0);
    expect(insertedLines(objectives, file('objectives.yaml'))).toEqual([
      '      - id: desk-p3-within-target',
      '        name: Desk P3 within target',
      '        unit: "%"',
      '        target: { op: ">=", value: 90 }',
      '        source: sla:service-desk.P3',
    ]);
    const escalation = file('escalation.yaml');
    expect((await add(['service', '--profile', 'platform-24x7', '--name', 'Cloud hosting', '--yes'])).code).toBe(0);
    // Appended after the last path, with the blank line the paths are separated by.
    expect(file('escalation.yaml')).toBe(
      `${escalation}\n${[
        '  - id: cloud-hosting-escalation',
        '    name: Cloud hosting incidents',
        '    appliesTo: { services: [cloud-hosting], priorities: [P1, P2, P3] }',
        '    levels:',
        '      - { name: Service desk, after: 0m, contacts: [provider-service-desk], coverage: 24x7 }',
        '      - { name: On-call duty manager, after: 30m, contacts: [provider-duty-manager], coverage: 24x7 }',
        '      - { name: Provider account lead, after: 2h, contacts: [provider-account-lead], coverage: business-hours }',
      ].join('\n')}\n`,
    );
    expect(file('partnership.yaml')).toContain('services: [platform-operations, service-desk, cloud-hosting]   # ids in slas.yaml');
    expect(findings()).toEqual([]);
  });

  it("names the last escalation level for whoever holds it: the account lead, or another person's title", async () => {
    expect(
      (await add(['contact', '--name', 'Dana Cruz', '--party', 'provider', '--title', 'Chief Technology Officer', '--email', 'dana@example.com', '--yes'])).code,
    ).toBe(0);
    expect((await add(['service', '--profile', 'desk-business-hours', '--name', 'Field support', '--escalation-lead', 'dana-cruz', '--yes'])).code).toBe(0);
    expect(file('escalation.yaml')).toContain('{ name: Chief Technology Officer, after: 2h, contacts: [dana-cruz], coverage: business-hours }');
    expect(findings()).toEqual([]);
  });

  it('quotes a KPI target operator as its siblings and the format do, whether or not YAML needs it', async () => {
    const objectives = file('objectives.yaml');
    expect(objectives).toContain('target: { op: ">=", value:');
    const result = await add([
      'kpi',
      '--name',
      'Reopened tickets',
      '--value',
      '5',
      '--unit',
      'tickets',
      '--op',
      '<=',
      '--source',
      'measured',
      '--objective',
      'meet-service-levels',
    ]);
    expect(result.code, result.err).toBe(0);
    expect(insertedLines(objectives, file('objectives.yaml'))).toContain('        target: { op: "<=", value: 5 }');
  });

  it('without a terminal, fails at once naming the flags that answer the questions', async () => {
    const before = file('contacts.yaml');
    const result = await add(['contact', '--name', 'Kim Lee']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('govern add contact needs answers and there is no terminal to ask them on; pass --party <party>');
    expect(file('contacts.yaml')).toBe(before);
  });

  it('offers references only from the current files', async () => {
    const result = await add(['risk', '--title', 'x', '--owner', 'nobody', '--yes']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--owner "nobody": `nobody` is not one of: client-account-lead, provider-account-lead, provider-service-desk, provider-duty-manager');
  });

  it('rejects duplicate ids and emails, and flags of another kind', async () => {
    expect((await add(['contact', '--name', 'X', '--id', 'provider-account-lead', '--party', 'client'])).err).toContain('`provider-account-lead` is already used');
    expect((await add(['contact', '--name', 'X', '--party', 'client', '--email', 'SERVICEDESK@provider.example'])).err).toContain(
      'already the address of another contact',
    );
    const stray = await add(['contact', '--name', 'X', '--party', 'client', '--likelihood', '3']);
    expect(stray.code).toBe(2);
    expect(stray.err).toContain('--likelihood does not apply to `govern add contact`');
  });

  it('a contact needs an e-mail or a phone: without either nothing is written', async () => {
    const before = file('contacts.yaml');
    const result = await add(['contact', '--name', 'Kim Lee', '--party', 'provider', '--yes']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--phone <phone>');
    expect(file('contacts.yaml')).toBe(before);
  });

  it('an action goes into the latest review record, by period and not by file name', async () => {
    mkdirSync(path.join(dir, 'p/reviews'), { recursive: true });
    writeFileSync(path.join(dir, 'p/reviews/2026-Q3.yaml'), 'period: 2026-Q3\nheld: 2026-10-08\n');
    writeFileSync(path.join(dir, 'p/reviews/2026-10.yaml'), "# October's review\nperiod: '2026-10'\nheld: 2026-11-04\n");
    const result = await add(['action', '--title', 'Renew the TLS certificates', '--owner', 'provider-account-lead', '--due', '2026-12-01', '--yes']);
    expect(result.code, result.err).toBe(0);
    expect(file('reviews/2026-10.yaml')).toContain('actions:\n  - id: A-1\n    title: Renew the TLS certificates\n');
    expect(file('reviews/2026-Q3.yaml')).toBe('period: 2026-Q3\nheld: 2026-10-08\n');
  });

  it('without any review record, an action creates the record of the latest measured period, not of the current month', async () => {
    mkdirSync(path.join(dir, 'p/measurements'), { recursive: true });
    writeFileSync(path.join(dir, 'p/measurements/2026-09.yaml'), 'period: 2026-09\n');
    writeFileSync(path.join(dir, 'p/measurements/2026-10.yaml'), 'period: 2026-10\nkpis: []\n');
    const result = await add(['action', '--title', 'Review the backup restore test', '--owner', 'client-account-lead', '--due', '2026-12-15', '--yes']);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('reviews/2026-10.yaml');
    expect(file('reviews/2026-10.yaml')).toMatch(/^# Review record for 2026-10\.\nperiod: 2026-10\n/);
    expect(() => file('reviews/2026-11.yaml')).toThrow();
  });

  it('a high risk needs a mitigation and a contingency', async () => {
    const result = await add(['risk', '--title', 'x', '--likelihood', '5', '--impact', '3', '--owner', 'provider-account-lead', '--yes']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('pass --mitigation <text>, --contingency <text>');
  });

  it('exits 1 when the partnership has errors after the entry is added', async () => {
    writeFileSync(path.join(dir, 'p/risks.yaml'), `${file('risks.yaml')}  - { id: broken, owner: ghost }\n`);
    const result = await add(['contact', '--name', 'Kim Lee', '--party', 'provider', '--phone', '+1 212 555 0100']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('ghost');
  });

  it('asks which partnership when the path holds several', async () => {
    expect(await run(memoryIo(['init', 'q', '--yes', '--client', 'Other', ...TODAY], { cwd: dir }))).toBe(0);
    const io = memoryIo(['add', 'contact', '.', '--name', 'A', '--party', 'client', '--email', 'a@other.example', ...TODAY], { cwd: dir });
    expect(await run(io)).toBe(2);
    expect(io.err()).toContain('holds 2 partnerships; pick one with --partnership <id>');
    const picked = memoryIo(['add', 'contact', '.', '--partnership', 'other-provider', '--name', 'A', '--party', 'client', '--email', 'a@other.example', ...TODAY], {
      cwd: dir,
    });
    expect(await run(picked), picked.err()).toBe(0);
    expect(readFileSync(path.join(dir, 'q/contacts.yaml'), 'utf8')).toMatch(/ {2}- id: a\n {4}name: A\n {4}party: client\n {4}email: '?a@other\.example'?\n/);
  });

  it('refuses to add to a file with YAML errors, and writes nothing', async () => {
    mkdirSync(path.join(dir, 'p'), { recursive: true });
    writeFileSync(path.join(dir, 'p/contacts.yaml'), 'contacts: [\n');
    const result = await add(['contact', '--name', 'A', '--party', 'client', '--email', 'a@client.example']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('contacts.yaml has problems reading or parsing it');
    expect(file('contacts.yaml')).toBe('contacts: [\n');
  });

  it('has a flag for every question of every kind, and no flag that no kind uses', () => {
    const index = new PartnershipIndex(loadWorkspaceFromDisk(['p'], dir).partnerships[0]!);
    const used = new Set(ADD_KINDS.flatMap((kind) => planAdd(kind, index, '2026-11-15').questions.map((q) => q.flag)));
    expect([...used].sort()).toEqual(ADD_FLAGS.map(([flag]) => flag).sort());
    expect(ADD_KINDS.flatMap((kind) => planAdd(kind, index, '2026-11-15').questions.map(flagName)).every((f) => f.startsWith('--'))).toBe(true);
  });
});

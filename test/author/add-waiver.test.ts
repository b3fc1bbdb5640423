import { screen } from '@inquirer/testing/vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';

// A partnership in Santiago with two planted findings: a stale risk and an escalation level nobody holds.
const FILES: Record<string, string> = {
  'partnership.yaml':
    'id: andes\nname: "Andes Minería & Cía"\nclient: { id: andes, name: Andes }\nprovider: { id: cordillera, name: Cordillera IT }\ntimezone: America/Santiago\nowners: { client: ines, provider: tomas }\n',
  'contacts.yaml':
    'contacts:\n  - { id: ines, name: Inés Rojas, party: client, email: ines@andes.example }\n  - { id: tomas, name: Tomás Vidal, party: provider, email: tomas@cordillera.example }\n',
  'governance.yaml': 'meetings:\n  - { id: mensual, name: Revisión mensual, cadence: monthly, chair: ines, attendees: [tomas] }\n',
  'risks.yaml':
    '# registro de riesgos\nrisks:\n  - id: cobre\n    title: Precio del cobre\n    likelihood: 2\n    impact: 2\n    owner: tomas\n    status: open\n    reviewBy: 2026-10-01\n  - id: sismo\n    title: Terremoto\n    likelihood: 1\n    impact: 5\n    owner: ines\n    mitigation: Sitio alterno\n    contingency: Plan de continuidad\n    status: open\n    reviewBy: 2026-09-15\n',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'govern-waiver-'));
  mkdirSync(path.join(dir, 'p'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(dir, 'p', name), text);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function add(args: string[], tty = false) {
  const io = memoryIo(['add', 'waiver', 'p', ...args, '--today', '2026-11-15'], { cwd: dir, stdinIsTTY: tty });
  const code = await run(io);
  return { code, out: io.out(), err: io.err() };
}
const waivers = () => readFileSync(path.join(dir, 'p/waivers.yaml'), 'utf8');

describe('govern add waiver', () => {
  it('writes a waiver from a finding given by flags, and check then shows it waived', async () => {
    const { code, out, err } = await add([
      '--rule',
      'risks/stale-review',
      '--at',
      'cobre',
      '--reason',
      'Precio revisado en el comité',
      '--owner',
      'ines',
      '--expires',
      '2027-02-28',
    ]);
    expect(err).toBe('added waiver "risks/stale-review" at p/waivers.yaml:2-8\n');
    expect(waivers()).toBe(
      '# Findings accepted for a while, each with a reason, an owner and an expiry (govern check reports them as waived).\nwaivers:\n  - rule: risks/stale-review\n    file: risks.yaml\n    at: cobre\n    reason: Precio revisado en el comité\n    owner: ines\n    expires: 2027-02-28\n',
    );
    expect(out).toContain('waived until 2027-02-28 (owner ines): Precio revisado en el comité');
    expect(out).toContain('risk `sismo` was due for review');
    expect(code).toBe(0);
  });

  it('without a terminal, fails at once (exit 2) naming the flags still needed, and writes nothing', async () => {
    const { code, err } = await add(['--rule', 'risks/stale-review', '--at', 'cobre']);
    expect(code).toBe(2);
    expect(err).toContain('pass --reason <text>, --owner <contact>, --expires <date>');
    expect(() => waivers()).toThrow();
  });

  it.each([
    { name: 'a place with no finding', args: ['--at', 'oro'], words: 'no finding of `risks/stale-review` in risks.yaml at `oro`; the places are cobre, sismo' },
    {
      name: 'a rule with no finding',
      args: ['--rule', 'raci/role-without-holders'],
      words: 'no finding of `raci/role-without-holders` now; the rules with findings are risks/stale-review',
    },
    { name: 'a rule that cannot be waived', args: ['--rule', 'yaml/syntax'], words: '`yaml/syntax` findings cannot be waived' },
    { name: 'an expiry more than a year ahead', args: ['--expires', '2027-11-17'], words: 'more than a year ahead' },
    { name: 'an owner who is not a contact', args: ['--owner', 'pablo'], words: '--owner "pablo"' },
  ])('refuses $name (exit 2), writing nothing', async ({ args, words }) => {
    const flags = { '--rule': 'risks/stale-review', '--at': 'cobre', '--reason': 'x', '--owner': 'ines', '--expires': '2027-01-31' } as Record<string, string>;
    for (let i = 0; i < args.length; i += 2) flags[args[i]!] = args[i + 1]!;
    const { code, err } = await add(Object.entries(flags).flat());
    expect(code).toBe(2);
    expect(err).toContain(words);
    expect(() => waivers()).toThrow();
  });
});

async function until(text: string): Promise<string> {
  for (let i = 0; i < 50 && !screen.getScreen().includes(text); i++) await screen.next();
  expect(screen.getScreen()).toContain(text);
  return screen.getScreen();
}

describe('govern add waiver on a terminal', () => {
  it('offers the rules and places of the current findings, then asks reason, owner and expiry', async () => {
    const io = memoryIo(['add', 'waiver', 'p', '--today', '2026-11-15'], { cwd: dir, stdinIsTTY: true });
    const done = run(io);
    expect(await until('Rule of the finding to waive')).toContain('risks/stale-review (2)');
    screen.keypress('enter');
    await until('Only findings in this file');
    screen.keypress('enter');
    const places = await until('Only findings at this place');
    expect(places).toContain('cobre');
    expect(places).toContain('sismo');
    // The cursor starts on "every finding of the rule in the file", the default: two down is sismo.
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter');
    await until('Why it is accepted');
    screen.type('Simulacro en diciembre');
    screen.keypress('enter');
    await until('Owner');
    screen.keypress('enter');
    await until('Expires');
    screen.type('2028-01-01');
    screen.keypress('enter');
    await until('more than a year ahead');
    for (let i = 0; i < 10; i++) screen.keypress('backspace');
    screen.type('2027-03-15');
    screen.keypress('enter');
    expect(await done).toBe(0);
    expect(waivers()).toContain(
      '  - rule: risks/stale-review\n    file: risks.yaml\n    at: sismo\n    reason: Simulacro en diciembre\n    owner: ines\n    expires: 2027-03-15\n',
    );
  });
});

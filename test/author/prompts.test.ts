import { screen } from '@inquirer/testing/vitest';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';

// @inquirer/testing/vitest is imported first: it replaces the prompts of @inquirer/prompts with ones drawn on `screen`.

let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'govern-prompts-'));
  expect(await run(memoryIo(['init', 'p', '--yes', '--today', '2026-11-15'], { cwd: dir }))).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Waits until the screen shows `text` (prompts appear after the command has loaded its modules). */
async function until(text: string): Promise<string> {
  for (let i = 0; i < 50 && !screen.getScreen().includes(text); i++) await screen.next();
  expect(screen.getScreen()).toContain(text);
  return screen.getScreen();
}

describe('add contact on a terminal', () => {
  it('asks, validates each answer as it is typed, offers choices, and writes the entry', async () => {
    const io = memoryIo(['add', 'contact', 'p', '--today', '2026-11-15'], { cwd: dir, stdinIsTTY: true });
    const done = run(io);

    await until('Full name');
    screen.type('Kim Lee');
    screen.keypress('enter');

    expect(await until('Id, used to refer to this contact')).toContain('kim-lee');
    screen.keypress('enter');

    const party = await until('Which side');
    expect(party).toContain('client');
    expect(party).toContain('provider');
    screen.keypress('down');
    screen.keypress('enter');

    await until('Job title');
    screen.type('CTO');
    screen.keypress('enter');

    await until('E-mail');
    screen.type('servicedesk@provider.example');
    screen.keypress('enter');
    await until('already the address of another contact');
    for (let i = 0; i < 'servicedesk@provider.example'.length; i++) screen.keypress('backspace');
    screen.type('kim@provider.example');
    screen.keypress('enter');

    await until('Phone');
    screen.type('555');
    screen.keypress('enter');
    await until('7 to 15 digits');
    for (let i = 0; i < 3; i++) screen.keypress('backspace');
    screen.keypress('enter');

    await until('Time zone');
    screen.keypress('enter');

    const hours = await until('When they can be reached');
    expect(hours).toContain('business-hours');
    expect(hours).toContain('24x7');
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter');

    expect(await done).toBe(0);
    expect(readFileSync(path.join(dir, 'p/contacts.yaml'), 'utf8')).toMatch(
      /\n\n {2}- id: kim-lee\n {4}name: Kim Lee\n {4}party: provider\n {4}title: CTO\n {4}email: kim@provider.example\n {4}hours: 24x7\n$/,
    );
    expect(io.err()).toContain('added contact "kim-lee"');
  });

  it('asks only what flags and --yes leave open', async () => {
    const io = memoryIo(['add', 'risk', 'p', '--title', 'Vendor lock-in', '--yes', '--today', '2026-11-15'], { cwd: dir, stdinIsTTY: true });
    const done = run(io);
    // Every question left has a default, so --yes answers them all and no prompt is drawn.
    expect(await done).toBe(0);
    expect(screen.getScreen()).toBe('');
    expect(readFileSync(path.join(dir, 'p/risks.yaml'), 'utf8')).toContain('  - id: vendor-lock-in\n    title: Vendor lock-in\n    likelihood: 3\n');
  });
});

describe('add while someone edits the file', () => {
  it('a contacts.yaml saved while govern add prompts is not written over: exit 2, one line, the edit kept', async () => {
    const file = path.join(dir, 'p/contacts.yaml');
    const io = memoryIo(['add', 'contact', 'p', '--party', 'client', '--email', 'zed@client.example', '--yes', '--today', '2026-11-15'], {
      cwd: dir,
      stdinIsTTY: true,
    });
    const done = run(io);
    await until('Full name');
    // Saved in an editor (or by a git pull) while the prompt waits for an answer.
    appendFileSync(file, '# edited while govern was asking\n');
    const edited = readFileSync(file, 'utf8');
    screen.type('Zed Doe');
    screen.keypress('enter');
    expect(await done).toBe(2);
    expect(io.err()).toMatch(/^govern: \S*contacts\.yaml changed while govern was working on it; nothing was written: run the command again\n$/);
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });
});

describe('init on a terminal', () => {
  it('offers the SLA profiles as a checklist and asks a name for each chosen service', async () => {
    const target = path.join(dir, 'fresh');
    const io = memoryIo(
      [
        'init',
        target,
        '--client',
        'Acme',
        '--provider',
        'Northwind',
        '--timezone',
        'Europe/Berlin',
        '--start',
        '2027-01-01',
        '--end',
        '2029-12-31',
        '--notice-days',
        '90',
        '--client-lead-name',
        'Jane Doe',
        '--client-lead-email',
        'jane@acme.example',
        '--client-lead-phone',
        '+49 30 1234567',
        '--provider-lead-name',
        'Bob Smith',
        '--provider-lead-email',
        'bob@northwind.example',
        '--provider-lead-phone',
        '+49 40 1234567',
        '--today',
        '2026-11-15',
      ],
      { cwd: dir, stdinIsTTY: true },
    );
    const done = run(io);
    const list = await until('Services to start with');
    expect(list).toContain('24x7 platform, P1–P3');
    expect(list).toContain('business-hours service desk, P2–P4');
    screen.keypress('space'); // untick the 24x7 platform
    screen.keypress('enter');
    await until('Name of the business-hours service desk');
    screen.type('Service desk (EU)');
    screen.keypress('enter');
    await until('Currency');
    screen.keypress('enter');
    expect(await done, io.err()).toBe(0);
    const slas = readFileSync(path.join(target, 'slas.yaml'), 'utf8');
    expect(slas).toContain('  - id: service-desk-eu\n    name: Service desk (EU)\n');
    expect(slas).not.toContain('calendar: 24x7');
  });
});

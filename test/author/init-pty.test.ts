import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/check/run-check.js';
import { loadWorkspaceFromDisk } from '../../src/io/load-workspace.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

/**
 * `govern init` end to end, in a real pseudo-terminal: tmux runs the built
 * CLI, the test reads the pane and types as a person would. A private tmux
 * server (`-L`) is started and killed by the test alone.
 */
describe.skipIf(!HAS_TMUX)('govern init in a real terminal (tmux)', () => {
  it('goes from an empty folder to a partnership that passes check', () => {
    expect(existsSync(path.join(ROOT, 'dist/cli/main.js')), 'run `npm run build` first: this test runs bin/govern.js').toBe(true);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'govern-pty-'));
    const server = `govern-test-${process.pid}`;
    const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', server, ...args], { encoding: 'utf8' });
    const screen = (): string => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', 'init');
    const waitFor = (text: string): string => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const shown = screen();
        if (shown.includes(text)) return shown;
        if (Date.now() > deadline) throw new Error(`the terminal never showed ${JSON.stringify(text)}; it shows:\n${shown}`);
        execFileSync('sleep', ['0.1']);
      }
    };
    const answer = (prompt: string, typed: string): void => {
      waitFor(prompt);
      if (typed !== '') tmux('send-keys', '-t', 'init', '-l', typed);
      tmux('send-keys', '-t', 'init', 'Enter');
    };
    try {
      const command = `cd ${JSON.stringify(dir)} && env -u CI TZ=Europe/Berlin ${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, 'bin/govern.js'))} init acme --today 2026-11-15 --no-color; echo "EXIT=$?"; sleep 60`;
      tmux('new-session', '-d', '-s', 'init', '-x', '160', '-y', '60', command);
      answer('Client organisation', 'Acme Corp');
      answer('Provider organisation', 'Northwind MSP');
      expect(waitFor('Time zone of the partnership')).toContain('Europe/Berlin');
      answer('Time zone of the partnership', '');
      expect(waitFor('Contract start')).toContain('2026-12-01');
      answer('Contract start', '');
      answer('Contract end', '');
      answer('Notice period', '120');
      answer("Name of the client's account lead", 'Jane Doe');
      expect(waitFor("E-mail of the client's account lead")).toContain('jane.doe@acme-corp.example');
      answer("E-mail of the client's account lead", '');
      answer("Phone of the client's account lead", '+49 30 1234567');
      answer("Name of the provider's account lead", 'Bob Smith');
      answer("E-mail of the provider's account lead", '');
      answer("Phone of the provider's account lead", '');
      answer('Services to start with', '');
      answer('Name of the 24x7 platform', 'Cloud hosting');
      answer('Name of the business-hours service desk', '');
      answer('Currency of the budget', '');
      const end = waitFor('EXIT=');
      expect(end).toContain('EXIT=0');
      expect(end).toContain('no problems');

      const partnership = readFileSync(path.join(dir, 'acme/partnership.yaml'), 'utf8');
      expect(partnership).toContain('id: acme-corp-northwind-msp');
      expect(partnership).toContain('timezone: Europe/Berlin');
      expect(partnership).toContain('noticeDays: 120');
      expect(readFileSync(path.join(dir, 'acme/contacts.yaml'), 'utf8')).toContain(
        '  - id: jane-doe\n    name: Jane Doe\n    party: client\n    title: Account lead\n    email: jane.doe@acme-corp.example\n    phone: "+49 30 1234567"\n',
      );
      const result = checkWorkspace(loadWorkspaceFromDisk(['acme'], dir), { today: '2026-11-15' });
      expect(result.diagnostics).toEqual([]);
      expect(existsSync(path.join(dir, 'acme/.github/workflows/govern.yml'))).toBe(true);
    } finally {
      spawnSync('tmux', ['-L', server, 'kill-server']);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

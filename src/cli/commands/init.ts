import { Command } from 'commander';
import type { Io } from '../io.js';
import { addSharedOptions, collect, type SharedOptions } from '../shared.js';

/** The flags that answer init's questions; a test holds them equal to the questions in src/author/init-questions.ts. */
export const INIT_FLAGS: readonly (readonly [string, string])[] = [
  ['--client <name>', 'client organisation'],
  ['--provider <name>', 'provider organisation'],
  ['--timezone <zone>', "the partnership's IANA time zone (default: the system's)"],
  ['--start <date>', 'contract start, YYYY-MM-DD (default: the first of next month)'],
  ['--end <date>', 'contract end, YYYY-MM-DD (default: three years after the start)'],
  ['--notice-days <days>', 'notice period in days (default: 90)'],
  ['--client-lead-name <name>', "client's account lead"],
  ['--client-lead-email <email>', "client account lead's e-mail"],
  ['--client-lead-phone <phone>', "client account lead's phone, + and 7–15 digits"],
  ['--provider-lead-name <name>', "provider's account lead"],
  ['--provider-lead-email <email>', "provider account lead's e-mail"],
  ['--provider-lead-phone <phone>', "provider account lead's phone"],
  ['--service <profile>', 'a service from an SLA profile: platform-24x7 or desk-business-hours (repeatable; default: both)'],
  ['--platform-name <name>', 'name of the platform-24x7 service'],
  ['--desk-name <name>', 'name of the desk-business-hours service'],
  ['--currency <code>', 'budget currency (default: EUR)'],
];

export interface InitFlags extends SharedOptions, Record<string, unknown> {
  yes?: boolean;
  editor?: boolean;
  ci?: boolean;
  preCommit?: boolean;
}

/** `govern init [dir]`: scaffolds a partnership that passes check, with editor, CI and pre-commit wiring. */
export function initCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('init')
    .description('start a partnership: asks a few questions, writes files that pass govern check, CI and editor wiring; never overwrites')
    .argument('[dir]', 'folder to create the partnership in', '.');
  for (const [flag, help] of INIT_FLAGS) {
    if (flag.startsWith('--service ')) command.option(flag, help, collect, []);
    else command.option(flag, help);
  }
  command
    .option('-y, --yes', 'take the default for every question not given as a flag')
    .option('--no-editor', 'do not write .vscode/settings.json and .govern/schemas/')
    .option('--no-ci', 'do not write .github/workflows/govern.yml')
    .option('--no-pre-commit', 'do not write .pre-commit-config.yaml');
  addSharedOptions(command);
  command.action(async (dir: string, flags: InitFlags) => {
    const { runInit } = await import('../run/init.js');
    done(await runInit(io, dir, flags));
  });
  return command;
}

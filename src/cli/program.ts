import { Command, type OutputConfiguration } from 'commander';
import { safeText } from '../model/safe-text.js';
import { addCommand } from './commands/add.js';
import { calendarCommand } from './commands/calendar.js';
import { checkCommand } from './commands/check.js';
import { diffCommand } from './commands/diff.js';
import { dueCommand } from './commands/due.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { renderCommand } from './commands/render.js';
import { rulesCommand } from './commands/rules.js';
import { schemaCommand } from './commands/schema.js';
import { slaCommand } from './commands/sla.js';
import { whoCommand } from './commands/who.js';
import type { Io } from './io.js';
import { packageVersion } from './shared.js';

/** A command factory: builds the command; its action reports the exit code through `done`. */
export type CommandFactory = (io: Io, done: (code: number) => void) => Command;

/** Every command, in the order `--help` lists them. The one place commands are added. */
export const commands: readonly CommandFactory[] = [
  checkCommand,
  diffCommand,
  slaCommand,
  renderCommand,
  whoCommand,
  calendarCommand,
  dueCommand,
  initCommand,
  addCommand,
  importCommand,
  rulesCommand,
  schemaCommand,
];

/** The commands' names, in the order of `commands` (test/cli/program-one-command.test.ts holds the two together). */
export const COMMAND_NAMES: readonly string[] = ['check', 'diff', 'sla', 'render', 'who', 'calendar', 'due', 'init', 'add', 'import', 'rules', 'schema'];

/**
 * The whole command line. Commands load their implementation only when run.
 * When the first argument names a command, only that command is built: its
 * options, its help and its errors do not depend on the others, and building
 * all twelve cost ~5 ms of every `govern check` (docs/performance.md). Any
 * other first argument (`help`, `--help`, a misspelt command) gets them all.
 */
export function buildProgram(io: Io, done: (code: number) => void): Command {
  const program = new Command('govern')
    .description('Keep an IT-services partnership honest: check, measure and report a partnership kept as YAML in git.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput(output(io))
    .exitOverride();
  const named = COMMAND_NAMES.indexOf(io.argv[0] ?? '');
  for (const factory of named >= 0 ? [commands[named]!] : commands) {
    const command = factory(io, done);
    command.exitOverride().configureOutput(output(io));
    program.addCommand(command);
  }
  return program;
}

const SUGGESTION = '\n(Did you mean';

/**
 * Where Commander writes. Its error messages quote the arguments as given, so a line feed in one would start a
 * line of its own (one a CI runner could take as a command): each message is one line, with the arguments'
 * control characters as visible escapes, and Commander's own "(Did you mean …?)" on the next line.
 */
function output(io: Io): OutputConfiguration {
  return {
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    outputError: (text, write) => write(`${text.replace(/\n$/, '').split(SUGGESTION).map(safeText).join(SUGGESTION)}\n`),
  };
}

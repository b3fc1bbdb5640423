import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../model/errors.js';
import { isDate } from '../schema/formats.js';
import type { Colors } from '../formatters/types.js';
import { NO_COLORS } from '../formatters/types.js';
import type { Io } from './io.js';

/** The options every command takes. */
export interface SharedOptions {
  today?: string;
  color?: boolean;
  quiet?: boolean;
}

/** Adds `--today`, `--no-color` and `--quiet` to a command. */
export function addSharedOptions(command: Command): Command {
  return command
    .option('--today <date>', 'the date date-dependent rules use, YYYY-MM-DD (also GOVERN_TODAY)')
    .option('--color', 'force colour output')
    .option('--no-color', 'no colour output (also NO_COLOR)')
    .option('-q, --quiet', 'print nothing when all is well');
}

/** `--today`, else GOVERN_TODAY, validated; undefined means the clock. */
export function resolveToday(options: SharedOptions, io: Io): string | undefined {
  const value = options.today ?? (io.env.GOVERN_TODAY || undefined);
  if (value === undefined) return undefined;
  if (!isDate(value)) {
    const source = options.today !== undefined ? '--today' : 'GOVERN_TODAY';
    throw new UsageError(`${source} must be a date written YYYY-MM-DD, such as 2026-11-15; got \`${value}\``);
  }
  return value;
}

/**
 * Whether to colour: `--no-color`/NO_COLOR turn it off, `--color`/FORCE_COLOR
 * turn it on (FORCE_COLOR=0 off), otherwise only on a terminal that is not dumb.
 */
export function wantsColor(options: SharedOptions, io: Io, argv: readonly string[] = io.argv): boolean {
  if (argv.includes('--no-color')) return false;
  if (argv.includes('--color')) return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force === 'false');
  void options;
  return io.stdoutIsTTY && io.env.TERM !== 'dumb';
}

/** Colour functions: chalk when colour is wanted (loaded only then), identity otherwise. */
export async function makeColors(enabled: boolean, io: Io): Promise<Colors> {
  if (!enabled) return NO_COLORS;
  const { Chalk } = await import('chalk');
  const force = io.env.FORCE_COLOR;
  const level = force === '2' ? 2 : force === '3' ? 3 : 1;
  const chalk = new Chalk({ level: force !== undefined && force !== '' && force !== '1' && force !== 'true' ? level : (Math.max(level, 1) as 1 | 2 | 3) });
  return {
    red: (t) => chalk.red(t),
    yellow: (t) => chalk.yellow(t),
    green: (t) => chalk.green(t),
    dim: (t) => chalk.dim(t),
    bold: (t) => chalk.bold(t),
    underline: (t) => chalk.underline(t),
    cyan: (t) => chalk.cyan(t),
  };
}

let version: string | undefined;

/** The version in package.json. */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

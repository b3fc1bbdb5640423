import { Command, Option } from 'commander';
import { UsageError } from '../../model/errors.js';
import type { Io } from '../io.js';
import { addSharedOptions, type SharedOptions } from '../shared.js';

export interface DueFlags extends SharedOptions {
  within: string;
  format: 'table' | 'json' | 'ics';
  output?: string;
  partnership?: string;
}

/** The longest look ahead `--within` takes: two years. */
const MAX_DAYS = 731;

/** `govern due [path] --within <duration>`: what needs a person in the coming days, over the tree. */
export function dueCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('due')
    .description('what needs a person in the coming days, over the tree: review actions, risk reviews, waivers expiring, last notice days, meetings')
    .argument('[path]', 'a partnership folder, or a tree holding several', '.')
    .option('-w, --within <duration>', 'how far ahead to look: days (30d) or weeks (6w)', '30d')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'ics']).default('table'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--partnership <id>', 'only this partnership of a tree')
    .addHelpText(
      'after',
      `
Examples:
  $ govern due partners/ --within 30d              the next 30 days, over every partnership
  $ govern due . --format ics -o due.ics           the same as calendar events with reminders

Overdue actions, risk reviews and expired waivers are listed too; past meetings and notice days are not.`,
    );
  addSharedOptions(command);
  command.action(async (path: string, flags: DueFlags) => {
    const { runDue } = await import('../run/due.js');
    done(await runDue(io, path, flags));
  });
  return command;
}

/** `30d` → 30, `6w` → 42, `P30D` → 30; anything else is a usage error. */
export function parseWithin(value: string): number {
  const m = /^(\d+)\s*([dw])$/i.exec(value.trim()) ?? /^P(\d+)([DW])$/i.exec(value.trim());
  const days = m ? Number(m[1]) * (m[2]!.toLowerCase() === 'w' ? 7 : 1) : NaN;
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) {
    throw new UsageError(`--within takes days or weeks ahead, such as 30d or 6w (at most ${MAX_DAYS} days); got \`${value}\``);
  }
  return days;
}

import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addSharedOptions, type SharedOptions } from '../shared.js';

export interface SlaFlags extends SharedOptions {
  period?: string;
  format: 'table' | 'json' | 'md';
  partnership?: string;
  output?: string;
}

/** `govern sla [path]`: SLA compliance, availability and credits owed, from `measurements/`. */
export function slaCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('sla')
    .description('SLA compliance per service and priority, breaches, availability and credits owed, from measurements/')
    .argument('[path]', 'a partnership folder, or a tree holding several', '.')
    .option('-p, --period <period>', 'a month 2026-10, a quarter 2026-Q4 or a year 2026 (default: the latest with measurements)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'md']).default('table'))
    .option('--partnership <id>', 'report on one partnership of a tree')
    .option('-o, --output <file>', 'write the report to a file instead of stdout');
  addSharedOptions(command);
  command.action(async (path: string, flags: SlaFlags) => {
    const { runSla } = await import('../run/sla.js');
    done(await runSla(io, path, flags));
  });
  return command;
}

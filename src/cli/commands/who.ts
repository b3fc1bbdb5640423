import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addSharedOptions, type SharedOptions } from '../shared.js';

export interface WhoFlags extends SharedOptions {
  service?: string;
  priority?: string;
  at?: string;
  partnership?: string;
  format: 'table' | 'json';
}

/** `govern who [path] --service <id> --priority <p>`: the escalation ladder for an incident. */
export function whoCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('who')
    .description('the escalation ladder for an incident: who, how to reach them, whether they are covered, when each level is due')
    .argument('[path]', 'a partnership folder, or a tree holding several (then pick one with --partnership)', '.')
    .option('--service <id>', 'the service of the incident (a service id in slas.yaml)')
    .option('--priority <p>', 'the priority of the incident (P1, P2…)')
    .option('--at <instant>', 'when the incident opened: 2026-10-05T09:12:00+02:00, or without an offset in the partnership time zone (default: now)')
    .option('--partnership <id>', 'the partnership, when the path holds several')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'));
  addSharedOptions(command);
  command.action(async (path: string, flags: WhoFlags) => {
    const { runWho } = await import('../run/who.js');
    done(await runWho(io, path, flags));
  });
  return command;
}

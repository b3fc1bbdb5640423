import path from 'node:path';
import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addSharedOptions, collect, type SharedOptions } from '../shared.js';

export interface DiffFlags extends SharedOptions {
  format: string;
  failOn?: 'weakened' | 'any';
  output?: string;
  rule?: string[];
}

/** `govern diff [base] [head] [path]`: what a change does to the partnership between two git revisions. */
export function diffCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('diff')
    .description('what a change does to the partnership between two git revisions: obligations tightened or weakened, people added or removed, problems introduced')
    .argument('[base]', 'the revision before the change (default: where HEAD left origin/HEAD, main or master)')
    .argument('[head]', 'the revision after the change, or `working-tree` for the files on disk (the default)')
    .argument('[path]', 'a partnership folder or a tree holding several (default: .)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'md', 'json']).default('table'))
    .addOption(new Option('--fail-on <impact>', 'exit 1 when a weakened change (or any change or new finding) is found').choices(['weakened', 'any']))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--rule <id=severity>', 'set a rule to off, warning or error when looking for new findings (repeatable)', collect, []);
  addSharedOptions(command);
  command.addHelpText(
    'after',
    `
With fewer than three arguments, a last argument that names a folder on disk and no revision is the path:
  govern diff                          merge-base with the default branch → working tree, in .
  govern diff main                     main → working tree
  govern diff origin/main HEAD partners
  govern diff main partners/acme-northwind`,
  );
  command.action(async (base: string | undefined, head: string | undefined, target: string | undefined, flags: DiffFlags) => {
    const { runDiffCommand } = await import('../run/diff.js');
    done(
      await runDiffCommand(
        io,
        [base, head, target].filter((a): a is string => a !== undefined),
        flags,
      ),
    );
  });
  return command;
}

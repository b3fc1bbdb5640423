import { Argument, Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addSharedOptions, type SharedOptions } from '../shared.js';

export interface ImportFlags extends SharedOptions {
  map?: string;
  preset?: string;
  delimiter?: string;
  dryRun?: boolean;
  format: 'text' | 'json';
  partnership?: string;
}

/** `govern import <incidents|downtime|clock-stops> <export> [path]`: an ITSM or monitoring export into measurements/. */
export function importCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('import')
    .description(
      "read a CSV or JSON export of incidents, downtime or clock stops into measurements/<month>.yaml through govern.import.yaml; all or nothing, keeping the files' comments and layout",
    )
    .addArgument(new Argument('<kind>', 'what the export holds').choices(['incidents', 'downtime', 'clock-stops']))
    .argument('<export>', 'the export file, .csv or .json')
    .argument('[path]', 'the partnership folder, or a tree holding several (pick one with --partnership)', '.')
    .option('--map <file>', 'the mapping file (default: govern.import.yaml beside partnership.yaml, or at the root of the tree)')
    .addOption(new Option('--preset <preset>', "the export's usual columns and time format, over the mapping's own preset").choices(['servicenow', 'jira', 'none']))
    .option('--delimiter <char>', 'the CSV field separator (default: `,` or `;`, found from the header line)')
    .option('-n, --dry-run', 'print what would be added, updated and left unchanged per file; write nothing')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--partnership <id>', 'which partnership, when the path holds several');
  addSharedOptions(command);
  command.action(async (kind: string, exportFile: string, path: string, flags: ImportFlags) => {
    const { runImport } = await import('../run/import.js');
    done(await runImport(io, kind as never, exportFile, path, flags));
  });
  return command;
}

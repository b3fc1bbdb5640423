import { Command, Option } from 'commander';
import { OUTPUT_FORMATS, type OutputFormat } from '../../model/output-formats.js';
import type { Io } from '../io.js';
import { addSharedOptions, collect, type SharedOptions } from '../shared.js';

export interface CheckFlags extends SharedOptions {
  format: OutputFormat;
  output?: string;
  maxWarnings?: string;
  strict?: boolean;
  rule?: string[];
  baseline?: string;
  writeBaseline?: string;
}

/** `govern check [paths...]`: schema and cross-file rules over every partnership found. */
export function checkCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('check')
    .description('validate every partnership under the given paths: schemas and cross-file rules')
    .argument('[paths...]', 'partnership folders, trees holding several, or files inside one (default: the current folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--max-warnings <n>', 'fail when there are more than n warnings')
    .option('--strict', 'warnings fail the run too')
    .option('--rule <id=severity>', 'set a rule to off, warning or error (repeatable)', collect)
    .option('--baseline <file>', 'findings in this baseline are known: reported, marked, and only new ones fail')
    .option('--write-baseline <file>', 'write the current findings to this baseline file (sorted, stable), then report them as known')
    .addHelpText(
      'after',
      `
Examples:
  $ govern check                                  check the partnership(s) under the current folder
  $ govern check partners/ --format github        annotations for a GitHub Actions job
  $ govern check . --format sarif -o govern.sarif for code scanning
  $ govern check . --max-warnings 0               fail on warnings too
  $ govern check . --rule risks/stale-review=off  switch a rule off for this run
  $ govern check . --write-baseline .govern-baseline.json   accept today's findings as known
  $ govern check . --baseline .govern-baseline.json         fail only on new findings

Exit codes: 0 nothing failing, 1 findings that fail, 2 usage or config error.`,
    );
  addSharedOptions(command);
  command.action(async (paths: string[] | undefined, flags: CheckFlags) => {
    const { runCheckCommand } = await import('../run/check.js');
    done(await runCheckCommand(io, paths ?? [], flags));
  });
  return command;
}

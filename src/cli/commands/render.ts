import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addSharedOptions, type SharedOptions } from '../shared.js';

export interface RenderFlags extends SharedOptions {
  format: 'md' | 'html' | 'json';
  period?: string;
  packs?: string;
  data?: string;
  out?: string;
  output?: string;
  force?: boolean;
  partnership?: string;
  allowInvalid?: boolean;
  list?: boolean;
  check?: boolean;
}

/** `govern render <template> [path]`: a review pack, a contract summary, or a user template. */
export function renderCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('render')
    .description('render a document from a partnership: review-pack (needs --period), contract-summary, portfolio (a tree, needs --period), or a template of your own')
    .argument('[template]', 'review-pack, contract-summary, portfolio, or a name in your templates folder (see --list)')
    .argument('[path]', 'a partnership folder, or a tree holding several', '.')
    .addOption(new Option('-f, --format <format>', 'document format').choices(['md', 'html', 'json']).default('md'))
    .option('-p, --period <period>', 'the period a review pack covers: a month 2026-10, a quarter 2026-Q3 or a year 2026')
    .option('-o, --out <file>', 'write the document to a file (atomically) instead of stdout')
    .addOption(new Option('--output <file>', 'the same as --out').hideHelp())
    .option('--force', 'replace the --out file if it exists')
    .option('--partnership <id>', 'the partnership to render when the path holds several')
    .option('--allow-invalid', 'render even when the files have check errors (the document says so)')
    .option('--list', 'list the templates available and where each comes from')
    .option('--packs <dir>', "portfolio: also render every partnership's review pack into this folder, linked from its row (written with --out, all or none)")
    .addOption(new Option('--data <format>', 'print the data the template is given (its view-model) instead of the document').choices(['json']))
    .option('--check', 'with --out: write nothing; exit 0 when the file holds exactly what would be rendered, 1 when it is stale (naming the sections that differ)');
  addSharedOptions(command);
  command.action(async (template: string | undefined, path: string, flags: RenderFlags) => {
    const { runRender } = await import('../run/render.js');
    done(await runRender(io, template, path, flags));
  });
  return command;
}

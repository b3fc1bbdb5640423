import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { UsageError } from '../../model/errors.js';
import type { LoadedSide } from '../../io/git.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { addSharedOptions, collect, makeColors, resolveToday, wantsColor, type SharedOptions } from '../shared.js';

interface DiffFlags extends SharedOptions {
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
    done(await runDiffCommand(io, [base, head, target].filter((a): a is string => a !== undefined), flags));
  });
  return command;
}

async function runDiffCommand(io: Io, args: string[], flags: DiffFlags): Promise<number> {
  const git = await import('../../io/git.js');
  const today = resolveToday(flags, io);
  let input = '.';
  if (args.length === 3) {
    input = args.pop()!;
  } else if (args.length > 0) {
    const last = args.at(-1)!;
    if (last !== git.WORKING_TREE && existsSync(path.resolve(io.cwd, last)) && !git.isRevision(io.cwd, last)) input = args.pop()!;
  }
  const target = git.locateTarget(input, io.cwd);
  const base = args[0] !== undefined ? git.resolveSide(target.root, args[0]) : git.defaultBase(target.root);
  const head = args[1] !== undefined ? git.resolveSide(target.root, args[1]) : { id: git.WORKING_TREE, label: git.WORKING_TREE };
  const load = (side: { id: string }): LoadedSide => (side.id === git.WORKING_TREE ? git.loadWorkingTree(target) : git.loadWorkspaceAtRevision(target, side.id));
  const baseTree = load(base);
  const headTree = load(head);
  // As check refuses it: the change would hide that partnership from every check after it (a base that had it is no reason to refuse).
  if (headTree.partnershipInTemplates !== undefined && headTree.config) {
    const { templatesHoldPartnership } = await import('../../load/templates-folder.js');
    throw templatesHoldPartnership(headTree.config.path, headTree.partnershipInTemplates);
  }
  if (baseTree.partnerships.length === 0 && headTree.partnerships.length === 0) {
    throw new UsageError(`no partnership found in ${input} at ${base.label} or at ${head.label}: a partnership folder holds a partnership.yaml`);
  }

  const [{ resolveConfig }, { diffWorkspaces }, { diffFormatters }] = await Promise.all([
    import('../../config/resolve-config.js'),
    import('../../diff/compare.js'),
    import('../../diff/format.js'),
  ]);
  const headConfig = resolveConfig(headTree.config, flags.rule ?? []);
  let baseSeverities = headConfig.severities;
  try {
    baseSeverities = resolveConfig(baseTree.config, flags.rule ?? []).severities;
  } catch {
    // A config that was broken before the change and is fixed by it is no reason to refuse the comparison.
  }
  const now = io.now();
  const report = diffWorkspaces(
    baseTree,
    headTree,
    { base: base.id, head: head.id },
    {
      base: { severities: baseSeverities, now, ...(today ? { today } : {}) },
      head: { severities: headConfig.severities, now, ...(today ? { today } : {}) },
    },
  );

  const colorOn = flags.output === undefined && flags.format === 'table' && wantsColor(flags, io);
  const columns = Number(io.env.COLUMNS);
  const formatted = diffFormatters[flags.format]!({
    report,
    baseLabel: base.label,
    headLabel: head.label,
    colors: await makeColors(colorOn, io),
    quiet: flags.quiet === true,
    ...(Number.isInteger(columns) && columns > 40 ? { width: columns } : {}),
  });
  const { safeOutput } = await import('../../model/safe-text.js');
  const text = flags.format === 'json' ? formatted : safeOutput(formatted, colorOn);
  if (flags.output !== undefined) {
    const { writeFileAtomic } = await import('../../io/write-file.js');
    writeFileAtomic(path.resolve(io.cwd, flags.output), text, { overwrite: true });
  } else {
    io.stdout.write(text);
  }

  if (flags.failOn === 'weakened' && report.changes.some((c) => c.impact === 'weakened')) return ExitCode.Findings;
  if (flags.failOn === 'any' && (report.changes.length > 0 || report.newFindings.length > 0)) return ExitCode.Findings;
  return ExitCode.Ok;
}

import { Command, Option } from 'commander';
import type { AbsentFinding } from '../../baseline/baseline.js';
import type { CheckEachResult } from '../../check/check-each.js';
import { UsageError } from '../../model/errors.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { addSharedOptions, collect, makeColors, packageVersion, resolveToday, wantsColor, type SharedOptions } from '../shared.js';

interface CheckFlags extends SharedOptions {
  format: string;
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
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif', 'junit', 'github']).default('stylish'))
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
    done(await runCheckCommand(io, paths ?? [], flags));
  });
  return command;
}

async function runCheckCommand(io: Io, paths: string[], flags: CheckFlags): Promise<number> {
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  const today = resolveToday(flags, io);
  const [{ loadPlannedPartnership, planWorkspaceOnDisk }, { resolveConfig }, { checkPartnership, mergeChecks }, { allRules }, { formatters }, threads] = await Promise.all([
    import('../../io/load-workspace.js'),
    import('../../config/resolve-config.js'),
    import('../../check/check-each.js'),
    import('../../rules/index.js'),
    import('../../formatters/index.js'),
    import('../check-threads.js'),
  ]);
  const { templatesFolder } = await import('../../config/templates-folder.js');
  const plan = planWorkspaceOnDisk(paths, io.cwd, { templatesDir: templatesFolder });
  const config = resolveConfig(plan.config, flags.rule ?? []);
  const options = { severities: config.severities, now: io.now(), ...(today ? { today } : {}) };
  // One partnership at a time (a large portfolio never sits in memory whole),
  // spread over worker threads when there are enough files to pay for them.
  const checkHere = (planned: (typeof plan.partnerships)[number]) => checkPartnership(loadPlannedPartnership(planned, io.cwd), options);
  const workers = threads.workerCount(plan.partnerships.reduce((n, p) => n + p.files.length, 0), io);
  const merged = mergeChecks(workers > 0 ? await threads.checkOnThreads(plan.partnerships, io.cwd, options, workers, checkHere) : plan.partnerships.map(checkHere));
  const { result, absent } = await withBaseline(io, merged, flags);
  const colorOn = flags.output === undefined && flags.format === 'stylish' && wantsColor(flags, io);
  const formatter = formatters[flags.format]!;
  const report = formatter({
    diagnostics: result.diagnostics,
    summary: result.summary,
    files: result.files,
    sources: result.sources,
    rules: allRules,
    version: packageVersion(),
    colors: await makeColors(colorOn, io),
    quiet: flags.quiet === true,
    ...(absent ? { absent } : {}),
  });
  if (flags.output !== undefined) {
    const { writeFileAtomic } = await import('../../io/write-file.js');
    const { resolve } = await import('node:path');
    writeFileAtomic(resolve(io.cwd, flags.output), report, { overwrite: true });
  } else {
    io.stdout.write(report);
  }
  if (result.summary.fixed && (flags.format !== 'stylish' || flags.output !== undefined)) {
    const { fixedNote } = await import('../../formatters/marks.js');
    io.stderr.write(`govern: ${fixedNote(result.summary.fixed)}\n`);
  }
  const { errors, warnings } = result.summary;
  if (errors > 0) return ExitCode.Findings;
  if (flags.strict && warnings > 0) return ExitCode.Findings;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`govern: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return ExitCode.Findings;
  }
  return ExitCode.Ok;
}

/**
 * `--write-baseline` writes the findings to the baseline (unless it already
 * holds exactly them) and `--baseline` reads one; either way the findings are
 * then marked known or new against it, and the summary counts only new ones.
 * Paths in the baseline are relative to its own folder, so it matches from
 * whatever folder govern runs in.
 */
async function withBaseline(io: Io, result: CheckEachResult, flags: CheckFlags): Promise<{ result: CheckEachResult; absent?: AbsentFinding[] }> {
  const target = flags.writeBaseline ?? flags.baseline;
  if (target === undefined) return { result };
  if (flags.writeBaseline !== undefined && flags.baseline !== undefined && flags.writeBaseline !== flags.baseline) {
    throw new UsageError('--baseline and --write-baseline name different files: write the baseline you check against, or pass only one of them');
  }
  const [{ readFileSync, existsSync, statSync }, path, baseline] = await Promise.all([import('node:fs'), import('node:path'), import('../../baseline/baseline.js')]);
  const file = path.resolve(io.cwd, target);
  const dir = path.dirname(file);
  const fileKey = (f: string): string => path.relative(dir, path.resolve(io.cwd, f)).split(path.sep).join('/');
  const fileOf = (key: string): string => path.relative(io.cwd, path.resolve(dir, key)).split(path.sep).join('/');
  const exists = existsSync(file);
  if (exists && statSync(file).isDirectory()) throw new UsageError(`${target} is a folder; name the baseline file, such as ${path.join(target, '.govern-baseline.json')}`);
  const current = exists ? readFileSync(file, 'utf8') : undefined;
  let text: string;
  if (flags.writeBaseline !== undefined) {
    // Refuse to replace a file that is not a baseline (a mistyped partnership.yaml, say): that one the user wrote.
    if (current !== undefined) baseline.parseBaseline(current, target);
    text = baseline.writeBaseline(result.diagnostics, fileKey);
    const count = baseline.parseBaseline(text, target).reduce((n, e) => n + e.count, 0);
    if (current === text) {
      io.stderr.write(`govern: ${target} already holds these ${count} findings; unchanged\n`);
    } else {
      const { writeFileAtomic } = await import('../../io/write-file.js');
      writeFileAtomic(file, text, { overwrite: true });
      io.stderr.write(`govern: wrote ${count} ${count === 1 ? 'finding' : 'findings'} to ${target}\n`);
    }
  } else {
    if (current === undefined) throw new UsageError(`no baseline at ${target}: write one with --write-baseline ${target}`);
    text = current;
  }
  const compared = baseline.compareWithBaseline(result.diagnostics, baseline.parseBaseline(text, target), fileKey, fileOf);
  const counts = baseline.activeCounts(compared.diagnostics);
  return {
    result: { ...result, diagnostics: compared.diagnostics, summary: { ...result.summary, ...counts, known: compared.known, fixed: compared.absent.length } },
    absent: compared.absent,
  };
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of warnings, such as 0; got \`${value}\``);
  return Number(value);
}
